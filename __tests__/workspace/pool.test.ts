import { poolPays } from '../../src/workspace/pool';

/*
 * Issue 17, the pool lever: workers start when the work pays for their start-up — many files, or much text (a few
 * hundred large files), measured on generated trees (see the comment on the thresholds in src/workspace/pool.ts).
 */
describe('the default pool starts when the work pays', () => {
  it.each([
    [{ files: 346, characters: 700_000 }, false], // the generated 10k TypeScript tree
    [{ files: 1678, characters: 1_900_000 }, false], // 1,678 small Python files
    [{ files: 1678, characters: 20_000_000 }, true], // the same files, 15 KB each
    [{ files: 300, characters: 5_000_000 }, true], // a few hundred large files
    [{ files: 311, characters: 3_600_000 }, true], // Django's importers of four modules
    [{ files: 2000, characters: 1_000_000 }, true], // many small files
  ])('%j -> %s', (queued, expected) => {
    expect(poolPays(queued)).toBe(expected);
  });
});

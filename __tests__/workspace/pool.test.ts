import { pythonAdapter } from '../../src/languages/python';
import { typescriptAdapter } from '../../src/languages/typescript';
import { createChunkRunner, poolPays } from '../../src/workspace/pool';

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

describe('a language whose workers start light pays sooner for large files', () => {
  it.each([
    [{ files: 67, characters: 2_150_000 }, true, false], // SQLAlchemy's 67 candidates
    [{ files: 346, characters: 2_150_000 }, false, false], // 346 files of 6 K (TypeScript: a pool was 6 % slower there)
    [{ files: 1333, characters: 1_900_000 }, false, false], // the generated 40k Python tree
    [{ files: 67, characters: 1_000_000 }, false, false], // pip's candidates
  ])('%j -> python %s, typescript %s', (queued, python, typescript) => {
    expect(poolPays(queued, pythonAdapter.poolThresholds)).toBe(python);
    expect(poolPays(queued, typescriptAdapter.poolThresholds)).toBe(typescript);
  });
});

/*
 * While the scan waits for the read-ahead worker, this thread plans the chunks found so far (`planQueued`): each chunk
 * is planned once, and `finish` returns the outputs (and reports progress) in push order whatever was planned early.
 */
describe('planning chunks while the scan goes on', () => {
  const recordingTask = () => {
    const planned: number[] = [];
    const task = {
      module: 'unused.js',
      init: undefined,
      inBand: async (chunk: { files: number[] }) => {
        planned.push(chunk.files[0]!);
        return `out ${chunk.files[0]}`;
      },
    };
    return { task, planned };
  };

  it.each(['in-band', 'when-it-pays'] as const)('%s: early chunks keep their place', async (mode) => {
    const { task, planned } = recordingTask();
    const runner = createChunkRunner(task, 2, mode, () => ({ files: 1000, characters: 1e9 }));
    runner.push({ files: [1] });
    runner.push({ files: [2] });
    expect(await runner.planQueued()).toBe(true);
    runner.push({ files: [3] });
    expect(await runner.planQueued()).toBe(true);
    expect(await runner.planQueued()).toBe(true);
    expect(await runner.planQueued()).toBe(false);
    runner.push({ files: [4] });
    const done: number[] = [];
    expect(await runner.finish((chunk) => done.push(chunk.files[0]!))).toEqual(['out 1', 'out 2', 'out 3', 'out 4']);
    expect(planned).toEqual([1, 2, 3, 4]);
    expect(done).toEqual([1, 2, 3, 4]);
    // the next map starts afresh
    runner.push({ files: [5] });
    expect(await runner.finish()).toEqual(['out 5']);
    await runner.close();
  });
});

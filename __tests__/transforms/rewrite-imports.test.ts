import { join } from 'node:path';
import { plan } from '../../src';
import { findingsOf, fixturePairs, fixturesRoot, updatingFixtures, writeOptions } from '../support/fixtures';
import { pythonCompileErrors } from '../support/python-compile';
import { makeTempRepo } from '../support/tempRepo';

/**
 * Fixture pairs `<case>.input.<ext>` / `<case>.output.<ext>` run through the whole pipeline inside a copy of
 * `_repo.<language>/` (its `map.yaml` is the map). `<case>.options.json` may give `path` (where the file sits)
 * and `needsReview` / `notes` (exactly what the case reports, `<line>: <text>`). Every output is run again and must
 * come back unchanged.
 */
const fixtures = join(fixturesRoot, 'rewrite-imports');
const cases = fixturePairs('rewrite-imports');

const languageOf = (ext: string): string => (ext === 'py' ? 'python' : 'typescript');
const defaultPath = (ext: string): string => (ext === 'py' ? 'app/consumer.py' : `src/consumer.${ext}`);

async function rewrite(language: string, path: string, text: string | undefined) {
  const repo = makeTempRepo(join(fixtures, `_repo.${language}`));
  try {
    if (text !== undefined) repo.write(path, text);
    const result = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')] });
    const change = result.changes.find((c) => c.path === path);
    return { text: change ? change.after! : text, result, others: result.changes.filter((c) => c.path !== path).map((c) => c.path) };
  } finally {
    repo.dispose();
  }
}

/** What the support repository changes on its own (its barrels may import old modules): the same in every case. */
const baselines = new Map<string, Promise<string[]>>();
const baselineOf = (language: string): Promise<string[]> => {
  if (!baselines.has(language)) baselines.set(language, rewrite(language, '', undefined).then((r) => r.others));
  return baselines.get(language)!;
};

describe('rewrite-imports fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));

  it('writes Python that compiles wherever its input did (syntax newer than this Python aside)', () => {
    const written = cases.filter((pair) => pair.ext === 'py' && pair.output !== pair.input);
    const inputErrors = pythonCompileErrors(written.map((pair) => join(fixtures, `${pair.name}.input.py`)));
    const compiled = written.filter((pair) => !inputErrors.some((error) => error.startsWith(`${join(fixtures, pair.name)}.input.py:`)));
    expect(compiled.length).toBeGreaterThan(0);
    expect(pythonCompileErrors(compiled.map((pair) => join(fixtures, `${pair.name}.output.py`)))).toEqual([]);
  });

  for (const pair of cases) {
    const { name, ext, input, output, options } = pair;
    const language = languageOf(ext);
    const path = options.path ?? defaultPath(ext);

    describe(`${language}: ${name}`, () => {
      it('rewrites the input into the output', async () => {
        const { text, result, others } = await rewrite(language, path, input);
        expect(result.failures).toEqual([]);
        expect(others).toEqual(await baselineOf(language));
        expect(text).toBe(output);
        const found = { needsReview: findingsOf(result.needsReview, path), notes: findingsOf(result.notes, path) };
        if (updatingFixtures) writeOptions(pair, { path: options.path, ...found });
        expect(found).toEqual({ needsReview: options.needsReview ?? [], notes: options.notes ?? [] });
      });

      it('leaves its own output unchanged (idempotent)', async () => {
        const { text } = await rewrite(language, path, output);
        expect(text).toBe(output);
      });
    });
  }
});

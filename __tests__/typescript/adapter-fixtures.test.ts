import * as fs from 'node:fs';
import * as path from 'node:path';
import { typescriptAdapter } from '../../src/languages/typescript';
import { applyEdits, copyToTemp, discoverCases, loadMap, SUPPORT_REPO, workspaceOf } from './support';

/** Runs the adapter over one file of a copy of the support repository; returns the rewritten text. */
async function rewrite(repo: string, file: string, text: string): Promise<{ text: string; edits: number }> {
  fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  fs.writeFileSync(path.join(repo, file), text);
  const prepared = await typescriptAdapter.prepare(loadMap(path.join(repo, 'map.yaml')), workspaceOf(repo));
  const result = await typescriptAdapter.planRewrite({ path: file, text }, prepared);
  if (result.kind === 'failed') throw new Error(`${result.file}:${result.line}:${result.column}: ${result.error}`);
  // the prefilter never drops a file the rewrite would edit or list for review
  if (result.kind === 'changed' || result.needsReview.length) expect(prepared.mayNeedEdit!(file, text)).toBe(true);
  return result.kind === 'changed' ? { text: applyEdits(text, result.edits), edits: result.edits.length } : { text, edits: 0 };
}

describe('rewrite-imports fixtures (TypeScript adapter)', () => {
  const cases = discoverCases();
  let repo: string;
  beforeEach(() => {
    repo = copyToTemp(SUPPORT_REPO);
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));

  for (const fixture of cases) {
    it(`${fixture.name}.${fixture.ext}`, async () => {
      const first = await rewrite(repo, fixture.path, fixture.input);
      expect(first.text).toBe(fixture.output);
      // idempotency: the output is left as it is
      const second = await rewrite(repo, fixture.path, fixture.output);
      expect(second.edits).toBe(0);
    });
  }
});

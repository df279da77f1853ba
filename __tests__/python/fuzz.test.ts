import * as path from 'node:path';
import fc from 'fast-check';
import { program, programPath, render } from '../support/python-programs';
import { applyEdits, readImportMap } from '../../src';
import { pythonAdapter } from '../../src/languages/python';
import { firstSyntaxError, parsePython } from '../../src/languages/python/syntax';
import { workspaceOf } from '../typescript/support';

/**
 * Property test (issue 15) for Python: import statements in the forms the fixtures cover — from-imports with aliases,
 * parenthesised and backslash-continued lists, `import a.b` with `a.b.X` uses, `import a.b as m`, relative imports,
 * imports nested in a function or under `if TYPE_CHECKING:` — over the support repository's map, with CRLF and a BOM.
 * The rewrite never fails, its output parses, and a second rewrite changes nothing.
 */
const repo = path.join(__dirname, '..', '..', '__testfixtures__', 'rewrite-imports', '_repo.python');
describe('rewrite-imports on generated Python (fast-check)', () => {
  it('never fails, parses after, and is idempotent', async () => {
    const prepared = await pythonAdapter.prepare(readImportMap(path.join(repo, 'map.yaml')), workspaceOf(repo));
    let changed = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(program, async (p) => {
        const text = render(p);
        const file = programPath();
        const before = await parsePython(text);
        const valid = !firstSyntaxError(before);
        before.delete();
        if (!valid) return; // the generator's own slip: not the property's business
        const first = await pythonAdapter.planRewrite({ path: file, text }, prepared);
        if (first.kind === 'failed') throw new Error(`failed: ${first.error}\n${text}`);
        const after = first.kind === 'changed' ? applyEdits(text, first.edits) : text;
        runs++;
        if (after !== text) changed++;
        const tree = await parsePython(after);
        const broken = firstSyntaxError(tree);
        tree.delete();
        if (broken) throw new Error(`does not parse (line ${broken.line}):\n${after}`);
        const second = await pythonAdapter.planRewrite({ path: file, text: after }, prepared);
        if (second.kind === 'changed') throw new Error(`not idempotent:\n${after}\n---\n${applyEdits(after, second.edits)}`);
      }),
      { numRuns: 300, seed: 20261206 },
    );
    expect(runs).toBeGreaterThan(250);
    expect(changed / runs).toBeGreaterThan(0.6);
  });
});

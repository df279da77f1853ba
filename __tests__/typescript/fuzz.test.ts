import * as path from 'node:path';
import fc from 'fast-check';
import { program, render } from '../support/typescript-programs';
import { applyEdits } from '../../src';
import { typescriptAdapter } from '../../src/languages/typescript';
import type { TypeScriptPreparedMap } from '../../src/languages/typescript/prepared-map';
import { firstSyntaxError, parseSource } from '../../src/languages/typescript/syntax';
import { loadMap, SUPPORT_REPO, workspaceOf } from './support';

/**
 * Property tests (issue 15): import statements in the forms the fixtures cover, generated over the support
 * repository's map (whole-module moves with and without renames, a name-level move, a default made named, a bare
 * specifier), with aliases, `type` modifiers, namespaces, re-exports, require and import(), quotes, trailing commas,
 * line breaks, CRLF and a BOM. Whatever is generated: the rewrite never fails, its output parses, binds no local name
 * twice, and a second rewrite of the output changes nothing.
 */
/** Local names bound by import declarations, counted: a name bound twice is a duplicate identifier. */
function duplicateBindings(text: string): string[] {
  const sourceFile = parseSource('src/consumer.ts', text);
  const seen = new Map<string, number>();
  for (const statement of sourceFile.statements) {
    const clause = (statement as { importClause?: { name?: { text: string }; namedBindings?: { name?: { text: string }; elements?: ReadonlyArray<{ name: { text: string } }> } } }).importClause;
    if (!clause) continue;
    const names = [clause.name?.text, clause.namedBindings?.name?.text, ...(clause.namedBindings?.elements ?? []).map((e) => e.name.text)].filter((n): n is string => !!n);
    for (const name of names) seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([name]) => name);
}

describe('rewrite-imports on generated TypeScript (fast-check)', () => {
  let prepared: TypeScriptPreparedMap;
  beforeAll(async () => {
    prepared = await typescriptAdapter.prepare(loadMap(path.join(SUPPORT_REPO, 'map.yaml')), workspaceOf(SUPPORT_REPO));
  });

  it('never fails, parses after, binds no name twice, and is idempotent', async () => {
    let changed = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(program, async (p) => {
        const text = render(p);
        const first = await typescriptAdapter.planRewrite({ path: 'src/consumer.ts', text }, prepared);
        if (first.kind === 'failed') throw new Error(`failed: ${first.error}\n${text}`);
        const after = first.kind === 'changed' ? applyEdits(text, first.edits) : text;
        runs++;
        if (after !== text) changed++;
        const broken = firstSyntaxError(parseSource('src/consumer.ts', after));
        if (broken) throw new Error(`does not parse (${broken.message}):\n${after}`);
        const twice = duplicateBindings(after).filter((name) => !duplicateBindings(text).includes(name));
        if (twice.length) throw new Error(`binds ${twice.join(', ')} twice:\n${after}`);
        const second = await typescriptAdapter.planRewrite({ path: 'src/consumer.ts', text: after }, prepared);
        if (second.kind === 'changed') throw new Error(`not idempotent:\n${after}\n---\n${applyEdits(after, second.edits)}`);
      }),
      { numRuns: 400, seed: 20261206 },
    );
    // the property is about rewrites: most generated programs import an old module that moves
    expect(changed / runs).toBeGreaterThan(0.6);
  });
});

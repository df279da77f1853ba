import * as fs from 'node:fs';
import * as path from 'node:path';
import { apply, plan } from '../../src';
import { typescriptAdapter } from '../../src/languages/typescript';
import { barrelRules } from '../../src/languages/typescript/barrels';
import { prepareTypeScriptMap } from '../../src/languages/typescript/prepare';
import rewriteImports from '../../transforms/rewrite-imports';
import { diskWorkspace } from '../../transforms/support';
import { typeCheck } from './compiler';
import { applyEdits, copyToTemp, FIXTURES, loadMap, workspaceOf } from './support';

/**
 * `barrels: keep | follow` for TypeScript, on the ghostfolio-shaped fixtures `__testfixtures__/rewrite-imports/ts-barrels-*`
 * (their input -> output and idempotency are checked by __tests__/transforms/multi-file.test.ts).
 */
const CASES = ['ts-barrels-follow', 'ts-barrels-keep', 'ts-barrels-follow-edges', 'ts-barrels-keep-edges', 'ts-barrels-follow-moved-barrel'];
const input = (name: string): string => path.join(FIXTURES, name, 'input');

/** Plans and applies the case's map over a temporary copy of its input; returns the copy's folder. */
async function rewritten(name: string): Promise<string> {
  const dir = copyToTemp(input(name), 'remodel-barrels-');
  const computed = await plan({ cwd: dir, maps: [path.join(dir, 'map.yaml')], jobs: 1 });
  expect(computed.failures).toEqual([]);
  expect(computed.needsReview).toEqual([]);
  apply(computed);
  return dir;
}

function derivedFor(dir: string, workspace = workspaceOf(dir)): string[] {
  const prepared = prepareTypeScriptMap(loadMap(path.join(dir, 'map.yaml')), workspace);
  return barrelRules(prepared).map((entry) => {
    expect(entry.to).toBe(entry.from);
    expect(entry.barrels).toBe('follow');
    return `${entry.from} [${entry.names!.join(', ')}] ${JSON.stringify(entry.rename)}`;
  });
}

describe('barrels: follow derives one entry per barrel that re-exports a renamed name', () => {
  it('ghostfolio-shaped: the interfaces barrel, star barrels, barrels of barrels (via alias and relative), not the aliased re-export', () => {
    expect(derivedFor(input('ts-barrels-follow')).sort()).toEqual(
      [
        'apps/api/src/app/export/export.module', // export type { Export } from '@ghostfolio/common/interfaces'
        'libs/common/src/index', // export * from './lib/public-api' (a barrel of a barrel of a barrel)
        'libs/common/src/lib/exports', // export * from the old module
        'libs/common/src/lib/interfaces/index', // import type { Export } ...; export { Export, ... }
        'libs/common/src/lib/public-api', // export { Export, PortfolioSummary } from './interfaces' (not `Export as LegacyExport`)
        'libs/common/src/lib/responses', // export { Export } from the old module next to export { ExportResponse }
      ].map((id) => `${id} [Export] {"Export":"ExportResponse"}`),
    );
  });

  it('edge cases: no entry for an aliased re-export (even `Booking as Booking`), a barrel whose new name is something else, or a barrel the map moves itself', () => {
    expect(derivedFor(input('ts-barrels-follow-edges')).sort()).toEqual([
      'src/both [Booking] {"Booking":"BookingEntity"}',
      // the canonical barrel keeps the id the map names it by (`to: src/models`), so chains through it meet this entry
      'src/models [Booking] {"Booking":"BookingEntity"}',
      // the new name is a parameter there: the import is aliased, the re-export becomes `Booking as BookingEntity`
      'src/shadowed [Booking] {"Booking":"BookingEntity"}',
      'src/two-routes [Booking] {"Booking":"BookingEntity"}',
    ]);
  });

  it('a barrel that is itself the old module: no entry for it (its importers follow the map), one for each barrel of it', () => {
    expect(derivedFor(input('ts-barrels-follow-moved-barrel')).sort()).toEqual(
      ['apps/api/src/app/export/export.module', 'libs/common/src/index', 'libs/common/src/lib/public-api'].map((id) => `${id} [Export] {"Export":"ExportResponse"}`),
    );
  });

  it('barrels: keep (the default) derives nothing', () => {
    expect(derivedFor(input('ts-barrels-keep'))).toEqual([]);
    expect(derivedFor(input('ts-barrels-keep-edges'))).toEqual([]);
  });

  it('finds the barrels when the workspace lists no files (jscodeshift), by discovering the repository', () => {
    const dir = input('ts-barrels-follow');
    expect(derivedFor(dir, diskWorkspace(dir)).sort()).toEqual(derivedFor(dir).sort());
  });

  it('under jscodeshift, a barrel and an importer of a barrel of a barrel come out as `remodel plan` writes them', async () => {
    const dir = input('ts-barrels-follow');
    const options = { importMap: path.join(dir, 'map.yaml'), cwd: dir };
    for (const file of ['libs/common/src/lib/interfaces/index.ts', 'apps/api/src/app/app.ts']) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const output = fs.readFileSync(path.join(FIXTURES, 'ts-barrels-follow', 'output', file), 'utf8');
      expect(await rewriteImports({ path: path.join(dir, file), source }, {}, options)).toBe(output);
    }
  });

  it('the prepared map carries the derived entries: importers of a barrel are old-module importers', async () => {
    const dir = input('ts-barrels-follow');
    const prepared = await typescriptAdapter.prepare(loadMap(path.join(dir, 'map.yaml')), workspaceOf(dir));
    const file = 'apps/api/src/app/export/export.service.ts';
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const result = await typescriptAdapter.planRewrite({ path: file, text }, prepared);
    expect(result.kind).toBe('changed');
    const after = result.kind === 'changed' ? applyEdits(text, result.edits) : text;
    expect(after).toContain("import { ExportResponse } from '@ghostfolio/common/interfaces';");
    expect(after).toContain('public async export(): Promise<ExportResponse> {');
    // the local type parameter that shadows the import is not renamed
    expect(after).toContain('export function identity<Export>(value: Export): Export {');
  });
});

describe('ts-barrels-* fixtures type-check before and after', () => {
  for (const name of CASES) {
    it(`${name}: zero diagnostics before and after remodel`, async () => {
      expect(typeCheck(input(name))).toEqual([]);
      const dir = await rewritten(name);
      try {
        expect(typeCheck(dir)).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('the check can fail: follow barrels whose importers did not follow do not type-check', async () => {
    const dir = await rewritten('ts-barrels-follow');
    try {
      for (const file of ['apps/api/src/app/export/export.service.ts', 'libs/common/src/lib/helper.ts']) {
        fs.copyFileSync(path.join(input('ts-barrels-follow'), file), path.join(dir, file));
      }
      const diagnostics = typeCheck(dir);
      expect(diagnostics.some((d) => d.startsWith(path.join('apps', 'api', 'src', 'app', 'export', 'export.service.ts')) && d.includes("'Export'"))).toBe(true);
      expect(diagnostics.some((d) => d.startsWith(path.join('libs', 'common', 'src', 'lib', 'helper.ts')) && d.includes("'Export'"))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the check can fail: keep barrels that dropped the old public name do not type-check', async () => {
    const dir = await rewritten('ts-barrels-keep');
    try {
      const barrel = path.join(dir, 'libs/common/src/lib/interfaces/index.ts');
      fs.writeFileSync(barrel, fs.readFileSync(barrel, 'utf8').replace('ExportResponse as Export', 'ExportResponse'));
      expect(typeCheck(dir).some((d) => d.includes("'Export'"))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what each mode writes in a barrel', () => {
  const read = (name: string, file: string): string => fs.readFileSync(path.join(FIXTURES, name, 'output', file), 'utf8');

  it('keep: the barrel re-exports New as Old; an export * of the renamed module also exports the old name', () => {
    expect(read('ts-barrels-keep', 'libs/common/src/lib/interfaces/index.ts')).toContain('export { ExportResponse as Export, PortfolioSummary };');
    expect(read('ts-barrels-keep', 'libs/common/src/lib/exports.ts')).toBe(
      "// a star barrel over the old module\nexport * from './interfaces/export-response.interface';\nexport { type ExportResponse as Export } from './interfaces/export-response.interface';\n",
    );
    // importers of the barrels are untouched
    expect(read('ts-barrels-keep', 'apps/api/src/app/export/export.service.ts')).toBe(fs.readFileSync(path.join(input('ts-barrels-keep'), 'apps/api/src/app/export/export.service.ts'), 'utf8'));
  });

  it('follow: the barrel re-exports New; export * re-exports the canonical module; aliased re-exports keep their public name', () => {
    expect(read('ts-barrels-follow', 'libs/common/src/lib/interfaces/index.ts')).toContain('export { ExportResponse, PortfolioSummary };');
    expect(read('ts-barrels-follow', 'libs/common/src/lib/exports.ts')).toBe("// a star barrel over the old module\nexport * from './interfaces/export-response.interface';\n");
    expect(read('ts-barrels-follow', 'libs/common/src/lib/public-api.ts')).toContain("export { ExportResponse as LegacyExport } from './interfaces';");
  });
});

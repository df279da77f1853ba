import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit, draftImportMap, renderAuditJson } from '../../src/audit';
import { parseImportMap } from '../../src/importmap/load';
import { resolveImportMap } from '../../src/importmap/resolve';
import { fixtureFolders, updatingFixtures } from '../support/fixtures';

/**
 * Every folder under __testfixtures__/audit is a case: `input/` is the audited directory,
 * `expected.json` the JSON report, and, when `options.json` names `prefer` globs, `map.yaml` the
 * draft import map. UPDATE_FIXTURES=1 rewrites the expectations (then review the diff).
 */
const update = updatingFixtures;

for (const { name, dir } of fixtureFolders('audit')) {
  const options = existsSync(join(dir, 'options.json')) ? (JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as { prefer?: string[] }) : {};

  describe(`audit fixture ${name}`, () => {
    test('JSON report matches expected.json', async () => {
      const report = await audit({ dir: join(dir, 'input'), ...(options.prefer ? { prefer: options.prefer } : {}) });
      const json = renderAuditJson(report);
      if (update) writeFileSync(join(dir, 'expected.json'), json);
      expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')));
    });

    test('draft import map validates, resolves and matches map.yaml', async () => {
      const report = await audit({ dir: join(dir, 'input') });
      const text = draftImportMap(report, options.prefer ?? []);
      const map = resolveImportMap(parseImportMap(text, `${name}/map.yaml`));
      // every entry moves one module of a duplicate group onto another module of the same group
      for (const rule of map.rules) {
        expect(report.duplicates.some((group) => group.models.some((m) => m.module === rule.from) && group.models.some((m) => m.module === rule.to))).toBe(true);
      }
      // and every duplicate group of the map's language is drafted, or named as skipped with the reason
      for (const group of report.duplicates.filter((g) => g.models.some((m) => m.language === map.language))) {
        const drafted = map.rules.some((rule) => group.models.some((m) => m.module === rule.from));
        expect(drafted || text.includes(`# skipped: ${group.table}:`)).toBe(true);
      }
      if (update) writeFileSync(join(dir, 'map.yaml'), text);
      expect(text).toBe(readFileSync(join(dir, 'map.yaml'), 'utf8'));
    });
  });
}

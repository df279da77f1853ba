import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit, draftImportMap, renderAuditJson } from '../../src/audit';
import { parseImportMap } from '../../src/importmap/load';
import { resolveImportMap } from '../../src/importmap/resolve';

/**
 * Every folder under __testfixtures__/audit is a case: `input/` is the audited directory,
 * `expected.json` the JSON report, and, when `options.json` names `prefer` globs, `map.yaml` the
 * draft import map. UPDATE_AUDIT_FIXTURES=1 rewrites the expectations (then review the diff).
 */
const fixtures = join(__dirname, '..', '..', '__testfixtures__', 'audit');
const update = process.env.UPDATE_AUDIT_FIXTURES === '1';

for (const name of readdirSync(fixtures).sort()) {
  const dir = join(fixtures, name);
  if (!existsSync(join(dir, 'input'))) continue;
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
      expect(map.rules.length).toBe(report.duplicates.length === 0 ? 0 : map.rules.length);
      if (update) writeFileSync(join(dir, 'map.yaml'), text);
      expect(text).toBe(readFileSync(join(dir, 'map.yaml'), 'utf8'));
    });
  });
}

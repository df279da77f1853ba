import { join } from 'node:path';
import { audit, draftImportMap } from '../../src/audit';
import { parseImportMap } from '../../src/importmap/load';
import { resolveImportMap } from '../../src/importmap/resolve';

/** Two modules sharing two duplicate groups whose picks disagree: the draft sends the whole pair one way, never a cycle. */
describe('draftImportMap without --prefer', () => {
  it('moves each pair of modules one way, so that the map resolves', async () => {
    const report = await audit({ dir: join(__dirname, '..', '..', '__testfixtures__', 'audit', 'more-orms', 'input') });
    const text = draftImportMap(report, []);
    const map = resolveImportMap(parseImportMap(text, 'draft.yaml'));
    const pairs = map.rules.map((rule) => [rule.from, rule.to].sort().join(' '));
    expect(new Set(pairs).size).toBe(pairs.length);
    const events = map.rules.filter((rule) => rule.from.endsWith('.events') || rule.to.endsWith('.events'));
    expect(events).toHaveLength(1);
    expect(text).toMatch(/turned round: the other duplicates these two modules share move to app\.\w+\.events/);
  });
});

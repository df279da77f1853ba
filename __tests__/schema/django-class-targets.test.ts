import { join } from 'node:path';
import { inventory, renderInventoryMarkdown } from '../../src/audit/inventory';
import { fixturesRoot } from '../support/fixtures';

/**
 * A relation to a class object (`ForeignKey(Booking)`) names the class the file's imports bind, whatever app holds it:
 * with `Booking` in two apps (a duplicate on the same table), `from legacy.models import Booking` is legacy's. Read as
 * a bare label, it went to the first app with a `Booking`.
 */
describe('Django relations to a class', () => {
  it('point at the class the file imports, not at another app model of that name', async () => {
    const report = await inventory(join(fixturesRoot, 'insert-shims', 'python-django-state-only', 'input'));
    const relations = (file: string, name: string): string[] => report.models.filter((m) => m.file === file && m.name === name).flatMap((m) => m.relations.map((r) => `${r.name} -> ${r.target} ${r.kind}`));
    expect(relations('legacy/models.py', 'Booking')).toEqual(expect.arrayContaining(['invoices -> Invoice one-to-many']));
    expect(relations('core/models.py', 'Booking')).not.toEqual(expect.arrayContaining([expect.stringMatching(/^invoices /)]));
  });

  it('says which models are unmanaged (managed = False): their tables are another app\'s to migrate', async () => {
    const report = await inventory(join(fixturesRoot, 'insert-shims', 'python-django-state-only', 'input'));
    expect(report.models.filter((m) => m.unmanaged).map((m) => `${m.file} ${m.name}`).sort()).toEqual(['core/models.py Booking', 'core/models.py Client', 'core/models.py Member']);
    expect(renderInventoryMarkdown(report)).toContain('core/models.py:12 · django · managed = False · bases: models.Model');
  });
});

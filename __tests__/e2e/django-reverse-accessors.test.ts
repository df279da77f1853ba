import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesRoot } from '../support/fixtures';
import { makeGitRepo, remodel } from '../support/cli';

/*
 * Two relations that pointed at two copies of a model, each with the same related_name, point at one class once the
 * map applies: Django's system check then stops every manage.py command (fields.E304). The plan lists it; proven with
 * Debian's Django: `manage.py check` passes before, and after `apply` fails with exactly that clash.
 */
const input = join(fixturesRoot, 'insert-shims', 'python-django-state-only', 'input');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function check(dir: string): string {
  const run = spawnSync('/usr/bin/python3', ['-B', '-W', 'ignore', 'manage.py', 'check'], { cwd: dir, encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`.trim();
}

describe('Django reverse accessors the consolidation makes clash', () => {
  it('are listed at the relation that gives the second name', () => {
    const dir = makeGitRepo(input);
    dirs.push(dir);
    // shop's orders point at core's Booking with the name billing's invoices give legacy's
    mkdirSync(join(dir, 'shop'));
    writeFileSync(join(dir, 'shop', '__init__.py'), '');
    writeFileSync(join(dir, 'shop', 'models.py'), 'from django.db import models\n\n\nclass Order(models.Model):\n    booking = models.ForeignKey("core.Booking", on_delete=models.CASCADE, related_name="invoices")\n    customer = models.ForeignKey("legacy.Customer", on_delete=models.CASCADE, related_name="orders")\n');
    const settings = join(dir, 'proj', 'settings.py');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('"billing"]', '"billing", "shop"]'));
    expect(check(dir)).toBe('System check identified no issues (0 silenced).');

    const plan = remodel(['plan', '--map', 'map.yaml', '--only', 'rewrite-imports'], dir);
    expect(plan.status).toBe(0);
    expect(plan.stderr.split('\n').filter((line) => /fields\.E30[45]/.test(line))).toEqual([
      "  shop/models.py:5: shop.Order.booking and billing.Invoice.booking both give core.Booking the reverse accessor 'invoices' once the map applies: Django's system check stops every manage.py command (fields.E304); give one a related_name",
      "  shop/models.py:5: shop.Order.booking and billing.Invoice.booking both give core.Booking the reverse query name 'invoices' once the map applies: Django's system check stops every manage.py command (fields.E305); give one a related_name",
    ]);

    expect(remodel(['apply', '--map', 'map.yaml', '--only', 'rewrite-imports'], dir).status).toBe(0);
    const after = check(dir);
    expect(after).toContain("shop.Order.booking: (fields.E304) Reverse accessor for 'shop.Order.booking' clashes with reverse accessor for 'billing.Invoice.booking'.");
    expect(after).toContain("shop.Order.booking: (fields.E305) Reverse query name for 'shop.Order.booking' clashes with reverse query name for 'billing.Invoice.booking'.");
  });
});

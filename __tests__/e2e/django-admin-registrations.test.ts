import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesRoot } from '../support/fixtures';
import { makeGitRepo, remodel } from '../support/cli';

/*
 * Two apps register their own copy of a model with the admin; the map makes the copies one class, and Django's admin
 * autodiscovery then raises AlreadyRegistered at startup (a shim serves the canonical class itself). The plan lists the
 * second registration; proven with Debian's Django: the project starts before, and not after, as the line says.
 */
const input = join(fixturesRoot, 'insert-shims', 'python-django-state-only', 'input');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function djangoStarts(dir: string): string {
  const run = spawnSync('/usr/bin/python3', ['-B', '-W', 'ignore', '-c', 'import django; django.setup(); print("started")'], { cwd: dir, encoding: 'utf8', env: { ...process.env, DJANGO_SETTINGS_MODULE: 'proj.settings' } });
  return run.status === 0 ? run.stdout.trim() : (run.stderr.trim().split('\n').pop() ?? '');
}

describe('Django admin registrations the consolidation makes twice', () => {
  it('are listed: the second registration of one class is Django\'s AlreadyRegistered', () => {
    const dir = makeGitRepo(input);
    dirs.push(dir);
    const settings = join(dir, 'proj', 'settings.py');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('INSTALLED_APPS = ["django.contrib.contenttypes",', 'INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",'));
    writeFileSync(join(dir, 'legacy', 'admin.py'), 'from django.contrib import admin\n\nfrom .models import Booking, Member\n\n\n@admin.register(Booking)\nclass BookingAdmin(admin.ModelAdmin):\n    list_display = ["reference"]\n\n\nadmin.site.register([Member])\n');
    // Member on another site as well: one class may be registered once per site
    writeFileSync(join(dir, 'core', 'admin.py'), 'from django.contrib import admin\n\nfrom . import models\n\nstaff_site = admin.AdminSite(name="staff")\n\n# admin.site.register(models.Member) is in the legacy app for now\nadmin.site.register(models.Booking)\nstaff_site.register(models.Member)\n');
    writeFileSync(join(dir, 'billing', 'admin.py'), 'from django.contrib import admin\n\nfrom .models import Invoice\n\nadmin.site.register(Invoice)\n');
    expect(djangoStarts(dir)).toBe('started');

    const plan = remodel(['plan', '--map', 'map.yaml'], dir);
    expect(plan.status).toBe(0);
    const lines = plan.stderr.split('\n').filter((line) => line.includes('AlreadyRegistered'));
    expect(lines).toEqual([
      '  legacy/admin.py:6: core.models.Booking is registered with the admin here and at core/admin.py:8 once legacy.models.Booking is core.models.Booking: Django raises AlreadyRegistered at startup; keep one registration (one ModelAdmin with the options of both)',
    ]);

    expect(remodel(['apply', '--map', 'map.yaml'], dir).status).toBe(0);
    expect(djangoStarts(dir)).toBe("django.contrib.admin.sites.AlreadyRegistered: The model Booking is already registered with 'core.BookingAdmin'.");
  });
});

import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesRoot } from '../support/fixtures';
import { makeGitRepo, remodel } from '../support/cli';

/*
 * Django names models by app label (`ForeignKey("legacy.Booking")`, `apps.get_model("legacy", "Booking")`): once the
 * old models module is a shim, its app registers no model of its own, and every such reference must name the canonical
 * model's app, or `manage.py check` fails (fields.E300/E307) — with no import of the old module in sight. Proven with
 * Debian's Django for /usr/bin/python3 on the fixture's tree, consolidated with a shim.
 */
const input = join(fixturesRoot, 'rewrite-imports', 'python-django-lazy-references', 'input');

function check(dir: string): { ok: boolean; output: string } {
  try {
    const output = execFileSync('/usr/bin/python3', ['-B', 'manage.py', 'check'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    const lookups = execFileSync('/usr/bin/python3', ['-B', '-c', 'import django; django.setup(); from billing.models import booking_model, customer_model; print(booking_model()._meta.label, customer_model()._meta.label)'], { cwd: dir, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, DJANGO_SETTINGS_MODULE: 'proj.settings' } });
    return { ok: true, output: `${output.trim()} ${lookups.trim()}` };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
  }
}

describe('Django lazy model references follow a model to its canonical app', () => {
  it('manage.py check passes before, and after the old models module became a shim', () => {
    const dir = makeGitRepo(input);
    try {
      expect(check(dir)).toEqual({ ok: true, output: 'System check identified no issues (0 silenced). legacy.Booking legacy.Customer' });
      writeFileSync(join(dir, 'map.yaml'), 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - from: legacy.models\n    to: core.models\n    rename: { Customer: Client }\nshims:\n  - module: legacy.models\n');
      const applied = remodel(['apply', '--map', 'map.yaml'], dir);
      expect(applied.status).toBe(0);
      expect(check(dir)).toEqual({ ok: true, output: 'System check identified no issues (0 silenced). platform.Booking platform.Client' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

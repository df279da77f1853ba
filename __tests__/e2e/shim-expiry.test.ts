import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesRoot } from '../support/fixtures';
import { makeGitRepo, remodel } from '../support/cli';

/*
 * Issue 22, item 2: a shim has an end date (`remove_after`, or the map's default). Its warning says when it goes;
 * `remodel check` lists every shim with the importers still using it, and fails naming the shim and the date once
 * the date has passed; before it, a shim nothing imports is no offence.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function applied(fixture: string, dated: (map: string) => string): string {
  const dir = makeGitRepo(join(fixturesRoot, 'insert-shims', fixture, 'input'));
  dirs.push(dir);
  writeFileSync(join(dir, 'map.yaml'), dated(readFileSync(join(dir, 'map.yaml'), 'utf8')));
  const result = remodel(['apply', '--map', 'map.yaml'], dir);
  expect(result.status).toBe(0);
  return dir;
}

const onShim = (date: string) => (map: string): string => map.replace(/^(\s*- module: .+)$/m, (line) => `${line}\n    remove_after: ${date}`);

describe('shim expiry', () => {
  it('check passes before the date (a shim nothing imports is no offence) and fails after it, naming shim and date', () => {
    const future = applied('python-whole-module-rename', onShim('2999-01-01'));
    const before = remodel(['check', '--map', 'map.yaml'], future);
    expect(before.status).toBe(0);
    expect(before.stderr).toContain('remodel: shim old.station_models (remove after 2999-01-01) in old/station_models.py: no import of it left in the repository');

    const past = applied('python-whole-module-rename', onShim('2020-01-31'));
    const after = remodel(['check', '--map', 'map.yaml'], past);
    expect(after.status).toBe(1);
    expect(after.stdout).toBe('map.yaml:9: the shim for old.station_models (old/station_models.py) expired on 2020-01-31: remove it (remodel plan --only prune shows how)\n');
  });

  it('check lists the importers still on a shim', () => {
    const dir = applied('python-whole-module-rename', onShim('2999-01-01'));
    writeFileSync(join(dir, 'app', 'late.py'), 'from old.station_models import Station\n\nprint(Station)\n');
    const result = remodel(['check', '--map', 'map.yaml'], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('remodel: shim old.station_models (remove after 2999-01-01) in old/station_models.py: still imported by app/late.py');
  });

  it('a shim of names that moved out of a module that stays says that no import of those names is left, not of the module', () => {
    const dir = applied('python-name-level', onShim('2999-01-01'));
    const result = remodel(['check', '--map', 'map.yaml'], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("remodel: shim old.social (remove after 2999-01-01) in old/social.py: no import of the names that moved out of it left in the repository (SocialAccount, CustomerReview); the module stays for what it keeps");
  });

  it('the map default applies to every shim, and the warning says when the shim goes (Python and TypeScript)', () => {
    const dir = applied('python-whole-module-rename', (map) => `${map}defaults:\n  remove_after: 2027-06-30\n`);
    const shim = readFileSync(join(dir, 'old', 'station_models.py'), 'utf8');
    expect(shim).toContain('This shim is removed after 2027-06-30.');
    const warning = execFileSync('/usr/bin/python3', ['-c', 'import warnings, old.station_models as m\nwith warnings.catch_warnings(record=True) as w:\n    warnings.simplefilter("always"); m.Station\nprint(w[0].message)'], { cwd: dir, encoding: 'utf8' });
    expect(warning.trim()).toBe("old.station_models.Station is deprecated: use 'from canon.identity import Station' (this shim is removed after 2027-06-30)");

    const ts = applied('ts-whole-module', onShim('2027-06-30'));
    const text = readFileSync(join(ts, 'src', 'legacy', 'booking.ts'), 'utf8');
    expect(text).toMatch(/@deprecated .* Removed after 2027-06-30\. \*\//);
    expect(text).toContain('(this shim is removed after 2027-06-30)');
  });

  it('a date that is not one is refused, naming the line', () => {
    const dir = makeGitRepo(join(fixturesRoot, 'insert-shims', 'python-whole-module-rename', 'input'));
    dirs.push(dir);
    writeFileSync(join(dir, 'map.yaml'), onShim('2027-02-30')(readFileSync(join(dir, 'map.yaml'), 'utf8')));
    const result = remodel(['plan', '--map', 'map.yaml'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/map\.yaml:10: shims\[0\]\.remove_after: must be a real date, YYYY-MM-DD/);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesRoot } from '../support/fixtures';
import { makeGitRepo, remodel } from '../support/cli';
import { dropDatabases, freshDatabaseName } from '../support/postgres';
import { temporaryFolder } from '../support/temporary';

/*
 * A shim leaves the old Django app without the models its migrations created: makemigrations would delete them, and
 * migrate drop their tables, which the canonical models map. remodel writes the state-only migrations instead (every
 * relation retargeted, the old models deleted from Django's state, the database untouched). Proven with Debian's Django
 * for /usr/bin/python3, on SQLite and on PostgreSQL 15: rows kept, makemigrations --check clean, a new database built.
 */
const input = join(fixturesRoot, 'insert-shims', 'python-django-state-only', 'input');
const dirs: string[] = [];

afterAll(() => {
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  dropDatabases();
});

type Database = Record<string, string>;

function manage(dir: string, database: Database, ...args: string[]): { status: number; output: string } {
  const run = spawnSync('/usr/bin/python3', ['-B', '-W', 'ignore', 'manage.py', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...database } });
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}`.trim() };
}

const seed = `
from legacy.models import Booking, Customer, Member
from legacy.stays import Stay
from billing.models import Invoice
member = Member.objects.create(name="Ada")
booking = Booking.objects.create(reference="B-1", guest=member)
Stay.objects.create(booking=booking, nights=3)
invoice = Invoice.objects.create(booking=booking, amount=12)
invoice.payers.add(member)
invoice.clients.add(Customer.objects.create(name="Grace"), Customer.objects.create(name="Alan"))
`;

const count = `
from core.models import Booking, Member
from legacy.stays import Stay
from billing.models import Invoice
invoice = Invoice.objects.get()
print(Member.objects.count(), Booking.objects.count(), Stay.objects.get().booking.reference, invoice.booking.guest.name, invoice.payers.count(), sorted(c.name for c in invoice.clients.all()))
`;

function provesOn(database: Database, fresh: Database): void {
  const dir = makeGitRepo(input);
  dirs.push(dir);
  expect(manage(dir, database, 'migrate', '-v', '0').status).toBe(0);
  expect(manage(dir, database, 'shell', '-c', seed)).toEqual({ status: 0, output: '' });

  const applied = remodel(['apply', '--map', 'map.yaml'], dir);
  expect(applied.status).toBe(0);
  expect(applied.stderr).toContain('legacy.Booking now is core.Booking (same table): its migration state moves there, state only (legacy/migrations/0003_state_to_core.py)');
  expect(existsSync(join(dir, 'billing', 'migrations', '0003_state_to_core.py'))).toBe(true);
  // the canonical models are unmanaged: the note says how to hand their tables to Django (no database change)
  expect(applied.stderr).toContain('core.Booking is unmanaged (managed = False), so no migration changes its table from now on: remove that option and run makemigrations (no database change) to hand the table to Django');

  expect(manage(dir, database, 'makemigrations', '--check', '--dry-run')).toEqual({ status: 0, output: 'No changes detected' });
  expect(manage(dir, database, 'migrate', '-v', '0').status).toBe(0);
  expect(manage(dir, database, 'shell', '-c', count)).toEqual({ status: 0, output: "1 1 B-1 Ada 1 ['Alan', 'Grace']" });
  expect(manage(dir, fresh, 'migrate', '-v', '0')).toEqual({ status: 0, output: '' });
  expect(manage(dir, database, 'check')).toEqual({ status: 0, output: 'System check identified no issues (0 silenced).' });
  // the state has moved: a second plan writes nothing
  expect(remodel(['plan', '--map', 'map.yaml'], dir).stdout).toBe('');
}

describe('Django models a shim leaves: their state moves to the canonical models, the tables stay', () => {
  it('on SQLite', () => {
    const folder = temporaryFolder('remodel-django-');
    dirs.push(folder);
    provesOn({ DATABASE_NAME: join(folder, 'db.sqlite3') }, { DATABASE_NAME: join(folder, 'fresh.sqlite3') });
  });

  it('on PostgreSQL 15', () => {
    const server = { DATABASE_ENGINE: 'django.db.backends.postgresql', DATABASE_USER: 'remodel', DATABASE_PASSWORD: 'remodel', DATABASE_HOST: 'localhost' };
    provesOn({ ...server, DATABASE_NAME: freshDatabaseName() }, { ...server, DATABASE_NAME: freshDatabaseName() });
  });

  it('follows the table renames of the same map: its migrations come after theirs', () => {
    const folder = temporaryFolder('remodel-django-');
    dirs.push(folder);
    const database = { DATABASE_NAME: join(folder, 'db.sqlite3') };
    const dir = makeGitRepo(input);
    dirs.push(dir);
    writeFileSync(join(dir, 'map.yaml'), `${readFileSync(join(dir, 'map.yaml'), 'utf8')}tables:\n  - from: bookings\n    to: reservations\n`);
    expect(manage(dir, database, 'migrate', '-v', '0').status).toBe(0);
    expect(manage(dir, database, 'shell', '-c', seed)).toEqual({ status: 0, output: '' });
    expect(remodel(['apply', '--map', 'map.yaml'], dir).status).toBe(0);
    expect(existsSync(join(dir, 'legacy', 'migrations', '0004_state_to_core.py'))).toBe(true);
    expect(manage(dir, database, 'makemigrations', '--check', '--dry-run')).toEqual({ status: 0, output: 'No changes detected' });
    expect(manage(dir, database, 'migrate', '-v', '0')).toEqual({ status: 0, output: '' });
    expect(manage(dir, database, 'shell', '-c', count)).toEqual({ status: 0, output: "1 1 B-1 Ada 1 ['Alan', 'Grace']" });
    expect(manage(dir, database, 'shell', '-c', 'from django.db import connection; print(sorted(t for t in connection.introspection.table_names() if "book" in t or "reserv" in t))').output).toBe("['reservations']");
    expect(remodel(['plan', '--map', 'map.yaml'], dir).stdout).toBe('');
  });

  it('writes no migration for the project\'s user model (Django cannot swap AUTH_USER_MODEL after its first migration)', () => {
    const dir = makeGitRepo(input);
    dirs.push(dir);
    writeFileSync(join(dir, 'proj', 'settings.py'), `${readFileSync(join(dir, 'proj', 'settings.py'), 'utf8')}AUTH_USER_MODEL = "legacy.Member"\n`);
    const plan = remodel(['plan', '--map', 'map.yaml'], dir);
    expect(plan.status).toBe(0);
    expect(plan.stdout).not.toContain('state_to_core');
    expect(plan.stderr).toContain('(legacy.Member is AUTH_USER_MODEL: Django does not support swapping the user model once migrations exist)');
  });

  it('writes no migration where the canonical model maps another table: the review line says why', () => {
    const dir = makeGitRepo(input);
    dirs.push(dir);
    for (const file of ['core/models.py', 'core/migrations/0001_initial.py']) {
      writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(/(['"])bookings\1/, '$1core_bookings$1'));
    }
    const plan = remodel(['plan', '--map', 'map.yaml'], dir);
    expect(plan.status).toBe(0);
    expect(plan.stdout).not.toContain('state_to_core');
    expect(plan.stderr).toContain('legacy/migrations/0001_initial.py:15: legacy.Booking now is core.models.Booking: with legacy.models a shim, makemigrations deletes legacy.Booking, and migrate would drop its table');
    expect(plan.stderr).toContain('(legacy.Booking maps bookings, core.Booking maps core_bookings: the rows must move before the old model goes)');
    expect(plan.stderr).toContain('(remodel wrote no migration: another model of legacy cannot move)');
  });
});

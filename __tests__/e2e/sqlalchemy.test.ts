import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeGitRepo, remodel, repoRoot } from '../support/cli';

/**
 * The runtime proof with real SQLAlchemy (Debian's python3-sqlalchemy, for /usr/bin/python3; `.ci/run` installs it):
 * before the consolidation the example cannot import its consumers in one process (one table, two mappers);
 * after `remodel apply` it can, and the shims serve the canonical objects with one warning at the caller.
 */
const python = '/usr/bin/python3';
const support = join(repoRoot, '__tests__', 'fixtures-support');
const seedMap = join(repoRoot, 'import-maps', 'seed-consolidation.yaml');
const consumers = [
  'services.booking_service', 'services.station_service', 'services.lead_service', 'services.support_service',
  'services.review_service', 'services.social_service', 'services', 'api', 'api.deps', 'api.routes.bookings',
  'api.routes.admin', 'api.routes.stations', 'api.routes.support', 'api.routes', 'workers', 'workers.reminders',
  'workers.newsletter', 'workers.registry', 'workers.station_sync', 'tests.test_booking_service',
  'scripts.export_subscribers', 'models', 'models.review', 'core.auth',
];

const importAll = (dir: string) => JSON.parse(execFileSync(python, [join(support, 'sqlalchemy_check.py'), dir, ...consumers], { encoding: 'utf8' }));

describe('the seed consolidation with real SQLAlchemy', () => {
  let dir: string;
  beforeAll(() => {
    execFileSync(python, ['-c', 'import sqlalchemy'], { stdio: 'pipe' }); // fails loudly when python3-sqlalchemy is missing
    dir = makeGitRepo(join(repoRoot, 'examples', 'python-backend'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails before: the old and canonical models define the same tables', () => {
    expect(importAll(dir)).toMatchObject({ ok: false, error: expect.stringMatching(/InvalidRequestError: Table '\w+' is already defined for this MetaData instance/) });
  });

  it('imports every consumer and configures the mappers after remodel apply', () => {
    expect(remodel(['apply', '--map', seedMap], dir).status).toBe(0);
    expect(importAll(dir)).toEqual({ ok: true, error: null, failed_module: null });
  });

  it('serves the old paths from the canonical objects, warning once at the importing line', () => {
    const result = JSON.parse(execFileSync(python, [join(support, 'shim_check.py'), dir], { encoding: 'utf8' }));
    expect(result.same_booking).toBe(true);
    expect(result.same_station_user).toBe(true);
    expect(result.normalize_handle).toBe('chef.mario');
    const stationWarnings = result.warnings.filter((w: { message: string }) => /station_models/.test(w.message));
    expect(stationWarnings).toEqual([{ message: expect.stringMatching(/db\.models\.identity/), file: '_remodel_probe.py', line: 2 }]);
    expect(result.warnings.filter((w: { line: number }) => w.line === 3)).toEqual([]);
  });

  it('runs the example test suite green after the consolidation', () => {
    const out = execFileSync(python, ['-m', 'unittest', '-q', 'tests.test_booking_service'], { cwd: dir, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    expect(out).toBe('');
  });
});

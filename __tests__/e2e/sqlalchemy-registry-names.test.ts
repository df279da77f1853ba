import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { plan } from '../../src';
import { fixturesRoot } from '../support/fixtures';
import { makeGitRepo, remodel } from '../support/cli';
import { makeTempRepo } from '../support/tempRepo';

/*
 * `relationship("Booking")` names a class by its registry name: no import of its module, yet a rename of the class
 * must reach it, or SQLAlchemy cannot configure the mappers once the canonical class replaces the old one. Proven with
 * real SQLAlchemy (Debian's python3-sqlalchemy for /usr/bin/python3) on the fixture's tree.
 */
const input = join(fixturesRoot, 'rewrite-imports', 'python-sqlalchemy-registry-names', 'input');
const python = '/usr/bin/python3';
const mapperCheck = [
  'import db.core, models.user',
  'from sqlalchemy import create_engine',
  'from sqlalchemy.orm import Session, configure_mappers',
  'configure_mappers()',
  'engine = create_engine("sqlite://")',
  'db.core.Base.metadata.create_all(engine)',
  'with Session(engine) as session:',
  '    user = models.user.User(id=1)',
  '    session.add_all([user, db.core.BookingModel(id=1, user_id=1)])',
  '    session.commit()',
  '    print([b.id for b in user.bookings], user.first_booking.id, user.latest[0].owner.id)',
].join('\n');

function runMappers(dir: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(python, ['-B', '-c', mapperCheck], { cwd: dir, encoding: 'utf8', stdio: 'pipe' }).trim() };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
  }
}

describe('SQLAlchemy registry names follow a class rename', () => {
  it('fails before, configures and queries after remodel apply', () => {
    const dir = makeGitRepo(input);
    try {
      expect(runMappers(dir)).toMatchObject({ ok: false, output: expect.stringMatching(/expression 'Booking' failed to locate a name/) });
      expect(remodel(['apply', '--map', 'map.yaml'], dir).status).toBe(0);
      expect(runMappers(dir)).toEqual({ ok: true, output: '[1] 1 1' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the files without parsing every one: a file that imports no old module is planned for its registry strings', async () => {
    const repo = makeTempRepo(input);
    try {
      const computed = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')] });
      expect(computed.changes.map((change) => change.path)).toEqual(['models/user.py']);
      expect(computed.summary.filesParsed).toBe(1);
    } finally {
      repo.dispose();
    }
  });

  it('lists the strings for review when another class of that name is defined in the repository', async () => {
    const repo = makeTempRepo(input);
    try {
      repo.write('legacy/__init__.py', '');
      repo.write('legacy/booking.py', 'class Booking:\n    pass\n');
      const computed = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')] });
      expect(computed.changes.map((change) => change.path)).toEqual([]);
      const reasons = computed.needsReview.filter((item) => item.file === 'models/user.py').map((item) => `${item.line}: ${item.reason}`);
      expect(reasons).toContain("11: 'Booking' in relationship() names a class by its registry name: models.booking.Booking becomes BookingModel, but legacy/booking.py defines a Booking too; rewrite by hand if it means the moved one");
      // one line per string (the join condition names it twice)
      expect(reasons).toHaveLength(6);
    } finally {
      repo.dispose();
    }
  });
});

import { join } from 'node:path';
import { plan } from '../../src';
import { fixturesRoot } from '../support/fixtures';
import { makeTempRepo } from '../support/tempRepo';

/*
 * A name the map moves or renames that its old module does not define is most likely a typo in the map
 * (`rename: { UserStationAsignment: StationUser }`): the plan says so, naming the entry's line, and goes on (a name
 * already deleted from the old module still has importers to rewrite).
 */
async function warningsOf(language: 'python' | 'typescript', consumer: { path: string; text: string }, entries: string): Promise<string[]> {
  const repo = makeTempRepo(join(fixturesRoot, 'rewrite-imports', `_repo.${language}`));
  try {
    repo.write('map.yaml', `version: 1\nlanguage: ${language}\nroot: .\nrewrite:\n${entries}`);
    repo.write(consumer.path, consumer.text);
    const warnings: string[] = [];
    await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], onWarning: (message) => warnings.push(message.replace(`${repo.dir}/`, '')) });
    return warnings;
  } finally {
    repo.dispose();
  }
}

describe('names the old module does not define', () => {
  const python = { path: 'app/consumer.py', text: 'from core.auth.station_models import UserStationAssignment\nfrom models.booking import Booking\n\nprint(UserStationAssignment, Booking)\n' };
  const typescript = { path: 'src/consumer.ts', text: "import { UserStationAssignment } from './models/station';\nimport { Booking } from './models/booking';\n\nconsole.log(UserStationAssignment, Booking);\n" };

  it('Python: a renamed or moved name the old module lacks is named, with its entry', async () => {
    expect(await warningsOf('python', python, '  - { from: core.auth.station_models, to: db.models.identity, rename: { UserStationAsignment: StationUser } }\n  - { from: models.booking, to: db.models.core, names: [Booking, Customer] }\n')).toEqual([
      "map.yaml:5: rewrite[0].rename: 'core.auth.station_models' defines no name 'UserStationAsignment': a typo? (its importers, if any, are rewritten all the same)",
      "map.yaml:6: rewrite[1].names: 'models.booking' defines no name 'Customer': a typo? (its importers, if any, are rewritten all the same)",
    ]);
    expect(await warningsOf('python', python, '  - { from: core.auth.station_models, to: db.models.identity, rename: { UserStationAssignment: StationUser } }\n  - { from: models.booking, to: db.models.core, names: [Booking] }\n')).toEqual([]);
  });

  it('TypeScript: the same, against what the old module exports', async () => {
    expect(await warningsOf('typescript', typescript, '  - { from: src/models/station, to: src/db/models/identity, rename: { UserStationAsignment: StationUser } }\n  - { from: src/models/booking, to: src/db/models/core, names: [Booking, Customer] }\n')).toEqual([
      "map.yaml:5: rewrite[0].rename: 'src/models/station' exports no name 'UserStationAsignment': a typo? (its importers, if any, are rewritten all the same)",
      "map.yaml:6: rewrite[1].names: 'src/models/booking' exports no name 'Customer': a typo? (its importers, if any, are rewritten all the same)",
    ]);
    expect(await warningsOf('typescript', typescript, '  - { from: src/models/station, to: src/db/models/identity, rename: { UserStationAssignment: StationUser } }\n  - { from: src/models/booking, to: src/db/models/core, names: [Booking] }\n')).toEqual([]);
  });
});

import { join } from 'node:path';
import { plan } from '../../src';
import { fixturesRoot } from '../support/fixtures';
import { makeTempRepo } from '../support/tempRepo';

/*
 * Issue 18, item 4: a canonical module installed for the project (its virtualenv's site-packages) is accepted with
 * its names checked against its source; one installed elsewhere must be marked `external: true`; a name the installed
 * module lacks is refused as for a module of the repository.
 */
const input = join(fixturesRoot, 'rewrite-imports', 'python-installed-target', 'input');
const base = 'version: 1\nlanguage: python\nroot: .\nrewrite:\n';

async function run(entries: string): Promise<{ warnings: string[]; error?: string }> {
  const repo = makeTempRepo(input);
  repo.write('map.yaml', base + entries);
  const warnings: string[] = [];
  try {
    await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], onWarning: (message) => warnings.push(message) });
    return { warnings: warnings.map((warning) => warning.replace(`${repo.dir}/`, '')) };
  } catch (error) {
    return { warnings, error: (error as Error).message.replace(`${repo.dir}/`, '') };
  } finally {
    repo.dispose();
  }
}

describe('a canonical module outside the repository', () => {
  it('installed in the project virtualenv: accepted, names checked against its source', async () => {
    const found = await run('  - { from: app.models.booking, to: shared_models.booking, names: [Booking] }\n');
    expect(found.error).toBeUndefined();
    expect(found.warnings).toEqual(["map.yaml:5: rewrite[0].to: 'shared_models.booking' is installed, not in the repository (.venv/lib/python3.11/site-packages/shared_models/booking.py): names checked against its source"]);
    expect((await run('  - { from: app.models.booking, to: shared_models.booking, names: [Booking], rename: { Booking: Reservation } }\n')).error).toBe("map.yaml:5: rewrite[0].names: module 'shared_models.booking' has no name 'Reservation' (mapped from 'app.models.booking')");
  });

  it('nowhere to be found: refused unless marked external', async () => {
    expect((await run('  - { from: app.models.invoice, to: billing_sdk.models }\n')).error).toBe("map.yaml:5: rewrite[0].to: module 'billing_sdk.models' (target of 'app.models.invoice') does not exist under root . nor in the project's virtualenv (installed elsewhere? mark the entry 'external: true')");
    const external = await run('  - { from: app.models.invoice, to: billing_sdk.models, external: true }\n');
    expect(external.error).toBeUndefined();
    expect(external.warnings).toEqual(["map.yaml:5: rewrite[0].to: 'billing_sdk.models' is marked external (not in the repository nor its virtualenv): its names are unchecked"]);
  });
});

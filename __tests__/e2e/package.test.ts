import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/cli';
import { temporaryFolder } from '../support/temporary';

/*
 * Issue 23, item 5: the package is publishable. `npm pack` (of the build `npm test` made) gives a tarball that
 * installs into an empty project (from npm's cache where it can), and `npx remodel` runs there: --version, and a plan of the
 * bundled example.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const npm = (args: readonly string[], cwd: string): string => execFileSync('npm', [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

describe('the npm package', () => {
  it('packs, installs into an empty project, and runs remodel there', () => {
    const out = temporaryFolder('remodel-pack-');
    dirs.push(out);
    // the build is the one `npm test` just made: no scripts, so a concurrent suite never sees dist/ rebuilt
    npm(['pack', '--ignore-scripts', '--pack-destination', out], repoRoot);
    const tarball = readdirSync(out).find((name) => name.endsWith('.tgz'))!;
    const listed = execFileSync('tar', ['-tzf', join(out, tarball)], { encoding: 'utf8' }).split('\n');
    expect(listed).toContain('package/dist/bin/remodel.js');
    expect(listed).toContain('package/dist/src/plan/pool-task.js');
    expect(listed.some((file) => file.startsWith('package/__tests__') || file.startsWith('package/src/') || file.startsWith('package/examples'))).toBe(false);

    const project = temporaryFolder('remodel-consumer-');
    dirs.push(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n');
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(out, tarball)], project);
    const version = spawnSync('npx', ['--no-install', 'remodel', '--version'], { cwd: project, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe((require(join(repoRoot, 'package.json')) as { version: string }).version);

    cpSync(join(repoRoot, 'examples', 'python-backend'), join(project, 'backend'), { recursive: true });
    cpSync(join(repoRoot, 'import-maps', 'seed-consolidation.yaml'), join(project, 'seed.yaml'));
    const planned = spawnSync('npx', ['--no-install', 'remodel', 'plan', '--cwd', 'backend', '--map', 'seed.yaml'], { cwd: project, encoding: 'utf8' });
    expect(planned.status).toBe(0);
    expect(planned.stdout).toContain('diff --git a/models/__init__.py b/models/__init__.py');
  });
});

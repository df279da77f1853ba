import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, makeGitRepo, remodel, repoRoot, snapshot } from '../support/cli';

/*
 * Issue 22, item 3: `prune` ends a deprecation, only when asked. On the example backend after the seed
 * consolidation: the whole-module shims nothing imports go, the relocated DEPRECATED copy goes, the name-level shim
 * keeps the module's own names and loses only its shim section; a shim something still imports is kept and named
 * with its users. The patch applies with `git apply`, every module imports as well as before, and a second prune plan
 * is empty.
 */
const example = join(repoRoot, 'examples', 'python-backend');
const seedMap = join(repoRoot, 'import-maps', 'seed-consolidation.yaml');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function consolidated(): string {
  const dir = makeGitRepo(example);
  dirs.push(dir);
  expect(remodel(['apply', '--map', seedMap], dir).status).toBe(0);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', 'consolidated'], dir);
  git(['add', '-A'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'new files', '--allow-empty'], dir);
  return dir;
}

/** Modules that fail to import, each in a fresh interpreter (the example keeps duplicates the seed map leaves). */
function failingImports(dir: string): string[] {
  const script = [
    'import os, subprocess, sys',
    'from concurrent.futures import ThreadPoolExecutor',
    'modules = []',
    'for root, dirs, files in os.walk("."):',
    '    dirs[:] = sorted(d for d in dirs if d not in (".git", "__pycache__", "migrations", "tests"))',
    '    modules += [os.path.join(root, f)[2:-3].replace("/", ".").removesuffix(".__init__") for f in sorted(files) if f.endswith(".py")]',
    'fails = lambda m: subprocess.run([sys.executable, "-W", "ignore", "-c", f"import {m}"], capture_output=True).returncode != 0',
    'with ThreadPoolExecutor(4) as pool:',
    '    print("\\n".join(m for m, bad in zip(modules, pool.map(fails, modules)) if bad))',
  ].join('\n');
  return spawnSync('/usr/bin/python3', ['-c', script], { cwd: dir, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
}

describe('prune', () => {
  it('is not part of a default plan', () => {
    const dir = consolidated();
    expect(remodel(['plan', '--map', seedMap], dir).stdout).not.toContain('deleted file mode');
  });

  it('deletes the shims and the relocated copy nothing uses, cuts the name-level shim section, applies with git apply, and leaves nothing to prune', () => {
    const dir = consolidated();
    const importsBefore = failingImports(dir);
    const planned = remodel(['plan', '--only', 'prune', '--map', seedMap], dir);
    expect(planned.status).toBe(0);
    expect(planned.stderr).toContain('remodel: 5 files to change');
    git(['apply', '--index'], dir, planned.stdout);
    // the empty package marker the relocation made goes with the last file it held
    expect(git(['status', '--short'], dir).split('\n').filter(Boolean).sort()).toEqual(['D  core/auth/station_models.py', 'D  models/DEPRECATED/__init__.py', 'D  models/DEPRECATED/booking.py', 'D  models/booking.py', 'M  models/social.py']);
    const social = readFileSync(join(dir, 'models', 'social.py'), 'utf8');
    expect(social).toContain('def normalize_handle(');
    expect(social).not.toContain('deprecation shim');
    // no module fails to import that imported before (the example keeps duplicates the seed map leaves alone)
    expect(failingImports(dir).filter((module) => !importsBefore.includes(module))).toEqual([]);
    const again = remodel(['plan', '--only', 'prune', '--map', seedMap], dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
  });

  it('keeps a shim something still imports, and names its users; apply writes what plan showed', () => {
    const dir = consolidated();
    writeFileSync(join(dir, 'services', 'late_import.py'), 'from models.booking import Booking\n\nprint(Booking)\n');
    git(['add', '-A'], dir);
    git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'late'], dir);
    const planned = remodel(['plan', '--only', 'prune', '--map', seedMap], dir);
    expect(planned.stderr).toContain('models/booking.py:1: kept: the shim for models.booking is still used by services/late_import.py');
    expect(planned.stdout).not.toContain('diff --git a/models/booking.py');
    expect(remodel(['apply', '--only', 'prune', '--map', seedMap], dir).status).toBe(0);
    expect(existsSync(join(dir, 'models', 'booking.py'))).toBe(true);
    const applied = snapshot(dir);
    git(['stash', '-u', '-q'], dir);
    git(['apply'], dir, planned.stdout);
    expect(snapshot(dir)).toEqual(applied);
  });

  it('TypeScript: the whole-module shim and the relocated copy go, the project still compiles; a shim keeping names of its own is left for review', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    dirs.push(dir);
    const tsMap = join(repoRoot, 'import-maps', 'ts-app.yaml');
    expect(remodel(['apply', '--map', tsMap], dir).status).toBe(0);
    git(['add', '-A'], dir);
    git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'consolidated'], dir);
    const planned = remodel(['plan', '--only', 'prune', '--map', tsMap], dir);
    expect(planned.stderr).toContain('src/legacy/entities/people.ts:1: the shim for src/legacy/entities/people is used by nothing, but a TypeScript shim that keeps names of its own is pruned by hand');
    git(['apply', '--index'], dir, planned.stdout);
    expect(git(['status', '--short'], dir).split('\n').filter(Boolean).sort()).toEqual(['D  src/legacy/entities/DEPRECATED/booking.entity.ts', 'D  src/legacy/entities/booking.entity.ts']);
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    expect(tsc.stdout).toBe('');
    expect(remodel(['plan', '--only', 'prune', '--map', tsMap], dir).stdout).toBe('');
  });
});

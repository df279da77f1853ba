import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { git, makeGitRepo, remodel, repoRoot, snapshot } from '../support/cli';

/*
 * Issue 23, item 2: `--verify` finds what a plan would break before it is written — exit 3 naming each file and
 * error; `apply --verify` then writes nothing, unless `--force`. The breaks are planted in fixtures: duplicates that
 * are not quite the same (a field only the losing copy had), and a canonical module that imports its importer.
 */
const fixtures = join(repoRoot, '__testfixtures__', 'verify');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const repo = (name: string): string => {
  const dir = makeGitRepo(join(fixtures, name));
  dirs.push(dir);
  return dir;
};

describe('--verify', () => {
  it('TypeScript: a rewrite that breaks the build exits 3 naming the new error only (not one that was there before)', () => {
    const dir = repo('ts-type-break');
    const planned = remodel(['plan', '--verify'], dir);
    expect(planned.status).toBe(3);
    expect(planned.stdout).toContain("+import { User } from './db/user';");
    const problems = planned.stderr.split('\n').filter((line) => line.startsWith('remodel: verify: '));
    expect(problems).toEqual(["remodel: verify: src/greet.ts:4: TS2339: Property 'nickname' does not exist on type 'User'."]);
    // without --verify the same plan exits 0: the check is what fails
    expect(remodel(['plan'], dir).status).toBe(0);
  });

  it('apply --verify writes nothing when verification fails; --force writes it anyway', () => {
    const dir = repo('ts-type-break');
    const before = snapshot(dir);
    const refused = remodel(['apply', '--verify'], dir);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain('remodel: nothing written: the plan fails --verify');
    expect(snapshot(dir)).toEqual(before);
    expect(remodel(['apply', '--verify', '--force'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'src', 'greet.ts'), 'utf8')).toContain("from './db/user'");
  });

  it('a plan that breaks nothing verifies (exit 0), on the bundled examples', () => {
    const ts = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    dirs.push(ts);
    const verified = remodel(['plan', '--verify', '--map', join(repoRoot, 'import-maps', 'ts-app.yaml')], ts);
    expect(verified.stderr).toContain('remodel: --verify: no new problems');
    expect(verified.status).toBe(0);
    const python = makeGitRepo(join(repoRoot, 'examples', 'python-backend'));
    dirs.push(python);
    const checked = remodel(['apply', '--verify', '--map', join(repoRoot, 'import-maps', 'seed-consolidation.yaml')], python);
    expect(checked.stderr).toContain('remodel: --verify: no new problems');
    expect(checked.status).toBe(0);
    expect(git(['status', '--short'], python)).not.toBe('');
  });

  it('Python --verify=import: a canonical module that imports its importer is a cycle the static check cannot see', () => {
    const dir = repo('python-import-cycle');
    expect(remodel(['plan', '--verify'], dir).status).toBe(0);
    const imported = remodel(['plan', '--verify=import'], dir);
    expect(imported.status).toBe(3);
    expect(imported.stderr).toMatch(/remodel: verify: shop\/orders\.py:1: import shop\.orders: ImportError: cannot import name 'DEFAULT_STATUS' from partially initialized module 'shop\.orders'.*\(shop\/orders\.py\)/);
    // the repository itself was only read: no bytecode left behind
    expect(git(['status', '--short', '--ignored'], dir)).toBe('');
  });

  it('an unknown --verify mode is bad input', () => {
    const dir = repo('ts-type-break');
    const result = remodel(['plan', '--verify=types'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--verify takes 'static' (the default) or 'import', not 'types'");
  });
});

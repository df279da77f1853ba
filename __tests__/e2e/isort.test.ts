import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, makeGitRepo, remodel, repoRoot } from '../support/cli';

/*
 * Issue 16, item 9: a Python file that passes `isort --check` under the project's own settings before the rewrite
 * still passes after (a rewritten import moves to its place, one module's imports merge, `as` names go apart, a long
 * import wraps as the profile wraps) — checked with the real isort. A project that declares no isort keeps the order
 * the rewrite leaves, and so does a file isort would change already.
 */
const example = join(repoRoot, 'examples', 'python-backend');
const seedMap = join(repoRoot, 'import-maps', 'seed-consolidation.yaml');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function isort(args: readonly string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync('isort', args, { cwd, encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The example backend under one isort setup, made isort-clean and committed. */
function sortedExample(configFile: string, config: string, args: readonly string[] = []): string {
  const dir = makeGitRepo(example);
  dirs.push(dir);
  writeFileSync(join(dir, configFile), config);
  expect(isort([...args, '.', '-q'], dir).status).toBe(0);
  git(['add', '-A'], dir);
  git(['commit', '-qm', 'isort'], dir);
  expect(isort([...args, '--check-only', '.'], dir).status).toBe(0);
  return dir;
}

describe('rewritten Python files keep the project’s isort order', () => {
  it.each([
    ['.isort.cfg with the defaults', '.isort.cfg', '[settings]\n', []],
    ['profile black (.isort.cfg)', '.isort.cfg', '[settings]\nprofile = black\n', []],
    ['force_single_line (setup.cfg)', 'setup.cfg', '[isort]\nforce_single_line = true\n', []],
    ['combine_as_imports, line_length 60 (pyproject.toml)', 'pyproject.toml', '[tool.isort]\ncombine_as_imports = true\nline_length = 60\n', []],
    ['a pre-commit hook running isort --profile black', '.pre-commit-config.yaml', 'repos:\n  - repo: https://github.com/pycqa/isort\n    rev: 5.6.4\n    hooks:\n      - id: isort\n        args: ["--profile", "black"]\n', ['--profile', 'black']],
  ])('%s: every file isort-clean before is isort-clean after apply', (_name, configFile, config, args) => {
    const dir = sortedExample(configFile, config, args);
    const applied = remodel(['apply', '--map', seedMap], dir);
    expect(applied.status).toBe(0);
    expect(git(['status', '--short'], dir).split('\n').filter(Boolean).length).toBeGreaterThan(15);
    const check = isort([...args, '--check-only', '.'], dir);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('merges two rewritten imports of one module and moves the result to its place (models/__init__.py)', () => {
    const dir = sortedExample('.isort.cfg', '[settings]\n');
    expect(remodel(['apply', '--map', seedMap], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'models', '__init__.py'), 'utf8')).toContain('"""\nfrom db.models.core import Booking, Customer\nfrom db.models.lead import Lead\nfrom db.models.support_communications import Escalation\n\nfrom .review import CustomerReviewBlogPost\n');
  });

  it('a project that declares no isort keeps the order the rewrite leaves, and so does a file isort would change', () => {
    const plain = makeGitRepo(example);
    dirs.push(plain);
    expect(remodel(['apply', '--map', seedMap], plain).status).toBe(0);
    expect(readFileSync(join(plain, 'models', '__init__.py'), 'utf8')).toContain('from db.models.core import Booking, Customer\nfrom db.models.support_communications import Escalation\nfrom db.models.lead import Lead\n');
    const dir = sortedExample('.isort.cfg', '[settings]\n');
    const unsorted = 'import sys\nimport os\n\nfrom models.booking import Booking\n\n\nprint(sys, os, Booking)\n';
    writeFileSync(join(dir, 'services', 'unsorted.py'), unsorted);
    git(['add', '-A'], dir);
    git(['commit', '-qm', 'unsorted'], dir);
    const applied = remodel(['apply', '--map', seedMap], dir);
    expect(applied.status).toBe(0);
    expect(readFileSync(join(dir, 'services', 'unsorted.py'), 'utf8')).toBe(unsorted.replace('from models.booking import', 'from db.models.core import'));
    expect(applied.stderr).toContain('services/unsorted.py:1: imports left as rewritten: this block is not laid out the way remodel reproduces isort (run isort on this file)');
  });

  it('a file with an isort action comment (`# isort: skip`, `skip_file`, `off`) is left where isort may not go', () => {
    const dir = sortedExample('.isort.cfg', '[settings]\n');
    const pinned = 'from core.auth.station_models import Station  # isort: skip\nfrom core.config import settings\n\nprint(Station, settings)\n';
    writeFileSync(join(dir, 'services', 'pinned.py'), pinned);
    git(['add', '-A'], dir);
    git(['commit', '-qm', 'pinned'], dir);
    expect(isort(['--check-only', 'services/pinned.py'], dir).status).toBe(0);
    expect(remodel(['apply', '--map', seedMap], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'services', 'pinned.py'), 'utf8')).toBe(pinned.replace('from core.auth.station_models import', 'from db.models.identity import'));
    expect(isort(['--check-only', 'services/pinned.py'], dir).status).toBe(0);
  });
});

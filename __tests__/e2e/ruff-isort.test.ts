import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { git, makeGitRepo, remodel, repoRoot } from '../support/cli';
import { ruffLinter } from '../support/ruff';

/*
 * A project that sorts its imports with ruff (rule I001 selected, no isort config): every file ruff's import sorting
 * leaves alone before the rewrite it leaves alone after (a rewritten import moves to its place, one module's imports
 * merge, a magic trailing comma keeps an import wrapped) — judged by ruff itself, as its WebAssembly build. That build
 * reads no files, so the configs name the first-party packages that ruff would find on disk.
 */
const example = join(repoRoot, 'examples', 'python-backend');
const seedMap = join(repoRoot, 'import-maps', 'seed-consolidation.yaml');
const firstParty = ['api', 'core', 'db', 'migrations', 'models', 'scripts', 'services', 'tests', 'workers'];
const quoted = JSON.stringify(firstParty).replace(/,/g, ', ');

function pythonFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.py')) found.push(path);
    }
  };
  walk(dir);
  return found;
}

/** The example backend with a ruff config, every file sorted by ruff's I001 fixes and committed. */
function sortedExample(configFile: string, config: string, ruff: ReturnType<typeof ruffLinter>, extra: Record<string, string> = {}): string {
  const dir = makeGitRepo(example);
  writeFileSync(join(dir, configFile), config);
  for (const [path, text] of Object.entries(extra)) writeFileSync(join(dir, path), text);
  for (const file of pythonFiles(dir)) writeFileSync(file, ruff.fix(readFileSync(file, 'utf8'), 'I001'));
  git(['add', '-A'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'ruff'], dir);
  return dir;
}

/** The files ruff would sort again, but those the run named as blocks whose layout remodel does not reproduce. */
function unsorted(dir: string, ruff: ReturnType<typeof ruffLinter>, stderr: string): string[] {
  return pythonFiles(dir)
    .map((file) => relative(dir, file))
    .filter((path) => ruff.check(readFileSync(join(dir, path), 'utf8')).some((diagnostic) => diagnostic.code === 'I001'))
    .filter((path) => !stderr.includes(`${path}:`) || !/the way remodel reproduces ruff's import sorting \(run `ruff check --select I --fix`/.test(stderr));
}

describe('rewritten Python files keep the order of a project that sorts imports with ruff', () => {
  it.each([
    ['pyproject.toml [tool.ruff.lint] select I', 'pyproject.toml', `[tool.ruff]\nline-length = 88\n\n[tool.ruff.lint]\nselect = ["E", "F", "I"]\n\n[tool.ruff.lint.isort]\nknown-first-party = ${quoted}\n`, { 'line-length': 88, lint: { select: ['E', 'F', 'I'], isort: { 'known-first-party': firstParty } } }],
    ['ruff.toml extend-select I001, line-length 60, combine-as-imports', 'ruff.toml', `line-length = 60\n\n[lint]\nextend-select = ["I001"]\n\n[lint.isort]\nknown-first-party = ${quoted}\ncombine-as-imports = true\n`, { 'line-length': 60, lint: { 'extend-select': ['I001'], isort: { 'known-first-party': firstParty, 'combine-as-imports': true } } }],
    ['ruff.toml force-single-line', 'ruff.toml', `[lint]\nselect = ["I"]\n\n[lint.isort]\nknown-first-party = ${quoted}\nforce-single-line = true\n`, { lint: { select: ['I'], isort: { 'known-first-party': firstParty, 'force-single-line': true } } }],
  ])('%s: every file ruff leaves alone before it leaves alone after apply', (_name, configFile, config, settings) => {
    const ruff = ruffLinter(settings);
    const dir = sortedExample(configFile, config, ruff);
    const applied = remodel(['apply', '--map', seedMap], dir);
    expect(applied.status).toBe(0);
    expect(git(['status', '--short'], dir).split('\n').filter(Boolean).length).toBeGreaterThan(15);
    expect(unsorted(dir, ruff, applied.stderr)).toEqual([]);
  });

  it('a magic trailing comma keeps a merged import wrapped, as ruff does', () => {
    const settings = { lint: { select: ['I'], isort: { 'known-first-party': firstParty } } };
    const ruff = ruffLinter(settings);
    const wrapped = 'from db.models.core import (\n    Customer,\n)\nfrom models.booking import Booking\n\nprint(Booking, Customer)\n';
    const dir = sortedExample('ruff.toml', `[lint]\nselect = ["I"]\n\n[lint.isort]\nknown-first-party = ${quoted}\n`, ruff, { 'services/wrapped.py': wrapped });
    expect(readFileSync(join(dir, 'services', 'wrapped.py'), 'utf8')).toBe(wrapped);
    const applied = remodel(['apply', '--map', seedMap], dir);
    expect(applied.status).toBe(0);
    expect(readFileSync(join(dir, 'services', 'wrapped.py'), 'utf8')).toBe('from db.models.core import (\n    Booking,\n    Customer,\n)\n\nprint(Booking, Customer)\n');
    expect(unsorted(dir, ruff, applied.stderr)).toEqual([]);
  });
});

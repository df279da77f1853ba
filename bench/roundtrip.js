#!/usr/bin/env node
// Round-trips on real code (issue 15, item 8): for each tree, (1) a map that changes nothing gives an empty patch and
// no failure, (2) a map that moves the most-imported module changes only the files that name it, every changed file
// still parses, and `plan | git apply` gives exactly what `apply` writes.
//
//   node bench/roundtrip.js python /usr/lib/python3/dist-packages/django [more trees...]
//   node bench/roundtrip.js typescript node_modules/zod/src
//
// Each tree is copied into a temporary git repository (nothing is written next to it). One line per tree on stdout.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { basename, join, relative, sep } = require('node:path');

const bin = join(__dirname, '..', 'dist', 'bin', 'remodel.js');
const [lang, ...trees] = process.argv.slice(2);
if (!['python', 'typescript'].includes(lang) || !trees.length) {
  process.stderr.write('usage: node bench/roundtrip.js python|typescript TREE...\n');
  process.exit(2);
}
const sourceFile = lang === 'python' ? /\.py$/ : /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

function git(args, cwd, input) {
  return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

function files(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git' || entry.name === 'node_modules' || entry.name === '__pycache__') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files(path, out);
    else if (entry.isFile() && sourceFile.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function repoOf(tree) {
  const dir = mkdtempSync(join(tmpdir(), 'remodel-roundtrip-'));
  // Python: the package folder sits under the import root, so that its absolute imports resolve
  cpSync(tree, lang === 'python' ? join(dir, basename(tree)) : dir, { recursive: true, filter: (p) => !p.includes(`${sep}__pycache__`) });
  git(['init', '-q'], dir);
  git(['add', '-A'], dir);
  git(['-c', 'user.name=r', '-c', 'user.email=r@r', 'commit', '-qm', 'tree', '--no-verify'], dir);
  return dir;
}

function remodel(args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, maxBuffer: 1 << 30 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString(), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** The module most files name, with the files that name it (by its last segment: relative imports included). */
function mostImported(dir) {
  const all = files(dir);
  const counts = new Map();
  const pattern = lang === 'python' ? /^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))/gm : /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const file of all) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(pattern)) {
      const name = match[1] || match[2];
      let target;
      if (lang === 'python') {
        const path = join(dir, ...name.split('.')) + '.py';
        if (!name.startsWith('.') && all.includes(path)) target = path;
      } else {
        const base = join(file, '..', name.replace(/\.js$/, ''));
        target = [`${base}.ts`, `${base}.tsx`, `${base}.js`, join(base, 'index.ts')].find((p) => all.includes(p));
      }
      if (target) counts.set(target, (counts.get(target) ?? 0) + 1);
    }
  }
  const [target] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return { target: relative(dir, target).split(sep).join('/'), files: all };
}

function parses(dir, paths) {
  if (!paths.length) return [];
  if (lang === 'python') {
    const script = 'import ast,sys\nbad=[]\nfor f in sys.argv[1:]:\n  try: ast.parse(open(f,"rb").read())\n  except SyntaxError as e: bad.append(f)\nprint("\\n".join(bad))';
    return spawnSync('/usr/bin/python3', ['-c', script, ...paths], { cwd: dir }).stdout.toString().split('\n').filter(Boolean);
  }
  const ts = require('typescript');
  return paths.filter((path) => {
    const source = ts.createSourceFile(path, readFileSync(join(dir, path), 'utf8'), ts.ScriptTarget.Latest, false, path.endsWith('x') ? ts.ScriptKind.TSX : undefined);
    return source.parseDiagnostics.length > 0;
  });
}

/** Python: the package's modules that fail to import (every one, through pkgutil), run from the tree itself. */
function failingImports(dir, pkg) {
  const script = `import importlib, pkgutil, sys, warnings\nwarnings.simplefilter('ignore')\nimport ${pkg}\nbad = []\nfor m in pkgutil.walk_packages(${pkg}.__path__, '${pkg}.', onerror=lambda name: bad.append(name)):\n  try: importlib.import_module(m.name)\n  except BaseException as e: bad.append(m.name)\nprint('\\n'.join(sorted(set(bad))))`;
  const result = spawnSync('/usr/bin/python3', ['-c', script], { cwd: dir, env: { ...process.env, PYTHONPATH: dir, PYTHONDONTWRITEBYTECODE: '1' }, timeout: 300_000 });
  return result.stdout.toString().split('\n').filter(Boolean);
}

function changedPaths(patch) {
  return [...patch.toString('latin1').matchAll(/^diff --git a\/(\S+) b\/(\S+)$/gm)].flatMap((m) => (m[1] === m[2] ? [m[2]] : [m[1], m[2]]));
}

for (const tree of trees) {
  const dir = repoOf(tree);
  try {
    const maps = join(dir, '.roundtrip-maps');
    git(['config', 'core.excludesFile', '/dev/null'], dir);
    require('node:fs').mkdirSync(maps);
    writeFileSync(join(dir, '.git', 'info', 'exclude'), '.roundtrip-maps/\n');
    writeFileSync(join(maps, 'empty.yaml'), `version: 1\nlanguage: ${lang}\nroot: .\nrewrite: []\n`);
    const empty = remodel(['plan', '--map', join(maps, 'empty.yaml')], dir);
    const emptyFailures = (empty.stderr.match(/^ {2}\S+:\d+:\d+: /gm) ?? []).length;

    const { target, files: all } = mostImported(dir);
    const moved = target.replace(/([^/]+)$/, 'relocated/$1');
    writeFileSync(join(maps, 'move.yaml'), `version: 1\nlanguage: ${lang}\nroot: .\nrelocate:\n  - from: ${target}\n    to: ${moved}\n`);
    const plan = remodel(['plan', '--map', join(maps, 'move.yaml')], dir);
    const changed = changedPaths(plan.stdout);
    const stem = basename(target).replace(/\.\w+$/, '');
    const stray = changed.filter((path) => path !== target && path !== moved && !/__init__\.py$/.test(path) && !readFileSync(join(dir, path), 'latin1').includes(stem));

    const pkg = basename(tree);
    const failingBefore = lang === 'python' ? failingImports(dir, pkg) : [];
    const byGit = mkdtempSync(join(tmpdir(), 'remodel-roundtrip-git-'));
    cpSync(dir, byGit, { recursive: true });
    git(['apply'], byGit, plan.stdout);
    const applied = remodel(['apply', '--map', join(maps, 'move.yaml')], dir);
    git(['add', '-A'], dir);
    git(['add', '-A'], byGit);
    const same = git(['write-tree'], dir).toString() === git(['write-tree'], byGit).toString();
    rmSync(byGit, { recursive: true, force: true });
    const unparsed = parses(dir, changed.filter((path) => path !== target && statSync(join(dir, path), { throwIfNoEntry: false })));
    const newlyFailing = lang === 'python' ? failingImports(dir, pkg).filter((name) => !failingBefore.includes(name)) : undefined;
    const line = {
      tree,
      files: all.length,
      emptyMap: { status: empty.status, patchBytes: empty.stdout.length, failures: emptyFailures, seconds: +empty.seconds.toFixed(2) },
      move: { target, importersChanged: changed.length, notNamingIt: stray, status: plan.status, seconds: +plan.seconds.toFixed(2) },
      applyStatus: applied.status,
      gitApplyEqualsApply: same,
      changedFilesThatDoNotParse: unparsed,
      ...(newlyFailing ? { modulesThatNoLongerImport: newlyFailing } : {}),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

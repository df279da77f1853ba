#!/usr/bin/env node
'use strict';
/*
 * Replay a real consolidation from public history with remodel and compare with what the humans did
 * (issue 8). Plain Node.js; needs git, tar and python3 on PATH, and a snapshot of the repository.
 *
 *   node bench/replay/run.js <case> [--remodel dist/bin/remodel.js] [--work /tmp/replay] [--mirror DIR]
 *                                   [--json FILE] [--plan-runs 3] [--apply-runs N] [--judge tsoracle.cjs]
 *   node bench/replay/run.js --list
 *
 * Steps: BEFORE -> <work>/<case>/remodel; the canonical files of AFTER copied in (nothing else); a git
 * commit of that state; `remodel apply --map bench/replay/maps/<case>.yaml --json` (timed); then
 *  (1) files changed by remodel vs by the humans, restricted to the Python files that reference an old
 *      module in BEFORE (imports, dotted strings): recall, precision, each file in one set only;
 *  (2) per file changed by either, compare_imports.py: imports resolved to (module, name), bindings,
 *      uses of imported names, qualified chains and dotted strings, remodel's version vs the humans'.
 * The old modules (shims in the human tree) are compared as shims: the names each version offers.
 * TypeScript cases (`language: 'typescript'`) run remodel once per scope folder and compare through
 * compare_ts_imports.js instead: see typescript.js. Blobs a partial snapshot lacks are left out of the trees.
 * Exit: 0 done (even with differences: this is a report), 2 bad arguments, 3 snapshot absent (skipped).
 */
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const HERE = __dirname;
const REPO = path.resolve(HERE, '..', '..');

/*
 * canonical: AFTER paths (a trailing / = every file under it) copied into BEFORE.
 * oldFiles: BEFORE paths of the old modules (a trailing / = prefix); they are shims in AFTER and are left
 * out of (1) and (2); shimModules are compared as shims.
 */
const CASES = {
  'wagtail-panels': {
    repo: 'wagtail/wagtail',
    before: '2a07990770c5455e892da6efbcf3def537cb83e4',
    after: '3b77e23cfe71bdd1c482c7be9721ceeb687db6b9',
    roots: ['.'],
    old: ['wagtail.admin.edit_handlers', 'wagtail.contrib.forms.edit_handlers'],
    package: false,
    prefixes: ['wagtail.admin.edit_handlers', 'wagtail.contrib.forms.edit_handlers', 'wagtail.admin.panels', 'wagtail.contrib.forms.panels'],
    renames: ['wagtail.admin.edit_handlers=wagtail.admin.panels', 'wagtail.contrib.forms.edit_handlers=wagtail.contrib.forms.panels'],
    canonical: ['wagtail/admin/panels.py', 'wagtail/contrib/forms/panels.py'],
    oldFiles: ['wagtail/admin/edit_handlers.py', 'wagtail/contrib/forms/edit_handlers.py'],
    shimModules: ['wagtail.admin.edit_handlers', 'wagtail.contrib.forms.edit_handlers'],
  },
  'prefect-server': {
    repo: 'PrefectHQ/prefect',
    before: '09860e5c085433e332033a4ec9c3f6dfd77cec74',
    after: 'ebb2c044332a7d6acbc111bb19eed5fc022ae311',
    roots: ['src', '.'],
    old: ['prefect.orion'],
    package: true,
    prefixes: ['prefect.orion', 'prefect.server', 'tests.orion', 'tests.server'],
    renames: ['prefect.orion=prefect.server', 'tests.orion=tests.server'],
    canonical: ['src/prefect/server/'],
    oldFiles: ['src/prefect/orion/'],
    shimModules: ['prefect.orion'],
  },
};
// the same replay without relocating tests/orion -> tests/server: the rewrite alone
CASES['prefect-server-inplace'] = { ...CASES['prefect-server'] };

/*
 * TypeScript cases (bench/replay/typescript.js): `scopes` are the folders remodel runs over (one --cwd
 * each, the same map), `old` the bare specifiers that move whole (with their sub-paths), `names` the
 * name-level moves, `renames` OLD=NEW specifiers for the report.
 */
CASES['medusa-framework'] = {
  language: 'typescript',
  repo: 'medusajs/medusa',
  before: '48bea267dc78a15a6b769ad38c6a71a65e2edbd1',
  after: 'a8e19faf8dc0b331ca68135058e30d140c52ee84', // #9253 "chore: use framework sub paths everywhere"
  // the package the PR migrated, and the two integration-tests folders whose every reference the humans
  // rewrote too (the rest of integration-tests/, core-flows, modules/* keep the old specifiers in AFTER)
  scopes: ['packages/medusa', 'integration-tests/helpers', 'integration-tests/environment-helpers'],
  old: ['@medusajs/types', '@medusajs/utils', '@medusajs/workflows-sdk', '@medusajs/modules-sdk', '@medusajs/orchestration'],
  names: {
    '@medusajs/framework': [
      'AuthenticatedMedusaRequest', 'MedusaNextFunction', 'MedusaRequest', 'MedusaResponse', 'MedusaStoreRequest',
      'MiddlewareFunction', 'MiddlewareRoute', 'RoutesLoader', 'authenticate', 'defineMiddlewares', 'errorHandler',
      'expressLoader', 'formatException', 'logger', 'LinkLoader', 'FlagSettings', 'featureFlagsLoader', 'configLoader',
      'configManager', 'pgConnectionLoader', 'JobLoader', 'SubscriberLoader', 'WorkflowLoader', 'Tracer',
    ],
  },
  renames: ['@medusajs/types=@medusajs/framework/types', '@medusajs/utils=@medusajs/framework/utils', '@medusajs/workflows-sdk=@medusajs/framework/workflows-sdk', '@medusajs/modules-sdk=@medusajs/framework/modules-sdk', '@medusajs/orchestration=@medusajs/framework/orchestration'],
  // AFTER adds the `exports` ./http, ./telemetry, ./feature-flags; the sub-path sources exist in BEFORE
  canonical: ['packages/core/framework/package.json'],
  applyRuns: 3,
};

/*
 * ghostfolio/ghostfolio #5805: one interface moved to another file and renamed (Export -> ExportResponse) and
 * followed through the barrel libs/common/src/lib/interfaces/index.ts, whose importers use the tsconfig.base.json
 * `paths` alias `@ghostfolio/common/interfaces` (an Nx monorepo: no root tsconfig.json). remodel runs once over
 * the whole repository (scope '.'). `old` holds repository paths here (`~/` = resolved relative specifier, as
 * compare_ts_imports.js writes them), `oldFiles` the old module (the humans moved it; remodel leaves it: the map
 * has neither shim nor relocate). `setupFiles` are written into the tree before its commit and left out of the
 * comparison; `map` names the map when it is not `<case>.yaml`.
 */
CASES['ghostfolio-export'] = {
  language: 'typescript',
  repo: 'ghostfolio/ghostfolio',
  before: 'b915c9554e6bec9ee2cb690a8ffaf4a8fd857e6f',
  after: '7ee38d0067e79aef81d14facf4e810875a78d28e', // #5805 "Refactor Export interface to ExportResponse interface"
  scopes: ['.'],
  old: ['~/libs/common/src/lib/interfaces/export.interface'],
  names: { '@ghostfolio/common/interfaces': ['Export'] },
  oldFiles: ['libs/common/src/lib/interfaces/export.interface.ts'],
  canonical: ['libs/common/src/lib/interfaces/responses/export-response.interface.ts'],
  judgeConfig: 'tsconfig.base.json',
  applyRuns: 3,
};
// the same with a root tsconfig.json that extends tsconfig.base.json: the setup a remodel without per-file
// tsconfig resolution needs to see the `paths` of an Nx workspace
CASES['ghostfolio-export-rootconfig'] = {
  ...CASES['ghostfolio-export'],
  map: 'ghostfolio-export',
  setupFiles: { 'tsconfig.json': '{ "extends": "./tsconfig.base.json" }\n' },
};

function parseArgs(argv) {
  const args = { remodel: path.join(REPO, 'dist', 'bin', 'remodel.js'), work: '/tmp/replay', planRuns: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--remodel') args.remodel = path.resolve(value());
    else if (a === '--judge') args.judge = path.resolve(value());
    else if (a === '--work') args.work = path.resolve(value());
    else if (a === '--mirror') args.mirror = path.resolve(value());
    else if (a === '--json') args.json = path.resolve(value());
    else if (a === '--plan-runs') args.planRuns = Number(value());
    else if (a === '--apply-runs') args.applyRuns = Number(value());
    else if (a === '--list') args.list = true;
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (!args.case) args.case = a;
    else usage(`unexpected argument ${a}`);
  }
  return args;
}

function usage(message) {
  if (message) process.stderr.write(`replay: ${message}\n`);
  process.stderr.write(`usage: node bench/replay/run.js <${Object.keys(CASES).join('|')}> [--remodel CLI.js] [--work DIR] [--mirror GITDIR] [--json FILE] [--plan-runs N] [--apply-runs N] [--judge tsoracle.cjs]\n`);
  process.exit(2);
}

const log = (line) => process.stderr.write(`${line}\n`);

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'], ...opts });
}

function git(gitDir, args, opts) {
  return run('git', [`--git-dir=${gitDir}`, ...args], opts);
}

/** Paths of COMMIT whose blobs the snapshot lacks (a partial mirror: medusa's lacks 4 generated docs under www/). */
function missingBlobs(gitDir, commit) {
  const entries = run('git', [`--git-dir=${gitDir}`, 'ls-tree', '-r', '-z', commit]).split('\0').filter(Boolean);
  const blobs = entries.map((e) => e.match(/^\d+ (\w+) (\w+)\t(.*)$/s)).filter((m) => m && m[1] === 'blob');
  const checked = run('git', [`--git-dir=${gitDir}`, 'cat-file', '--batch-check'], { input: blobs.map((m) => m[2]).join('\n') + '\n' }).split('\n');
  return blobs.filter((m, i) => / missing$/.test(checked[i] ?? '')).map((m) => m[3]);
}

/** `git archive COMMIT | tar -x -C dir` (cached: an existing dir with the marker is reused). */
function extract(gitDir, commit, dir) {
  const marker = path.join(dir, '.replay-commit');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === commit) return [];
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const missing = missingBlobs(gitDir, commit);
  // a pipe, not a buffer: a snapshot can be larger than a Node.js buffer; blobs the snapshot lacks are left out
  const excludes = missing.map((m) => `':(exclude,literal)${m.replace(/'/g, `'\\''`)}'`).join(' ');
  const piped = spawnSync('sh', ['-c', `git --git-dir="$GITDIR" archive --format=tar "$COMMIT" ${missing.length ? `-- . ${excludes}` : ''} | tar -x -C "$DEST"`], {
    env: { ...process.env, GITDIR: gitDir, COMMIT: commit, DEST: dir },
    encoding: 'utf8',
  });
  if (piped.status !== 0) throw new Error(`git archive ${commit} | tar -x: ${piped.stderr}`);
  if (missing.length) log(`replay: the snapshot lacks ${missing.length} blob(s) of ${commit.slice(0, 10)}, left out: ${missing.join(', ')}`);
  fs.writeFileSync(marker, `${commit}\n`);
  return missing;
}

function listFiles(dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name === '.git' || child === '.replay-commit') continue;
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out.sort();
}

const matchesAny = (file, patterns) => patterns.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));
const isPy = (file) => file.endsWith('.py');
const inScope = (file) => isPy(file) && !file.startsWith('docs/');

/** name-status between two trees of a git dir: Map(beforePath -> {status, after}) plus added files. */
function nameStatus(gitDir, from, to, extra = []) {
  const out = run('git', [`--git-dir=${gitDir}`, 'diff', '--name-status', '-z', '-M', '-l0', ...extra, from, to]);
  const fields = out.split('\0').filter((f) => f !== '');
  const changed = new Map();
  const added = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++];
    if (status.startsWith('R') || status.startsWith('C')) {
      const a = fields[i++];
      const b = fields[i++];
      changed.set(a, { status, after: b, edited: status !== 'R100' });
    } else {
      const file = fields[i++];
      if (status === 'A') added.push(file);
      else changed.set(file, { status, after: status === 'D' ? null : file, edited: true });
    }
  }
  return { changed, added };
}

function python(args, input) {
  const result = spawnSync('python3', [path.join(HERE, 'compare_imports.py'), ...args], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`compare_imports.py ${args[0]}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

function pct(n, d) {
  return d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a';
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.list) {
    for (const [name, c] of Object.entries(CASES)) process.stdout.write(`${name}\t${c.repo} ${c.before.slice(0, 10)}..${c.after.slice(0, 10)}\n`);
    return;
  }
  const spec = CASES[args.case];
  if (!spec) usage(args.case ? `unknown case ${args.case}` : 'which case?');
  const mirror = args.mirror ?? path.join(process.env.REPLAY_MIRRORS ?? '/work/.mirror', spec.repo.replace('/', '+'), 'repo');
  if (!fs.existsSync(mirror)) {
    log(`replay: no snapshot of ${spec.repo} at ${mirror} (fetch it, or pass --mirror GITDIR): skipped`);
    process.exit(3);
  }
  for (const commit of [spec.before, spec.after]) {
    try {
      git(mirror, ['cat-file', '-e', `${commit}^{commit}`]);
    } catch {
      log(`replay: ${spec.repo} snapshot at ${mirror} lacks ${commit}: skipped`);
      process.exit(3);
    }
  }
  if (!fs.existsSync(args.remodel)) usage(`no remodel CLI at ${args.remodel} (npm run build)`);
  const mapFile = path.join(HERE, 'maps', `${spec.map ?? args.case}.yaml`);
  const work = path.join(args.work, args.case);
  const beforeDir = path.join(work, 'before');
  const afterDir = path.join(work, 'after');
  const tree = path.join(work, 'remodel');

  log(`replay ${args.case}: extracting ${spec.before.slice(0, 10)} and ${spec.after.slice(0, 10)} under ${work}`);
  extract(mirror, spec.before, beforeDir);
  extract(mirror, spec.after, afterDir);
  fs.rmSync(tree, { recursive: true, force: true });
  run('cp', ['-a', `${beforeDir}/.`, tree]);
  fs.rmSync(path.join(tree, '.replay-commit'), { force: true });

  // the canonical modules from AFTER, nothing else
  const afterFiles = listFiles(afterDir);
  const canonicalFiles = afterFiles.filter((f) => matchesAny(f, spec.canonical));
  if (!canonicalFiles.length) throw new Error(`no canonical file of ${spec.canonical.join(', ')} in AFTER`);
  for (const f of canonicalFiles) {
    fs.mkdirSync(path.dirname(path.join(tree, f)), { recursive: true });
    fs.copyFileSync(path.join(afterDir, f), path.join(tree, f));
  }
  // setup files of the case (not from AFTER): written before the commit, left out of the comparison
  for (const [f, text] of Object.entries(spec.setupFiles ?? {})) {
    if (fs.existsSync(path.join(tree, f))) throw new Error(`setup file ${f} exists in BEFORE`);
    fs.writeFileSync(path.join(tree, f), text);
    log(`replay ${args.case}: setup file ${f} written`);
  }
  const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'replay', GIT_AUTHOR_EMAIL: 'replay@localhost', GIT_COMMITTER_NAME: 'replay', GIT_COMMITTER_EMAIL: 'replay@localhost' };
  run('git', ['init', '-q', tree]);
  run('git', ['-C', tree, 'add', '-A', '-f'], { env: gitEnv });
  run('git', ['-C', tree, 'commit', '-q', '--no-verify', '-m', `BEFORE ${spec.before} + canonical modules of ${spec.after}`], { env: gitEnv });
  log(`replay ${args.case}: ${canonicalFiles.length} canonical file(s) copied from AFTER; running remodel apply`);

  if (spec.language === 'typescript') {
    const { replayTypeScript } = require('./typescript');
    replayTypeScript({ args, spec, tree, beforeDir, afterDir, work, gitEnv, mapFile, mirror, run, nameStatus, matchesAny, listFiles, log, pct });
    return;
  }

  // remodel plan, timed N times (nothing written), then apply once (timed too)
  const planTimes = [];
  for (let i = 0; i < args.planRuns; i++) {
    const t0 = process.hrtime.bigint();
    const planned = spawnSync(process.execPath, [args.remodel, 'plan', '--cwd', tree, '--map', mapFile, '--stat'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    planTimes.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (planned.status !== 0) throw new Error(`remodel plan exited ${planned.status}: ${planned.stderr}`);
  }
  planTimes.sort((x, y) => x - y);
  // remodel apply, timed
  const started = process.hrtime.bigint();
  const applied = spawnSync(process.execPath, [args.remodel, 'apply', '--cwd', tree, '--map', mapFile, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.writeFileSync(path.join(work, 'remodel-report.json'), applied.stdout);
  fs.writeFileSync(path.join(work, 'remodel-stderr.txt'), applied.stderr);
  if (applied.status !== 0) {
    log(applied.stderr);
    throw new Error(`remodel apply exited ${applied.status}`);
  }
  let report = {};
  try {
    report = JSON.parse(applied.stdout);
  } catch {
    /* a report that is not JSON: keep going with the tree */
  }
  log(`replay ${args.case}: remodel apply took ${seconds.toFixed(2)} s`);

  // what remodel changed (relative to the committed BEFORE + canonical state)
  run('git', ['-C', tree, 'add', '-A', '-f'], { env: gitEnv });
  const treeGit = path.join(tree, '.git');
  const remodelStatus = nameStatus(treeGit, 'HEAD', run('git', ['-C', tree, 'write-tree']).trim());
  // what the humans changed
  const humanStatus = nameStatus(mirror, spec.before, spec.after);

  const beforeFiles = listFiles(beforeDir);
  const isOld = (f) => matchesAny(f, spec.oldFiles);
  const isCanonical = (f) => matchesAny(f, spec.canonical);
  const candidatesAll = beforeFiles.filter((f) => inScope(f) && !isOld(f) && !isCanonical(f));
  const refArgs = ['refs', '--tree', beforeDir, ...spec.roots.flatMap((r) => ['--root', r]), ...spec.old.flatMap((o) => ['--old', o]), ...(spec.package ? ['--package'] : [])];
  const refs = python(refArgs, candidatesAll.join('\n'));
  const C = new Set(Object.keys(refs));

  const remodelChanged = new Map([...remodelStatus.changed].filter(([, v]) => v.edited).map(([k, v]) => [k, v.after]));
  const humanChanged = new Map([...humanStatus.changed].filter(([, v]) => v.edited).map(([k, v]) => [k, v.after]));
  const R = new Set([...remodelChanged.keys()].filter((f) => C.has(f)));
  const H = new Set([...humanChanged.keys()].filter((f) => C.has(f)));
  const both = [...R].filter((f) => H.has(f)).sort();
  const onlyRemodel = [...R].filter((f) => !H.has(f)).sort();
  const onlyHuman = [...H].filter((f) => !R.has(f)).sort();
  const untouched = [...C].filter((f) => !R.has(f) && !H.has(f)).sort();
  const recall = both.length / (H.size || 1);
  const precision = both.length / (R.size || 1);

  // (2) per file: remodel's version vs the humans' version
  // a file moved (by remodel's relocate or by the humans) is compared at its new path, edited or not
  const pairs = [...new Set([...R, ...H])].sort().map((f) => ({
    key: f,
    a: { tree, path: remodelStatus.changed.get(f)?.after ?? f },
    b: { tree: afterDir, path: humanStatus.changed.get(f)?.after ?? f },
  }));
  const cmpArgs = ['compare', ...spec.roots.flatMap((r) => ['--root', r]), ...spec.prefixes.flatMap((p) => ['--prefix', p]), ...(spec.renames ?? []).flatMap((r) => ['--rename', r])];
  const compared = python(cmpArgs, JSON.stringify(pairs));

  // shims: the names the old module offers in BEFORE, in remodel's tree and in the humans' tree
  const exportArgs = (dir) => ['exports', '--tree', dir, ...spec.roots.flatMap((r) => ['--root', r]), ...spec.shimModules];
  const shims = { before: python(exportArgs(beforeDir)), remodel: python(exportArgs(tree)), human: python(exportArgs(afterDir)) };

  // out of scope: what else the humans and remodel changed
  const outOfScopeHuman = [...humanChanged.keys()].filter((f) => !C.has(f) && !isOld(f) && !isCanonical(f)).sort();
  const humanAddedOutside = humanStatus.added.filter((f) => !isCanonical(f)).sort();
  const remodelOutside = [...remodelChanged.keys()].filter((f) => !C.has(f) && !isOld(f) && !isCanonical(f)).sort();
  const remodelOld = [...remodelChanged.keys()].filter(isOld).sort();
  const remodelMoves = [...remodelStatus.changed].filter(([, v]) => v.status.startsWith('R')).map(([k, v]) => [k, v.after]);
  const humanMovesPy = [...humanStatus.changed].filter(([k, v]) => v.status.startsWith('R') && isPy(k) && !isOld(k)).map(([k, v]) => [k, v.after]);
  const moveMismatch = humanMovesPy.filter(([k, to]) => (remodelStatus.changed.get(k)?.after ?? k) !== to);

  // ---- the report ----
  const out = [];
  const p = (line = '') => out.push(line);
  p(`# replay ${args.case}: ${spec.repo} ${spec.before.slice(0, 10)} -> ${spec.after.slice(0, 10)}`);
  p();
  p(`remodel apply: ${seconds.toFixed(2)} s (${args.remodel})`);
  if (planTimes.length) p(`remodel plan: min ${planTimes[0].toFixed(2)} s, median ${planTimes[Math.floor(planTimes.length / 2)].toFixed(2)} s over ${planTimes.length} run(s)`);
  if (report.timings) p(`remodel timings: ${JSON.stringify(report.timings)}`);
  p(`Python files referencing ${spec.old.join(', ')}${spec.package ? ' (or a submodule)' : ''} in BEFORE (old modules and canonical files excluded): ${C.size}`);
  p(`  changed by the humans: ${H.size}; by remodel: ${R.size}; by both: ${both.length}; by neither: ${untouched.length}`);
  p(`  recall ${pct(both.length, H.size)} (${both.length}/${H.size}), precision ${pct(both.length, R.size)} (${both.length}/${R.size})`);
  p();
  const list = (title, files, note) => {
    p(`## ${title} (${files.length})`);
    for (const f of files) p(`- ${f}${note ? note(f) : ''}`);
    p();
  };
  const refNote = (f) => `  [${refs[f].join(', ')}]`;
  list('changed by the humans only', onlyHuman, refNote);
  list('changed by remodel only', onlyRemodel, refNote);
  list('referencing an old module, changed by neither', untouched, refNote);

  const equal = [];
  const sameFacts = [];
  const mismatched = [];
  for (const f of Object.keys(compared).sort()) {
    const c = compared[f];
    if (c.equal && c.same_text) equal.push(f);
    else if (c.equal) sameFacts.push(f);
    else mismatched.push(f);
  }
  p(`## per file (files changed by either): ${equal.length} identical, ${sameFacts.length} same imports/uses/strings but other text, ${mismatched.length} differ`);
  p();
  if (sameFacts.length) list('same imports, uses and dotted strings; the text differs (import order, formatting, comments, other edits)', sameFacts);
  const unrewritten = mismatched.filter((f) => compared[f].only_old_prefix);
  const detailed = mismatched.filter((f) => !compared[f].only_old_prefix);
  const tagOf = (f) => {
    const tag = R.has(f) && H.has(f) ? 'both changed' : R.has(f) ? 'remodel only' : 'humans only';
    const to = humanStatus.changed.get(f)?.after;
    return `${tag}${to && to !== f ? `; humans: -> ${to}` : ''}${remodelStatus.changed.get(f)?.after && remodelStatus.changed.get(f).after !== f ? `; remodel: -> ${remodelStatus.changed.get(f).after}` : ''}`;
  };
  p(`## remodel kept the old module where the humans did not: the only difference is the old prefix (${unrewritten.length})`);
  for (const f of unrewritten) {
    const c = compared[f];
    const counts = ['imports', 'uses', 'qualified', 'strings'].filter((k) => c[k]).map((k) => `${k} ${c[k].only_a.length}`).join(', ');
    p(`- ${f} (${tagOf(f)}) [${counts}]`);
  }
  p();
  p(`## other differences (a = remodel, b = humans) (${detailed.length})`);
  for (const f of detailed) {
    const c = compared[f];
    p(`### ${f} (${tagOf(f)})`);
    for (const kind of ['missing', 'error']) if (c[kind]) p(`  ${kind}: ${JSON.stringify(c[kind])}`);
    for (const kind of ['imports', 'bindings', 'uses', 'qualified', 'strings']) {
      if (!c[kind]) continue;
      for (const x of c[kind].only_a) p(`  ${kind}  remodel only: ${x}`);
      for (const x of c[kind].only_b) p(`  ${kind}  humans only:  ${x}`);
    }
  }
  p();
  p('## shims: the names `from OLD import X` can get');
  for (const m of spec.shimModules) {
    const b = new Set(shims.before[m]?.names ?? []);
    const r = new Set(shims.remodel[m]?.names ?? []);
    const h = new Set(shims.human[m]?.names ?? []);
    p(`### ${m}: BEFORE ${b.size}, remodel ${r.size}, humans ${h.size}`);
    const lost = (s) => [...b].filter((n) => !s.has(n)).sort();
    p(`  BEFORE names the remodel shim lacks: ${lost(r).join(', ') || '-'}`);
    p(`  BEFORE names the humans' shim lacks: ${lost(h).join(', ') || '-'}`);
    for (const side of ['remodel', 'human']) for (const n of shims[side][m]?.notes ?? []) p(`  ${side}: ${n}`);
  }
  p();
  list('old-module files remodel changed (compared as shims above, not in recall/precision)', remodelOld);
  list('other files remodel changed (outside the reference set)', remodelOutside);
  if (humanMovesPy.length) {
    p(`## Python files the humans moved: ${humanMovesPy.length}; remodel ended elsewhere: ${moveMismatch.length}`);
    for (const [a, b] of moveMismatch) p(`- ${a} -> ${b} (remodel: ${remodelStatus.changed.get(a)?.after ?? 'not moved'})`);
    p();
  }
  if (remodelMoves.length) p(`remodel moved ${remodelMoves.length} file(s)\n`);
  const humanPyOutside = outOfScopeHuman.filter(inScope);
  list('other Python files the humans changed (no reference to an old module in BEFORE: not a rewrite)', humanPyOutside);
  const nonPy = [...outOfScopeHuman.filter((f) => !inScope(f)), ...humanAddedOutside.filter((f) => !inScope(f))];
  p(`## out of scope: ${nonPy.length} non-Python or docs/ file(s) the humans changed or added (${[...new Set(nonPy.map((f) => path.extname(f) || path.basename(f)))].sort().join(' ')})`);
  p();

  const text = out.join('\n');
  process.stdout.write(text + '\n');
  fs.writeFileSync(path.join(work, 'replay-report.md'), text + '\n');
  const summary = {
    case: args.case, repo: spec.repo, before: spec.before, after: spec.after, seconds, planSeconds: planTimes,
    references: C.size, human: H.size, remodel: R.size, both: both.length, recall, precision,
    onlyHuman, onlyRemodel, untouched, compared, shims, remodelOutside, moveMismatch, remodelReport: report,
  };
  fs.writeFileSync(args.json ?? path.join(work, 'replay.json'), JSON.stringify(summary, null, 1));
  log(`replay ${args.case}: report in ${path.join(work, 'replay-report.md')}, data in ${args.json ?? path.join(work, 'replay.json')}`);
}

try {
  main();
} catch (error) {
  log(`replay: ${error.stack ?? error}`);
  process.exit(1);
}

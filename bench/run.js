#!/usr/bin/env node
'use strict';
// remodel benchmarks (issue 7). See bench/README.md for how to read the output.
//
//   node bench/run.js                                  # = --ts 10000 --py 5000 --real --scaling 10000,30000,100000
//   node bench/run.js --ts 10000 --py 5000 --runs 5 [--scaling] [--real]
//   node bench/run.js --tree ../some-checkout --map ../some-checkout/import-maps/x.yaml [--needles FILE]
//
// Every tool is spawned as a child process and timed from spawn to exit; runs alternate between the
// tools (the order rotates every round), after one untimed warm-up each (--warmup 0 to skip).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { generate, GENERATOR_VERSION } = require('./generate');
const { presentRealTrees } = require('./real-trees');

const repo = path.resolve(__dirname, '..');
const benchDir = __dirname;

// ---------------------------------------------------------------------------------------------
// arguments

const usage = `usage: node bench/run.js [--ts N] [--py N] [--runs 5] [--warmup 1] [--seed 1]
                        [--tree PATH --map FILE ... [--needles FILE]] [--real] [--scaling [2500,5000,10000]]
                        [--tools remodel,jscodeshift,jscodeshift-dist,jscodeshift-baseline,rg,floor,ast-grep,parse-floor,naive] [--remodel CLI.js] [--timeout SECONDS]
                        [--out bench/results.json] [--keep-going]`;

function parseArgs(argv) {
  const o = { ts: undefined, py: undefined, runs: 5, warmup: 1, seed: 1, trees: [], maps: [], real: false, needles: undefined, scaling: undefined, tools: undefined, remodel: path.join(repo, 'dist/bin/remodel.js'), timeout: 1800, out: path.join(benchDir, 'results.json') };
  const number = (flag, value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) fail(`${flag}: expected a number, got '${value}'`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--ts': o.ts = number(flag, value()); break;
      case '--py': o.py = number(flag, value()); break;
      case '--runs': o.runs = Math.max(1, number(flag, value())); break;
      case '--warmup': o.warmup = number(flag, value()); break;
      case '--seed': o.seed = number(flag, value()); break;
      case '--tree': o.trees.push(path.resolve(value())); break;
      case '--map': o.maps.push(path.resolve(value())); break;
      case '--needles': o.needles = path.resolve(value()); break;
      case '--real': o.real = true; break;
      case '--tools': o.tools = value().split(','); break;
      case '--remodel': o.remodel = path.resolve(value()); break;
      case '--timeout': o.timeout = number(flag, value()); break;
      case '--out': o.out = path.resolve(value()); break;
      case '--scaling': {
        const next = inline ?? argv[i + 1];
        if (next !== undefined && /^[\d,.k]+$/.test(next)) {
          if (inline === undefined) i++;
          o.scaling = next.split(',').map((s) => Math.round(s.endsWith('k') ? Number(s.slice(0, -1)) * 1000 : Number(s)));
        } else o.scaling = [2500, 5000, 10000];
        break;
      }
      case '-h': case '--help': process.stdout.write(`${usage}\n`); process.exit(0); break;
      default: fail(`unknown argument '${arg}'\n${usage}`);
    }
  }
  if (o.trees.length !== o.maps.length) fail('each --tree goes with a --map (in the same order)');
  if (o.ts === undefined && o.py === undefined && !o.trees.length && o.scaling === undefined && !o.real) {
    o.ts = 10000;
    o.py = 5000;
    o.real = true;
    o.scaling = [10000, 30000, 100000];
  }
  return o;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const log = (message) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------
// measuring one child: wall time (hrtime, spawn -> exit), peak RSS

/**
 * GNU time (`/usr/bin/time -f ... -o FILE`) reports the child's rusage from wait4(): ru_maxrss is the
 * peak RSS of the largest single process in the child's tree (not a sum), plus user/sys CPU of the
 * whole tree. We wrap every child with it when it exists and works.
 */
function detectGnuTime() {
  if (!fs.existsSync('/usr/bin/time')) return undefined;
  const tmp = path.join(os.tmpdir(), `bench-time-${process.pid}`);
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', tmp, 'true']);
  try {
    const ok = r.status === 0 && /^\d+\s*$/.test(fs.readFileSync(tmp, 'utf8'));
    fs.rmSync(tmp, { force: true });
    return ok ? '/usr/bin/time' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Node cannot get a child's rusage (process.resourceUsage() is this process only; spawnSync returns
 * none), and a pool of workers has several processes. So we also sample /proc every 25 ms and sum
 * the RSS of the child and all its descendants (found by ppid: this kernel has no /proc/PID/task/TID/children).
 * worker_threads share their process, so they are counted in it. Short-lived peaks between two
 * samples can be missed; the reported peak is max(sampled tree sum, GNU time's largest process).
 */
class TreeRssSampler {
  constructor(rootPid, intervalMs = 25) {
    this.rootPid = rootPid;
    this.peakKiB = 0;
    this.samples = 0;
    this.pageKiB = 4; // getconf PAGESIZE is 4096 on every Linux we target
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.sample();
  }
  sample() {
    let entries;
    try {
      entries = fs.readdirSync('/proc');
    } catch {
      this.stop();
      return;
    }
    const children = new Map();
    for (const name of entries) {
      if (name.charCodeAt(0) > 57) continue; // not a pid
      let stat;
      try {
        stat = fs.readFileSync(`/proc/${name}/stat`, 'latin1');
      } catch {
        continue;
      }
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      let list = children.get(ppid);
      if (!list) children.set(ppid, (list = []));
      list.push(Number(name));
    }
    let total = 0;
    const stack = [this.rootPid];
    while (stack.length) {
      const pid = stack.pop();
      try {
        total += Number(fs.readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]) * this.pageKiB;
      } catch {
        /* gone */
      }
      for (const child of children.get(pid) ?? []) stack.push(child);
    }
    this.samples++;
    if (total > this.peakKiB) this.peakKiB = total;
  }
  stop() {
    clearInterval(this.timer);
  }
}

const gnuTime = detectGnuTime();

/**
 * Runs one command; resolves to { seconds, rssMaxProcKiB, rssTreeKiB, userSeconds, sysSeconds, code, signal, stdout, stderr, timedOut }.
 * stdout: 'ignore' (-> /dev/null) or 'capture'.
 */
function measure(command, args, { cwd = repo, stdout = 'capture', timeoutSeconds, env } = {}) {
  return new Promise((resolve) => {
    const timeFile = path.join(os.tmpdir(), `bench-time-${process.pid}-${Date.now()}`);
    const [file, argv] = gnuTime ? [gnuTime, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, args];
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, env: env ?? process.env, stdio: ['ignore', stdout === 'ignore' ? 'ignore' : 'pipe', 'pipe'], detached: true });
    const sampler = new TreeRssSampler(child.pid);
    const out = [];
    const err = [];
    const cap = 4 << 20;
    let outLength = 0;
    let errLength = 0;
    child.stdout?.on('data', (chunk) => { if (outLength < cap) { out.push(chunk); outLength += chunk.length; } });
    child.stderr.on('data', (chunk) => { if (errLength < cap) { err.push(chunk); errLength += chunk.length; } });
    let timedOut = false;
    const timer = timeoutSeconds ? setTimeout(() => { timedOut = true; try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, timeoutSeconds * 1000) : undefined;
    child.on('error', (error) => err.push(Buffer.from(String(error))));
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      sampler.stop();
      clearTimeout(timer);
      let rssMaxProcKiB;
      let userSeconds;
      let sysSeconds;
      if (gnuTime) {
        try {
          const text = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop();
          [rssMaxProcKiB, userSeconds, sysSeconds] = text.split(' ').map(Number);
        } catch {
          /* killed before GNU time wrote it */
        }
        fs.rmSync(timeFile, { force: true });
      }
      let stderr = Buffer.concat(err).toString('utf8');
      // GNU time reports a non-zero exit of its child as "Command exited with non-zero status N" in its output file, not on stderr
      resolve({ seconds, rssMaxProcKiB, rssTreeKiB: Math.max(sampler.peakKiB, rssMaxProcKiB ?? 0), rssSamples: sampler.samples, userSeconds, sysSeconds, code, signal, timedOut, stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// trees

function treeDir(language, n, seed) {
  return path.join(benchDir, '.trees', `${language}-${n}-s${seed}-g${GENERATOR_VERSION}`);
}

/** Generates (or reuses) a tree; the marker file is written last, so a half-written tree is rebuilt. */
function ensureTree(language, n, seed) {
  const dir = treeDir(language, n, seed);
  const marker = path.join(dir, '.bench-complete');
  if (!fs.existsSync(marker)) {
    fs.rmSync(dir, { recursive: true, force: true });
    const t = process.hrtime.bigint();
    log(`bench: generating ${language} tree of ${n} files in ${path.relative(repo, dir)}`);
    generate(language, n, dir, seed);
    fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
    log(`bench:   ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)} s`);
  }
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
  return {
    name: `${language === 'ts' ? 'typescript' : 'python'} ${n}`,
    language: language === 'ts' ? 'typescript' : 'python',
    generated: { files: n, seed, generatorVersion: GENERATOR_VERSION },
    dir,
    map: path.join(dir, 'map.yaml'),
    mapJson: path.join(dir, 'map.json'),
    needles: path.join(dir, 'needles.txt'),
    expected,
  };
}

/** A real checkout: the language comes from the map; needles from --needles, or derived from the map's `from` entries. */
function externalTree(o, dir, mapFile, name = path.basename(dir)) {
  const YAML = require('yaml');
  const map = YAML.parse(fs.readFileSync(mapFile, 'utf8'));
  const scratch = path.join(benchDir, '.trees', `external-${Buffer.from(dir).toString('base64url').slice(-24)}`);
  fs.mkdirSync(scratch, { recursive: true });
  const mapJson = path.join(scratch, 'map.json');
  fs.writeFileSync(mapJson, JSON.stringify(map, null, 2));
  let needles = o.needles;
  if (!needles) {
    needles = path.join(scratch, 'needles.txt');
    const lines = new Set();
    for (const entry of map.rewrite ?? []) {
      const from = String(entry.from);
      if (map.language === 'python') lines.add(from);
      else lines.add(from.startsWith('@') || !from.includes('/') ? from : from.split('/').slice(-2).join('/'));
    }
    fs.writeFileSync(needles, [...lines].join('\n') + '\n');
  }
  return { name, language: map.language, dir, map: mapFile, mapJson, needles, expected: undefined };
}

function countSourceFiles(dir, language) {
  const ext = language === 'python' ? /\.pyi?$/ : /\.(?:[cm]?[jt]sx?)$/;
  let files = 0;
  let bytes = 0;
  const skip = new Set(['.git', 'node_modules', '__pycache__', '.venv', 'venv']);
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) { if (!skip.has(e.name)) walk(path.join(d, e.name)); }
      else if (e.isFile() && ext.test(e.name)) { files++; bytes += fs.statSync(path.join(d, e.name)).size; }
    }
  };
  walk(dir);
  return { files, bytes };
}

// ---------------------------------------------------------------------------------------------
// tools

function which(command) {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const rgPath = which('rg');
/** The read-once floor the issues name (outside the repository: used when present, else bench/floor.js). */
const sharedFloor = path.resolve(repo, '../shared/oracles/floor.mjs');

/**
 * ast-grep, as a user would run it for this job: one rule matching the import statements whose module names one of
 * the map's old modules (by its last part, as a text search would), for every language of the tree. Parses every file.
 */
function astGrepRule(tree) {
  const YAML = require('yaml');
  const map = YAML.parse(fs.readFileSync(tree.map, 'utf8'));
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lasts = [...new Set((map.rewrite ?? []).map((entry) => String(entry.from).split(tree.language === 'python' ? '.' : '/').pop()))].map(escape);
  const file = path.join(benchDir, '.trees', `ast-grep-${path.basename(tree.dir)}.yml`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const rules = tree.language === 'python'
    ? [{ id: 'old-imports', language: 'Python', rule: { any: [{ kind: 'import_from_statement', has: { field: 'module_name', regex: `(^|\\.)(${lasts.join('|')})$` } }, { kind: 'import_statement', has: { kind: 'dotted_name', regex: `(^|\\.)(${lasts.join('|')})$` } }] } }]
    : ['TypeScript', 'Tsx', 'JavaScript'].map((language) => ({ id: `old-imports-${language}`, language, rule: { any: [{ kind: 'import_statement' }, { kind: 'export_statement' }], has: { field: 'source', regex: `(^|/)(${lasts.join('|')})(\\.js)?['"]$` } } }));
  fs.writeFileSync(file, rules.map((rule) => YAML.stringify(rule)).join('---\n'));
  return file;
}

const globs = {
  typescript: ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'],
  python: ['py', 'pyi'],
};

/**
 * Each tool: { id, label, available(tree) -> undefined | reason, command(tree) -> {file, args, stdout, before?, after?}, parse?(result) }
 */
function toolsFor(tree, o) {
  const tools = [];
  const jscodeshiftBin = path.join(repo, 'node_modules/.bin/jscodeshift');
  const transform = path.join(repo, 'transforms/rewrite-imports.ts');
  tools.push({
    id: 'remodel',
    label: 'remodel plan',
    unavailable: () => (fs.existsSync(o.remodel) ? undefined : `${path.relative(repo, o.remodel)} missing: run npm run build`),
    command: () => ({ file: process.execPath, args: [o.remodel, 'plan', '--cwd', tree.dir, '--map', tree.map], stdout: 'ignore' }),
  });
  if (tree.language === 'typescript') {
    const jscodeshiftSummary = (r) => {
      const stat = (word) => { const m = r.stdout.match(new RegExp(`(\\d+) ${word}`)); return m ? Number(m[1]) : undefined; };
      const summary = { errors: stat('errors'), unmodified: stat('unmodified'), skipped: stat('skipped'), ok: stat('ok') };
      const firstError = (r.stdout + r.stderr).split('\n').find((l) => /\bERR\b|Error:|error:/.test(l));
      const processed = (summary.errors ?? 0) + (summary.unmodified ?? 0) + (summary.skipped ?? 0) + (summary.ok ?? 0);
      // jscodeshift exits 0 even when its worker dies or every file fails: that is not a measurement of the work
      const failure = processed === 0 ? `processed no file: ${firstError?.trim().slice(0, 200) ?? lastLines(r.stderr || r.stdout, 2)}` : summary.errors === processed ? `every file failed: ${firstError?.trim().slice(0, 200)}` : undefined;
      return { summary, firstError: firstError?.trim().slice(0, 300), failure };
    };
    tools.push({
      id: 'jscodeshift',
      label: 'jscodeshift -t transforms/rewrite-imports.ts',
      unavailable: () => (!fs.existsSync(jscodeshiftBin) ? 'node_modules/.bin/jscodeshift missing: run npm ci' : !fs.existsSync(transform) ? 'transforms/rewrite-imports.ts is missing' : undefined),
      // run from the tree's root: the transform resolves the map's paths against its working directory.
      // --silent is left out so that jscodeshift's own summary (N errors / N unmodified / N ok) can be
      // read; with the default verbosity that is a few lines (plus one per failing file).
      command: () => ({ file: jscodeshiftBin, args: ['--parser=ts', '--extensions=ts,tsx', '--transform', transform, `--importMap=${tree.map}`, '--dry', tree.dir], stdout: 'capture', cwd: tree.dir }),
      parse: jscodeshiftSummary,
    });
    // the same transform compiled by `npm run build`, without jscodeshift's babel-register hook
    // (that hook compiles every module the transform requires, node_modules included)
    const compiled = path.resolve(path.dirname(o.remodel), '../transforms/rewrite-imports.js');
    tools.push({
      id: 'jscodeshift-dist',
      label: 'jscodeshift --no-babel -t dist/transforms/rewrite-imports.js',
      unavailable: () => (!fs.existsSync(jscodeshiftBin) ? 'node_modules/.bin/jscodeshift missing: run npm ci' : !fs.existsSync(compiled) ? `${path.relative(repo, compiled)} is missing: run npm run build` : undefined),
      command: () => ({ file: jscodeshiftBin, args: ['--no-babel', '--parser=ts', '--extensions=ts,tsx', '--transform', compiled, `--importMap=${tree.map}`, '--dry', tree.dir], stdout: 'capture', cwd: tree.dir }),
      parse: jscodeshiftSummary,
    });
    if (tree.mapJson) {
      tools.push({
        id: 'jscodeshift-baseline',
        label: 'jscodeshift -t bench/jscodeshift-baseline.js',
        unavailable: () => (fs.existsSync(jscodeshiftBin) ? undefined : 'node_modules/.bin/jscodeshift missing: run npm ci'),
        command: () => ({ file: jscodeshiftBin, args: ['--parser=ts', '--extensions=ts,tsx', '--transform', path.join(benchDir, 'jscodeshift-baseline.js'), `--importMap=${tree.mapJson}`, '--dry', tree.dir], stdout: 'capture', cwd: tree.dir }),
        parse: jscodeshiftSummary,
      });
    }
  }
  tools.push({
    id: 'rg',
    label: rgPath ? 'rg -l -F -f needles.txt' : 'grep -rlF -f needles.txt',
    unavailable: () => undefined,
    command: () => (rgPath
      ? { file: rgPath, args: ['-l', '-F', '-f', tree.needles, '--no-ignore-parent', ...globs[tree.language].flatMap((e) => ['-g', `*.${e}`]), tree.dir], stdout: 'capture', okCodes: [0, 1] }
      : { file: 'grep', args: ['-rlF', '-f', tree.needles, ...globs[tree.language].map((e) => `--include=*.${e}`), '--exclude-dir=node_modules', '--exclude-dir=.git', tree.dir], stdout: 'capture', okCodes: [0, 1] }),
    parse: (r) => ({ filesMatched: r.stdout.split('\n').filter(Boolean).length }),
  });
  tools.push({
    id: 'floor',
    label: fs.existsSync(sharedFloor) ? 'floor (shared/oracles/floor.mjs: walk + read once)' : 'floor (node: walk + read once)',
    unavailable: () => undefined,
    command: () => ({ file: process.execPath, args: [fs.existsSync(sharedFloor) ? sharedFloor : path.join(benchDir, 'floor.js'), tree.dir, tree.needles], stdout: 'capture' }),
    parse: (r) => ({ filesMatched: Number(r.stdout.trim()) }),
  });
  const astGrep = path.join(repo, 'node_modules/.bin/ast-grep');
  tools.push({
    id: 'ast-grep',
    label: 'ast-grep scan (one rule: imports of the old modules)',
    unavailable: () => (fs.existsSync(astGrep) ? undefined : 'node_modules/.bin/ast-grep missing: run npm ci'),
    command: () => ({ file: astGrep, args: ['scan', '--rule', astGrepRule(tree), '--json=stream', tree.dir], stdout: 'capture', okCodes: [0, 1] }),
    parse: (r) => ({ filesMatched: new Set(r.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line).file)).size }),
  });
  if (tree.language === 'python') {
    // the files ast-grep's rule matches (the importers of an old module), listed once before the timed runs
    const list = path.join(benchDir, '.trees', `parse-floor-${path.basename(tree.dir)}.txt`);
    let listed = false;
    tools.push({
      id: 'parse-floor',
      label: 'parse floor (bench/parse-floor.js: web-tree-sitter parses the importers, all cores)',
      unavailable: () => (fs.existsSync(astGrep) ? undefined : 'node_modules/.bin/ast-grep missing: run npm ci'),
      before: () => {
        if (listed) return;
        listed = true;
        const r = spawnSync(astGrep, ['scan', '--rule', astGrepRule(tree), '--json=stream', tree.dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
        const files = new Set(r.stdout.split('\n').filter(Boolean).map((line) => path.resolve(tree.dir, JSON.parse(line).file)));
        fs.writeFileSync(list, [...files].map((file) => `${file}\n`).join(''));
      },
      command: () => ({ file: process.execPath, args: [path.join(benchDir, 'parse-floor.js'), list], stdout: 'capture' }),
      parse: (r) => {
        const [files, characters, parseMs] = r.stdout.trim().split(' ').map(Number);
        return { files, characters, parseMs };
      },
    });
    const scratch = path.join(benchDir, '.trees', `scratch-${path.basename(tree.dir)}`);
    tools.push({
      id: 'naive',
      label: 'naive str.replace (python3)',
      unavailable: () => (which('python3') ? undefined : 'python3 not found'),
      // a fresh copy before every run (not timed): the script writes the files it fixes
      before: () => {
        fs.rmSync(scratch, { recursive: true, force: true });
        fs.cpSync(tree.dir, scratch, { recursive: true });
      },
      command: () => ({ file: 'python3', args: [path.join(benchDir, 'naive_replace.py'), scratch, tree.mapJson], stdout: 'capture' }),
      parse: (r) => ({ filesFixed: r.stdout.split('\n').filter((l) => l.startsWith('Fixed:')).length, scratch }),
    });
  }
  return o.tools ? tools.filter((t) => o.tools.includes(t.id)) : tools;
}

// ---------------------------------------------------------------------------------------------
// statistics and rendering

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 3) => (x === undefined || x === null || Number.isNaN(x) ? null : Number(x.toFixed(digits)));
const mib = (kib) => (kib ? kib / 1024 : undefined);

function summarise(runs) {
  const ok = runs.filter((r) => r.ok);
  if (!ok.length) return {};
  const secs = ok.map((r) => r.seconds);
  return {
    median: round(median(secs)),
    min: round(Math.min(...secs)),
    max: round(Math.max(...secs)),
    userSeconds: round(median(ok.map((r) => r.userSeconds ?? NaN))),
    sysSeconds: round(median(ok.map((r) => r.sysSeconds ?? NaN))),
    rssMaxProcMiB: round(Math.max(...ok.map((r) => mib(r.rssMaxProcKiB) ?? 0)), 1),
    rssTreeMiB: round(Math.max(...ok.map((r) => mib(r.rssTreeKiB) ?? 0)), 1),
  };
}

function table(rows, columns) {
  const cells = rows.map((row) => columns.map((c) => String(row[c.key] ?? '')));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((r) => r[i].length)));
  const line = (values) => values.map((v, i) => (columns[i].left ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  return [line(columns.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

const fmt = (x, digits = 2) => (x === undefined || x === null ? '' : x.toFixed(digits));

function renderTree(result) {
  const base = result.tools.find((t) => t.id === 'remodel')?.stats.median;
  const rows = result.tools.map((t) => {
    const s = t.stats;
    const ratio = base && s.median ? s.median / base : undefined;
    return {
      tool: t.label,
      median: fmt(s.median, 3),
      min: fmt(s.min, 3),
      max: fmt(s.max, 3),
      ratio: ratio === undefined ? '' : `${fmt(ratio)}x`,
      cpu: s.userSeconds === undefined || s.userSeconds === null ? '' : fmt(s.userSeconds + (s.sysSeconds ?? 0), 2),
      rss: fmt(s.rssTreeMiB, 0),
      rssProc: fmt(s.rssMaxProcMiB, 0),
      note: t.error ? `ERROR: ${t.error.slice(0, 140)}${t.error.length > 140 ? '...' : ''}` : t.note ?? '',
    };
  });
  return table(rows, [
    { key: 'tool', title: 'tool', left: true },
    { key: 'median', title: 'median s' },
    { key: 'min', title: 'min s' },
    { key: 'max', title: 'max s' },
    { key: 'ratio', title: 'time / remodel' },
    { key: 'cpu', title: 'cpu s' },
    { key: 'rss', title: 'peak RSS MiB' },
    { key: 'rssProc', title: '(largest proc)' },
    { key: 'note', title: 'notes', left: true },
  ]);
}

// ---------------------------------------------------------------------------------------------
// running

async function runOne(tool, tree, o) {
  const cmd = tool.command(tree);
  tool.before?.();
  const loadBefore = os.loadavg()[0];
  const r = await measure(cmd.file, cmd.args, { stdout: cmd.stdout, timeoutSeconds: o.timeout, cwd: cmd.cwd });
  const okCodes = cmd.okCodes ?? [0];
  const output = tool.parse ? tool.parse(r) : undefined;
  const ok = !r.timedOut && okCodes.includes(r.code) && !output?.failure;
  const run = { ok, seconds: round(r.seconds, 4), loadavg1: round(loadBefore, 2), rssMaxProcKiB: r.rssMaxProcKiB, rssTreeKiB: r.rssTreeKiB, userSeconds: r.userSeconds, sysSeconds: r.sysSeconds, code: r.code, signal: r.signal ?? undefined };
  if (!ok) run.error = r.timedOut ? `timed out after ${o.timeout} s` : output?.failure ?? `exit ${r.code ?? r.signal}: ${firstErrorLine(r.stderr || r.stdout)}`;
  if (output) run.output = output;
  return run;
}

/** The line that names the error (`Error: ...`, `remodel: ...`), else the last lines. */
function firstErrorLine(text) {
  const line = text.split('\n').find((l) => /^\s*(?:\w*Error\b|remodel:|error:)/.test(l));
  return (line ?? lastLines(text, 3)).trim().slice(0, 400);
}

function lastLines(text, n) {
  return text.trim().split('\n').slice(-n).join(' | ').slice(0, 400);
}

async function benchTree(tree, o) {
  const tools = toolsFor(tree, o);
  const counted = countSourceFiles(tree.dir, tree.language);
  log(`\nbench: ${tree.name}: ${counted.files} source files, ${(counted.bytes / 1048576).toFixed(1)} MiB (${tree.dir})`);
  const state = tools.map((tool) => ({ tool, runs: [], warmups: [], error: tool.unavailable() }));
  for (const s of state) if (s.error) log(`bench:   ${s.tool.id}: skipped: ${s.error}`);
  const live = () => state.filter((s) => !s.error);
  for (let w = 0; w < o.warmup; w++) {
    for (const s of live()) {
      const run = await runOne(s.tool, tree, o);
      s.warmups.push(run);
      log(`bench:   warm-up ${s.tool.id}: ${run.seconds.toFixed(2)} s${run.ok ? '' : `  ${run.error}`}`);
      if (!run.ok) s.error = run.error; // a tool that fails is reported, not retried
    }
  }
  for (let round = 0; round < o.runs; round++) {
    const order = live();
    const rotated = order.slice(round % Math.max(order.length, 1)).concat(order.slice(0, round % Math.max(order.length, 1)));
    for (const s of rotated) {
      const run = await runOne(s.tool, tree, o);
      s.runs.push(run);
      log(`bench:   run ${round + 1}/${o.runs} ${s.tool.id}: ${run.seconds.toFixed(2)} s, ${fmt(mib(run.rssTreeKiB), 0)} MiB${run.ok ? '' : `  ${run.error}`}`);
      if (!run.ok) s.error = run.error;
    }
  }
  const result = {
    tree: tree.name,
    language: tree.language,
    dir: path.relative(repo, tree.dir) || tree.dir,
    sourceFiles: counted.files,
    sourceMiB: round(counted.bytes / 1048576, 2),
    generated: tree.generated,
    tools: state.map((s) => ({
      id: s.tool.id,
      label: s.tool.label,
      command: commandLine(s.tool.command(tree)),
      error: s.error,
      stats: summarise(s.runs),
      runs: s.runs,
      warmups: s.warmups,
      output: s.runs.concat(s.warmups).find((r) => r.output)?.output,
    })),
  };
  result.checks = await checks(tree, result, o);
  annotate(result);
  return result;
}

function commandLine({ file, args }) {
  return [file, ...args].map((a) => (/[\s'"*]/.test(a) ? `'${a}'` : a)).join(' ').replaceAll(`${repo}/`, '');
}

/** A short note per tool for the table: what it found, so a fast wrong answer is visible. */
function annotate(result) {
  const expected = result.checks.expectedImporters;
  for (const t of result.tools) {
    if (t.error) continue;
    const out = t.output ?? {};
    if (t.id === 'remodel' && result.checks.remodel) {
      const c = result.checks.remodel;
      t.note = c.error ? `check run failed: ${c.error}` : `${c.changedFiles} files changed, ${c.filesParsed} parsed${expected !== undefined ? `; expected ${expected}, missing ${c.missing.length}, unexpected ${c.unexpected.length}` : ''}${c.failures ? `, ${c.failures} parse failures` : ''}${c.needsReview ? `, ${c.needsReview} needs-review` : ''}`;
    } else if (t.id.startsWith('jscodeshift') && out.summary) {
      const s = out.summary;
      t.note = `${s.ok ?? '?'} ok, ${s.unmodified ?? '?'} unmodified, ${s.skipped ?? '?'} skipped, ${s.errors ?? '?'} errors${s.errors ? ` (${out.firstError ?? 'see results.json'})` : ''}`;
    } else if (out.filesMatched !== undefined) {
      t.note = `${out.filesMatched} files match the needles`;
    } else if (t.id === 'naive' && result.checks.naive) {
      const c = result.checks.naive;
      t.note = `${out.filesFixed} files fixed${c.importersLeft !== undefined ? `; ${c.importersLeft} of ${expected} importers still name an old module` : ''}`;
    }
  }
}

/**
 * Untimed checks after the timed runs: what remodel's plan contains (one `plan --json` run) against
 * what the generator planted; what the naive script left behind.
 */
async function checks(tree, result, o) {
  const out = {};
  const expectedFiles = tree.expected ? Object.keys(tree.expected.importers) : undefined;
  if (expectedFiles) out.expectedImporters = expectedFiles.length;
  if (result.tools.some((t) => t.id === 'remodel' && !t.error)) {
    const r = await measure(process.execPath, [o.remodel, 'plan', '--json', '--cwd', tree.dir, '--map', tree.map], { timeoutSeconds: o.timeout });
    try {
      const report = JSON.parse(r.stdout);
      const changed = report.files.map((f) => f.path);
      out.remodel = {
        changedFiles: changed.length,
        filesScanned: report.filesScanned,
        filesParsed: report.filesParsed,
        needsReview: report.needsReview.length,
        failures: report.failures.length,
        timingsMs: report.timings,
      };
      if (expectedFiles) {
        const want = new Set(expectedFiles);
        const got = new Set(changed);
        out.remodel.missing = expectedFiles.filter((f) => !got.has(f));
        out.remodel.unexpected = changed.filter((f) => !want.has(f));
        out.remodel.missingForms = out.remodel.missing.map((f) => `${f}: ${tree.expected.importers[f].join(',')}`);
      }
      out.remodel.needsReviewSample = report.needsReview.slice(0, 10);
      out.remodel.failureSample = report.failures.slice(0, 10);
    } catch (error) {
      out.remodel = { error: `plan --json: exit ${r.code}: ${lastLines(r.stderr, 2) || String(error)}` };
    }
  }
  const naive = result.tools.find((t) => t.id === 'naive' && !t.error);
  if (naive && expectedFiles && naive.output?.scratch) {
    const needles = fs.readFileSync(tree.needles, 'utf8').split('\n').filter(Boolean);
    const left = expectedFiles.filter((f) => {
      const text = fs.readFileSync(path.join(naive.output.scratch, f), 'utf8');
      return needles.some((n) => text.includes(n));
    });
    const byForm = {};
    for (const f of left) for (const form of tree.expected.importers[f]) byForm[form] = (byForm[form] ?? 0) + 1;
    out.naive = { importersLeft: left.length, leftByForm: byForm };
  }
  return out;
}

async function scaling(o) {
  const sizes = o.scaling;
  const trees = sizes.map((n) => ensureTree('ts', n, o.seed));
  log(`\nbench: scaling: remodel plan on TS trees of ${sizes.join(', ')} files`);
  const remodelTool = (tree) => toolsFor(tree, { ...o, tools: ['remodel'] })[0];
  const rgTool = (tree) => toolsFor(tree, { ...o, tools: ['rg'] })[0];
  const points = trees.map((tree, i) => ({ files: sizes[i], tree, remodel: [], rg: [] }));
  for (const p of points) {
    for (let w = 0; w < o.warmup; w++) await runOne(remodelTool(p.tree), p.tree, o);
  }
  for (let round = 0; round < o.runs; round++) {
    for (const p of points) {
      const run = await runOne(remodelTool(p.tree), p.tree, o);
      p.remodel.push(run);
      p.rg.push(await runOne(rgTool(p.tree), p.tree, o));
      log(`bench:   run ${round + 1}/${o.runs} ${p.files} files: remodel ${run.seconds.toFixed(2)} s${run.ok ? '' : `  ${run.error}`}`);
    }
  }
  const out = points.map((p) => ({ files: p.files, remodel: summarise(p.remodel), rg: summarise(p.rg), errors: p.remodel.filter((r) => !r.ok).map((r) => r.error) }));
  // marginal cost between consecutive points: linear growth means a constant ms per 1k extra files
  for (let i = 1; i < out.length; i++) {
    const [a, b] = [out[i - 1], out[i]];
    if (a.remodel.median && b.remodel.median) b.marginalMsPerKFiles = round(((b.remodel.median - a.remodel.median) * 1000) / ((b.files - a.files) / 1000), 1);
  }
  const fit = linearFit(out.filter((p) => p.remodel.median).map((p) => [p.files, p.remodel.median]));
  // CPU seconds (user + sys of the whole process tree) move much less than wall time on a busy machine
  const cpuFit = linearFit(out.filter((p) => p.remodel.userSeconds !== null && p.remodel.userSeconds !== undefined).map((p) => [p.files, p.remodel.userSeconds + (p.remodel.sysSeconds ?? 0)]));
  return { points: out, fit, cpuFit };
}

/** Least squares t = fixed + perFile * files; r2 = 1 is a straight line. */
function linearFit(xy) {
  if (xy.length < 2) return undefined;
  const n = xy.length;
  const mx = xy.reduce((s, [x]) => s + x, 0) / n;
  const my = xy.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = xy.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = xy.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const ssTot = xy.reduce((s, [, y]) => s + (y - my) ** 2, 0);
  const ssRes = xy.reduce((s, [x, y]) => s + (y - (intercept + slope * x)) ** 2, 0);
  return { fixedSeconds: round(intercept), msPerKFiles: round(slope * 1e6, 1), r2: ssTot ? round(1 - ssRes / ssTot, 4) : 1 };
}

function renderScaling({ points, fit, cpuFit }) {
  const cpu = (st) => (st.userSeconds === null || st.userSeconds === undefined ? '' : fmt(st.userSeconds + (st.sysSeconds ?? 0), 2));
  const rows = points.map((p) => ({ files: String(p.files), median: fmt(p.remodel.median, 3), min: fmt(p.remodel.min, 3), max: fmt(p.remodel.max, 3), marginal: fmt(p.marginalMsPerKFiles, 0), cpu: cpu(p.remodel), rss: fmt(p.remodel.rssTreeMiB, 0), rg: fmt(p.rg.median, 3), errors: p.errors.join('; ') }));
  const text = table(rows, [
    { key: 'files', title: 'TS files' },
    { key: 'median', title: 'remodel median s' },
    { key: 'min', title: 'min s' },
    { key: 'max', title: 'max s' },
    { key: 'marginal', title: 'ms per extra 1k files' },
    { key: 'cpu', title: 'cpu s' },
    { key: 'rss', title: 'peak RSS MiB' },
    { key: 'rg', title: 'rg median s' },
    { key: 'errors', title: '', left: true },
  ]);
  const line = (name, f) => (f ? `\n${name}: ${fmt(f.fixedSeconds, 3)} s fixed + ${fmt(f.msPerKFiles, 0)} ms per 1k files (r2 ${fmt(f.r2, 4)})` : '');
  return text + line('wall fit', fit) + line('cpu fit ', cpuFit);
}

/** One line per tree, as issue 17 tabulates them: remodel next to ast-grep and the read-once floor. */
function renderSideBySide(results) {
  const median = (r, id) => r.tools.find((t) => t.id === id)?.stats.median;
  const rows = results.map((r) => {
    const [m, sg, floor] = [median(r, 'remodel'), median(r, 'ast-grep'), median(r, 'floor')];
    const versus = m && sg ? (sg >= m ? `${fmt(sg / m)}x faster` : `${fmt(m / sg)}x slower`) : '';
    return { tree: r.tree, changed: String(r.checks.remodel?.changedFiles ?? ''), parsed: String(r.checks.remodel?.filesParsed ?? ''), remodel: fmt(m, 2), sg: fmt(sg, 2), floor: fmt(floor, 2), parseFloor: fmt(median(r, 'parse-floor'), 2), versus, overFloor: m && floor ? `${fmt(m / floor, 1)}x` : '', rss: fmt(r.tools.find((t) => t.id === 'remodel')?.stats.rssTreeMiB, 0) };
  });
  const withParseFloor = rows.some((row) => row.parseFloor);
  return table(rows, [
    { key: 'tree', title: 'tree', left: true },
    { key: 'changed', title: 'files changed' },
    { key: 'parsed', title: 'parsed' },
    { key: 'remodel', title: 'remodel s' },
    { key: 'sg', title: 'ast-grep s' },
    { key: 'floor', title: 'floor s' },
    ...(withParseFloor ? [{ key: 'parseFloor', title: 'parse floor s' }] : []),
    { key: 'versus', title: 'remodel vs ast-grep' },
    { key: 'overFloor', title: 'remodel / floor' },
    { key: 'rss', title: 'peak RSS MiB' },
  ]);
}

/** The targets of issues 7 and 17, checked against this run (only where the sizes match the issue's). */
function targets(results, scalingPoints) {
  const out = [];
  const get = (r, id) => r.tools.find((t) => t.id === id);
  for (const r of results) {
    const remodel = get(r, 'remodel');
    const m = remodel?.stats.median;
    if (!m) continue;
    if (r.language === 'typescript') {
      // the .ts transform as the issue names it; its compiled twin when jscodeshift cannot load the .ts
      for (const id of ['jscodeshift', 'jscodeshift-dist']) {
        const js = get(r, id);
        if (!js) continue;
        const target = `remodel >= 10x faster than ${js.label}`;
        if (js.stats.median) out.push({ tree: r.tree, target, value: `${fmt(js.stats.median / m)}x faster`, pass: js.stats.median / m >= 10 });
        else out.push({ tree: r.tree, target, value: `not measured: ${(js.error ?? 'no successful run').slice(0, 120)}`, pass: null });
      }
      const baseline = get(r, 'jscodeshift-baseline');
      if (baseline?.stats.median) out.push({ tree: r.tree, target: '(reference) remodel vs a hand-written jscodeshift codemod that parses every file', value: `${fmt(baseline.stats.median / m)}x faster`, pass: null, info: true });
      const rg = get(r, 'rg');
      if (rg?.stats.median) out.push({ tree: r.tree, target: 'remodel <= 3x the time of rg -l', value: `${fmt(m / rg.stats.median)}x rg`, pass: m / rg.stats.median <= 3 });
      out.push({ tree: r.tree, target: 'peak RSS < 1 GiB', value: `${fmt(remodel.stats.rssTreeMiB, 0)} MiB`, pass: remodel.stats.rssTreeMiB < 1024 });
    }
    // issue 17: faster than ast-grep and within 5x the floor on every tree; the generated 10k TS tree 2x / 2.5x
    const generatedTs10k = r.language === 'typescript' && r.generated?.files === 10000;
    const sg = get(r, 'ast-grep')?.stats.median;
    if (sg) out.push({ tree: r.tree, target: `remodel ${generatedTs10k ? '>= 2x' : ''} faster than ast-grep (issue 17)`.replace('  ', ' '), value: `${fmt(sg / m)}x`, pass: sg / m >= (generatedTs10k ? 2 : 1) });
    const parseFloor = get(r, 'parse-floor')?.stats.median;
    if (sg && parseFloor) out.push({ tree: r.tree, target: '(reference) web-tree-sitter parsing the importers alone (bench/parse-floor.js) vs ast-grep', value: sg >= parseFloor ? `${fmt(sg / parseFloor)}x faster` : `${fmt(parseFloor / sg)}x slower`, pass: null, info: true });
    const floor = get(r, 'floor')?.stats.median;
    if (floor) out.push({ tree: r.tree, target: `remodel within ${generatedTs10k ? '2.5' : '5'}x the floor (issue 17)`, value: `${fmt(m / floor, 1)}x`, pass: m / floor <= (generatedTs10k ? 2.5 : 5) });
    if (r.sourceFiles >= 9000 && r.sourceFiles <= 11000) out.push({ tree: r.tree, target: 'peak RSS < 300 MiB at 10k files (issue 17)', value: `${fmt(remodel.stats.rssTreeMiB, 0)} MiB`, pass: remodel.stats.rssTreeMiB < 300 });
    if (r.language !== 'typescript') {
      const naive = get(r, 'naive');
      if (naive?.stats.median) out.push({ tree: r.tree, target: 'remodel <= 3x the naive str.replace script', value: `${fmt(m / naive.stats.median)}x naive`, pass: m / naive.stats.median <= 3 });
    }
  }
  const marginals = (scalingPoints?.points ?? []).map((p) => p.marginalMsPerKFiles).filter((x) => x !== undefined);
  if (marginals.length >= 2) {
    const growth = marginals[marginals.length - 1] / marginals[0];
    const fit = scalingPoints.fit;
    if (fit) {
      const worst = Math.max(...scalingPoints.points.filter((p) => p.remodel.median).map((p) => Math.abs(p.remodel.median - (fit.fixedSeconds + (fit.msPerKFiles / 1e6) * p.files)) / (fit.fixedSeconds + (fit.msPerKFiles / 1e6) * p.files)));
      out.push({ tree: 'scaling', target: 'every point within 10 % of the straight line (issue 17)', value: `worst ${fmt(worst * 100, 1)} %`, pass: worst <= 0.1 });
      const largest = scalingPoints.points[scalingPoints.points.length - 1];
      if (largest.files >= 100000) out.push({ tree: 'scaling', target: 'peak RSS < 1 GiB at 100k files (issue 17)', value: `${fmt(largest.remodel.rssTreeMiB, 0)} MiB`, pass: largest.remodel.rssTreeMiB < 1024 });
    }
    out.push({ tree: 'scaling', target: 'cost grows linearly with files (last marginal ms/1k files <= 1.25x the first)', value: `${marginals.map((m) => fmt(m, 0)).join(' -> ')} ms per 1k files (${fmt(growth)}x), r2 ${fmt(scalingPoints.fit?.r2, 4)}`, pass: growth <= 1.25 });
  }
  return out;
}

function machine(o) {
  const version = (cmd, args) => { const r = spawnSync(cmd, args, { encoding: 'utf8' }); return r.status === 0 ? (r.stdout || r.stderr).split('\n')[0].trim() : undefined; };
  const git = (args) => version('git', ['-C', repo, ...args]);
  return {
    date: new Date().toISOString(),
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu: os.cpus()[0]?.model,
    totalMemMiB: Math.round(os.totalmem() / 1048576),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    python: version('python3', ['--version']),
    rg: rgPath ? version(rgPath, ['--version']) : undefined,
    grep: rgPath ? undefined : version('grep', ['--version']),
    jscodeshift: (() => { try { return require(path.join(repo, 'node_modules/jscodeshift/package.json')).version; } catch { return undefined; } })(),
    loadavg: os.loadavg().map((x) => round(x, 2)),
    rss: gnuTime ? 'max(sampled /proc tree sum every 25 ms, GNU time %M of the largest process)' : 'sampled /proc tree sum every 25 ms (no GNU time)',
    // the commit of this checkout; the CLI measured may be a copy (--remodel), hence its own time stamp
    remodelCli: { path: o.remodel, modified: (() => { try { return fs.statSync(o.remodel).mtime.toISOString(); } catch { return undefined; } })() },
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: (git(['status', '--porcelain', '--', 'src', 'bin', 'transforms']) ?? '') !== '',
  };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const trees = [];
  if (o.ts) trees.push(ensureTree('ts', o.ts, o.seed));
  if (o.py) trees.push(ensureTree('py', o.py, o.seed));
  o.trees.forEach((dir, i) => trees.push(externalTree(o, dir, o.maps[i])));
  if (o.real) {
    const real = presentRealTrees();
    log(`bench: real trees here: ${real.map((t) => t.id).join(', ') || 'none'} (bench/README.md: where medusa and saleor go)`);
    for (const tree of real) trees.push(externalTree({ ...o, needles: undefined }, tree.dir, tree.map, tree.id));
  }
  const info = machine(o);
  log(`bench: ${info.nproc} cores, node ${info.node}, ${info.rg ?? 'grep (no rg)'}, runs ${o.runs} (+${o.warmup} warm-up) per tool`);
  const results = [];
  for (const tree of trees) results.push(await benchTree(tree, o));
  const scalingPoints = o.scaling ? await scaling(o) : undefined;

  let text = '';
  for (const r of results) {
    const loads = r.tools.flatMap((t) => t.runs.map((x) => x.loadavg1)).filter((x) => x !== null);
    text += `\n${r.tree}: ${r.sourceFiles} source files, ${r.sourceMiB} MiB; ${o.runs} runs each, alternating; times in seconds; load average ${fmt(Math.min(...loads), 1)}-${fmt(Math.max(...loads), 1)} on ${info.nproc} cores\n${renderTree(r)}\n`;
    if (r.checks.remodel?.missing?.length) text += `  remodel missed: ${r.checks.remodel.missingForms.slice(0, 5).join('; ')}${r.checks.remodel.missing.length > 5 ? ' ...' : ''}\n`;
    if (r.checks.remodel?.unexpected?.length) text += `  remodel changed unexpected files: ${r.checks.remodel.unexpected.slice(0, 5).join(', ')}\n`;
    if (r.checks.naive?.importersLeft) text += `  naive left behind (by import form): ${Object.entries(r.checks.naive.leftByForm).map(([k, v]) => `${k} ${v}`).join(', ')}\n`;
  }
  if (results.length) text += `\nside by side (issue 17: medians; ratios from this one run)\n${renderSideBySide(results)}\n`;
  if (scalingPoints) text += `\nscaling (remodel plan on generated TS trees, ${o.runs} runs each, alternating)\n${renderScaling(scalingPoints)}\n`;
  const goals = targets(results, scalingPoints);
  if (goals.length) {
    text += '\ntargets (issues 7 and 17)\n';
    for (const g of goals) text += `  ${g.info ? ' info' : g.pass === null ? '  ?  ' : g.pass ? ' PASS' : ' FAIL'}  ${g.tree}: ${g.target}: ${g.value}\n`;
  }
  process.stdout.write(text);
  const report = { machine: info, options: { ...o, remodel: path.relative(repo, o.remodel), out: path.relative(repo, o.out) }, results, scaling: scalingPoints, targets: goals };
  fs.writeFileSync(o.out, JSON.stringify(report, null, 2) + '\n');
  log(`\nbench: wrote ${path.relative(process.cwd(), o.out) || o.out}`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});

#!/usr/bin/env node
'use strict';
// Where does `remodel plan` spend its time? Runs it once under --cpu-prof and prints the top functions
// by self time, and self time per file (src/ modules, typescript.js, web-tree-sitter, node: internals).
// Worker threads write their own profiles; all are added up.
//
//   node bench/profile.js --tree bench/.trees/ts-10000-s1-g3 [--map FILE] [--top 25] [--remodel dist/bin/remodel.js]

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const repo = path.resolve(__dirname, '..');

function main(argv) {
  const arg = (name, fallback) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : fallback; };
  const tree = arg('--tree');
  if (!tree) {
    process.stderr.write('usage: node bench/profile.js --tree DIR [--map FILE] [--top N] [--remodel CLI.js] [--keep]\n');
    return 2;
  }
  const map = arg('--map', path.join(tree, 'map.yaml'));
  const top = Number(arg('--top', 25));
  const cli = path.resolve(arg('--remodel', path.join(repo, 'dist/bin/remodel.js')));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'remodel-prof-'));
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=500', cli, 'plan', '--cwd', tree, '--map', map], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) process.stderr.write(r.stderr);
  const byFunction = new Map();
  const byFile = new Map();
  let total = 0;
  const inclusive = new Map();
  const profiles = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const threads = [];
  for (const file of profiles.sort()) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const thread = { file, ms: 0, idleMs: 0, byFile: new Map() };
    threads.push(thread);
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const keyOf = (n) => `${n.callFrame.functionName || '(anonymous)'}  ${shortUrl(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      const seen = new Set();
      for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
        const key = keyOf(nodes.get(id));
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
      }
    }
    const self = new Map();
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = (profile.timeDeltas[i] ?? 0) / 1000; // ms
      self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
    }
    for (const [id, ms] of self) {
      const { callFrame } = nodes.get(id);
      const where = shortUrl(callFrame.url);
      const fn = `${callFrame.functionName || '(anonymous)'}  ${where}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ''}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
      byFile.set(where || callFrame.functionName, (byFile.get(where || callFrame.functionName) ?? 0) + ms);
      thread.byFile.set(where || callFrame.functionName, (thread.byFile.get(where || callFrame.functionName) ?? 0) + ms);
      thread.ms += ms;
      if (callFrame.functionName === '(idle)') thread.idleMs += ms;
      total += ms;
    }
  }
  const render = (title, m) => {
    process.stdout.write(`\n${title}\n`);
    for (const [name, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}\n`);
  };
  process.stdout.write(`remodel plan --cwd ${tree}: ${wall.toFixed(2)} s wall (with profiler), ${total.toFixed(0)} ms sampled in ${profiles.length} thread profile(s)\n`);
  process.stdout.write('\nper thread (file names are CPU.<date>.<pid>.<thread id>.<seq>.cpuprofile; thread 0 is the main thread)\n');
  for (const t of threads) {
    const busy = [...t.byFile].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ');
    process.stdout.write(`  ${t.file}: ${(t.ms - t.idleMs).toFixed(0)} ms busy, ${t.idleMs.toFixed(0)} ms idle; ${busy}\n`);
  }
  render('self time by file', byFile);
  render('self time by function', byFunction);
  // inclusive (total) time of remodel's own functions and of the TypeScript / tree-sitter entry points
  const interesting = new Map([...inclusive].filter(([k]) => /dist\/(src|transforms)\/|createSourceFile|resolveModuleName|parseSourceFile|bindSourceFile|Parser\.parse|\bparse\b.*tree-sitter|readFileSync|readdirSync/.test(k) && !/^\(/.test(k)));
  render('total (inclusive) time: remodel functions and parser/resolver entry points', interesting);
  if (argv.includes('--keep')) process.stdout.write(`\nprofiles kept in ${dir}\n`);
  else fs.rmSync(dir, { recursive: true, force: true });
  return 0;
}

function shortUrl(url) {
  if (!url) return '';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) return file.slice(nm + 'node_modules/'.length);
  return file.startsWith(repo) ? path.relative(repo, file) : file;
}

process.exitCode = main(process.argv.slice(2));

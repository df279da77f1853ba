'use strict';
/*
 * The TypeScript half of bench/replay/run.js: runs remodel over each scope folder of a TypeScript case
 * and compares the result with the humans' commit through compare_ts_imports.js.
 *
 * A TypeScript case (see CASES in run.js) adds to the common fields:
 *   scopes:   folders (relative to the repository root) that remodel runs over, one `--cwd` each, with the
 *             same map: the folders the humans migrated (a consolidation a team runs package by package)
 *   old:      bare specifiers whose every import moves (matched with their sub-paths: `package: true`)
 *   names:    { specifier: [names] } for name-level moves out of a module that otherwise stays
 *   renames:  OLD=NEW specifier pairs (for "remodel only kept the old specifier" in the report)
 *   oldFiles: the old modules' files (optional): what the humans and remodel did to them is reported apart
 *   setupFiles: files the harness wrote into the tree (run.js), left out like the canonical files
 *   judgeConfig: the tsconfig name given to the independent judge (`--judge tsoracle.cjs`; default tsconfig.json)
 * A scope '.' is the whole repository.
 *
 * Files: every source file of BEFORE (outside node_modules, canonical files excluded) is classified by
 *   REF   it imports an old module or a moved name in BEFORE (compare_ts_imports.js refs);
 *   Himp  the humans changed it and its import facts differ between BEFORE and AFTER (import-related);
 *   Hoth  the humans changed it and its import facts are the same (an unrelated edit);
 *   R     remodel changed it.
 * Recall and precision over Himp inside the scopes (and recall over the whole commit), then per file
 * changed by either: the modules and names imported (`compare_ts_imports.js compare`), remodel vs humans.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { factsOf } = require('./compare_ts_imports');

const COMPARE = path.join(__dirname, 'compare_ts_imports.js');
const isSource = (file) => /\.([mc]?tsx?|[mc]?jsx?)$/.test(file) && !file.endsWith('.d.ts');
const inNodeModules = (file) => file.split('/').includes('node_modules');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

function compareTool(args, input) {
  const result = spawnSync(process.execPath, [COMPARE, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`compare_ts_imports.js ${args[0]}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const SUMMARY_LINE = /remodel: (\d+|no) files? to change \((\d+) parsed of (\d+) scanned\)/;

/** Runs remodel once per scope; returns { seconds, perScope: [{scope, seconds, report, stderr}] }. */
function remodelOverScopes(ctx, command, extra) {
  const perScope = [];
  let total = 0;
  for (const scope of ctx.spec.scopes) {
    const cwd = path.join(ctx.tree, scope);
    const t0 = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [ctx.args.remodel, command, '--cwd', cwd, '--map', ctx.mapFile, ...extra], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    total += seconds;
    if (result.status !== 0) throw new Error(`remodel ${command} --cwd ${scope} exited ${result.status}: ${result.stderr}`);
    let report = {};
    if (extra.includes('--json')) {
      try {
        report = JSON.parse(result.stdout);
      } catch {
        /* keep going */
      }
    }
    perScope.push({ scope, seconds, report, stderr: result.stderr });
  }
  return { seconds: total, perScope };
}

function replayTypeScript(ctx) {
  const { args, spec, tree, beforeDir, afterDir, work, gitEnv, run, nameStatus, matchesAny, listFiles, mirror, log, pct } = ctx;
  const restore = () => {
    run('git', ['-C', tree, 'checkout', '-q', '-f', 'HEAD', '--', '.']);
    run('git', ['-C', tree, 'clean', '-q', '-f', '-d', '-x']);
  };

  // remodel plan, timed N times (nothing written)
  const planTimes = [];
  const planLoads = [os.loadavg()[0]];
  let planned;
  for (let i = 0; i < args.planRuns; i++) {
    planned = remodelOverScopes(ctx, 'plan', ['--stat']);
    planTimes.push(planned.seconds);
    planLoads.push(os.loadavg()[0]);
  }
  // remodel apply, timed M times (the tree restored to BEFORE + canonical between runs)
  const applyRuns = args.applyRuns ?? spec.applyRuns ?? 1;
  const applyTimes = [];
  const scopeTimes = Object.fromEntries(spec.scopes.map((s) => [s, []]));
  const loads = [];
  let applied;
  for (let i = 0; i < applyRuns; i++) {
    if (i > 0) restore();
    loads.push(os.loadavg()[0]);
    applied = remodelOverScopes(ctx, 'apply', ['--json']);
    applyTimes.push(applied.seconds);
    for (const s of applied.perScope) scopeTimes[s.scope].push(s.seconds);
  }
  loads.push(os.loadavg()[0]);
  fs.writeFileSync(path.join(work, 'remodel-report.json'), JSON.stringify(applied.perScope.map(({ scope, report }) => ({ scope, report })), null, 1));
  fs.writeFileSync(path.join(work, 'remodel-stderr.txt'), applied.perScope.map((s) => `## ${s.scope}\n${s.stderr}`).join('\n'));
  log(`replay ${args.case}: remodel apply took ${applyTimes.map((t) => t.toFixed(2)).join(', ')} s`);

  // what remodel changed, what the humans changed
  run('git', ['-C', tree, 'add', '-A', '-f'], { env: gitEnv });
  const remodelStatus = nameStatus(path.join(tree, '.git'), 'HEAD', run('git', ['-C', tree, 'write-tree']).trim());
  const humanStatus = nameStatus(mirror, spec.before, spec.after);
  const remodelChanged = new Set([...remodelStatus.changed].filter(([, v]) => v.edited).map(([k]) => k));
  const humanChanged = new Set([...humanStatus.changed].filter(([, v]) => v.edited).map(([k]) => k));

  const isCanonical = (f) => matchesAny(f, spec.canonical) || Object.prototype.hasOwnProperty.call(spec.setupFiles ?? {}, f);
  const isOld = (f) => matchesAny(f, spec.oldFiles ?? []);
  const inScope = (f) => spec.scopes.some((s) => s === '.' || f.startsWith(`${s}/`));
  const beforeFiles = listFiles(beforeDir).filter((f) => isSource(f) && !inNodeModules(f) && !isCanonical(f) && !isOld(f));

  // REF: references an old module or a moved name in BEFORE
  const refArgs = ['refs', '--tree', beforeDir, ...spec.old.flatMap((o) => ['--old', o]), '--package', ...Object.entries(spec.names ?? {}).flatMap(([m, ns]) => ['--names', `${m}=${ns.join(',')}`])];
  const refs = compareTool(refArgs, beforeFiles.join('\n'));
  const REF = new Set(Object.keys(refs));

  // Himp / Hoth: the humans' source edits, import-related or not
  const Himp = new Set();
  const Hoth = new Set();
  for (const f of humanChanged) {
    if (!isSource(f) || isCanonical(f) || isOld(f) || humanStatus.changed.get(f).after !== f) continue;
    const key = (x) => [...new Set(x.imports.map((i) => i.slice(i.indexOf(' ') + 1)))].sort().join('\n');
    const same = key(factsOf(beforeDir, f)) === key(factsOf(afterDir, f));
    (same ? Hoth : Himp).add(f);
  }
  const R = new Set([...remodelChanged].filter((f) => !isCanonical(f) && !isOld(f)));
  const H = new Set([...Himp].filter(inScope));
  const HoutOfScope = [...Himp].filter((f) => !inScope(f)).sort();
  const both = [...R].filter((f) => H.has(f)).sort();
  const onlyRemodel = [...R].filter((f) => !H.has(f)).sort();
  const onlyHuman = [...H].filter((f) => !R.has(f)).sort();
  const refScope = [...REF].filter(inScope);
  const untouched = refScope.filter((f) => !R.has(f) && !humanChanged.has(f)).sort();

  // per file changed by either (source files): remodel's version vs the humans'
  const keys = [...new Set([...R, ...H, ...[...Hoth].filter(inScope)])].filter(isSource).sort();
  const pairs = keys.map((f) => ({ key: f, a: { tree, path: f }, b: { tree: afterDir, path: humanStatus.changed.get(f)?.after ?? f } }));
  const compared = compareTool(['compare', ...(spec.renames ?? []).flatMap((r) => ['--rename', r])], JSON.stringify(pairs));

  // ---- the report ----
  const out = [];
  const p = (line = '') => out.push(line);
  const scopeOf = (f) => spec.scopes.find((s) => s === '.' || f.startsWith(`${s}/`));
  p(`# replay ${args.case}: ${spec.repo} ${spec.before.slice(0, 10)} -> ${spec.after.slice(0, 10)}`);
  p();
  p(`remodel apply (all ${spec.scopes.length} scopes, one process each): median ${median(applyTimes).toFixed(2)} s over ${applyTimes.length} run(s) [${applyTimes.map((t) => t.toFixed(2)).join(', ')}] (${args.remodel})`);
  for (const s of spec.scopes) p(`  --cwd ${s}: median ${median(scopeTimes[s]).toFixed(2)} s [${scopeTimes[s].map((t) => t.toFixed(2)).join(', ')}]`);
  p(`load average (1 min) around the apply runs: ${loads.map((l) => l.toFixed(2)).join(', ')} on ${os.cpus().length} cores`);
  if (planTimes.length) {
    p(`remodel plan (all scopes): min ${Math.min(...planTimes).toFixed(2)} s, median ${median(planTimes).toFixed(2)} s over ${planTimes.length} run(s) [${planTimes.map((t) => t.toFixed(2)).join(', ')}], load average (1 min) ${planLoads.map((l) => l.toFixed(2)).join(', ')}`);
    for (const s of planned.perScope) {
      const m = s.stderr.match(SUMMARY_LINE);
      p(`  plan --cwd ${s.scope}: ${m ? `scanned ${m[3]}, parsed ${m[2]}, changed ${m[1] === 'no' ? 0 : m[1]}` : 'no summary line'}`);
    }
  }
  for (const s of applied.perScope) {
    const r = s.report;
    p(`  ${s.scope}: scanned ${r.filesScanned ?? '?'}, parsed ${r.filesParsed ?? '?'}, changed ${(r.files ?? []).length}, needs review ${(r.needsReview ?? []).length}, failures ${(r.failures ?? []).length}, timings ${JSON.stringify(r.timings ?? {})}`);
    for (const n of r.needsReview ?? []) p(`    needs review: ${s.scope}/${n.file}:${n.line}: ${n.reason}`);
    for (const n of r.failures ?? []) p(`    failure: ${JSON.stringify(n)}`);
  }
  p();
  p(`Source files in BEFORE: ${beforeFiles.length}; referencing an old module or a moved name: ${REF.size} (${refScope.length} inside the scopes ${spec.scopes.join(', ')})`);
  p(`The humans changed ${humanChanged.size} files: ${Himp.size} source files with import changes (${H.size} inside the scopes, ${HoutOfScope.length} outside), ${Hoth.size} source files without (unrelated edits), ${[...humanChanged].filter((f) => !Himp.has(f) && !Hoth.has(f) && !isOld(f)).length} other files (package.json, tsconfig, lock file, moved files, ...)${(spec.oldFiles ?? []).some((f) => humanChanged.has(f)) ? ', and the old module(s) (below)' : ''}`);
  p(`remodel changed ${R.size} files; both ${both.length}`);
  p(`  recall ${pct(both.length, H.size)} (${both.length}/${H.size}), precision ${pct(both.length, R.size)} (${both.length}/${R.size}) — over the humans' import-related changes inside the scopes`);
  p(`  recall over the whole commit: ${pct(both.length, Himp.size)} (${both.length}/${Himp.size}; the ${HoutOfScope.length} outside the scopes counted as misses)`);
  p();
  const list = (title, files, note) => {
    p(`## ${title} (${files.length})`);
    for (const f of files) p(`- ${f}${note ? note(f) : ''}`);
    p();
  };
  const refNote = (f) => (refs[f] ? `  [${refs[f].join(', ')}]` : '  [no reference in BEFORE]');
  list('import-related, changed by the humans only (inside the scopes)', onlyHuman, refNote);
  list('changed by remodel only (the humans: no import change)', onlyRemodel, (f) => `${refNote(f)}${Hoth.has(f) ? ' (the humans edited it otherwise)' : ''}`);
  list('import-related human changes outside the scopes (not replayed)', HoutOfScope, refNote);
  list('referencing an old module inside the scopes, changed by neither', untouched, refNote);

  const equal = [];
  const sameFacts = [];
  const mismatched = [];
  for (const f of Object.keys(compared).sort()) {
    const c = compared[f];
    if (c.equal && c.same_text) equal.push(f);
    else if (c.equal) sameFacts.push(f);
    else mismatched.push(f);
  }
  p(`## per file (source files changed by either inside the scopes): ${equal.length} identical, ${sameFacts.length} same modules and names but other text, ${mismatched.length} differ`);
  p();
  const detail = (f) => {
    const c = compared[f];
    const tag = R.has(f) && humanChanged.has(f) ? 'both changed' : R.has(f) ? 'remodel only' : 'humans only';
    p(`### ${f} (${tag}${Hoth.has(f) ? ', humans: unrelated edit' : ''})`);
    for (const kind of ['missing', 'parse_errors']) if (c[kind]) p(`  ${kind}: ${JSON.stringify(c[kind])}`);
    for (const kind of ['modules', 'imports', 'bindings', 'strings']) {
      if (!c[kind]) continue;
      for (const x of c[kind].only_a) p(`  ${kind}  remodel only: ${x}`);
      for (const x of c[kind].only_b) p(`  ${kind}  humans only:  ${x}`);
    }
  };
  p(`## same modules and names, other text (${sameFacts.length}): statement kind/binding/type-only differences listed, pure text (formatting, other edits) not`);
  for (const f of sameFacts) {
    const c = compared[f];
    if (c.imports || c.bindings || c.parse_errors) detail(f);
    else p(`- ${f}${Hoth.has(f) ? ' (humans: unrelated edit)' : ''}`);
  }
  p();
  p(`## modules or names differ (a = remodel, b = humans) (${mismatched.length})`);
  for (const f of mismatched) detail(f);
  p();
  const outside = [...remodelChanged].filter((f) => !inScope(f) && !isCanonical(f)).sort();
  list('files remodel changed outside the scopes (should be none)', outside);
  const otherHuman = [...humanChanged].filter((f) => !isSource(f)).sort();
  list('non-source files the humans changed (out of scope)', otherHuman);
  list('source files the humans changed without import changes (unrelated edits)', [...Hoth].sort(), (f) => (inScope(f) ? ` (scope ${scopeOf(f)})` : ''));

  if (spec.oldFiles) {
    p('## old modules');
    for (const f of spec.oldFiles) {
      const h = humanStatus.changed.get(f);
      const r = remodelStatus.changed.get(f);
      const what = (x) => (!x ? 'unchanged' : x.status === 'D' ? 'deleted' : x.after !== f ? `moved to ${x.after} (${x.status})` : 'edited');
      p(`- ${f}: humans ${what(h)}; remodel ${what(r)}${r ? '' : ' (the map neither shims nor relocates it: it stays, unused by the rewritten importers)'}`);
    }
    p();
  }
  let judge;
  if (args.judge) {
    judge = runJudge(ctx);
    p(`## independent judge: ${path.basename(args.judge)} BEFORE+canonical vs remodel's tree, config ${spec.judgeConfig ?? 'tsconfig.json'} (exit ${judge.status}, ${judge.seconds.toFixed(1)} s)`);
    for (const line of judge.output.split('\n').filter(Boolean)) p(`    ${line}`);
    p();
  }

  const text = out.join('\n');
  process.stdout.write(text + '\n');
  fs.writeFileSync(path.join(work, 'replay-report.md'), text + '\n');
  const summary = {
    case: args.case, repo: spec.repo, before: spec.before, after: spec.after, scopes: spec.scopes,
    applySeconds: applyTimes, scopeSeconds: scopeTimes, planSeconds: planTimes, planLoad: planLoads, load: loads, judge,
    references: REF.size, human: H.size, humanOutOfScope: HoutOfScope, humanUnrelated: [...Hoth].sort(), remodel: R.size, both: both.length,
    recall: both.length / (H.size || 1), precision: both.length / (R.size || 1), recallWholeCommit: both.length / (Himp.size || 1),
    onlyHuman, onlyRemodel, untouched, compared, remodelOutside: outside,
    remodelReports: applied.perScope.map(({ scope, report }) => ({ scope, report })),
  };
  fs.writeFileSync(args.json ?? path.join(work, 'replay.json'), JSON.stringify(summary, null, 1));
  log(`replay ${args.case}: report in ${path.join(work, 'replay-report.md')}, data in ${args.json ?? path.join(work, 'replay.json')}`);
}

/**
 * The independent judge (../shared/oracles/tsoracle.cjs in this project): BEFORE = the tree's committed state
 * (BEFORE + canonical + setup files), AFTER = remodel's tree, the map as JSON. It resolves names with the
 * TypeScript checker under one tsconfig (spec.judgeConfig), with this repository's typescript package.
 */
function runJudge(ctx) {
  const { args, spec, tree, work, mapFile } = ctx;
  const base = path.join(work, 'judge-before');
  fs.rmSync(base, { recursive: true, force: true });
  fs.mkdirSync(base, { recursive: true });
  const archived = spawnSync('sh', ['-c', 'git -C "$TREE" archive HEAD | tar -x -C "$DEST"'], { env: { ...process.env, TREE: tree, DEST: base }, encoding: 'utf8' });
  if (archived.status !== 0) throw new Error(`git archive for the judge: ${archived.stderr}`);
  const mapJson = path.join(work, 'map.json');
  fs.writeFileSync(mapJson, JSON.stringify(require('yaml').parse(fs.readFileSync(mapFile, 'utf8'))));
  const repoModules = path.resolve(__dirname, '..', '..', 'node_modules');
  const t0 = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [args.judge, base, tree, mapJson, ...(spec.judgeConfig ? [spec.judgeConfig] : [])], {
    env: { ...process.env, NODE_PATH: repoModules },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { status: result.status, seconds, output: `${result.stdout}${result.stderr}` };
}

module.exports = { replayTypeScript };

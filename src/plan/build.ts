import { type Dirent, readdirSync, statSync } from 'node:fs';
import { comparePaths, normalisePath } from '../core/paths';
import { join, resolve } from 'node:path';
import { UsageError } from '../core/errors';
import { findImportMaps } from '../importmap';
import { discoverFiles } from '../workspace/discover';
import { planDjangoStateMoves } from '../schema/django/state-moves';
import { reverseNameClashes } from '../schema/django/reverse-accessors';
import { createChunkRunner, defaultJobs, defaultPoolThresholds, poolMode } from '../workspace/pool';
import { minimumFiles, ReadAheadWorker } from '../workspace/read-ahead';
import { applyEdits, lineAt } from '../core/edits';
import { canWriteIn } from '../core/encoding';
import { ownTaskModule } from '../core/own-modules';
import type { DiskWorkspace } from '../workspace/workspace';
import { tableRenameLabel } from '../schema/tables/names';
import { openSession, planFiles, scanCandidates, type ChunkTask } from './session';
import { planTables } from './tables';
import { planPrune } from './prune';
import { ProjectPrettier } from '../languages/project-prettier';
import { inShard, type Shard } from './shard';
import type { FileChange, Plan, PlanSummary, ShimStatus } from './types';
import { textOrUndefined } from '../core/read-text';
import { shimMarkerText } from '../core/shims';
import type { FileResult } from '../core/types';
import type { LanguageAdapter, PreparedMap } from '../languages/types';

export type TransformName = 'rewrite-imports' | 'insert-shims' | 'move-files' | 'rename-tables' | 'prune';
/** What runs by default; `prune` (the end of a deprecation) only when asked for. */
export const transformNames: readonly TransformName[] = ['rewrite-imports', 'insert-shims', 'move-files', 'rename-tables'];

export interface PlanOptions {
  /** repository root (default: the current directory) */
  cwd?: string;
  /** import map files; default: every map under `<cwd>/import-maps/` */
  maps?: readonly string[];
  /** which transforms run (default: all) */
  only?: readonly TransformName[];
  /** parallel workers for parsing (default: the machine's cores; 1 runs in this thread) */
  jobs?: number;
  /** plan only the files of shard `index` of `count` (a deterministic split by path, for CI matrices) */
  shard?: Shard;
  /** called with warnings that are not tied to a file (e.g. a section a transform does not cover yet) */
  onWarning?: (message: string) => void;
  /** files longer than this (in characters; default 4 MiB) are not parsed, and reported when they name an old module */
  maxFileSize?: number;
  /** called as files are planned: how many of how many (the CLI draws a progress bar from it on a terminal) */
  onProgress?: (done: number, total: number) => void;
}

const now = (): number => performance.now();

/** Above this many characters a file is not parsed (a generated file can exhaust the parser's memory). */
export const defaultMaxFileSize = 4 * 1024 * 1024;

/**
 * Every file remodel generated or recomputed (shims, migrations, moved files) is parsed again before it enters the
 * plan (rewrites are checked file by file as they are planned): one that would not parse is a remodel bug, reported
 * as a failure and not written.
 */
async function checkGeneratedSyntax(plan: Plan, workspace: DiskWorkspace, sources: Map<string, Set<string>>, adapters: readonly LanguageAdapter<PreparedMap>[]): Promise<void> {
  for (const change of workspace.changes()) {
    const made = sources.get(change.path);
    if (change.after === null || !made || (made.size === 1 && made.has('rewrite-imports'))) continue;
    const adapter = adapters.find((candidate) => candidate.syntaxError && candidate.owns(change.path));
    const error = await adapter?.syntaxError!(change.path, change.after);
    if (!error) continue;
    plan.failures.push({ file: change.path, line: error.line, column: error.column, error: `the generated text would not parse (${error.message}): not written, please report this` });
    workspace.discard(change.path);
  }
}

/**
 * Every file the plan writes is laid out as the project's own prettier lays it out, where the project has one and
 * the file passed its check before: the project's CI check stays green (Python's import order is kept per file, as
 * the rewrite plans it).
 */
async function keepProjectLayout(plan: Plan, workspace: DiskWorkspace): Promise<void> {
  const prettier = new ProjectPrettier(plan.cwd);
  for (const change of workspace.changes()) {
    if (change.after === null) continue;
    const outcome = await prettier.format(change.path, change.before, change.after);
    if (outcome.kind === 'formatted' && outcome.text !== change.after) workspace.write(change.path, outcome.text);
    if (outcome.kind === 'kept' && outcome.why) plan.notes.push({ file: change.path, line: 1, message: outcome.why });
  }
}

/** A file read in another encoding than UTF-8 is written back in it; an edit that encoding cannot hold fails the file, untouched. */
function writableResult(result: FileResult, before: () => string, encoding: string): FileResult {
  if (result.kind !== 'changed' || encoding === 'utf-8' || canWriteIn(applyEdits(before(), result.edits), encoding)) return result;
  const why = /^utf-16/.test(encoding) ? `is ${encoding.toUpperCase()} text, which a patch cannot carry (git takes it for binary)` : `declares coding ${encoding} (PEP 263), which cannot hold the rewritten text`;
  return { kind: 'failed', file: result.file, line: 1, column: 1, error: `${why}: left untouched, edit it by hand` };
}

interface Discovered {
  options: PlanOptions;
  cwd: string;
  only: ReadonlySet<string>;
  jobs: number;
  timings: Record<string, number>;
  start: number;
  mapFiles: string[];
  files: string[];
  reading: Reading;
}

/** Computes every edit the maps imply, without touching disk. */
export async function buildPlan(options: PlanOptions = {}): Promise<Plan> {
  const cwd = resolve(options.cwd ?? '.');
  const only = new Set(options.only ?? transformNames);
  const jobs = options.jobs ?? defaultJobs();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of at least 1, not ${options.jobs}`);
  const timings: Record<string, number> = {};
  const start = now();
  const mapFiles = findImportMaps(cwd, options.maps);
  const files = discoverFiles(cwd);
  const reading: Reading = { wanted: only.has('rewrite-imports') && jobs > 1 };
  try {
    return await planDiscovered({ options, cwd, only, jobs, timings, start, mapFiles, files, reading });
  } finally {
    await Promise.all([reading.reader?.close(), ...(reading.helpers ?? []).map((stop) => stop())]);
  }
}

/**
 * The read-ahead worker of a plan: wanted with more than one thread; started once a map's preparation leaves files to
 * read. The adapters' helper threads are allowed where it pays too (on 1,000 files or more).
 */
interface Reading {
  wanted: boolean;
  reader?: ReadAheadWorker;
  helpers?: Array<() => Promise<void>>;
}

/** `buildPlan` once the files are known. */
async function planDiscovered({ options, cwd, only, jobs, timings, start, mapFiles, files, reading }: Discovered): Promise<Plan> {
  // the worker starts before a preparation that leaves files to read, so that its start-up overlaps it
  const session = await openSession(cwd, mapFiles, files, (map, adapter) => {
    if (reading.wanted && !reading.reader && !adapter.preparationReadsEveryFile?.(map)) reading.reader = ReadAheadWorker.start(cwd, files.length);
  });
  const { reader } = reading;
  const { workspace, loaded } = session;
  if (reading.wanted && files.length >= minimumFiles) reading.helpers = loaded.flatMap(({ adapter, prepared }) => adapter.useHelperThread?.(prepared) ?? []);
  for (const warning of session.warnings) options.onWarning?.(warning);
  timings.prepare = now() - start;

  const plan: Plan = {
    cwd,
    changes: [],
    needsReview: [],
    notes: [],
    failures: [],
    summary: { filesScanned: workspace.files.length, filesParsed: 0, entries: {} },
    timings,
  };
  const sources = new Map<string, Set<string>>();
  const rewrites = new Map<string, { line: number; entries: string[] }>();
  const mine = (path: string): boolean => !options.shard || inShard(path, options.shard);

  // first, so that the steps after it (rewrites, moves) compose on the models it edits
  if (only.has('rename-tables')) {
    start = now();
    const tables = await planTables(loaded.map((l) => l.map), workspace, (message) => options.onWarning?.(message));
    for (const map of loaded.map((l) => l.map)) for (const rename of map.tables) plan.summary.entries[tableRenameLabel(rename)] ??= { files: 0, imports: 0, references: 0, strings: 0 };
    for (const result of tables.results) {
      recordResult(plan, result);
      if (result.kind !== 'changed' || !mine(result.file)) continue;
      workspace.write(result.file, applyEdits(workspace.read(result.file), result.edits));
      addSource(sources, result.file, 'rename-tables');
      countEntries(plan.summary, result);
    }
    for (const { path, text } of tables.created) {
      if (!mine(path)) continue;
      workspace.write(path, text);
      addSource(sources, path, 'rename-tables');
    }
    timings.tables = now() - start;
  }

  if (only.has('rewrite-imports')) {
    start = now();
    // the workers (when it pays) start during the scan, so that their start-up overlaps the reading
    const task = { ...ownTaskModule('plan/pool-task.js', 'planPoolTask'), init: { cwd, mapFiles, files }, inBand: (chunk: ChunkTask) => planFiles(session, chunk.mapIndex, chunk.files) };
    const runner = createChunkRunner(task, jobs, poolMode(jobs, options.jobs !== undefined), (chunk) => loaded[chunk.mapIndex]!.adapter.poolThresholds ?? defaultPoolThresholds);
    try {
      for (const [mapIndex, { map, adapter }] of loaded.entries()) {
        for (const rule of map.rules) plan.summary.entries[rule.label] ??= { files: 0, imports: 0, references: 0, strings: 0 };
        const paths = files.filter((path) => adapter.owns(path) && mine(path));
        const limits = { maxFileSize: options.maxFileSize ?? defaultMaxFileSize, onSkipped: (result: FileResult) => recordResult(plan, result) };
        const found = await scanCandidates(session, mapIndex, paths, (batch) => runner.push({ mapIndex, files: batch }), limits, { reader, idle: () => runner.planQueued() });
        plan.summary.filesParsed += found;
        let done = 0;
        const outputs = await runner.finish((task) => {
          done += task.files.length;
          options.onProgress?.(done, found);
        });
        for (const planned of outputs.flatMap((output) => output.results)) {
          const result = writableResult(planned, () => workspace.read(planned.file), workspace.encodingOf(planned.file));
          recordResult(plan, result);
          if (result.kind !== 'changed') continue;
          const before = workspace.read(result.file);
          workspace.write(result.file, applyEdits(before, result.edits));
          addSource(sources, result.file, 'rewrite-imports');
          rewrites.set(result.file, { line: lineAt(before, Math.min(...result.edits.map((edit) => edit.start))), entries: Object.keys(result.stats) });
          countEntries(plan.summary, result);
        }
      }
    } finally {
      await runner.close();
    }
    // an entry whose old module exists nowhere and that changed nothing is most likely a typo: `check` would pass forever
    for (const { map, adapter, prepared } of loaded) {
      for (const rule of map.rules) {
        if (rule.derived || rule.package || plan.summary.entries[rule.label]?.files || adapter.moduleExists?.(prepared, rule.from) !== false) continue;
        options.onWarning?.(`${map.file}:${map.lineOf(['rewrite', rule.index, 'from']) ?? 1}: rewrite[${rule.index}].from: '${rule.from}' names no module in the repository and nothing was rewritten for it: a typo?`);
      }
      for (const warning of adapter.warnings?.(prepared) ?? []) options.onWarning?.(warning);
      plan.needsReview.push(...(adapter.consolidationReview?.(prepared, workspace.asOnDisk()) ?? []));
      // a `to` that resolves to nothing leaves every rewritten import unresolvable (a real Nx consolidation: 73 files)
      for (const rule of map.rules) {
        const files = plan.summary.entries[rule.label]?.files ?? 0;
        if (rule.derived || rule.package || !files || adapter.moduleExists?.(prepared, rule.to) !== false) continue;
        options.onWarning?.(`${map.file}:${map.lineOf(['rewrite', rule.index, 'to']) ?? 1}: rewrite[${rule.index}].to: '${rule.to}' resolves to no module (no file, no package that node_modules, a package.json or a tsconfig path knows): the ${files} rewritten file(s) would not resolve it`);
      }
    }
    timings.rewrite = now() - start;
  }

  if (only.has('move-files')) {
    start = now();
    for (const { map, adapter, prepared, moves } of loaded) {
      if (!moves.length) continue;
      if (!adapter.planMoves) {
        options.onWarning?.(`${map.file}: relocate: move-files does not cover ${map.language} yet; ${map.relocate.length} entr${map.relocate.length === 1 ? 'y' : 'ies'} not planned`);
        continue;
      }
      for (const index of new Set(moves.filter((move) => move.folder).map((move) => move.entry))) {
        const folder = { from: normalisePath(map.relocate[index]!.from), to: normalisePath(map.relocate[index]!.to) };
        (plan.folderMoves ??= []).push(folder);
        const untracked = untrackedEntries(cwd, folder.from, files);
        if (untracked.length) options.onWarning?.(`${map.file}:${map.lineOf(['relocate', index, 'from']) ?? 1}: relocate[${index}]: ${folder.from} also holds what the plan does not list (${untracked.slice(0, 3).join(', ')}${untracked.length > 3 ? ', …' : ''}): apply carries it along to ${folder.to}, as a folder rename does; a patch cannot`);
      }
      const planned = await adapter.planMoves(prepared, moves, workspace);
      // what the steps before listed in a file that moves is read at its new path
      const movedTo = new Map(planned.moved.map(({ from, to }) => [from, to]));
      for (const item of [...plan.needsReview, ...plan.notes]) item.file = movedTo.get(item.file) ?? item.file;
      plan.needsReview.push(...planned.needsReview);
      plan.notes.push(...planned.notes);
      for (const { from, to, text } of planned.moved) {
        workspace.move(from, to, text);
        addSource(sources, to, 'move-files');
      }
      for (const { path, text } of planned.created) {
        workspace.write(path, text);
        addSource(sources, path, 'move-files');
      }
      for (const { path, text } of planned.edited) {
        workspace.write(path, text);
        addSource(sources, path, 'move-files');
      }
    }
    timings.moves = now() - start;
  }

  if (only.has('insert-shims')) {
    start = now();
    for (const { map, adapter, prepared } of loaded) {
      if (!map.shims.length) continue;
      if (!adapter.planShims) {
        options.onWarning?.(`${map.file}: shims: insert-shims does not cover ${map.language} yet; ${map.shims.length} entr${map.shims.length === 1 ? 'y' : 'ies'} not planned`);
        continue;
      }
      const shims = await adapter.planShims(prepared, workspace);
      plan.needsReview.push(...shims.needsReview);
      plan.notes.push(...shims.notes);
      const leaving = shims.djangoModelsLeaving ?? [];
      const state = leaving.length ? await planDjangoStateMoves(workspace.asPlanned(), leaving) : { created: [], needsReview: [], notes: [] };
      plan.needsReview.push(...state.needsReview);
      plan.notes.push(...state.notes);
      for (const { path, text } of [...shims.files, ...state.created]) {
        if (!mine(path)) continue;
        workspace.write(path, text);
        addSource(sources, path, 'insert-shims');
      }
    }
    timings.shims = now() - start;
  }

  if (only.has('prune')) {
    start = now();
    // who still uses a shim: the files the rewrite of the same maps would change
    const usage = await buildPlan({ ...options, only: ['rewrite-imports'], onProgress: undefined, onWarning: undefined });
    const pruned = await planPrune(loaded, workspace, usage);
    plan.notes.push(...pruned.notes);
    plan.needsReview.push(...pruned.needsReview);
    for (const path of pruned.removed) {
      workspace.remove(path);
      addSource(sources, path, 'prune');
    }
    for (const { path, text } of pruned.edited) {
      workspace.write(path, text);
      addSource(sources, path, 'prune');
    }
    timings.prune = now() - start;
  }

  // Django's system check over the models as planned: relations the map points at one class must not clash
  if (loaded.some((l) => l.adapter.movesDjangoModels?.(l.prepared))) plan.needsReview.push(...(await reverseNameClashes(workspace.asOnDisk(), workspace.asPlanned(), workspace.changedFiles())));
  await checkGeneratedSyntax(plan, workspace, sources, loaded.map((l) => l.adapter));
  plan.shims = loaded.flatMap(({ map, adapter, prepared }) =>
    map.shims.map((shim, index): ShimStatus => {
      const file = adapter.moduleFile?.(prepared, shim.module);
      const isShim = file !== undefined && workspace.has(file) && (textOrUndefined(workspace, file)?.includes(shimMarkerText) ?? false);
      const rules = map.rules.filter((rule) => rule.from === shim.module);
      const movedNames = map.moveOfModule(shim.module) ? [] : map.movedNames(shim.module);
      return {
        module: shim.module,
        ...(isShim ? { file } : {}),
        ...(shim.remove_after ? { removeAfter: shim.remove_after } : {}),
        map: map.file,
        line: map.lineOf(['shims', index, 'module']) ?? 1,
        entries: rules.map((rule) => rule.label),
        ...(movedNames.length ? { movedNames } : {}),
      };
    }),
  );
  start = now();
  await keepProjectLayout(plan, workspace);
  timings.layout = now() - start;

  plan.changes = workspace
    .changes()
    .filter((change) => mine(change.path))
    .map((change): FileChange => ({
      ...change,
      mode: fileMode(resolve(cwd, change.movedFrom ?? change.path)),
      ...encodingOf(workspace, change),
      sources: [...(sources.get(change.path) ?? [])],
      ...(rewrites.has(change.path) ? { rewrite: rewrites.get(change.path)! } : {}),
    }));
  plan.needsReview.sort((a, b) => comparePaths(a.file, b.file) || a.line - b.line);
  plan.notes.sort((a, b) => comparePaths(a.file, b.file) || a.line - b.line);
  plan.failures.sort((a, b) => comparePaths(a.file, b.file));
  return plan;
}

/** The entries on disk under a folder that no discovered file lies in (node_modules, build output, untracked files). */
function untrackedEntries(cwd: string, folder: string, files: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(cwd, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = `${dir}/${entry.name}`;
      const holds = files.some((file) => file === path || file.startsWith(`${path}/`));
      if (!holds) out.push(entry.isDirectory() ? `${path}/` : path);
      else if (entry.isDirectory()) walk(path);
    }
  };
  walk(folder);
  return out;
}

/** A file read in another encoding than UTF-8 keeps it (a new file is UTF-8). */
function encodingOf(workspace: DiskWorkspace, change: { path: string; movedFrom?: string; before: string | null }): { encoding?: string } {
  if (change.before === null) return {};
  const encoding = workspace.encodingOf(change.movedFrom ?? change.path);
  return encoding === 'utf-8' ? {} : { encoding };
}

const failuresSeen = new WeakMap<Plan, Set<string>>();

function recordResult(plan: Plan, result: FileResult): void {
  if (result.kind === 'failed') {
    // a file each map fails on alike (it cannot be read or parsed) is one failure
    const key = `${result.file}\0${result.line}\0${result.column}\0${result.error}`;
    const seen = failuresSeen.get(plan) ?? new Set<string>();
    failuresSeen.set(plan, seen);
    if (seen.has(key)) return;
    seen.add(key);
    plan.failures.push({ file: result.file, line: result.line, column: result.column, error: result.error });
    return;
  }
  plan.needsReview.push(...result.needsReview);
  plan.notes.push(...result.notes);
}

function countEntries(summary: PlanSummary, result: Extract<FileResult, { kind: 'changed' }>): void {
  for (const [label, stats] of Object.entries(result.stats)) {
    const entry = (summary.entries[label] ??= { files: 0, imports: 0, references: 0, strings: 0 });
    entry.files++;
    entry.imports += stats.imports;
    entry.references += stats.references;
    entry.strings += stats.strings;
  }
}

function addSource(sources: Map<string, Set<string>>, path: string, transform: TransformName): void {
  let set = sources.get(path);
  if (!set) sources.set(path, (set = new Set()));
  set.add(transform);
}

function fileMode(absolute: string): string {
  try {
    return (statSync(absolute).mode & 0o111) !== 0 ? '100755' : '100644';
  } catch {
    return '100644';
  }
}

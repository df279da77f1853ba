import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { decodeText, encodeText, noBlob } from '../core/encoding';
import { InterruptedError, PartialApplyError, WorkspaceError } from '../core/errors';
import type { FileChange, Plan } from '../plan/types';
import { resolveInsideRoot } from '../workspace/paths';
import { writeFileAtomically } from './atomic-write';
import { readBytesIfExists } from './read';

function decodedIfExists(absolute: string, encoding: string | undefined): string | null {
  const bytes = readBytesIfExists(absolute);
  return bytes === null ? null : decodeText(bytes, encoding);
}
import { hasJournal, journalName, remainingFromJournal, removeJournal, writeJournal } from './journal';

export interface ApplyResult {
  written: string[];
  created: string[];
  moved: Array<{ from: string; to: string }>;
  deleted: string[];
  /** what a folder move carried along that the plan did not list (untracked, ignored files), as folder-relative paths */
  carried?: string[];
}

function holds(absolute: string, text: string | null, encoding: string | undefined): boolean {
  return text !== null && readFileSync(absolute).equals(encodeText(text, encoding));
}

/** Why a file no longer holds the text it was planned from (a created file must not exist yet, unless a move frees its path); undefined when it does. */
function staleness(cwd: string, change: FileChange, freed: ReadonlySet<string>): { path: string; why: string } | undefined {
  const source = change.movedFrom ?? change.path;
  if (change.before === null && freed.has(change.path)) return undefined;
  const current = decodedIfExists(resolveInsideRoot(cwd, source), change.encoding);
  if (current !== change.before) return { path: source, why: change.before === null ? 'already exists' : current === null ? 'no longer exists' : 'changed since the plan was computed' };
  // a destination that already holds the planned bytes is a move an interrupted apply began
  if (change.movedFrom && existsSync(resolveInsideRoot(cwd, change.path)) && !holds(resolveInsideRoot(cwd, change.path), change.after, change.encoding)) return { path: change.path, why: 'move destination already exists' };
  return undefined;
}

/** The file (or, for a new one, the nearest folder that exists) can be written: checked for every change before the first write. */
function assertWritable(cwd: string, change: FileChange): void {
  let target = resolveInsideRoot(cwd, change.path);
  while (!existsSync(target)) target = dirname(target);
  try {
    accessSync(target, constants.W_OK);
    // an atomic write renames a temporary file into the folder: the folder must take it
    if (statSync(target).isFile()) accessSync(dirname(target), constants.W_OK);
  } catch {
    throw new WorkspaceError(`${change.path}: cannot be written (permissions); nothing was written`);
  }
}

function isGitWorkTree(cwd: string): boolean {
  try {
    return execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() === 'true';
  } catch {
    return false;
  }
}

const literalPaths = { ...process.env, GIT_LITERAL_PATHSPECS: '1' };

/** What `git mv` does to the index, so that history follows a move: the entry (as staged) changes its path. Best effort: the work tree is what counts. */
function moveIndexEntry(cwd: string, from: string, to: string): void {
  try {
    const staged = execFileSync('git', ['ls-files', '-s', '-z', '--', from], { cwd, env: literalPaths, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    const found = /^(\d+) ([0-9a-f]+) 0\t/.exec(staged);
    if (!found) return; // not tracked
    const input = `0 ${noBlob}\t${from}\0${found[1]} ${found[2]}\t${to}\0`;
    execFileSync('git', ['update-index', '-z', '--index-info'], { cwd, input, stdio: ['pipe', 'ignore', 'ignore'] });
  } catch {
    // a locked or missing index: the move shows as a deletion and a new file until the user stages it
  }
}

/** Moves what is left in a moved folder into its destination, entry by entry; what the destination already has stays. */
function carryRest(cwd: string, from: string, to: string, carried: string[]): void {
  const source = resolveInsideRoot(cwd, from);
  if (!existsSync(source) || !statSync(source).isDirectory()) return;
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const [left, target] = [`${from}/${entry.name}`, resolveInsideRoot(cwd, `${to}/${entry.name}`)];
    if (!existsSync(target)) {
      mkdirSync(dirname(target), { recursive: true });
      renameSync(resolveInsideRoot(cwd, left), target);
      carried.push(left);
    } else if (entry.isDirectory() && statSync(target).isDirectory()) carryRest(cwd, left, `${to}/${entry.name}`, carried);
  }
  removeEmptyFolders(cwd, from);
}

/** A move leaves no empty folder behind, as `git apply` does not (a stray one would import as a namespace package). */
function removeEmptyFolders(cwd: string, folder: string): void {
  for (let dir = folder; dir && dir !== '.'; dir = dirname(dir)) {
    try {
      rmdirSync(resolveInsideRoot(cwd, dir));
    } catch {
      return; // not empty (or already gone): stop climbing
    }
  }
}

function writeText(absolute: string, text: string, mode: string, encoding: string | undefined): void {
  mkdirSync(dirname(absolute), { recursive: true });
  let fileMode = parseInt(mode.slice(-3), 8);
  try {
    fileMode = statSync(absolute).mode & 0o7777;
  } catch {
    // a new file: the plan's mode
  }
  writeFileAtomically(absolute, encodeText(text, encoding), fileMode);
}

/**
 * Writes a plan: checks every file first (inside the root, unchanged since planning, writable), records what it will
 * do (a crash is finished by the next apply), then writes each file atomically with its mode kept; a move keeps its
 * git index entry so that history follows.
 */
export function applyPlan(plan: Plan): ApplyResult {
  if (hasJournal(plan.cwd)) throw new WorkspaceError(`${journalName}: an earlier apply was interrupted; run remodel apply to finish it first`);
  return writePlan(plan, false);
}

/** Finishes an apply that was killed part-way, from the record it left; undefined when there is none. */
export function finishInterruptedApply(cwd: string): ApplyResult | undefined {
  if (!hasJournal(cwd)) return undefined;
  const result = writePlan(remainingFromJournal(cwd), true);
  removeJournal(cwd);
  return result;
}

/** Checks every change first (inside the root, unchanged since planning, writable); nothing is written on a failure. */
function checkPlan(plan: Plan, freed: ReadonlySet<string>): void {
  const { cwd } = plan;
  const stale: Array<{ path: string; why: string }> = [];
  for (const change of plan.changes) {
    resolveInsideRoot(cwd, change.path);
    const found = staleness(cwd, change, freed);
    if (found) stale.push(found);
  }
  if (stale.length === 1) throw new WorkspaceError(`${stale[0]!.path}: ${stale[0]!.why}; nothing was written; run plan again`);
  if (stale.length) throw new WorkspaceError(`${stale.length} files differ from what the plan was made from: ${stale.map((s) => `${s.path} (${s.why})`).join(', ')}; nothing was written; run plan again`);
  for (const change of plan.changes) assertWritable(cwd, change);
}

const runToEnd = (steps: Iterator<void>): void => {
  while (!steps.next().done);
};

const freedPaths = (plan: Plan): Set<string> => new Set(plan.changes.flatMap((c) => (c.movedFrom ? [c.movedFrom] : [])));
const doneCount = (result: ApplyResult): number => result.written.length + result.created.length + result.moved.length + result.deleted.length;

function writePlan(plan: Plan, resuming: boolean): ApplyResult {
  const freed = freedPaths(plan);
  checkPlan(plan, freed);
  const result: ApplyResult = { written: [], created: [], moved: [], deleted: [] };
  if (!plan.changes.length) return result;
  if (!resuming) writeJournal(plan);
  try {
    runToEnd(writeChanges(plan, freed, result));
  } catch (error) {
    throw stopped(plan, result, error);
  }
  if (!resuming) removeJournal(plan.cwd);
  return result;
}

/**
 * Stopped, not killed: every file is as it was or as planned, and a new plan sees which, so the record of the run is
 * not needed any more.
 */
function stopped(plan: Plan, result: ApplyResult, error: unknown): Error {
  removeJournal(plan.cwd);
  if (error instanceof InterruptedError) return new InterruptedError(error.signal, doneCount(result), plan.changes.length);
  const detail = error instanceof WorkspaceError ? error.message : `${(error as NodeJS.ErrnoException).code ?? 'error'}: ${(error as Error).message}`;
  return new PartialApplyError(doneCount(result), plan.changes.length, detail);
}

/**
 * `applyPlan` that lets the event loop run between files, so that `signal` (SIGINT, SIGTERM) stops the writes at a
 * file boundary: an InterruptedError saying how far it got.
 */
export async function applyPlanInterruptible(plan: Plan, signal: AbortSignal): Promise<ApplyResult> {
  if (hasJournal(plan.cwd)) throw new WorkspaceError(`${journalName}: an earlier apply was interrupted; run remodel apply to finish it first`);
  const freed = freedPaths(plan);
  checkPlan(plan, freed);
  const result: ApplyResult = { written: [], created: [], moved: [], deleted: [] };
  if (!plan.changes.length) return result;
  if (signal.aborted) throw new InterruptedError(String(signal.reason), 0, plan.changes.length);
  writeJournal(plan);
  try {
    for (const _ of writeChanges(plan, freed, result)) {
      await new Promise((tick) => setImmediate(tick));
      if (signal.aborted) throw new InterruptedError(String(signal.reason), 0, 0);
    }
  } catch (error) {
    throw stopped(plan, result, error);
  }
  removeJournal(plan.cwd);
  return result;
}

/** What the checks cannot see coming (a disk full, a file edited meanwhile) stops the writes at a file boundary; it yields after each file. */
function* writeChanges(plan: Plan, freed: ReadonlySet<string>, result: ApplyResult): Generator<void> {
  const { cwd } = plan;
  const git = freed.size > 0 && isGitWorkTree(cwd);
  const created = new Set(plan.changes.flatMap((c) => (c.before === null ? [c.path] : [])));
  // moves first, so that a new file (a shim) can take a moved file's old path; the destination is written whole
  // before the source goes, so a crash leaves each path as it was or as planned
  for (const change of plan.changes) {
    if (!change.movedFrom || change.after === null) continue;
    const source = resolveInsideRoot(cwd, change.movedFrom);
    writeText(resolveInsideRoot(cwd, change.path), change.after, (statSync(source).mode & 0o7777).toString(8), change.encoding);
    if (git) moveIndexEntry(cwd, change.movedFrom, change.path);
    if (!created.has(change.movedFrom)) {
      unlinkSync(source);
      removeEmptyFolders(cwd, dirname(change.movedFrom));
    }
    result.moved.push({ from: change.movedFrom, to: change.path });
    yield;
  }
  // a folder moves whole, as a folder rename does: what git does not track in it (node_modules/) goes along
  for (const folder of plan.folderMoves ?? []) carryRest(cwd, folder.from, folder.to, (result.carried ??= []));
  for (const change of plan.changes) {
    if (change.movedFrom) continue;
    const target = resolveInsideRoot(cwd, change.path);
    if (change.after === null) {
      unlinkSync(target);
      result.deleted.push(change.path);
    } else if (change.after !== change.before || change.before === null) {
      // checked once more right before it is replaced: a file edited while apply runs is never overwritten
      const found = staleness(cwd, change, freed);
      if (found) throw new WorkspaceError(`${found.path}: ${found.why}; run plan again`);
      writeText(target, change.after, change.mode, change.encoding);
      (change.before === null ? result.created : result.written).push(change.path);
    }
    yield;
  }
}

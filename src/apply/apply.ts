import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { decodeText, encodeText } from '../core/encoding';
import { PartialApplyError, WorkspaceError } from '../core/errors';
import type { FileChange, Plan } from '../plan/types';
import { resolveInsideRoot } from '../workspace/paths';

export interface ApplyResult {
  written: string[];
  created: string[];
  moved: Array<{ from: string; to: string }>;
  deleted: string[];
}

function readIfExists(absolute: string, encoding: string | undefined): string | null {
  try {
    return decodeText(readFileSync(absolute), encoding);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Why a file no longer holds the text it was planned from (a created file must not exist yet, unless a move frees its path); undefined when it does. */
function staleness(cwd: string, change: FileChange, freed: ReadonlySet<string>): { path: string; why: string } | undefined {
  const source = change.movedFrom ?? change.path;
  if (change.before === null && freed.has(change.path)) return undefined;
  const current = readIfExists(resolveInsideRoot(cwd, source), change.encoding);
  if (current !== change.before) return { path: source, why: change.before === null ? 'already exists' : current === null ? 'no longer exists' : 'changed since the plan was computed' };
  if (change.movedFrom && existsSync(resolveInsideRoot(cwd, change.path))) return { path: change.path, why: 'move destination already exists' };
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

function isTracked(cwd: string, path: string): boolean {
  try {
    execFileSync('git', ['ls-files', '--error-unmatch', '--', path], { cwd, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
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
  writeFileAtomic.sync(absolute, encodeText(text, encoding), { mode: fileMode });
}

/**
 * Writes a plan: checks every file first (inside the root, unchanged since planning), then writes each changed
 * file atomically with its mode kept; moves go through `git mv` in a git work tree so history follows.
 */
export function applyPlan(plan: Plan): ApplyResult {
  const { cwd } = plan;
  const freed = new Set(plan.changes.flatMap((c) => (c.movedFrom ? [c.movedFrom] : [])));
  const stale: Array<{ path: string; why: string }> = [];
  for (const change of plan.changes) {
    resolveInsideRoot(cwd, change.path);
    const found = staleness(cwd, change, freed);
    if (found) stale.push(found);
  }
  if (stale.length === 1) throw new WorkspaceError(`${stale[0]!.path}: ${stale[0]!.why}; nothing was written; run plan again`);
  if (stale.length) throw new WorkspaceError(`${stale.length} files differ from what the plan was made from: ${stale.map((s) => `${s.path} (${s.why})`).join(', ')}; nothing was written; run plan again`);
  for (const change of plan.changes) assertWritable(cwd, change);
  const result: ApplyResult = { written: [], created: [], moved: [], deleted: [] };
  try {
    writeChanges(plan, freed, result);
  } catch (error) {
    const done = result.written.length + result.created.length + result.moved.length + result.deleted.length;
    const detail = error instanceof WorkspaceError ? error.message : `${(error as NodeJS.ErrnoException).code ?? 'error'}: ${(error as Error).message}`;
    throw new PartialApplyError(done, plan.changes.length, detail);
  }
  return result;
}

/** What the checks cannot see coming (a disk full, a file edited meanwhile) stops the writes at a file boundary. */
function writeChanges(plan: Plan, freed: ReadonlySet<string>, result: ApplyResult): void {
  const { cwd } = plan;
  const git = freed.size > 0 && isGitWorkTree(cwd);
  // moves first, so that a new file (a shim) can take a moved file's old path
  for (const change of plan.changes) {
    if (!change.movedFrom) continue;
    const target = resolveInsideRoot(cwd, change.path);
    mkdirSync(dirname(target), { recursive: true });
    if (git && isTracked(cwd, change.movedFrom)) execFileSync('git', ['mv', '--', change.movedFrom, change.path], { cwd, stdio: 'ignore' });
    else renameSync(resolveInsideRoot(cwd, change.movedFrom), target);
    removeEmptyFolders(cwd, dirname(change.movedFrom));
    result.moved.push({ from: change.movedFrom, to: change.path });
  }
  for (const change of plan.changes) {
    const target = resolveInsideRoot(cwd, change.path);
    if (change.after === null) {
      unlinkSync(target);
      result.deleted.push(change.path);
    } else if (change.after !== change.before || change.before === null) {
      // checked once more right before it is replaced: a file edited while apply runs is never overwritten
      const found = change.movedFrom ? undefined : staleness(cwd, change, freed);
      if (found) throw new WorkspaceError(`${found.path}: ${found.why}; run plan again`);
      writeText(target, change.after, change.mode, change.encoding);
      (change.before === null ? result.created : result.written).push(change.path);
    }
  }
}

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { WorkspaceError } from '../core/errors';
import type { FileChange, Plan } from '../plan/types';
import { resolveInsideRoot } from '../workspace/paths';

export interface ApplyResult {
  written: string[];
  created: string[];
  moved: Array<{ from: string; to: string }>;
  deleted: string[];
}

function readIfExists(absolute: string): string | null {
  try {
    return readFileSync(absolute, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Every file the plan reads must still hold the text it was planned from; a created file must not exist yet (unless a move frees its path). */
function assertFresh(cwd: string, change: FileChange, freed: ReadonlySet<string>): void {
  const source = change.movedFrom ?? change.path;
  if (change.before === null && freed.has(change.path)) return;
  const current = readIfExists(resolveInsideRoot(cwd, source));
  if (current !== change.before) {
    const why = change.before === null ? 'already exists' : current === null ? 'no longer exists' : 'changed since the plan was computed';
    throw new WorkspaceError(`${source}: ${why}; run plan again`);
  }
  if (change.movedFrom && existsSync(resolveInsideRoot(cwd, change.path))) throw new WorkspaceError(`${change.path}: move destination already exists`);
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

function writeText(absolute: string, text: string, mode: string): void {
  mkdirSync(dirname(absolute), { recursive: true });
  let fileMode = parseInt(mode.slice(-3), 8);
  try {
    fileMode = statSync(absolute).mode & 0o7777;
  } catch {
    // a new file: the plan's mode
  }
  writeFileAtomic.sync(absolute, text, { encoding: 'utf8', mode: fileMode });
}

/**
 * Writes a plan: checks every file first (inside the root, unchanged since planning), then writes each changed
 * file atomically with its mode kept; moves go through `git mv` in a git work tree so history follows.
 */
export function applyPlan(plan: Plan): ApplyResult {
  const { cwd } = plan;
  const freed = new Set(plan.changes.flatMap((c) => (c.movedFrom ? [c.movedFrom] : [])));
  for (const change of plan.changes) {
    resolveInsideRoot(cwd, change.path);
    assertFresh(cwd, change, freed);
  }
  const result: ApplyResult = { written: [], created: [], moved: [], deleted: [] };
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
      writeText(target, change.after, change.mode);
      (change.before === null ? result.created : result.written).push(change.path);
    }
  }
  return result;
}

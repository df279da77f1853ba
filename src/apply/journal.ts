import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { encodeText, gitBlobHash } from '../core/encoding';
import { WorkspaceError } from '../core/errors';
import type { FileChange, Plan } from '../plan/types';
import { resolveInsideRoot } from '../workspace/paths';
import { removeLeftoverTemporaries, writeFileAtomically } from './atomic-write';
import { readBytesIfExists } from './read';

/*
 * Before its first write, `apply` saves what it is about to do in the repository root; after the last one it removes
 * it. A run that was killed leaves it behind, and the next `apply` finishes that run first: each file is then either
 * as it was (its `before` blob) or as planned (its `after` bytes), and only the former are written.
 */

export const journalName = '.remodel-apply.json';

interface JournalEntry {
  path: string;
  movedFrom?: string;
  /** blob id of the content planned from, or null for a new file */
  before: string | null;
  /** the planned bytes (base64), or null for a deleted file */
  after: string | null;
  mode: string;
}

export const journalPath = (cwd: string): string => join(cwd, journalName);

export function hasJournal(cwd: string): boolean {
  return existsSync(journalPath(cwd));
}

export function writeJournal(plan: Plan): void {
  const entries = plan.changes.map(
    (change): JournalEntry => ({
      path: change.path,
      ...(change.movedFrom ? { movedFrom: change.movedFrom } : {}),
      before: change.before === null ? null : gitBlobHash(encodeText(change.before, change.encoding)),
      after: change.after === null ? null : encodeText(change.after, change.encoding).toString('base64'),
      mode: change.mode,
    }),
  );
  writeFileAtomically(journalPath(plan.cwd), Buffer.from(JSON.stringify({ version: 1, changes: entries })), 0o644);
}

export function removeJournal(cwd: string): void {
  unlinkSync(journalPath(cwd));
}

/** What an interrupted apply left to do, as a plan over bytes (one character per byte); an error names each file found in neither state. */
export function remainingFromJournal(cwd: string): Plan {
  const file = journalPath(cwd);
  let entries: JournalEntry[];
  try {
    entries = (JSON.parse(readFileSync(file, 'utf8')) as { changes: JournalEntry[] }).changes;
  } catch (error) {
    throw new WorkspaceError(`${journalName}: cannot be read (${(error as Error).message}); it records an interrupted apply: check the tree (git status), then delete it`);
  }
  const changes: FileChange[] = [];
  const neither: string[] = [];
  const moveSources = new Map(entries.flatMap((entry) => (entry.movedFrom ? [[entry.movedFrom, entry.before] as const] : [])));
  for (const entry of entries) {
    const source = entry.movedFrom ?? entry.path;
    for (const path of [source, entry.path]) removeLeftoverTemporaries(resolveInsideRoot(cwd, path));
    const state = stateOf(cwd, entry, entries, moveSources);
    if (state === 'done') continue;
    if (state === 'neither') {
      neither.push(source);
      continue;
    }
    changes.push({
      path: entry.path,
      ...(entry.movedFrom ? { movedFrom: entry.movedFrom } : {}),
      before: entry.before === null ? null : readBytesIfExists(resolveInsideRoot(cwd, source))!.toString('latin1'),
      after: entry.after === null ? null : Buffer.from(entry.after, 'base64').toString('latin1'),
      encoding: 'latin1',
      mode: entry.mode,
      sources: [],
    });
  }
  if (neither.length) throw new WorkspaceError(`${journalName}: an interrupted apply cannot be finished: ${neither.join(', ')} changed since; nothing was written; check the tree (git status), then delete ${journalName}`);
  return { cwd, changes, needsReview: [], notes: [], failures: [], summary: { filesScanned: changes.length, filesParsed: 0, entries: {} }, timings: {} };
}

/** Whether a journal entry was written ('done'), not yet ('todo'), or the file changed since ('neither'). */
function stateOf(cwd: string, entry: JournalEntry, entries: readonly JournalEntry[], moveSources: ReadonlyMap<string, string | null>): 'done' | 'todo' | 'neither' {
  const source = entry.movedFrom ?? entry.path;
  const atSource = readBytesIfExists(resolveInsideRoot(cwd, source));
  const isBefore = (bytes: Buffer | null, blob: string | null | undefined): boolean => bytes !== null && blob != null && gitBlobHash(bytes) === blob;
  if (entry.after === null) return atSource === null ? 'done' : isBefore(atSource, entry.before) ? 'todo' : 'neither';
  const after = Buffer.from(entry.after, 'base64');
  const atTarget = entry.movedFrom ? readBytesIfExists(resolveInsideRoot(cwd, entry.path)) : atSource;
  if (entry.before === null) {
    if (atTarget?.equals(after)) return 'done';
    // a new file on a moved file's old path (its shim): todo while that path is free or still holds the file to move
    return atTarget === null || (moveSources.has(entry.path) && isBefore(atTarget, moveSources.get(entry.path))) ? 'todo' : 'neither';
  }
  if (!entry.movedFrom) return atSource?.equals(after) ? 'done' : isBefore(atSource, entry.before) ? 'todo' : 'neither';
  // a move writes its destination, then removes its source (or a new file replaces it)
  if (isBefore(atSource, entry.before)) return atTarget === null || atTarget.equals(after) ? 'todo' : 'neither';
  const sourceTaken = atSource === null || entries.some((other) => other.path === source && other.before === null && other.after !== null && Buffer.from(other.after, 'base64').equals(atSource));
  return atTarget?.equals(after) && sourceTaken ? 'done' : 'neither';
}

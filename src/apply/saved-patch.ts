import { readFileSync, statSync } from 'node:fs';
import { applyPatch, type StructuredPatchHunk } from 'diff';
import { gitBlobHash } from '../core/encoding';
import { UsageError, WorkspaceError } from '../core/errors';
import type { FileChange, Plan } from '../plan/types';
import { resolveInsideRoot } from '../workspace/paths';
import { readBytesIfExists } from './read';

/*
 * A saved plan is read as bytes, one character per byte (latin1): each file's part of the patch is in that file's own
 * encoding, and hunks then apply to the file's bytes whatever they are. Paths go back to UTF-8 at the end.
 */

interface FilePatch {
  /** line of its `diff --git` header in the patch */
  line: number;
  oldPath: string | null;
  newPath: string | null;
  rename?: { from: string; to: string };
  newMode?: string;
  index?: { before: string; after: string };
  hunks: StructuredPatchHunk[];
}

const utf8Path = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('utf8');

/** A path as git writes it in a header: bare, or quoted with C escapes (octal bytes). */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  let out = '';
  for (let i = 1; i < path.length - 1; i++) {
    const ch = path[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = path[++i]!;
    if (/[0-7]/.test(next)) {
      out += String.fromCharCode(parseInt(path.slice(i, i + 3), 8));
      i += 2;
    } else out += ({ n: '\n', t: '\t', '"': '"', '\\': '\\' } as Record<string, string>)[next] ?? next;
  }
  return out;
}

/** `--- a/x` / `+++ b/x` (a name holding a space ends with a tab); `/dev/null` is no file. */
function sideName(rest: string, prefix: string): string | null {
  const name = unquote(rest.replace(/\t$/, ''));
  if (name === '/dev/null') return null;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** `diff --git a/x b/x` for a file whose name is the same on both sides (new, deleted, or changed in place). */
function sameNameOf(header: string): string | undefined {
  const rest = header.slice('diff --git '.length);
  if (rest.startsWith('"')) {
    const end = rest.search(/(?<!\\)" /);
    return end > 0 ? sideName(rest.slice(0, end + 1), 'a/') ?? undefined : undefined;
  }
  const half = (rest.length - 1) / 2;
  const [a, b] = [rest.slice(0, half), rest.slice(half + 1)];
  return a.startsWith('a/') && b.startsWith('b/') && a.slice(2) === b.slice(2) ? a.slice(2) : undefined;
}

function parseRange(text: string): { start: number; lines: number } {
  const [start, lines] = text.split(',').map(Number) as [number, number | undefined];
  const count = lines ?? 1;
  // git names the line before an empty side (`-0,0`); the diff library counts from the line it would be
  return { start: count === 0 ? start + 1 : start, lines: count };
}

/** Reads the patch into its files; a line it cannot place is a usage error naming the patch file and line. */
export function parseSavedPatch(text: string, patchName: string): FilePatch[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const files: FilePatch[] = [];
  const fail = (index: number, detail: string): never => {
    throw new UsageError(`${patchName}:${index + 1}: ${detail}`);
  };
  let i = 0;
  while (i < lines.length) {
    const header = lines[i]!;
    if (!header.startsWith('diff --git ')) fail(i, `expected 'diff --git', found '${header.slice(0, 40)}': not a patch made by remodel plan`);
    const name = sameNameOf(header);
    const file: FilePatch = { line: i + 1, oldPath: name ?? null, newPath: name ?? null, hunks: [] };
    let from: string | undefined;
    for (i++; i < lines.length && !lines[i]!.startsWith('diff --git '); ) {
      const line = lines[i]!;
      if (line.startsWith('@@ ')) {
        const found = /^@@ -(\d+(?:,\d+)?) \+(\d+(?:,\d+)?) @@/.exec(line) ?? fail(i, 'malformed hunk header');
        const old = parseRange(found[1]!);
        const now = parseRange(found[2]!);
        const hunk: StructuredPatchHunk = { oldStart: old.start, oldLines: old.lines, newStart: now.start, newLines: now.lines, lines: [] };
        let [oldLeft, newLeft] = [old.lines, now.lines];
        for (i++; i < lines.length && (oldLeft > 0 || newLeft > 0 || lines[i]!.startsWith('\\')); i++) {
          const body = lines[i]!;
          const kind = body[0];
          if (kind === ' ') [oldLeft, newLeft] = [oldLeft - 1, newLeft - 1];
          else if (kind === '-') oldLeft--;
          else if (kind === '+') newLeft--;
          else if (kind !== '\\') fail(i, 'hunk shorter than its header says');
          hunk.lines.push(body);
        }
        if (oldLeft !== 0 || newLeft !== 0) fail(i - 1, 'hunk shorter than its header says');
        file.hunks.push(hunk);
        continue;
      }
      if (line.startsWith('new file mode ')) [file.oldPath, file.newMode] = [null, line.slice('new file mode '.length)];
      else if (line.startsWith('deleted file mode ')) file.newPath = null;
      else if (line.startsWith('rename from ')) from = unquote(line.slice('rename from '.length));
      else if (line.startsWith('rename to ')) {
        const to = unquote(line.slice('rename to '.length));
        if (from === undefined) fail(i, "'rename to' without 'rename from'");
        file.rename = { from: from!, to };
        [file.oldPath, file.newPath] = [from!, to];
      } else if (line.startsWith('index ')) {
        const found = /^index ([0-9a-f]+)\.\.([0-9a-f]+)/.exec(line) ?? fail(i, 'malformed index line');
        file.index = { before: found[1]!, after: found[2]! };
      } else if (line.startsWith('--- ')) {
        if (!file.rename) file.oldPath = sideName(line.slice(4), 'a/');
      } else if (line.startsWith('+++ ')) {
        if (!file.rename) file.newPath = sideName(line.slice(4), 'b/');
      } else if (!/^(similarity index|dissimilarity index|old mode|new mode|copy from|copy to) /.test(line)) fail(i, `unexpected line '${line.slice(0, 40)}'`);
      i++;
    }
    if (file.oldPath === null && file.newPath === null) fail(file.line - 1, 'names no file');
    files.push(file);
  }
  return files;
}

const isBlob = (hash: string): boolean => !/^0+$/.test(hash);

/** Why a file no longer holds what the plan was made from, or undefined. */
function stalenessOf(file: FilePatch, current: Buffer | null, freed: ReadonlySet<string>): string | undefined {
  if (file.oldPath === null) return current !== null && !freed.has(file.newPath!) ? 'already exists' : undefined;
  if (current === null) return 'no longer exists';
  if (file.index && isBlob(file.index.before) && !gitBlobHash(current).startsWith(file.index.before)) return 'changed since the plan was made';
  return undefined;
}

/**
 * A plan from a patch saved by `remodel plan`: every file it touches must still hold the content it was planned from
 * (the blob id on its `index` line); else nothing is planned and the error names every file that changed.
 */
export function planFromSavedPatch(cwd: string, patchFile: string): Plan {
  let bytes: Buffer;
  try {
    if (statSync(patchFile).isDirectory()) throw new UsageError(`--patch ${patchFile}: is a folder; name a patch file`);
    bytes = readFileSync(patchFile);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--patch ${patchFile}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const files = parseSavedPatch(bytes.toString('latin1'), patchFile);
  const changes: FileChange[] = [];
  const stale: string[] = [];
  // a move frees its old path for a new file (the shim that takes its place)
  const freed = new Set(files.flatMap((file) => (file.rename ? [file.rename.from] : [])));
  for (const file of files) {
    const source = file.oldPath ?? file.newPath!;
    const shown = utf8Path(source);
    const current = readBytesIfExists(resolveInsideRoot(cwd, utf8Path(source)));
    if (file.newPath !== null) resolveInsideRoot(cwd, utf8Path(file.newPath));
    const why = stalenessOf(file, current, freed);
    if (why) {
      stale.push(`${shown} (${why})`);
      continue;
    }
    if (file.index === undefined && (!file.rename || file.hunks.length) && file.oldPath !== null) throw new UsageError(`${patchFile}:${file.line}: ${shown}: no 'index' line to check the file against; make the patch with remodel plan`);
    const before = file.oldPath === null ? null : current!.toString('latin1');
    let after: string | null = null;
    if (file.newPath !== null) {
      const applied = applyPatch(before ?? '', { oldFileName: '', newFileName: '', oldHeader: '', newHeader: '', hunks: file.hunks });
      if (applied === false) {
        stale.push(`${shown} (its hunks no longer apply)`);
        continue;
      }
      after = applied;
      if (file.index && isBlob(file.index.after) && !gitBlobHash(Buffer.from(after, 'latin1')).startsWith(file.index.after)) throw new UsageError(`${patchFile}:${file.line}: ${shown}: the patch does not produce the content its index line names (edited by hand?)`);
    }
    const path = utf8Path(file.newPath ?? source);
    changes.push({
      path,
      ...(file.rename ? { movedFrom: utf8Path(file.rename.from) } : {}),
      before,
      after,
      encoding: 'latin1',
      mode: file.newMode ?? '100644',
      sources: [],
    });
  }
  if (stale.length) throw new WorkspaceError(`${patchFile}: ${stale.length === 1 ? 'a file differs' : `${stale.length} files differ`} from what the plan was made from: ${stale.join(', ')}; nothing was written; run plan again`);
  return { cwd, changes, needsReview: [], notes: [], failures: [], summary: { filesScanned: changes.length, filesParsed: 0, entries: {} }, timings: {} };
}

import { structuredPatch } from 'diff';
import { encodeText, gitBlobHash, noBlob } from '../core/encoding';
import type { FileChange } from '../plan/types';

/** Quotes a path the way git does when it holds a space-less special character (tab, quote, backslash, non-ASCII). */
export function quoteGitPath(path: string): string {
  if (!/[\x00-\x1f"\\\x7f-\uffff]/.test(path)) return path;
  let out = '"';
  for (const byte of Buffer.from(path, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const prefixed = (prefix: string, path: string): string => {
  const quoted = quoteGitPath(path);
  return quoted.startsWith('"') ? `"${prefix}${quoted.slice(1)}` : `${prefix}${quoted}`;
};

/** A hunk side as git writes it: an empty side names the line before it (`-0,0` for a new file). */
function hunkRange(start: number, lines: number): string {
  if (lines === 0) return `${start - 1},0`;
  return lines === 1 ? `${start}` : `${start},${lines}`;
}

function renderHunks(before: string, after: string): string {
  const patch = structuredPatch('a', 'b', before, after, '', '', { context: 3 });
  let out = '';
  for (const hunk of patch.hunks) {
    out += `@@ -${hunkRange(hunk.oldStart, hunk.oldLines)} +${hunkRange(hunk.newStart, hunk.newLines)} @@\n`;
    for (const line of hunk.lines) out += `${line}\n`;
  }
  return out;
}

/**
 * `index <before>..<after>`, the full blob ids as `git diff --full-index` writes them: `apply --patch` applies a saved
 * plan only to the very content it was planned from.
 */
function indexLine(change: FileChange): string {
  const blob = (text: string | null): string => (text === null ? noBlob : gitBlobHash(encodeText(text, change.encoding)));
  const mode = change.before !== null && change.after !== null ? ` ${change.mode}` : '';
  return `index ${blob(change.before)}..${blob(change.after)}${mode}\n`;
}

/** One file's part of a git-style patch (`git apply` reproduces it). */
export function renderFilePatch(change: FileChange): string {
  const source = change.movedFrom ?? change.path;
  let header = `diff --git ${prefixed('a/', source)} ${prefixed('b/', change.path)}\n`;
  const before = change.before ?? '';
  const after = change.after ?? '';
  if (change.before === null) header += `new file mode ${change.mode}\n`;
  else if (change.after === null) header += `deleted file mode ${change.mode}\n`;
  if (change.movedFrom) header += `rename from ${quoteGitPath(change.movedFrom)}\nrename to ${quoteGitPath(change.path)}\n`;
  header += indexLine(change);
  // an empty new file, or a pure rename, is its header alone
  if (before === after) return change.movedFrom || change.before === null || change.after === null ? header : '';
  const hunks = renderHunks(before, after);
  // git ends a `---`/`+++` name that holds a space with a tab, so that GNU patch reads the whole name
  const withTab = (name: string): string => (name.includes(' ') && !name.startsWith('"') ? `${name}\t` : name);
  const oldName = change.before === null ? '/dev/null' : withTab(prefixed('a/', source));
  const newName = change.after === null ? '/dev/null' : withTab(prefixed('b/', change.path));
  return `${header}--- ${oldName}\n+++ ${newName}\n${hunks}`;
}

/** One file's part of the patch in that file's own encoding: `git apply` works on bytes. */
export function renderFilePatchBytes(change: FileChange): Buffer {
  return encodeText(renderFilePatch(change), change.encoding);
}

/** The whole plan as one patch, files in path order (text: every file UTF-8; else see renderPatchBytes). */
export function renderPatch(changes: readonly FileChange[]): string {
  return changes.map(renderFilePatch).join('');
}

/** The whole plan as the bytes of one patch, each file's part in its own encoding. */
export function renderPatchBytes(changes: readonly FileChange[]): Buffer {
  return Buffer.concat(changes.map(renderFilePatchBytes));
}

/** `+added -removed` line counts of one change, for `--stat`. */
export function countChangedLines(change: FileChange): { added: number; removed: number } {
  const patch = structuredPatch('a', 'b', change.before ?? '', change.after ?? '', '', '', { context: 0 });
  let added = 0;
  let removed = 0;
  for (const hunk of patch.hunks) {
    for (const line of hunk.lines) {
      if (line.startsWith('+')) added++;
      else if (line.startsWith('-')) removed++;
    }
  }
  return { added, removed };
}

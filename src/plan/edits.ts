import type { Edit } from './types';

/** Applies non-overlapping edits to `text` in one pass (linear in the text, whatever the number of edits). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  // stable: insertions at one offset keep the order they were recorded in
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
  const pieces: string[] = [];
  let at = 0;
  for (const { edit } of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at ${edit.start}-${edit.end}`);
    pieces.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** 1-based line of a UTF-16 offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The line ending a file uses (CRLF if any line ends with it), for inserted lines. */
export function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

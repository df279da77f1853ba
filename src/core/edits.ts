import type { Edit } from './types';

/**
 * The one overlap policy for edits: sorted by position, insertions at one offset joined in the order they were
 * recorded (an insertion right before a replacement at the same offset folded into it), empty ones dropped.
 * Undefined when two edits overlap: a remodel bug, and the file must then stay untouched.
 */
export function normaliseEdits(edits: readonly Edit[]): Edit[] | undefined {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
  const out: Edit[] = [];
  for (const { edit } of sorted) {
    const previous = out[out.length - 1];
    if (previous && previous.start === edit.start && previous.end === edit.start && edit.end === edit.start) {
      previous.text += edit.text;
      continue;
    }
    if (previous && previous.end > edit.start) return undefined;
    if (previous && previous.start === previous.end && previous.start === edit.start && edit.end > edit.start) {
      out[out.length - 1] = { start: edit.start, end: edit.end, text: previous.text + edit.text };
      continue;
    }
    out.push({ ...edit });
  }
  return out.filter((e) => !(e.start === e.end && e.text === ''));
}

/** Applies edits to `text` in one pass (linear in the text, whatever the number of edits); throws if two overlap. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const normalised = normaliseEdits(edits);
  if (!normalised) throw new Error('overlapping edits');
  const pieces: string[] = [];
  let at = 0;
  for (const edit of normalised) {
    pieces.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** 1-based line of a UTF-16 offset. */
export function lineAt(text: string, offset: number): number {
  return positionsIn(text)(offset).row + 1;
}

/**
 * The 0-based row and column (UTF-16 code units, as tree-sitter's and the compiler's positions) of offsets in `text`:
 * its line starts found once, each offset by binary search.
 */
export function positionsIn(text: string): (offset: number) => { row: number; column: number } {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { row: low, column: offset - lineStarts[low]! };
  };
}

/** The line ending a file uses (CRLF if any line ends with it), for inserted lines. */
export function lineEnding(text: string): string {
  if (text.includes('\r\n')) return '\r\n';
  // classic Mac line ends (CR only), which Python reads as lines too
  return !text.includes('\n') && text.includes('\r') ? '\r' : '\n';
}

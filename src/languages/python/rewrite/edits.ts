import { type ImportItem } from '../imports';
import { type Node } from '../syntax';
import { PythonFileRewrite } from './file-rewrite';

/** Deletes a whole statement, unless it is the only one of its block (an empty block would not parse). */
export function deleteStatement(rw: PythonFileRewrite, node: Node): void {
  const siblings = node.parent?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
  if (node.parent?.type === 'block' && siblings.length === 1) return;
  deleteSpan(rw, node.startIndex, node.endIndex);
}


export function touches(rw: PythonFileRewrite, node: Node): boolean {
  return rw.out.edits.some((e) => e.start < node.endIndex && e.end > node.startIndex);
}


/**
 * Deletes items from an import statement with their commas; a line left blank goes whole. Comments stay, except
 * those of `commented` items (each alone on its line), which went with them to their new import.
 */
export function removeItems(rw: PythonFileRewrite, items: readonly ImportItem[], removed: ImportItem[], commented: ReadonlySet<ImportItem> = new Set()): void {
  if (!removed.length) return;
  const text = rw.file.text;
  const gone = new Set(removed);
  const handled = new Set<ImportItem>();
  const comma = (node: Node | null | undefined): Node | undefined => (node?.type === ',' ? node : undefined);
  const startsLine = (offset: number): boolean => /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));
  // a line that a backslash continues from the line before: its last item takes that line's comma with it
  const continued = (offset: number): boolean => /\\\r?\n[ \t]*$/.test(text.slice(Math.max(0, offset - 200), offset));
  const skipSpaces = (offset: number): number => {
    while (text[offset] === ' ' || text[offset] === '\t') offset++;
    return offset;
  };
  // two items going from one line can claim the same spaces (`Gone, AlsoGone,` at a line's end): spans are merged
  const spans: Array<[number, number]> = [];
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index]!;
    if (!gone.has(item) || handled.has(item)) continue;
    if (commented.has(item)) {
      const lineStart = text.lastIndexOf('\n', item.node.startIndex - 1) + 1;
      const lineEnd = text.indexOf('\n', item.node.endIndex);
      rw.out.edits.push({ start: lineStart, end: lineEnd + 1, text: '' });
      continue;
    }
    const after = comma(item.node.nextSibling);
    if (after || (startsLine(item.node.startIndex) && !continued(item.node.startIndex))) {
      let start = item.node.startIndex;
      const end = skipSpaces(after ? after.endIndex : item.node.endIndex);
      // the last item of a line it shares (`A, B, Gone,`): the spaces before it would end the line
      if (/^(?:\r?\n|$)/.test(text.slice(end, end + 2))) while (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
      spans.push([start, end]);
      continue;
    }
    // the last item on its line without a comma after: take the comma before it, and removed neighbours on the line
    let first = index;
    // (lines a backslash joins are one line here)
    while (first > 0 && gone.has(items[first - 1]!) && (!startsLine(items[first]!.node.startIndex) || continued(items[first]!.node.startIndex))) first--;
    for (let k = first; k <= index; k++) handled.add(items[k]!);
    let previous = items[first]!.node.previousSibling;
    while (previous?.type === 'line_continuation') previous = previous.previousSibling;
    const before = comma(previous);
    spans.push([before ? before.startIndex : items[first]!.node.startIndex, item.node.endIndex]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of spans) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  for (const [start, end] of merged) deleteSpan(rw, start, end);
}


/** Deletes [start, end); when that leaves its line blank, the whole line goes. */
export function deleteSpan(rw: PythonFileRewrite, start: number, end: number): void {
  const text = rw.file.text;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*$/.test(rest) && lineEnd !== -1) {
    rw.out.edits.push({ start: lineStart, end: lineEnd + 1, text: '' });
    return;
  }
  rw.out.edits.push({ start, end, text: '' });
}


export function itemText(name: string, alias: string | undefined): string {
  return alias && alias !== name ? `${name} as ${alias}` : name;
}


/** The comment after an import item that has its line to itself (`    Name,  # why`), without the `#`. */
export function ownLineComment(text: string, item: ImportItem): string | undefined {
  const lineStart = text.lastIndexOf('\n', item.node.startIndex - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(lineStart, item.node.startIndex))) return undefined;
  const lineEnd = text.indexOf('\n', item.node.endIndex);
  if (lineEnd === -1) return undefined;
  const match = /^[ \t]*,?[ \t]*#[ \t]*(.*?)[ \t]*\r?$/.exec(text.slice(item.node.endIndex, lineEnd));
  return match?.[1] || undefined;
}


/** The comment after a statement on its last line (`from a import b  # noqa: F401`), without the `#`. */
export function trailingComment(text: string, statement: Node): string | undefined {
  const lineEnd = text.indexOf('\n', statement.endIndex);
  const match = /^[ \t]*#[ \t]*(.*?)[ \t]*\r?$/.exec(text.slice(statement.endIndex, lineEnd === -1 ? text.length : lineEnd));
  return match?.[1] || undefined;
}

const suppressions = [/\bnoqa\b(?::[ \t]*[A-Z]+[0-9]+(?:[ \t]*,[ \t]*[A-Z]+[0-9]+)*)?/gi, /\bpylint:[ \t]*disable=[\w-]+(?:[ \t]*,[ \t]*[\w-]+)*/g];

/**
 * The linter suppressions on an import statement's lines (`# noqa: F401`, `# pylint: disable=unused-import`), on its
 * first line or after it: a part split off to its own statement keeps them, or the linter flags the new line. (`type:
 * ignore` is not carried: the canonical module is the project's own, and an unneeded one fails strict mypy.)
 */
export function suppressionsOf(text: string, statement: Node): string[] {
  const firstLineEnd = text.indexOf('\n', statement.startIndex);
  const firstLine = text.slice(statement.startIndex, firstLineEnd === -1 || firstLineEnd > statement.endIndex ? statement.endIndex : firstLineEnd);
  const comments = [firstLine.includes('#') ? firstLine.slice(firstLine.indexOf('#')) : '', trailingComment(text, statement) ?? ''];
  return [...new Set(comments.flatMap((comment) => suppressions.flatMap((pattern) => comment.match(pattern) ?? [])))];
}

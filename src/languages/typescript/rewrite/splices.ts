import { ts } from '../ts';
import { FileRewrite } from './context';
import { lineIndent } from './text';

/** Removes list elements with their separators, keeping the others' formatting and any trailing comma. */
export function removeElements(rw: FileRewrite, elements: ts.NodeArray<ts.Node>, remove: Set<number>): void {
  let i = 0;
  while (i < elements.length) {
    if (!remove.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < elements.length && remove.has(j + 1)) j++;
    const next = elements[j + 1];
    if (next) deleteKeepingComments(rw, elements[i]!.getStart(rw.sourceFile), next.getStart(rw.sourceFile));
    else deleteKeepingComments(rw, elements[i - 1]!.end, elements[j]!.end);
    i = j + 1;
  }
}


export function deleteStatement(rw: FileRewrite, statement: ts.Statement): void {
  const start = statement.getStart(rw.sourceFile);
  const comments = commentsIn(rw, start, statement.end);
  if (comments.length) {
    // comments inside the statement stay, one per line, where the statement was
    rw.edit(start, statement.end, comments.map((c) => rw.text.slice(c.start, c.end)).join(rw.eol + lineIndent(rw.text, start)));
    return;
  }
  const lineStart = rw.text.lastIndexOf('\n', start - 1) + 1;
  const onlyIndent = /^[ \t\uFEFF]*$/.test(rw.text.slice(lineStart, start));
  let end = statement.end;
  const rest = /^[ \t]*(\r?\n|$)/.exec(rw.text.slice(end));
  if (onlyIndent && rest) rw.edit(lineStart, end + rest[0].length, rw.text.slice(lineStart, start).replace(/[ \t]/g, ''));
  else rw.edit(start, end, '');
}


export function replaceStatement(rw: FileRewrite, statement: ts.Statement, lines: string[]): void {
  if (!lines.length) {
    deleteStatement(rw, statement);
    return;
  }
  const start = statement.getStart(rw.sourceFile);
  const comments = commentsIn(rw, start, statement.end).map((c) => rw.text.slice(c.start, c.end));
  rw.edit(start, statement.end, [...comments, ...lines].join(rw.eol + lineIndent(rw.text, start)));
}


/** Deletes a range except the comments in it (the code and separators between them go). */
export function deleteKeepingComments(rw: FileRewrite, start: number, end: number): void {
  let from = start;
  for (const comment of commentsIn(rw, start, end)) {
    if (/\S/.test(rw.text.slice(from, comment.start))) rw.edit(from, comment.start, '');
    from = comment.end;
  }
  if (from === start || /\S/.test(rw.text.slice(from, end))) rw.edit(from, end, '');
}


/** The comments between two offsets, from the TypeScript scanner. */
export function commentsIn(rw: FileRewrite, start: number, end: number): Array<{ start: number; end: number }> {
  const slice = rw.text.slice(start, end);
  if (!slice.includes('//') && !slice.includes('/*')) return [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, rw.sourceFile.languageVariant, rw.text, undefined, start, end - start);
  const found: Array<{ start: number; end: number }> = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) found.push({ start: scanner.getTokenStart(), end: scanner.getTokenEnd() });
  }
  return found;
}


export function insertAfter(rw: FileRewrite, statement: ts.Statement, lines: string[]): void {
  if (!lines.length) return;
  const indent = lineIndent(rw.text, statement.getStart(rw.sourceFile));
  // after a trailing `// comment` on the same line, so the comment stays with its statement
  const rest = /^[ \t]*(\/\/[^\r\n]*)?(?=\r?\n|$)/.exec(rw.text.slice(statement.end));
  const at = rest ? statement.end + rest[0].length : statement.end;
  rw.edit(at, at, lines.map((line) => `${rw.eol}${indent}${line}`).join(''));
}

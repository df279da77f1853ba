import { applyEdits } from '../../../core/edits';
import type { Edit } from '../../../core/types';

const blackDefaultLineLength = 88;

/** A comment that tells a linter to let the line be: `# noqa`, `# noqa: F401`, `# pylint: disable=…`, `# ruff: noqa`. */
const suppressionComment = /^#\s*(?:noqa\b|pylint:|ruff:|flake8:)/i;

/** A from-import on one line (no parentheses, continuation or star), and its trailing comment. */
const SINGLE_LINE_FROM = /^([ \t]*)from[ \t]+([\w.]+)[ \t]+import[ \t]+(\w+(?:[ \t]+as[ \t]+\w+)?(?:[ \t]*,[ \t]*\w+(?:[ \t]+as[ \t]+\w+)?)*)[ \t]*(#.*)?$/;

/**
 * Without an isort layout to keep, a from-import line the rewrite made longer than the project's line length (a longer
 * module, a renamed name, a line it added) is wrapped as black and ruff's formatter write one: parenthesised, a name per
 * line, a trailing comma, a trailing comment after the closing parenthesis (a linter's suppression after the opening one). Only where the lines it replaces kept to
 * that length, or to black's default where it is shorter (a project whose lines were longer does not hold to one), and
 * where they begin with an import statement (`importRows`, 0-based rows of the original): the edits of such a stretch
 * of lines become one edit.
 */
export function wrapGrownImports(text: string, edits: readonly Edit[], importRows: ReadonlySet<number>, limit: number): Edit[] {
  const out: Edit[] = [];
  for (const stretch of stretchesOf(text, edits)) {
    const original = text.slice(stretch.start, stretch.end);
    const local = stretch.edits.map((edit) => ({ ...edit, start: edit.start - stretch.start, end: edit.end - stretch.start }));
    const rewritten = applyEdits(original, local);
    const lines = rewritten.split('\n');
    // black keeps to 88 with no configuration: lines up to that length say the project holds to a limit as well
    const held = Math.max(limit, blackDefaultLineLength);
    const fits = original.split('\n').every((line) => line.replace(/\r$/, '').length <= held);
    if (!fits || !importRows.has(stretch.row) || !lines.some((line) => line.replace(/\r$/, '').length > limit)) {
      out.push(...stretch.edits);
      continue;
    }
    const wrapped = lines.map((line) => {
      const cr = line.endsWith('\r') ? '\r' : '';
      const body = cr ? line.slice(0, -1) : line;
      const match = body.length > limit ? SINGLE_LINE_FROM.exec(body) : null;
      // black leaves a line whose comment is a `# type:` one as it is (the comment belongs to that line)
      if (!match || match[4]?.startsWith('# type:')) return line;
      const [, indent, module, names, comment] = match;
      const items = names!.split(',').map((name) => name.trim().replace(/[ \t]+as[ \t]+/, ' as '));
      // a linter's suppression goes after the opening parenthesis, on the statement's first line, where ruff, flake8
      // and pylint read it (ruff ignores a `noqa` after the closing one) and black leaves it; any other comment
      // follows the closing parenthesis, where black puts it
      const suppression = comment !== undefined && suppressionComment.test(comment);
      const first = `${indent}from ${module} import (${suppression ? `  ${comment}` : ''}`;
      const last = `${indent})${comment && !suppression ? `  ${comment}` : ''}`;
      return [first, ...items.map((item) => `${indent}    ${item},`), last].join(`${cr}\n`) + cr;
    });
    const joined = wrapped.join('\n');
    if (joined === rewritten) out.push(...stretch.edits);
    else out.push({ start: stretch.start, end: stretch.end, text: joined });
  }
  return out;
}

interface Stretch {
  start: number;
  end: number;
  /** 0-based row of `start` */
  row: number;
  edits: Edit[];
}

/** The edits grouped by the whole lines they touch (edits that share a line, one group). */
function stretchesOf(text: string, edits: readonly Edit[]): Stretch[] {
  const stretches: Stretch[] = [];
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const start = text.lastIndexOf('\n', edit.start - 1) + 1;
    const newline = text.indexOf('\n', edit.end);
    const end = newline === -1 ? text.length : newline;
    const last = stretches[stretches.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.edits.push(edit);
    } else stretches.push({ start, end, row: 0, edits: [edit] });
  }
  let row = 0;
  let at = 0;
  for (const stretch of stretches) {
    for (let i = text.indexOf('\n', at); i !== -1 && i < stretch.start; i = text.indexOf('\n', i + 1)) row++;
    at = stretch.start;
    stretch.row = row;
  }
  return stretches;
}

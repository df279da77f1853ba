import { escapeRegExp } from '../../core/regexp';
import { textOrUndefined } from '../../core/read-text';
import type { Edit, Workspace } from '../../core/types';
import { normaliseEdits } from '../../core/edits';
import { findImports } from './imports';
import { findDunderAll, parsePython, statementLines, type Node } from './syntax';

interface Span {
  start: number;
  end: number;
}

/** A binding that only the moved definitions read: an import item, or a private (`_name`) top-level definition. */
interface Candidate {
  name: string;
  /** 1-based line of its binding */
  line: number;
  /** where the binding is written (an import item, or the whole definition with its comments) */
  span: Span;
  /** the import statement holding the item (its span, its items' spans); undefined for a definition */
  statement?: { span: Span; items: readonly Span[] };
}

/**
 * What a name-level shim leaves unread once the moved definitions (`gone`) are deleted: the imports and private
 * (`_name`) helpers only they used — pylint's unused-import and flake8's F401 would fail on the imports. Found again
 * as each goes (a helper's helper). A name counts as used wherever its word appears in what stays outside comments
 * (strings, docstrings and `__all__` included: kept when in doubt); never removed: what nothing read before, an import on a `# noqa` line
 * (a deliberate re-export), `from __future__`, and a name another file imports from this module.
 */
export async function shimOrphans(workspace: Workspace, module: string, path: string, text: string, gone: readonly Span[]): Promise<{ edits: Edit[]; removed: Array<{ name: string; line: number }> }> {
  const { candidates, comments } = await candidatesIn(text, gone);
  const removed: Candidate[] = [];
  const spans = [...gone];
  const inside = (at: number, within: readonly Span[]): boolean => within.some((span) => at >= span.start && at < span.end);
  for (let found = true; found; ) {
    found = false;
    for (const candidate of candidates) {
      if (removed.includes(candidate)) continue;
      // its own import statement aside (`from datetime import datetime` spells it twice)
      const uses = [...text.matchAll(new RegExp(`(?<![\\w.])${escapeRegExp(candidate.name)}\\b`, 'g'))].map((m) => m.index).filter((at) => !inside(at, [candidate.statement?.span ?? candidate.span]) && !inside(at, comments));
      if (!uses.length || !uses.every((at) => inside(at, spans)) || importedElsewhere(workspace, module, path, candidate.name)) continue;
      removed.push(candidate);
      spans.push(candidate.span);
      found = true;
    }
  }
  return { edits: removalEdits(text, removed), removed: removed.map(({ name, line }) => ({ name, line })) };
}

async function candidatesIn(text: string, gone: readonly Span[]): Promise<{ candidates: Candidate[]; comments: Span[] }> {
  const tree = await parsePython(text);
  try {
    const root = tree.rootNode;
    const listed = new Set(findDunderAll(root) ?? []);
    const candidates: Candidate[] = [];
    for (const statement of findImports(root)) {
      if (statement.node.parent?.id !== root.id || (statement.kind === 'from' && (statement.wildcard || statement.module === '__future__'))) continue;
      const lineEnd = text.indexOf('\n', statement.node.endIndex);
      if (/#\s*noqa/i.test(text.slice(statement.node.startIndex, lineEnd === -1 ? text.length : lineEnd))) continue;
      for (const item of statement.items) {
        if (listed.has(item.bound)) continue;
        // offsets, not nodes: the tree is gone once the candidates are found
        const items = statement.items.map((each) => ({ start: each.node.startIndex, end: each.node.endIndex }));
        candidates.push({ name: item.bound, line: item.node.startPosition.row + 1, span: { start: item.node.startIndex, end: item.node.endIndex }, statement: { span: { start: statement.node.startIndex, end: statement.node.endIndex }, items } });
      }
    }
    for (const statement of root.namedChildren) {
      if (!statement || gone.some((span) => statement.startIndex >= span.start && statement.startIndex < span.end)) continue;
      const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      const left = definition?.type === 'expression_statement' && definition.namedChildren[0]?.type === 'assignment' ? definition.namedChildren[0].childForFieldName('left') : undefined;
      const name = definition?.type === 'function_definition' || definition?.type === 'class_definition' ? definition.childForFieldName('name')?.text : left?.type === 'identifier' ? left.text : undefined;
      if (!name || !/^_[^_]/.test(name) || listed.has(name)) continue;
      candidates.push({ name, line: statement.startPosition.row + 1, span: statementLines(text, statement) });
    }
    const comments = root.descendantsOfType('comment').flatMap((node) => (node ? [{ start: node.startIndex, end: node.endIndex }] : []));
    return { candidates, comments };
  } finally {
    tree.delete();
  }
}

/** Whether another Python file of the repository spells an import of `name` from `module`. */
function importedElsewhere(workspace: Workspace, module: string, path: string, name: string): boolean {
  const pattern = new RegExp(`\\b${escapeRegExp(module)}\\b[\\s\\S]{0,400}?\\b${escapeRegExp(name)}\\b`);
  return workspace.files.some((file) => file !== path && /\.pyi?$/.test(file) && (textOrUndefined(workspace, file) ?? '').includes(name) && pattern.test(textOrUndefined(workspace, file) ?? ''));
}

/** Whole statements go with their lines (one blank line where two would meet); items go from lists that keep others. */
function removalEdits(text: string, removed: readonly Candidate[]): Edit[] {
  const edits: Edit[] = [];
  const lines: Span[] = removed.filter((c) => !c.statement).map((c) => c.span);
  // by statement start: the items of each import that go
  const statements = new Map<number, { span: Span; items: readonly Span[]; gone: Span[] }>();
  for (const { statement, span } of removed) {
    if (!statement) continue;
    const entry = statements.get(statement.span.start) ?? { ...statement, gone: [] };
    entry.gone.push(span);
    statements.set(statement.span.start, entry);
  }
  for (const { span: statement, items, gone } of statements.values()) {
    if (gone.length === items.length) {
      const newline = text.indexOf('\n', statement.end);
      lines.push({ start: text.lastIndexOf('\n', statement.start - 1) + 1, end: newline === -1 ? text.length : newline + 1 });
      continue;
    }
    const kept = items.map((item) => !gone.some((span) => span.start === item.start));
    for (let i = 0; i < items.length; i++) {
      if (kept[i]) continue;
      let last = i;
      while (last + 1 < items.length && !kept[last + 1]) last++;
      const next = items[last + 1];
      if (next) edits.push({ start: items[i]!.start, end: next.start, text: '' });
      else edits.push({ start: items[i - 1]!.end, end: items[last]!.end, text: '' });
      i = last;
    }
  }
  for (const span of lines) edits.push({ start: span.start, end: span.end, text: '' });
  return edits;
}

/**
 * Applies edits that delete whole lines, then keeps no more blank lines where a deletion brought two runs of them
 * together than the larger run was (a section of imports gone with its separator, a helper gone from between two
 * spaced blocks); blank lines elsewhere stay as they are.
 */
export function applyLineDeletions(text: string, edits: readonly Edit[]): string {
  const normalised = normaliseEdits(edits);
  if (!normalised) throw new Error('overlapping edits');
  // deletions with only blank lines between them are one deletion
  const merged: Edit[] = [];
  for (const edit of normalised) {
    const last = merged[merged.length - 1];
    const deletes = (e: Edit): boolean => e.end > e.start && !e.text && (e.start === 0 || text[e.start - 1] === '\n');
    if (last && deletes(last) && deletes(edit) && /^(?:[ \t]*\r?\n)*$/.test(text.slice(last.end, edit.start))) last.end = edit.end;
    else merged.push({ ...edit });
  }
  // the blank lines a deletion ends with stay out of it: they count below the joint
  for (const edit of merged) {
    if (edit.text || edit.end <= edit.start) continue;
    const trailing = /(?:^|\n)((?:[ \t]*\r?\n)+)$/.exec(text.slice(edit.start, edit.end));
    if (trailing && edit.end - trailing[1]!.length > edit.start) edit.end -= trailing[1]!.length;
  }
  let out = '';
  const joints: number[] = [];
  let at = 0;
  for (const edit of merged) {
    out += text.slice(at, edit.start) + edit.text;
    if (edit.end > edit.start && !edit.text && (edit.start === 0 || text[edit.start - 1] === '\n')) joints.push(out.length);
    at = edit.end;
  }
  out += text.slice(at);
  const blankLines = (run: string): number => (run.match(/\n/g) ?? []).length;
  for (const joint of joints.reverse()) {
    // the blank lines right above the joint (past the line end of what stands above them) and right below it
    const above = /(?:^|\n)((?:[ \t]*\r?\n)*)$/.exec(out.slice(0, joint))![1]!;
    const below = /^(?:[ \t]*\r?\n)*/.exec(out.slice(joint))![0];
    const excess = Math.min(blankLines(above), blankLines(below));
    if (!excess) continue;
    const cut = above.split('\n').slice(-1 - excess, -1).join('\n').length + 1;
    out = out.slice(0, joint - cut) + out.slice(joint);
  }
  return out;
}

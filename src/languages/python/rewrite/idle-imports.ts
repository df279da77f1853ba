import type { ImportFromStatement, ImportItem, ImportStatement, PythonImport } from '../imports';
import type { Edit } from '../../../core/types';
import { deleteStatement, removeItems, suppressionsOf, trailingComment } from './edits';
import { PythonFileRewrite } from './file-rewrite';
import type { ModuleBinding } from './types';
import { proseRanges } from '../prose';
import { escapeRegExp } from '../../../core/regexp';

/**
 * `from acme import legacy` whose every use was a chain to an old module (`legacy.models.Booking`, now
 * `acme.core.models.Booking`), or `from app.schemas import core` (an old module) whose chains went through another
 * binding, or one the rewrite retargeted (`from m import old as legacy` -> `b as legacy`) whose every chain went to
 * another module: the rewrite left the name unused (flake8 F401, pylint unused-import), so it goes too, with a note.
 * Only a from-import the rewrite left as it was (but for that retarget), in a file that is no package `__init__` (its
 * imports are its interface),
 * whose name no string holds (`__all__`, a string annotation), and whose statement carries no comment (`# noqa`: kept
 * on purpose).
 */
export function dropIdleAncestorImports(rw: PythonFileRewrite): void {
  if (/(^|\/)__init__\.pyi?$/.test(rw.file.path)) return;
  const drops = new Map<ImportFromStatement, Map<string, ModuleBinding>>();
  for (const [key, binding] of rw.bindings) {
    const name = key.slice(key.indexOf('\0') + 1);
    if (!isIdleAncestor(rw, binding, name)) continue;
    const statement = binding.statement as ImportFromStatement;
    drops.set(statement, (drops.get(statement) ?? new Map()).set(name, binding));
  }
  for (const [statement, names] of drops) {
    const items = statement.items.filter((item) => names.has(item.bound));
    for (const item of items) if (dropEditsWithin(rw, [item])) uncount(rw, rw.map.moveOfModule(names.get(item.bound)!.oldModule)?.rule.label);
    if (items.length === statement.items.length) deleteStatement(rw, statement.node);
    else removeItems(rw, statement.items, items);
    for (const item of items) {
      rw.out.note(statement.node, `'${item.bound}' (${names.get(item.bound)!.oldModule}) was used only for what now comes from its canonical module: its import went with those uses`);
    }
  }
  for (const statement of idleDottedImports(rw)) {
    for (const item of statement.items) if (dropEditsWithin(rw, [item])) uncount(rw, rw.retargets.get(item.name)?.label);
    deleteStatement(rw, statement.node);
    for (const item of statement.items) rw.out.note(statement.node, `'${item.name}' was used only for what now comes from its canonical module: its import went with those uses`);
  }
}

/**
 * `import models.social` of a module the map takes names from (it stays), once every chain through its root
 * (`models.social.SocialAccount`) went to a canonical module: nothing reads `models` any more; likewise `import m.old`
 * retargeted to `import m.b` whose chains all went elsewhere. Only statements the rewrite left as they were (but for
 * that retarget), importing such modules alone, unaliased, with no comment.
 */
function idleDottedImports(rw: PythonFileRewrite): ImportStatement[] {
  const idle: ImportStatement[] = [];
  for (const [key, binding] of rw.bindings) {
    const root = key.slice(key.indexOf('\0') + 1);
    const uses = rw.chainUses.get(binding);
    if (!binding.rootOnly || !uses || uses.kept || !uses.rewritten || readInString(rw, root)) continue;
    for (const statement of rw.imports) {
      if (statement.kind !== 'import' || rw.scopes.scopeOf(statement.node) !== binding.scope || !leftAsItWas(rw, statement, statement.items)) continue;
      // a module whose names move in part, or one moved whole whose statement was retargeted (no chain reads its target)
      const idleItem = (item: ImportItem): boolean => (rw.map.hasNameMoves(item.name) && !rw.map.moveOfModule(item.name)) || rw.retargets.has(item.name);
      if (statement.items.every((item) => !item.alias && item.name.split('.')[0] === root && idleItem(item))) idle.push(statement);
    }
  }
  return idle;
}

/**
 * Untouched by the rewrite (but for edits inside `items`, the idle ones: retargeted, and now going) and carrying no
 * comment (`# noqa`: kept on purpose).
 */
function leftAsItWas(rw: PythonFileRewrite, statement: PythonImport, items: readonly ImportItem[] = []): boolean {
  const node = statement.node;
  const touched = rw.out.edits.some((e) => e.start < node.endIndex && e.end > node.startIndex && !items.some((item) => within(e, item)));
  return !touched && !node.text.includes('#') && trailingComment(rw.file.text, node) === undefined && !suppressionsOf(rw.file.text, node).length;
}

const within = (edit: Edit, item: ImportItem): boolean => edit.start >= item.node.startIndex && edit.end <= item.node.endIndex;

/** Drops the edits a retarget made inside import items that go; true when there were some. */
function dropEditsWithin(rw: PythonFileRewrite, items: readonly ImportItem[]): boolean {
  const edits = rw.out.edits.filter((e) => items.some((item) => within(e, item)));
  for (const edit of edits) rw.out.dropEdit(edit);
  return edits.length > 0;
}

/** An import a retarget counted, gone instead. */
function uncount(rw: PythonFileRewrite, label: string | undefined): void {
  const stats = label === undefined ? undefined : rw.out.stats[label];
  if (stats && stats.imports > 0) stats.imports--;
}

/**
 * `"legacy.models.Booking"` in a string annotation, `__all__`: the name is read where no chain was rewritten. Any plain
 * string that holds the word counts (not a comment, nor code after a string on its line); a text that cannot be lexed
 * to its end counts as holding it.
 */
function readInString(rw: PythonFileRewrite, name: string): boolean {
  const text = rw.file.text;
  const word = new RegExp(`\\b${escapeRegExp(name)}\\b`);
  if (!word.test(text)) return false;
  const ranges = proseRanges(text);
  if (!ranges) return true;
  return ranges.some(([start, end]) => text[start] !== '#' && word.test(text.slice(start, end)));
}

function isIdleAncestor(rw: PythonFileRewrite, binding: ModuleBinding, name: string): boolean {
  const uses = rw.chainUses.get(binding);
  if (!uses || uses.kept || !uses.rewritten) return false;
  const { statement } = binding;
  if (statement.kind !== 'from' || statement.wildcard || binding.rootOnly) return false;
  const items = statement.items.filter((item) => item.bound === name);
  return leftAsItWas(rw, statement, items) && !readInString(rw, name);
}

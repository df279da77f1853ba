import type { ImportFromStatement, ImportStatement, PythonImport } from '../imports';
import { deleteStatement, removeItems, suppressionsOf, touches, trailingComment } from './edits';
import { PythonFileRewrite } from './file-rewrite';
import type { ModuleBinding } from './types';

/**
 * `from acme import legacy` whose every use was a chain to an old module (`legacy.models.Booking`, now
 * `acme.core.models.Booking`), or `from app.schemas import core` (an old module) whose chains went through another
 * binding: the rewrite left the name unused (flake8 F401, pylint unused-import), so it goes too, with a note. Only a
 * from-import the rewrite left as it was, in a file that is no package `__init__` (its imports are its interface),
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
    if (items.length === statement.items.length) deleteStatement(rw, statement.node);
    else removeItems(rw, statement.items, items);
    for (const item of items) {
      rw.out.note(statement.node, `'${item.bound}' (${names.get(item.bound)!.oldModule}) was used only for what now comes from its canonical module: its import went with those uses`);
    }
  }
  for (const statement of idleDottedImports(rw)) {
    deleteStatement(rw, statement.node);
    for (const item of statement.items) rw.out.note(statement.node, `'${item.name}' was used only for what now comes from its canonical module: its import went with those uses`);
  }
}

/**
 * `import models.social` of a module the map takes names from (it stays), once every chain through its root
 * (`models.social.SocialAccount`) went to a canonical module: nothing reads `models` any more. Only statements the
 * rewrite left as they were, importing such modules alone, unaliased, with no comment.
 */
function idleDottedImports(rw: PythonFileRewrite): ImportStatement[] {
  const idle: ImportStatement[] = [];
  for (const [key, binding] of rw.bindings) {
    const root = key.slice(key.indexOf('\0') + 1);
    const uses = rw.chainUses.get(binding);
    if (!binding.rootOnly || !uses || uses.kept || !uses.rewritten || readInString(rw, root)) continue;
    for (const statement of rw.imports) {
      if (statement.kind !== 'import' || rw.scopes.scopeOf(statement.node) !== binding.scope || !leftAsItWas(rw, statement)) continue;
      if (statement.items.every((item) => !item.alias && item.name.split('.')[0] === root && rw.map.hasNameMoves(item.name) && !rw.map.moveOfModule(item.name))) idle.push(statement);
    }
  }
  return idle;
}

/** Untouched by the rewrite and carrying no comment (`# noqa`: kept on purpose). */
function leftAsItWas(rw: PythonFileRewrite, statement: PythonImport): boolean {
  return !touches(rw, statement.node) && !statement.node.text.includes('#') && trailingComment(rw.file.text, statement.node) === undefined && !suppressionsOf(rw.file.text, statement.node).length;
}

/** `"legacy.models.Booking"` in a string annotation, `__all__`: the name is read where no chain was rewritten. */
function readInString(rw: PythonFileRewrite, name: string): boolean {
  return new RegExp(`["'][^"'\\n]*\\b${name}\\b`).test(rw.file.text);
}

function isIdleAncestor(rw: PythonFileRewrite, binding: ModuleBinding, name: string): boolean {
  const uses = rw.chainUses.get(binding);
  if (!uses || uses.kept || !uses.rewritten) return false;
  const { statement } = binding;
  if (statement.kind !== 'from' || statement.wildcard || binding.rootOnly) return false;
  return leftAsItWas(rw, statement) && !readInString(rw, name);
}

import type { ImportFromStatement } from '../imports';
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
}

function isIdleAncestor(rw: PythonFileRewrite, binding: ModuleBinding, name: string): boolean {
  const uses = rw.chainUses.get(binding);
  if (!uses || uses.kept || !uses.rewritten) return false;
  const { statement } = binding;
  if (statement.kind !== 'from' || statement.wildcard || binding.rootOnly) return false;
  if (touches(rw, statement.node) || statement.node.text.includes('#') || trailingComment(rw.file.text, statement.node) !== undefined || suppressionsOf(rw.file.text, statement.node).length) return false;
  // `"legacy.models.Booking"` in a string annotation, `__all__`: the name is read where no chain was rewritten
  return !new RegExp(`["'][^"'\\n]*\\b${name}\\b`).test(rw.file.text);
}

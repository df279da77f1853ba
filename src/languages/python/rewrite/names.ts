import type { NameTarget } from '../../../importmap/types';
import { type ImportItem, type PythonImport } from '../imports';
import { type Scope } from '../scopes';
import { FromDecision } from './types';
import { PythonFileRewrite } from './file-rewrite';
import { dunderAllNames } from '../syntax';

/** Bindings no rewrite touches; a moved import that would bind the same again in the same block is dropped instead. */
export function claimUnmovedBindings(rw: PythonFileRewrite, decisions: Map<PythonImport, FromDecision>): void {
  for (const statement of rw.imports) {
    if (statement.kind === 'import') {
      for (const item of statement.items) if (!rw.map.moveOfModule(item.name)) claim(rw, statement, `import|${item.name}|${item.alias ?? ''}`);
      continue;
    }
    const decision = decisions.get(statement);
    if (!decision) continue;
    for (const item of decision.stays) claim(rw, statement, `from|${decision.module}|${item.name}|${item.bound}`);
  }
}


/** Records a binding of a statement's block; false when the block already has it. */
export function claim(rw: PythonFileRewrite, statement: PythonImport, key: string): boolean {
  const full = `${statement.node.parent?.id ?? 0}|${key}`;
  if (rw.claimed.has(full)) return false;
  rw.claimed.add(full);
  return true;
}


export function scopeKey(rw: PythonFileRewrite, scope: Scope, name: string): string {
  return `${scope.node.id}\0${name}`;
}


export function isNameMoveOf(rw: PythonFileRewrite, module: string, name: string): boolean {
  return rw.map.movedNames(module).includes(name);
}


/**
 * The alias of a moved item. A renamed, unaliased name renames its references, unless the new name is
 * already used in the file: then it is imported under its old name and the report says so.
 */
export function aliasFor(rw: PythonFileRewrite, item: ImportItem, target: NameTarget, statement: PythonImport): string | undefined {
  if (item.alias) return item.alias;
  if (target.name === item.name) return undefined;
  const scope = rw.scopes.scopeOf(statement.node);
  const publicName = publicNameReason(rw, scope, item.name);
  // `barrels: follow` renames barrels (an __init__.py, an __all__ entry): their importers follow through derived rules
  const followed = target.rule.barrels === 'follow' && (publicName === 're-exported by this package' || publicName === "listed in this module's __all__");
  if (publicName && !followed) {
    rw.out.note(item.node, `'${item.name}' is ${publicName}: imported as '${target.name} as ${item.name}' so that name keeps working`);
    return item.name;
  }
  if ((scope.declarations.get(item.name) ?? 0) > 1) {
    rw.out.note(item.node, `'${item.name}' is bound again here by a def, class or import: imported as '${target.name} as ${item.name}' instead of renaming references`);
    return item.name;
  }
  const taken = scope.bindings.has(target.name) || rw.scopes.usesName(target.name);
  if (taken) {
    rw.out.note(item.node, `'${target.name}' is already bound here: imported as '${target.name} as ${item.name}' instead of renaming references`);
    return item.name;
  }
  let renames = rw.renames.get(scope);
  if (!renames) rw.renames.set(scope, (renames = new Map()));
  renames.set(item.name, { to: target.name, label: target.rule.label });
  return undefined;
}


/**
 * Why a binding's name is part of an interface that renaming would break, or undefined: a class-body import is a
 * class attribute (`self.Name`); a package `__init__.py` or an `__all__` entry re-exports it to other modules.
 */
export function publicNameReason(rw: PythonFileRewrite, scope: Scope, name: string): string | undefined {
  if (scope.kind === 'class') return 'a class attribute here';
  if (scope !== rw.scopes.module) return undefined;
  if (rw.file.path === '__init__.py' || rw.file.path.endsWith('/__init__.py')) return 're-exported by this package';
  if (dunderAllNames(rw.scopes.module.node).has(name)) return "listed in this module's __all__";
  const own = rw.ctx.modules.getModule(rw.file.path);
  if (own !== undefined && rw.ctx.importedFrom.has(`${own}\0${name}`)) return 'imported from this module by other files';
  return undefined;
}


/** True when the file binds or uses `name` as anything (a local, a parameter, an import of a name, a builtin). */
export function isNameTaken(rw: PythonFileRewrite, name: string): boolean {
  const asModule = rw.imports.some((statement) => statement.kind === 'import' && statement.items.some((item) => !item.alias && item.bound === name && !rw.map.moveOfModule(item.name)));
  if (asModule) return false;
  return rw.scopes.usesName(name) || rw.scopes.all.some((scope) => scope.bindings.has(name));
}


/** `base`, or `base_module`, `base_module2`, ...: the first that the file does not use. */
export function freeName(rw: PythonFileRewrite, base: string): string {
  for (let i = 0; ; i++) {
    const name = i === 0 ? base : i === 1 ? `${base}_module` : `${base}_module${i}`;
    if (!isNameTaken(rw, name) && ![...rw.rootAliases.values()].includes(name)) return name;
  }
}

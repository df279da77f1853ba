import type { NameTarget, RewriteRule } from '../../../importmap/types';
import { ts } from '../ts';
import { Binding, targetImport } from './bindings';
import { FileRewrite } from './context';
import { deleteStatement, removeElements } from './splices';
import { specifierText } from './text';

/**
 * True when another import of this file already binds `target.name` from the module a written entry renames `old`
 * into (`import { ExportResponse } from './export-response.interface'`): the same object a barrel that follows the
 * rename now exports as `target.name`, so the barrel's binding of `old` can go and its references use that one.
 */
export function importsCanonicalObject(rw: FileRewrite, old: string, target: NameTarget, except: ts.Statement, typeOnly: boolean): boolean {
  const files = new Set(rw.map.rules.filter((rule) => !rule.derived && rule.rename.get(old) === target.name).map((rule) => rw.fileOfModule(rule.to)));
  files.delete(undefined);
  if (!files.size) return false;
  for (const statement of rw.sourceFile.statements) {
    if (statement === except || rw.deleted.has(statement) || !ts.isImportDeclaration(statement) || !ts.isStringLiteralLike(statement.moduleSpecifier)) continue;
    const bound = targetImport(statement, true).bindings.get(target.name);
    if (!bound || bound.imported !== target.name || (bound.typeOnly && !typeOnly)) continue;
    if (files.has(rw.moduleKeyOf(statement.moduleSpecifier.text))) return true;
  }
  return false;
}


/** A binding that stays in its statement while the statement's specifier changes: rename it (and its references) if the name changes. */
/** Returns the binding as the statement has it afterwards. */
export function renameInPlace(rw: FileRewrite, binding: Binding, target: NameTarget, statement: ts.ImportDeclaration): { imported: string; local: string } {
  const typePrefix = binding.kind === 'named' && (binding.node as ts.ImportSpecifier).isTypeOnly ? 'type ' : '';
  if (binding.kind === 'default') {
    if (target.name === 'default') {
      rw.claim(binding.local, target);
      return { imported: 'default', local: binding.local };
    }
    // case: rename { default: Booking }: the default import becomes a named one, the local name stays
    const specifier = target.name === binding.local ? target.name : `${target.name} as ${binding.local}`;
    const named = statement.importClause!.namedBindings;
    const node = binding.node as ts.Identifier;
    if (named && ts.isNamedImports(named) && named.elements.length > 0) {
      rw.edit(node.getStart(rw.sourceFile), named.getStart(rw.sourceFile), '');
      rw.edit(named.elements[0]!.getStart(rw.sourceFile), named.elements[0]!.getStart(rw.sourceFile), `${specifier}, `);
    } else {
      rw.edit(node.getStart(rw.sourceFile), node.end, `{ ${specifier} }`);
    }
    rw.claim(binding.local, target);
    return { imported: target.name, local: binding.local };
  }
  if (target.name === binding.imported) {
    rw.claim(binding.local, target);
    return { imported: target.name, local: binding.local };
  }
  const local = chooseLocal(rw, binding, target, statement);
  const text = `${typePrefix}${target.name === local ? target.name : `${target.name} as ${local}`}`;
  rw.edit(binding.node.getStart(rw.sourceFile), binding.node.end, text);
  if (local !== binding.local) renameReferences(rw, binding.local, local, target.rule);
  return { imported: target.name, local };
}


/**
 * The local name a moved binding gets: its alias if it had one, the new name when it is free (references are
 * renamed), else the old name as an alias of the new one (and a note).
 */
export function chooseLocal(rw: FileRewrite, binding: Binding, target: NameTarget, statement: ts.Statement): string {
  // (in a component the template may use the local name: it stays, `import { New as Old }`)
  if (binding.kind === 'default' || binding.local !== binding.imported || target.name === binding.imported || rw.component) {
    rw.claim(binding.local, target);
    return binding.local;
  }
  const key = `${target.module}#${target.name}`;
  const claimedBy = rw.claimed.get(target.name);
  if (claimedBy === key || (!claimedBy && !rw.scope.isNameTaken(target.name))) {
    rw.claimed.set(target.name, key);
    return target.name;
  }
  rw.note(statement, `'${target.name}' is already a name in this file: imported as '${target.name} as ${binding.local}' instead of renaming the references`);
  rw.claim(binding.local, target);
  followAliasedExports(rw, binding.local);
  return binding.local;
}


/** `barrels: follow` where the local name stays the old one (the new one is taken in the file): `export { Old }` -> `export { Old as New }`. */
export function followAliasedExports(rw: FileRewrite, local: string): void {
  const followed = rw.followedPublicName(local);
  if (followed === undefined) return;
  for (const reference of rw.scope.referencesTo(local)) {
    if (reference.form !== 'export-specifier') continue;
    const specifier = reference.node.parent as ts.ExportSpecifier;
    if (specifier.propertyName) continue;
    if (rw.exportsName(followed)) dropExportSpecifier(rw, specifier);
    else rw.edit(reference.node.end, reference.node.end, ` as ${followed}`);
  }
}


/** Renames every reference to the file-level binding `from` (scope-aware) to `to`. */
export function renameReferences(rw: FileRewrite, from: string, to: string, rule: RewriteRule): void {
  if (rw.component) rw.review(rw.sourceFile.statements[0] ?? rw.sourceFile, `'${from}' is renamed to '${to}' in this <script> block: the template may use '${from}' too, check it`);
  for (const reference of rw.scope.referencesTo(from)) {
    const node = reference.node;
    if (reference.form === 'shorthand') {
      // case: { Old } -> { Old: New }
      rw.edit(node.end, node.end, `: ${to}`);
    } else if (reference.form === 'export-specifier') {
      const specifier = node.parent as ts.ExportSpecifier;
      const followed = specifier.propertyName === node ? undefined : rw.followedPublicName(from);
      if (specifier.propertyName === node) {
        // case: export { Old as E }: the public name E stays -> export { New as E }
        rw.edit(node.getStart(rw.sourceFile), node.end, to);
      } else if (followed !== undefined && rw.exportsName(followed)) {
        // case: barrels: follow, and the module already exports the new name (the same object): export { Old } goes
        dropExportSpecifier(rw, specifier);
      } else if (followed !== undefined) {
        // case: barrels: follow -> export { New } (its importers follow through a derived entry)
        rw.edit(node.getStart(rw.sourceFile), node.end, specifierText(to, followed, false));
      } else {
        // case: export { Old } keeps its public name -> export { New as Old }
        rw.edit(node.getStart(rw.sourceFile), node.end, `${to} as ${from}`);
        rw.noteKeptPublicName(specifier, from, { module: '', name: to, rule });
      }
    } else {
      rw.edit(node.getStart(rw.sourceFile), node.end, to);
    }
    rw.count(rule, 'references');
  }
}


/** Drops one specifier of an `export { ... }` list; the list's drops are applied together (a list left empty goes). */
export function dropExportSpecifier(rw: FileRewrite, specifier: ts.ExportSpecifier): void {
  const list = specifier.parent;
  const dropped = rw.droppedExports.get(list) ?? new Set<number>();
  dropped.add(list.elements.indexOf(specifier));
  rw.droppedExports.set(list, dropped);
}


export function flushDroppedExports(rw: FileRewrite): void {
  for (const [list, dropped] of rw.droppedExports) {
    if (dropped.size === list.elements.length) deleteStatement(rw, list.parent);
    else removeElements(rw, list.elements, dropped);
  }
}

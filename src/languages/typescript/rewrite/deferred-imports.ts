import type { NameTarget } from '../../../importmap/types';
import { type OldModule } from '../old-module';
import { ts } from '../ts';
import { Binding, PendingImport, TargetImport, targetImport } from './bindings';
import { FileRewrite } from './context';
import { chooseLocal, renameReferences } from './names';
import { deleteStatement, insertAfter, replaceStatement } from './splices';
import { bracesSpaced, escapeFor, findChildToken, lineIndent, specifierText } from './text';

export function queueImport(rw: FileRewrite, binding: Binding, target: NameTarget, anchor: ts.Statement, literal: ts.StringLiteralLike, old: OldModule, statementTypeOnly: boolean): void {
  const existing = existingBinding(rw, target.module, target.name, anchor);
  let local: string;
  if (existing && binding.kind === 'named' && binding.local === binding.imported && (!rw.component || existing.local === binding.local)) {
    local = existing.local;
    rw.claimed.set(local, `${target.module}#${target.name}`);
  } else {
    local = chooseLocal(rw, binding, target, anchor);
  }
  if (local !== binding.local) renameReferences(rw, binding.local, local, target.rule);
  rw.pending.push({
    module: target.module,
    imported: target.name,
    local,
    typeOnly: binding.typeOnly,
    asDefault: binding.kind === 'default' && target.name === 'default',
    anchor,
    anchorLiteral: literal,
    oldModule: old,
    statementTypeOnly,
    rule: target.rule,
  });
}



export function importsOf(rw: FileRewrite, module: string): TargetImport[] {
  if (!rw.targetImports) {
    rw.targetImports = new Map();
    for (const statement of rw.sourceFile.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteralLike(statement.moduleSpecifier)) continue;
      const key = rw.moduleKeyOf(statement.moduleSpecifier.text);
      if (!key) continue;
      const list = rw.targetImports.get(key) ?? [];
      list.push(targetImport(statement, true));
      rw.targetImports.set(key, list);
    }
  }
  const key = rw.isBare(module) ? `bare:${module}` : rw.fileOfModule(module);
  if (!key) return [];
  return [...(rw.targetImports.get(key) ?? []), ...(rw.keptInto.get(key) ?? [])];
}




/** A statement whose specifier now names `module`, with the bindings it has after the rewrite. */
export function registerKept(rw: FileRewrite, module: string, statement: ts.ImportDeclaration, bindings: readonly Binding[], mergeable: boolean): void {
  const key = rw.isBare(module) ? `bare:${module}` : rw.fileOfModule(module);
  if (!key) return;
  const kept = targetImport(statement, mergeable);
  kept.bindings.clear();
  for (const binding of bindings) kept.bindings.set(binding.local, { imported: binding.imported, typeOnly: binding.typeOnly, node: binding.node });
  const list = rw.keptInto.get(key) ?? [];
  list.push(kept);
  rw.keptInto.set(key, list);
}


export function markUnmergeable(rw: FileRewrite, statement: ts.ImportDeclaration): void {
  for (const list of [...(rw.targetImports?.values() ?? []), ...rw.keptInto.values()]) {
    for (const entry of list) if (entry.declaration === statement) entry.mergeable = false;
  }
}


/** An import of `module` (other than `except`) that already binds `name` under that same name. */
export function existingBinding(rw: FileRewrite, module: string, name: string, except: ts.Statement): { local: string; target: TargetImport } | undefined {
  for (const entry of importsOf(rw, module)) {
    if (entry.declaration === except || rw.deleted.has(entry.declaration)) continue;
    const bound = entry.bindings.get(name);
    if (bound && bound.imported === name) return { local: name, target: entry };
  }
  return undefined;
}


/**
 * A binding of `module`'s export `imported` the file will have after the rewrite, under `local` when given (else any
 * local, its own name first): in an import it keeps, in a statement remodel retargets, or queued.
 */
export function bindingOf(rw: FileRewrite, module: string, imported: string, except: ts.Statement, local?: string, queued = true): FoundBinding | undefined {
  const found: FoundBinding[] = [];
  for (const entry of importsOf(rw, module)) {
    if (entry.declaration === except || rw.deleted.has(entry.declaration)) continue;
    for (const [name, bound] of entry.bindings) if (bound.imported === imported) found.push({ local: name, typeOnly: bound.typeOnly, target: entry });
  }
  if (queued) for (const item of rw.pending) if (item.module === module && item.imported === imported) found.push({ local: item.local, typeOnly: item.typeOnly, pending: item });
  const fits = found.filter((f) => local === undefined || f.local === local);
  return fits.find((f) => f.local === imported) ?? fits[0];
}

export interface FoundBinding {
  local: string;
  typeOnly: boolean;
  target?: TargetImport;
  pending?: PendingImport;
}

/** Makes a binding `bindingOf` found usable as a value (a value use needs it; a type-only import would not do). */
export function needValue(rw: FileRewrite, found: FoundBinding): void {
  if (!found.typeOnly) return;
  if (found.pending) found.pending.typeOnly = false;
  else if (found.target) makeValueBinding(rw, found.target, found.local);
  found.typeOnly = false;
}

/** An import of `module` that can take these bindings as extra specifiers. */
export function mergeTargetFor(rw: FileRewrite, module: string, bindings: Binding[], except: ts.Statement, wholeStatementTypeOnly?: boolean): TargetImport | undefined {
  if (bindings.some((b) => b.kind === 'default')) return undefined;
  const allTypes = bindings.every((b) => b.typeOnly);
  const kept = rw.keptInto.get(rw.isBare(module) ? `bare:${module}` : (rw.fileOfModule(module) ?? ''));
  const candidates = importsOf(rw, module).filter(
    (entry) => entry.declaration !== except && entry.mergeable && !rw.deleted.has(entry.declaration) && (wholeStatementTypeOnly === undefined || !kept?.includes(entry)),
  );
  const named = (entry: TargetImport) => {
    const bindingsNode = entry.declaration.importClause?.namedBindings;
    return bindingsNode !== undefined && ts.isNamedImports(bindingsNode);
  };
  const typeOnly = (entry: TargetImport) => entry.declaration.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword && !entry.madeValue;
  if (wholeStatementTypeOnly !== undefined) return candidates.find((e) => named(e) && typeOnly(e) === wholeStatementTypeOnly);
  if (allTypes) return candidates.find((e) => named(e) && typeOnly(e)) ?? candidates.find((e) => named(e) && !typeOnly(e));
  return candidates.find((e) => named(e) && !typeOnly(e));
}


/** Merges queued bindings into imports of their module, or writes new statements after the statement they left. */
export function flushPending(rw: FileRewrite): void {
  const fresh = new Map<ts.Statement, Map<string, PendingImport[]>>();
  const mergedInto = new Map<TargetImport, PendingImport[]>();
  /** one binding per (module, name, local): the first queued is written, a value use makes it a value */
  const scheduled = new Map<string, PendingImport>();
  for (const item of rw.pending) {
    const key = `${item.module}\0${item.imported}\0${item.local}`;
    const twin = scheduled.get(key);
    if (twin) {
      if (!item.typeOnly) twin.typeOnly = false;
      rw.countImport(item);
      continue;
    }
    const existing = bindingOf(rw, item.module, item.imported, item.anchor, item.local, false);
    if (existing?.target) {
      // case: the name is already imported from the target: no duplicate binding, but a type-only one must become a value
      if (!item.typeOnly) needValue(rw, existing);
      rw.countImport(item);
      continue;
    }
    scheduled.set(key, item);
    const target = mergeTargetFor(rw, item.module, [{ kind: item.asDefault ? 'default' : 'named', imported: item.imported, local: item.local, typeOnly: item.typeOnly, node: undefined as never }], item.anchor);
    if (target) {
      mergedInto.set(target, [...(mergedInto.get(target) ?? []), item]);
      target.bindings.set(item.local, { imported: item.imported, typeOnly: item.typeOnly, node: undefined as never });
      rw.countImport(item);
      continue;
    }
    const byModule = fresh.get(item.anchor) ?? new Map<string, PendingImport[]>();
    const group = `${item.module}\0${item.statementTypeOnly}`;
    byModule.set(group, [...(byModule.get(group) ?? []), item]);
    fresh.set(item.anchor, byModule);
  }
  for (const [target, items] of mergedInto) insertSpecifiers(rw, target, items);
  for (const statement of rw.deleted) {
    if (!fresh.has(statement)) deleteStatement(rw, statement);
  }
  for (const [anchor, groups] of fresh) {
    const lines: string[] = [];
    for (const items of groups.values()) {
      const first = items[0]!;
      const specifier = rw.specifierFor(first.anchorLiteral, first.oldModule, first.module, 'import');
      if (specifier === undefined) continue;
      lines.push(importStatementText(rw, anchor, first.anchorLiteral, specifier, items));
      for (const item of items) rw.countImport(item);
    }
    if (rw.deleted.has(anchor)) replaceStatement(rw, anchor, lines);
    else insertAfter(rw, anchor, lines);
  }
}


export function importStatementText(rw: FileRewrite, anchor: ts.Statement, literal: ts.StringLiteralLike, specifier: string, items: PendingImport[]): string {
  const quote = rw.quoteOf(literal);
  const semicolon = rw.semicolonOf(anchor);
  const spaced = bracesSpaced(anchor, rw.sourceFile);
  const statementTypeOnly = items[0]!.statementTypeOnly;
  const defaults = items.filter((i) => i.asDefault);
  const named = items.filter((i) => !i.asDefault);
  const parts: string[] = [];
  const head = defaults[0];
  if (head) parts.push(head.local);
  for (const extra of defaults.slice(1)) named.push({ ...extra, asDefault: false });
  if (named.length) {
    const list = named.map((i) => specifierText(i.imported, i.local, !statementTypeOnly && i.typeOnly, quote)).join(', ');
    parts.push(spaced ? `{ ${list} }` : `{${list}}`);
  }
  const type = statementTypeOnly ? ' type' : '';
  return `import${type} ${parts.join(', ')} from ${quote}${escapeFor(specifier, quote)}${quote}${semicolon}`;
}


export function insertSpecifiers(rw: FileRewrite, target: TargetImport, items: PendingImport[]): void {
  const named = target.declaration.importClause!.namedBindings as ts.NamedImports;
  const statementTypeOnly = target.declaration.importClause!.phaseModifier === ts.SyntaxKind.TypeKeyword && !target.madeValue;
  const quote = ts.isStringLiteralLike(target.declaration.moduleSpecifier) ? rw.quoteOf(target.declaration.moduleSpecifier) : "'";
  const texts = items.map((i) => specifierText(i.imported, i.local, !statementTypeOnly && i.typeOnly, quote));
  const elements = named.elements;
  const last = elements[elements.length - 1];
  if (!last) {
    const open = named.getStart(rw.sourceFile) + 1;
    rw.edit(open, named.end - 1, ` ${texts.join(', ')} `);
    return;
  }
  const multiline = rw.text.slice(named.getStart(rw.sourceFile), named.end).includes('\n');
  if (multiline) {
    const indent = lineIndent(rw.text, last.getStart(rw.sourceFile));
    const trailing = elements.hasTrailingComma;
    const afterLast = trailing ? rw.text.indexOf(',', last.end) + 1 : last.end;
    // a comment after the last specifier on its line stays with it: the new ones go on the lines after
    const comment = /^[ \t]*(\/\/[^\r\n]*|\/\*.*?\*\/)(?=[ \t]*(\r?\n|$))/.exec(rw.text.slice(afterLast));
    const at = comment ? afterLast + comment[0].length : afterLast;
    const body = texts.map((t) => `${rw.eol}${indent}${t}`).join(',');
    if (!trailing) rw.edit(last.end, last.end, ',');
    rw.edit(at, at, trailing ? `${body},` : body);
  } else if (elements.hasTrailingComma) {
    const at = rw.text.indexOf(',', last.end) + 1;
    rw.edit(at, at, ` ${texts.join(', ')},`);
  } else {
    rw.edit(last.end, last.end, `, ${texts.join(', ')}`);
  }
}


/** `import type { X }` or `{ type X }` -> a value binding of X (the moved import was a value import). */
export function makeValueBinding(rw: FileRewrite, target: TargetImport, name: string): void {
  const bound = target.bindings.get(name);
  if (!bound?.typeOnly || !bound.node) return;
  const clause = target.declaration.importClause!;
  if (ts.isImportSpecifier(bound.node) && bound.node.isTypeOnly) {
    const start = bound.node.getStart(rw.sourceFile);
    const typeEnd = bound.node.name.getStart(rw.sourceFile) > start && bound.node.propertyName ? bound.node.propertyName.getStart(rw.sourceFile) : bound.node.name.getStart(rw.sourceFile);
    rw.edit(start, typeEnd, '');
  } else if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) {
    // `import type { A, X }` -> `import { type A, X }`
    const typeKeyword = findChildToken(clause, ts.SyntaxKind.TypeKeyword, rw.sourceFile);
    if (!typeKeyword) return;
    target.madeValue = true;
    rw.edit(typeKeyword.getStart(rw.sourceFile), clause.name?.getStart(rw.sourceFile) ?? clause.namedBindings!.getStart(rw.sourceFile), '');
    const named = clause.namedBindings;
    if (named && ts.isNamedImports(named)) {
      for (const element of named.elements) {
        if (element !== bound.node) rw.edit(element.getStart(rw.sourceFile), element.getStart(rw.sourceFile), 'type ');
      }
    }
  }
  bound.typeOnly = false;
}







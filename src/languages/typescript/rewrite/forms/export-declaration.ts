import type { NameTarget } from '../../../../importmap/types';
import { type OldModule } from '../../old-module';
import { ts } from '../../ts';
import { FileRewrite } from '../context';
import { insertAfter, removeElements, replaceStatement } from '../splices';
import { bracesSpaced, escapeFor, specifierText } from '../text';
import { rewriteExportStar } from './export-star';
import { widenedNamespace, widensTo } from './namespace-import';


export function rewriteExport(rw: FileRewrite, statement: ts.ExportDeclaration, literal: ts.StringLiteralLike, old: OldModule): void {
  const whole = rw.map.moveOfModule(old.id);
  const clause = statement.exportClause;
  if (!clause) {
    // case: export * from 'x'
    rewriteExportStar(rw, statement, literal, old, whole);
    return;
  }
  if (ts.isNamespaceExport(clause)) {
    // case: export * as ns from 'x'
    if (whole && rw.map.hasNameMoves(old.id)) rw.review(statement, `'export * as ${clause.name.text}' of '${old.id}', whose names ${rw.map.movedNames(old.id).join(', ')} move elsewhere than ${whole.module}: the namespace cannot follow them`);
    else if (whole && whole.rule.rename.size === 0) {
      if (!statement.isTypeOnly && widensTo(rw, literal, old, whole.module, 'import')) rw.review(statement, widenedNamespace(`'export * as ${clause.name.text}'`, old, whole.module));
      else rw.retarget(literal, old, whole, 'import', 'imports');
    }
    else if (whole) rw.review(statement, `'export * as ${clause.name.text}' of '${old.id}', whose names are renamed: the namespace's members would change`);
    else if (rw.map.hasNameMoves(old.id)) rw.review(statement, `'export * as ${clause.name.text}' of '${old.id}', whose names ${rw.map.movedNames(old.id).join(', ')} move elsewhere: the namespace cannot follow them`);
    return;
  }
  // case: export { A, B as C } from 'x' (the exported name never changes, unless a barrel follows a rename)
  const elements = clause.elements;
  const targets = elements.map((e) => rw.destinationOf(old.id, (e.propertyName ?? e.name).text, e, 'the re-export'));
  if (targets.every((t) => !t)) return;
  // a name renamed within its own module (a barrel of a barrel that follows) stays in the statement
  const stays = targets.some((t) => !t || t.module === old.id);
  const texts = elements.map((element, i) => (targets[i] ? reexportText(rw, element, targets[i]!) : undefined));
  const keeper = stays ? undefined : targets.find((_, i) => texts[i] !== null)?.module;
  const groups = new Map<string, Array<{ element: ts.ExportSpecifier; target: NameTarget; text: string }>>();
  const leaving = new Set<number>();
  let keptSpecifier: string | undefined;
  if (keeper) {
    keptSpecifier = rw.specifierFor(literal, old, keeper, 'import');
    if (keptSpecifier === undefined) return;
  }
  for (let i = 0; i < elements.length; i++) {
    const target = targets[i];
    if (!target) continue;
    if (texts[i] === null) {
      // case: barrels: follow onto a name the module already exports: the old route goes
      leaving.add(i);
      rw.count(target.rule, 'imports');
      continue;
    }
    if (target.module === keeper || target.module === old.id) continue;
    leaving.add(i);
    groups.set(target.module, [...(groups.get(target.module) ?? []), { element: elements[i]!, target, text: texts[i]! }]);
  }
  const lines: string[] = [];
  const quote = rw.quoteOf(literal);
  const semicolon = rw.semicolonOf(statement);
  const type = statement.isTypeOnly ? ' type' : '';
  for (const [module, items] of groups) {
    const specifier = rw.specifierFor(literal, old, module, 'import');
    if (specifier === undefined) return;
    const list = items.map(({ text }) => text).join(', ');
    lines.push(`export${type} ${bracesSpaced(statement, rw.sourceFile) ? `{ ${list} }` : `{${list}}`} from ${quote}${escapeFor(specifier, quote)}${quote}${semicolon}`);
    for (const { target } of items) rw.count(target.rule, 'imports');
  }
  if (keeper && keptSpecifier !== undefined) {
    rw.replaceLiteral(literal, keptSpecifier);
    rw.count(targets.find((t) => t?.module === keeper)!.rule, 'imports');
  } else if (!keeper) {
    const renamedHere = targets.find((t, i) => t && t.module === old.id && !leaving.has(i));
    if (renamedHere) rw.count(renamedHere.rule, 'imports');
  }
  elements.forEach((element, i) => {
    const target = targets[i];
    if (!target || leaving.has(i)) return;
    const text = texts[i]!;
    if (text !== specifierText((element.propertyName ?? element.name).text, element.name.text, element.isTypeOnly, rw.quoteOf(literal))) rw.edit(element.getStart(rw.sourceFile), element.end, text);
  });
  if (leaving.size === elements.length) {
    replaceStatement(rw, statement, lines);
    return;
  }
  if (leaving.size) removeElements(rw, elements, leaving);
  insertAfter(rw, statement, lines);
}


/**
 * The specifier `export { ... } from` writes for a re-exported name that moves: its public name stays
 * (`export { New as Old }`, `export { New as E }`), unless this barrel follows the rename (`barrels: follow`, a derived
 * entry): `export { New }`. Null when the barrel follows onto a name it already exports: the specifier goes.
 */
export function reexportText(rw: FileRewrite, element: ts.ExportSpecifier, target: NameTarget): string | null {
  const exported = element.name.text;
  // a public name written as a string (`"weird name"`) keeps its own quotes
  const quote = ts.isStringLiteral(element.name) ? rw.quoteOf(element.name) : "'";
  const followed = element.propertyName ? undefined : rw.followedPublicName(exported);
  if (followed === undefined) {
    if (!element.propertyName) rw.noteKeptPublicName(element, exported, target);
    return specifierText(target.name, exported, element.isTypeOnly, quote);
  }
  if (rw.exportsName(followed)) return null;
  return specifierText(target.name, followed, element.isTypeOnly, quote);
}

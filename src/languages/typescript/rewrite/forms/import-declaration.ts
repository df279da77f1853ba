import type { NameTarget } from '../../../../importmap/types';
import { type OldModule } from '../../old-module';
import { ts } from '../../ts';
import { Binding } from '../bindings';
import { FileRewrite } from '../context';
import { existingBinding, markUnmergeable, mergeTargetFor, queueImport, registerKept } from '../deferred-imports';
import { importsCanonicalObject, renameInPlace, renameReferences } from '../names';
import { removeElements } from '../splices';
import { rewriteNamespace } from './namespace-import';

export function rewriteImport(rw: FileRewrite, statement: ts.ImportDeclaration, literal: ts.StringLiteralLike, old: OldModule): void {
  const clause = statement.importClause;
  const whole = rw.map.moveOfModule(old.id);
  if (!clause) {
    // case: import 'x' (side effect): follows a whole-module move; a name-level move leaves the module in place
    if (whole) rw.retarget(literal, old, whole, 'import', 'imports');
    return;
  }
  const statementTypeOnly = clause.phaseModifier === ts.SyntaxKind.TypeKeyword;
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) {
    if (clause.name) {
      // case: import D, * as ns from 'x'
      if (whole && whole.rule.rename.size === 0) rw.retarget(literal, old, whole, 'import', 'imports');
      else if (whole || rw.map.hasNameMoves(old.id)) rw.review(statement, `default and namespace import of '${old.id}' together: split it by hand`);
      return;
    }
    // case: import * as ns from 'x'
    rewriteNamespace(rw, statement, literal, old, named.name, statementTypeOnly, 'import');
    return;
  }
  const bindings: Binding[] = [];
  if (clause.name) bindings.push({ kind: 'default', imported: 'default', local: clause.name.text, typeOnly: statementTypeOnly, node: clause.name });
  for (const element of named?.elements ?? []) {
    // case: import { A, B as C, type D } from 'x'
    bindings.push({
      kind: 'named',
      imported: (element.propertyName ?? element.name).text,
      local: element.name.text,
      typeOnly: statementTypeOnly || element.isTypeOnly,
      node: element,
    });
  }
  if (bindings.length === 0) {
    if (whole) rw.retarget(literal, old, whole, 'import', 'imports');
    return;
  }
  const targets = bindings.map((b) => rw.destinationOf(old.id, b.imported, b.node));
  if (targets.every((t) => !t)) return;

  // a name renamed within its own module (a barrel that follows a rename: `barrels: follow`) stays in the statement
  const inPlace = (target: NameTarget): boolean => target.module === old.id;
  // the statement keeps the names that stay; with none, the first group without an import to merge into keeps it
  const stays = targets.some((t) => !t || inPlace(t));
  let keeper: string | undefined;
  if (!stays) {
    const order = [...new Set(targets.map((t) => t!.module))];
    // a statement that moves as a whole merges only into an import the file already had, of the same kind
    keeper = order.find((module) => !mergeTargetFor(rw, module, bindings.filter((_, i) => targets[i]!.module === module), statement, statementTypeOnly));
  }
  const leaving: number[] = [];
  const renames: Array<[number, () => { imported: string; local: string }]> = [];
  /** in-place renames onto a name the statement already imports: `import { Old, New } from 'barrel'` -> `import { New }` */
  const twins: number[] = [];
  let keptSpecifier: string | undefined;
  if (keeper) {
    keptSpecifier = rw.specifierFor(literal, old, keeper, 'import');
    if (keptSpecifier === undefined) return;
  }
  bindings.forEach((binding, i) => {
    const target = targets[i];
    if (!target) return;
    if (inPlace(target) && binding.kind === 'named' && binding.local === binding.imported && !rw.component) {
      const twin = bindings.findIndex((b, j) => !targets[j] && b.kind === 'named' && b.imported === target.name && b.local === target.name && (!b.typeOnly || binding.typeOnly));
      if (twin >= 0 || importsCanonicalObject(rw, binding.imported, target, statement, binding.typeOnly)) {
        twins.push(i);
        return;
      }
    }
    const existing = existingBinding(rw, target.module, target.name, statement);
    const reusable = existing && binding.kind === 'named' && binding.local === binding.imported && (!rw.component || existing.local === binding.local);
    if ((target.module === keeper || inPlace(target)) && !reusable) {
      renames.push([i, () => renameInPlace(rw, binding, target, statement)]);
      return;
    }
    leaving.push(i);
  });
  // specifiers for every module the leaving names go to must exist before anything is edited
  for (const i of leaving) {
    if (rw.isBare(targets[i]!.module)) continue;
    if (!rw.fileOfModule(targets[i]!.module)) {
      rw.review(literal, `'${targets[i]!.module}' (where '${bindings[i]!.imported}' of '${old.id}' moves) names no file; left as it is`);
      return;
    }
  }

  if (keeper && keptSpecifier !== undefined && renames.length > 0) {
    rw.replaceLiteral(literal, keptSpecifier);
    rw.count(targets.find((t) => t?.module === keeper)!.rule, 'imports');
  } else if (!keeper && (renames.length > 0 || twins.length > 0)) {
    const renamedHere = targets.find((t) => t && inPlace(t));
    if (renamedHere) rw.count(renamedHere.rule, 'imports');
  }
  const finals = new Map<number, { imported: string; local: string }>();
  for (const [i, rename] of renames) finals.set(i, rename());
  for (const i of twins) {
    const target = targets[i]!;
    rw.claim(target.name, target);
    renameReferences(rw, bindings[i]!.local, target.name, target.rule);
  }
  if (leaving.length + twins.length === bindings.length) {
    rw.deleted.add(statement);
  } else if (leaving.length > 0 || twins.length > 0) {
    removeImportBindings(rw, statement, bindings, new Set([...leaving, ...twins]));
  }
  for (const i of leaving) {
    const binding = bindings[i]!;
    const target = targets[i]!;
    queueImport(rw, binding, target, statement, literal, old, statementTypeOnly);
  }
  if (keeper && renames.length > 0) {
    // what the retargeted statement binds afterwards: later statements and namespaces reuse it, never bind it twice
    const gone = new Set([...leaving, ...twins]);
    const after = bindings.flatMap((binding, i) => (gone.has(i) ? [] : [{ ...binding, ...(finals.get(i) ?? {}) }]));
    registerKept(rw, keeper, statement, after, leaving.length === 0 && twins.length === 0);
  }
}


export function removeImportBindings(rw: FileRewrite, statement: ts.ImportDeclaration, bindings: Binding[], leaving: Set<number>): void {
  const clause = statement.importClause!;
  const named = clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
  const defaultLeaves = bindings[0]?.kind === 'default' && leaving.has(0);
  const offset = clause.name ? 1 : 0;
  const elementsLeaving = new Set<number>();
  for (const i of leaving) if (bindings[i]!.kind === 'named') elementsLeaving.add(i - offset);
  markUnmergeable(rw, statement);
  if (named && elementsLeaving.size === named.elements.length && elementsLeaving.size > 0) {
    // every named specifier leaves; the default stays: `import D, { A } from` -> `import D from`
    rw.edit(clause.name!.end, named.end, '');
  } else if (named && elementsLeaving.size > 0) {
    removeElements(rw, named.elements, elementsLeaving);
  }
  if (defaultLeaves && named) rw.edit(clause.name!.getStart(rw.sourceFile), named.getStart(rw.sourceFile), '');
}

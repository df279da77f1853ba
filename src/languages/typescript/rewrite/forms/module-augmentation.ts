import type { OldModule } from '../../old-module';
import { ts } from '../../ts';
import { FileRewrite } from '../context';

/**
 * `declare module './models/user' { interface User { nickname?: string } }` in a module: an augmentation adds to the
 * old module's declarations, which the canonical ones replace, so it follows them (left on the old module, or on its
 * shim, it merges with nothing the code uses: `u.nickname` stops compiling). It follows when what it declares goes
 * to one module under the same names; a renamed name, or names that part ways, are left for review. In a file that
 * is no module, `declare module 'x'` declares a package's types instead of augmenting them: left for review.
 */
export function rewriteAugmentation(rw: FileRewrite, statement: ts.ModuleDeclaration, literal: ts.StringLiteral, old: OldModule): void {
  const byHand = (why: string, todo = 'move it to the canonical module by hand'): void => rw.review(statement, `module augmentation of '${old.id}'${why}: ${todo}`);
  if (!ts.isExternalModule(rw.sourceFile)) return byHand('');
  const declared = declaredNames(statement);
  const whole = rw.map.moveOfModule(old.id);
  if (whole) {
    const renamed = [...whole.rule.rename.keys()].filter((name) => mentions(statement, name));
    if (renamed.length) return byHand(` names ${renamed.map((name) => `'${name}'`).join(', ')}, which the map renames`);
    return rw.retarget(literal, old, whole, 'import', 'imports');
  }
  const targets = (declared ?? []).map((name) => rw.map.moveOfName(old.id, name));
  if (declared && targets.every((target) => !target)) return;
  const first = targets[0];
  if (!declared || !first || targets.some((target, i) => !target || target.module !== first.module || target.name !== declared[i])) return byHand(' declares names that do not all move to one module under their own names', 'split it by hand');
  const specifier = rw.specifierFor(literal, old, first.module, 'import');
  if (specifier === undefined) return;
  rw.replaceLiteral(literal, specifier);
  rw.count(first.rule, 'imports');
}

/** The names an augmentation declares at its top level, or undefined when a statement there is of another kind. */
function declaredNames(statement: ts.ModuleDeclaration): string[] | undefined {
  const body = statement.body;
  if (!body) return [];
  if (!ts.isModuleBlock(body)) return undefined;
  const names: string[] = [];
  for (const inner of body.statements) {
    if ((ts.isInterfaceDeclaration(inner) || ts.isClassDeclaration(inner) || ts.isFunctionDeclaration(inner) || ts.isTypeAliasDeclaration(inner) || ts.isEnumDeclaration(inner) || ts.isModuleDeclaration(inner)) && inner.name && ts.isIdentifier(inner.name)) names.push(inner.name.text);
    else if (ts.isVariableStatement(inner) && inner.declarationList.declarations.every((declaration) => ts.isIdentifier(declaration.name))) names.push(...inner.declarationList.declarations.map((declaration) => (declaration.name as ts.Identifier).text));
    else return undefined;
  }
  return [...new Set(names)];
}

/** Whether an identifier of the augmentation spells `name` (a declaration, or a type it refers to). */
function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node) && node.text === name) return true;
  return ts.forEachChild(node, (child) => mentions(child, name) || undefined) ?? false;
}

import type { ModuleTarget, NameTarget } from '../../../../importmap/types';
import { type OldModule } from '../../old-module';
import type { UsageKind } from '../../resolve';
import { ts } from '../../ts';
import { FileRewrite } from '../context';
import { insertAfter, removeElements, replaceStatement } from '../splices';
import { followWholeModule } from './namespace-import';
import { bindingElementText, escapeFor } from '../text';

/** A call whose value is the module object: follow destructuring and member access, else ask for review. */
export function rewriteModuleValue(rw: FileRewrite, call: ts.CallExpression, literal: ts.StringLiteralLike, old: OldModule, whole: ModuleTarget | undefined, usage: UsageKind, callee: string): void {
  let outer: ts.Node = call;
  while (ts.isParenthesizedExpression(outer.parent) || ts.isAwaitExpression(outer.parent) || ts.isAsExpression(outer.parent)) outer = outer.parent;
  const parent = outer.parent;
  const declaration = parent && ts.isVariableDeclaration(parent) && parent.initializer === outer && ts.isObjectBindingPattern(parent.name) ? parent : undefined;
  // `import('x').then(...)` is a promise's member, not the module's
  const member = parent && ts.isPropertyAccessExpression(parent) && parent.expression === outer && !(callee === 'import' && outer === call) ? parent : undefined;
  const movesByName = whole ? whole.rule.rename.size > 0 : rw.map.hasNameMoves(old.id);

  // `require('x').helper`, `const { helper } = await import('x')`: a name the canonical module lacks keeps the old module
  const read = member ? [member.name.text] : declaration ? (declaration.name as ts.ObjectBindingPattern).elements.flatMap((e) => (ts.isIdentifier(e.propertyName ?? e.name) ? [((e.propertyName ?? e.name) as ts.Identifier).text] : [])) : [];
  const lacking = whole ? read.map((name) => ({ name, target: rw.map.moveOfName(old.id, name)! })).filter(({ target }) => rw.canonicalLacks(target)) : [];
  if (lacking.length) {
    for (const { name, target } of lacking) rw.review(call, `${target.module} has no name '${target.name}': ${callee}('${literal.text}') is left on the old module for '${name}'`);
    return;
  }
  if (whole && !movesByName) {
    rw.retarget(literal, old, whole, usage, 'imports');
    return;
  }
  if (!whole && !movesByName) return;
  if (member) {
    // case: require('x').Name
    const target = rw.map.moveOfName(old.id, member.name.text);
    if (!target) {
      if (whole) rw.retarget(literal, old, whole, usage, 'imports');
      return;
    }
    const specifier = rw.specifierFor(literal, old, target.module, usage);
    if (specifier === undefined) return;
    rw.replaceLiteral(literal, specifier);
    if (target.name !== member.name.text) rw.edit(member.name.getStart(rw.sourceFile), member.name.end, target.name);
    rw.count(target.rule, 'imports');
    return;
  }
  // case: const cache = require('x'), read only as cache.Name: followed as a namespace import is
  const bound = whole ? fileLevelModuleObject(rw, outer) : undefined;
  if (whole && bound) {
    followWholeModule(rw, bound.statement, literal, old, whole, bound.name, false, usage, true, `${callee}('${literal.text}') bound to '${bound.name.text}'`);
    return;
  }
  const statement = declaration?.parent.parent;
  if (!declaration || !statement || !ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) {
    const what = whole ? `names ${[...whole.rule.rename.keys()].join(', ')} are renamed` : `names ${rw.map.movedNames(old.id).join(', ')} move elsewhere`;
    // left as it is: pointed at the canonical module, the object's members would change under the code that uses them
    rw.review(call, `${callee}('${literal.text}') of '${old.id}' is used as a module object and its ${what}: rewrite by hand`);
    return;
  }
  // case: const { A, B: b } = require('x') / await import('x')
  const pattern = declaration.name as ts.ObjectBindingPattern;
  const elements = pattern.elements;
  if (elements.some((e) => e.dotDotDotToken || (e.propertyName && !ts.isIdentifier(e.propertyName)))) {
    rw.review(call, `${callee}('${literal.text}') of '${old.id}' is destructured with a rest or computed key: rewrite by hand`);
    return;
  }
  const keyOf = (e: ts.BindingElement) => ((e.propertyName ?? e.name) as ts.Identifier).text;
  const targets = elements.map((e) => rw.map.moveOfName(old.id, keyOf(e)));
  const stays = targets.some((t) => !t);
  const keeper = whole ? whole.module : stays ? undefined : targets[0]?.module;
  const groups = new Map<string, Array<{ element: ts.BindingElement; target: NameTarget }>>();
  const leaving = new Set<number>();
  elements.forEach((element, i) => {
    const target = targets[i];
    if (!target || target.module === keeper) return;
    leaving.add(i);
    groups.set(target.module, [...(groups.get(target.module) ?? []), { element, target }]);
  });
  const quote = rw.quoteOf(literal);
  const flags = statement.declarationList.flags;
  const keyword = flags & ts.NodeFlags.Const ? 'const' : flags & ts.NodeFlags.Let ? 'let' : 'var';
  const semicolon = rw.semicolonOf(statement);
  const before = rw.text.slice(outer.getStart(rw.sourceFile), literal.getStart(rw.sourceFile));
  const after = rw.text.slice(literal.end, outer.end);
  const lines: string[] = [];
  for (const [module, items] of groups) {
    const specifier = rw.specifierFor(literal, old, module, usage);
    if (specifier === undefined) return;
    const list = items.map(({ element, target }) => bindingElementText(element, target.name, rw.sourceFile)).join(', ');
    lines.push(`${keyword} { ${list} } = ${before}${quote}${escapeFor(specifier, quote)}${quote}${after}${semicolon}`);
    for (const { target } of items) rw.count(target.rule, 'imports');
  }
  let keptSpecifier: string | undefined;
  if (keeper) {
    keptSpecifier = rw.specifierFor(literal, old, keeper, usage);
    if (keptSpecifier === undefined) return;
    rw.replaceLiteral(literal, keptSpecifier);
    rw.count((whole ?? targets[0]!).rule, 'imports');
  }
  elements.forEach((element, i) => {
    const target = targets[i];
    if (!target || leaving.has(i) || target.name === keyOf(element)) return;
    rw.edit(element.getStart(rw.sourceFile), element.end, bindingElementText(element, target.name, rw.sourceFile));
  });
  if (leaving.size === elements.length) {
    replaceStatement(rw, statement, lines);
    return;
  }
  if (leaving.size) removeElements(rw, elements, leaving);
  insertAfter(rw, statement, lines);
}

/**
 * `const|let|var ns = require('x')` (or `await import('x')`) alone in a statement at the file's top, whose name nothing
 * else in the file declares (a parameter, a second `var`) and that is read only as `ns.Name`: a module object whose
 * members can follow a rename. Anything else (`exports.cache = ns`, a spy on it) is left for review.
 */
function fileLevelModuleObject(rw: FileRewrite, outer: ts.Node): { statement: ts.VariableStatement; name: ts.Identifier } | undefined {
  const declaration = outer.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== outer || !ts.isIdentifier(declaration.name)) return undefined;
  const statement = declaration.parent.parent;
  if (!ts.isVariableStatement(statement) || statement.parent !== rw.sourceFile || statement.declarationList.declarations.length !== 1) return undefined;
  const name = declaration.name;
  if (declarationsNamed(rw.sourceFile, name.text) !== 1 || rw.scope.memberUses(name.text).other.length) return undefined;
  return { statement, name };
}

/** How many declarations in the file, at any depth, bind `text`. */
function declarationsNamed(sourceFile: ts.SourceFile, text: string): number {
  let count = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === text && (node.parent as { name?: ts.Node }).name === node && declares(node.parent)) count++;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return count;
}

function declares(node: ts.Node): boolean {
  return (
    ts.isVariableDeclaration(node) || ts.isBindingElement(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) ||
    ts.isClassDeclaration(node) || ts.isClassExpression(node) || ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node) || ts.isImportClause(node) ||
    ts.isImportSpecifier(node) || ts.isNamespaceImport(node) || ts.isImportEqualsDeclaration(node) || ts.isTypeParameterDeclaration(node) ||
    ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)
  );
}

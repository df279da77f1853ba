import type { ModuleTarget, NameTarget } from '../../../../importmap/types';
import { type OldModule } from '../../old-module';
import type { UsageKind } from '../../resolve';
import { ts } from '../../ts';
import { FileRewrite } from '../context';
import { insertAfter, removeElements, replaceStatement } from '../splices';
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

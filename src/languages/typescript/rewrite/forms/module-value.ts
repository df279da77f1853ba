import type { ModuleTarget, NameTarget } from '../../../../importmap/types';
import { type OldModule } from '../../old-module';
import type { UsageKind } from '../../resolve';
import { ts } from '../../ts';
import { FileRewrite } from '../context';
import { insertAfter, removeElements, replaceStatement } from '../splices';
import { followWholeModule } from './namespace-import';
import { isDeclarationName } from '../../identifier-roles';
import { identifierFrom } from '../../identifier-names';
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
  const bound = fileLevelModuleObject(rw, outer);
  if (whole && bound) {
    followWholeModule(rw, bound.statement, literal, old, whole, bound.name, false, usage, true, `${callee}('${literal.text}') bound to '${bound.name.text}'`);
    return;
  }
  if (bound) {
    followMovedMembers(rw, bound, outer, literal, old, usage);
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
  if (!ts.isVariableStatement(statement) || statement.parent !== rw.sourceFile) return undefined;
  const name = declaration.name;
  const uses = rw.scope.memberUses(name.text);
  if (declarationsNamed(rw.sourceFile, name.text) !== 1 || uses.other.length) return undefined;
  // `const m = require('x'), A = m.A`: an object required after the statement would be read before it exists
  if (uses.members.some((use) => use.node.pos >= statement.pos && use.node.end <= statement.end)) return undefined;
  return { statement, name };
}

/**
 * `m.Moved` of a module object `m` whose names move by name: when every name read moves to one module, `m` is required
 * from there; otherwise each module that names move to gets an object of its own, required after `m` (read as late as
 * `m.Moved` was: an exports object filled in later, or through a require cycle, reads the same). Names read that stay
 * keep `m`; nothing read moving, nothing changes.
 */
function followMovedMembers(rw: FileRewrite, bound: { statement: ts.VariableStatement; name: ts.Identifier }, outer: ts.Node, literal: ts.StringLiteralLike, old: OldModule, usage: UsageKind): void {
  const uses = rw.scope.memberUses(bound.name.text).members;
  const moving = uses.filter((use) => movesOrRenames(rw, old, use.member));
  if (!moving.length) return;
  const byModule = new Map<string, Array<{ use: (typeof uses)[number]; target: NameTarget }>>();
  for (const use of moving) {
    const target = rw.map.moveOfName(old.id, use.member)!;
    byModule.set(target.module, [...(byModule.get(target.module) ?? []), { use, target }]);
  }
  const specifiers = new Map<string, string>();
  for (const module of byModule.keys()) {
    if (module === old.id) continue;
    const specifier = rw.specifierFor(literal, old, module, usage);
    if (specifier === undefined) return;
    specifiers.set(module, specifier);
  }
  const renameMember = (use: (typeof uses)[number], target: NameTarget, object?: string): void => {
    const [objectNode, memberNode] = ts.isPropertyAccessExpression(use.node) ? [use.node.expression, use.node.name] : [use.node.left, use.node.right];
    if (object !== undefined) rw.edit(objectNode.getStart(rw.sourceFile), objectNode.end, object);
    if (target.name !== use.member) rw.edit(memberNode.getStart(rw.sourceFile), memberNode.end, target.name);
    rw.count(target.rule, 'references');
  };
  const [only] = byModule.keys();
  if (moving.length === uses.length && byModule.size === 1 && only !== old.id) {
    // every name read moves to one module: the object is that module's
    rw.replaceLiteral(literal, specifiers.get(only!)!);
    for (const { use, target } of byModule.get(only!)!) renameMember(use, target);
    rw.count(byModule.get(only!)![0]!.target.rule, 'imports');
    return;
  }
  const flags = bound.statement.declarationList.flags;
  const keyword = flags & ts.NodeFlags.Const ? 'const' : flags & ts.NodeFlags.Let ? 'let' : 'var';
  const quote = rw.quoteOf(literal);
  const before = rw.text.slice(outer.getStart(rw.sourceFile), literal.getStart(rw.sourceFile));
  const after = rw.text.slice(literal.end, outer.end);
  const lines: string[] = [];
  for (const [module, items] of byModule) {
    if (module === old.id) {
      // renamed where it stands (a barrel that follows the rename)
      for (const { use, target } of items) renameMember(use, target);
      continue;
    }
    const object = freshName(rw, identifiersFor(module), `${module}#`);
    lines.push(`${keyword} ${object} = ${before}${quote}${escapeFor(specifiers.get(module)!, quote)}${quote}${after}${rw.semicolonOf(bound.statement)}`);
    for (const { use, target } of items) renameMember(use, target, object);
    rw.count(items[0]!.target.rule, 'imports');
  }
  insertAfter(rw, bound.statement, lines);
}

/**
 * Readable identifiers for a module object, preferred first: its last path part (its folder's, for an index) in camel
 * case, then with the folder above it (`astUtils`, `sharedAstUtils`).
 */
function identifiersFor(module: string): string[] {
  const parts = module.split('/').filter(Boolean);
  if (parts.length > 1 && parts.at(-1) === 'index') parts.pop();
  const last = parts.at(-1) ?? 'module';
  return parts.length > 1 ? [identifierFrom(last, 'module'), identifierFrom(`${parts.at(-2)}-${last}`, 'module')] : [identifierFrom(last, 'module')];
}

/** The first of `names` that nothing in the file declares or reads (else the last with `_2`, `_3`…), claimed for `key`. */
function freshName(rw: FileRewrite, names: readonly string[], key: string): string {
  const free = (name: string): boolean => (rw.claimed.has(name) ? rw.claimed.get(name) === key : !rw.scope.isNameTaken(name));
  let name = names.find(free);
  for (let n = 2; name === undefined; n++) if (free(`${names.at(-1)}_${n}`)) name = `${names.at(-1)}_${n}`;
  rw.claimed.set(name, key);
  return name;
}

function movesOrRenames(rw: FileRewrite, old: OldModule, name: string): boolean {
  const target = rw.map.moveOfName(old.id, name);
  return !!target && (target.module !== old.id || target.name !== name);
}

/** How many declarations in the file, at any depth, bind `text`. */
function declarationsNamed(sourceFile: ts.SourceFile, text: string): number {
  let count = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === text && isDeclarationName(node)) count++;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return count;
}

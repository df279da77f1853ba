import { ts } from './ts';

/**
 * The names a CommonJS module exports, when its syntax says them all: `module.exports = { a, b: 1, c() {} }` of plain
 * keys, or keys set one by one (`exports.a = …`, `module.exports.b = …`, `Object.defineProperty(exports, "c", …)`:
 * tsc's and Babel's output). Undefined (unknown) for anything else that touches the exports object — a spread or a
 * computed key, `module.exports = someValue`, `Object.assign(module.exports, …)`, `__exportStar(…, exports)`, the
 * object passed on — and for a file that sets no key at all.
 */
export function commonJsExports(sourceFile: ts.SourceFile): Set<string> | undefined {
  const names = new Set<string>();
  let wholeObjects = 0;
  let keysSet = 0;
  let unknown = false;
  // (the syntax may come without parent links: a plain parse of a module read for its names)
  const parents = new Map<ts.Node, ts.Node>();
  const parentOf = (node: ts.Node): ts.Node | undefined => parents.get(node);
  const visit = (node: ts.Node): void => {
    if (unknown) return;
    if (isExportsObject(node, parentOf)) {
      const how = useOf(node as ts.Expression, parentOf);
      if (how === undefined) unknown = true;
      else if (how.kind === 'object') {
        wholeObjects++;
        for (const name of how.names) names.add(name);
      } else if (how.kind === 'key') {
        keysSet++;
        if (how.name !== '__esModule') names.add(how.name);
      }
      if (ts.isPropertyAccessExpression(node)) return;
    }
    ts.forEachChild(node, (child) => {
      parents.set(child, node);
      visit(child);
    });
  };
  visit(sourceFile);
  // one object, or keys set on the one the module starts with: a replaced object drops what was set before
  if (unknown || wholeObjects + keysSet === 0 || wholeObjects > 1 || (wholeObjects === 1 && keysSet > 0)) return undefined;
  return names;
}

/** `module.exports`, or a free `exports`. */
function isExportsObject(node: ts.Node, parentOf: (node: ts.Node) => ts.Node | undefined): boolean {
  if (ts.isPropertyAccessExpression(node)) return ts.isIdentifier(node.expression) && node.expression.text === 'module' && node.name.text === 'exports';
  if (!ts.isIdentifier(node) || node.text !== 'exports') return false;
  const parent = parentOf(node);
  // the `exports` of `module.exports` (seen whole above), or a member or key named so
  return !parent || !((ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node));
}

type ExportsUse = { kind: 'object'; names: string[] } | { kind: 'key'; name: string } | { kind: 'read' };

/** What the code does with the exports object at this place, or undefined when that is anything but the plain forms. */
function useOf(exportsObject: ts.Expression, parentOf: (node: ts.Node) => ts.Node | undefined): ExportsUse | undefined {
  const parent = parentOf(exportsObject);
  if (!parent) return undefined;
  if (ts.isBinaryExpression(parent) && parent.left === exportsObject && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    // `exports = …` rebinds a local name only; `module.exports = { … }` is the object
    if (!ts.isPropertyAccessExpression(exportsObject) || !ts.isObjectLiteralExpression(parent.right)) return undefined;
    const keys = parent.right.properties.map(keyOf);
    return keys.every((key): key is string => key !== undefined) ? { kind: 'object', names: keys } : undefined;
  }
  // `exports.a`, `exports['a']`: a key set, or read back
  const member = ts.isPropertyAccessExpression(parent) && parent.expression === exportsObject ? parent.name.text : ts.isElementAccessExpression(parent) && parent.expression === exportsObject && ts.isStringLiteralLike(parent.argumentExpression) ? parent.argumentExpression.text : undefined;
  if (member !== undefined) {
    const outer = parentOf(parent);
    if (!outer) return undefined;
    const written = ts.isBinaryExpression(outer) && outer.left === parent && outer.operatorToken.kind === ts.SyntaxKind.EqualsToken;
    if (written) return { kind: 'key', name: member };
    // a compound assignment, `delete`, `++`: a key changed in a way not read here
    if ((ts.isBinaryExpression(outer) && outer.left === parent) || ts.isDeleteExpression(outer) || ts.isPrefixUnaryExpression(outer) || ts.isPostfixUnaryExpression(outer)) return undefined;
    return { kind: 'read' };
  }
  if (ts.isElementAccessExpression(parent) && parent.expression === exportsObject) return undefined;
  // Object.defineProperty(exports, "a", { … })
  if (ts.isCallExpression(parent) && parent.arguments[0] === exportsObject && isObjectDefineProperty(parent.expression)) {
    const key = parent.arguments[1];
    return key && ts.isStringLiteralLike(key) ? { kind: 'key', name: key.text } : undefined;
  }
  return undefined;
}

function isObjectDefineProperty(callee: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && callee.name.text === 'defineProperty';
}

/** A property's plain key (`a`, `"a"`, `a() {}`), or undefined for a spread, a computed key or an accessor. */
function keyOf(property: ts.ObjectLiteralElementLike): string | undefined {
  if (ts.isShorthandPropertyAssignment(property)) return property.name.text;
  if (!ts.isPropertyAssignment(property) && !ts.isMethodDeclaration(property)) return undefined;
  const name = property.name;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

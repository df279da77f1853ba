import { ts } from '../../../languages/typescript/ts';
import type { ScannedImport } from '../types';

// ---------------------------------------------------------------------------------------------
// AST helpers

export function importRecord(line: number, specifier: string, names: string[] | '*' | undefined, locals: string[], reexport: boolean): ScannedImport {
  const record: ScannedImport = { line, specifier, level: 0, names, reexport };
  if (Array.isArray(names) && locals.length === names.length && locals.some((l, i) => l !== names[i])) record.locals = locals;
  return record;
}

export function decoratorsOf(node: ts.Node): readonly ts.Decorator[] {
  return ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
}

export function decoratorCall(decorator: ts.Decorator): { name: string; args: readonly ts.Expression[] } {
  const expression = decorator.expression;
  const callee = ts.isCallExpression(expression) ? expression.expression : expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return { name, args: ts.isCallExpression(expression) ? expression.arguments : [] };
}

export function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

export function stringProperty(object: ts.ObjectLiteralExpression, key: string): string | undefined {
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && propertyName(p.name) === key && ts.isStringLiteralLike(p.initializer)) return p.initializer.text;
  }
  return undefined;
}

export function booleanProperty(object: ts.ObjectLiteralExpression, key: string): boolean {
  return object.properties.some((p) => ts.isPropertyAssignment(p) && propertyName(p.name) === key && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
}

/** `() => X` -> X, `(t) => ({...})` -> the object, `function () { return X }` -> X, anything else -> itself. */
export function returnedExpression(node: ts.Node | undefined): ts.Expression | undefined {
  if (!node) return undefined;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    if (ts.isBlock(node.body)) {
      const statement = node.body.statements.find(ts.isReturnStatement);
      return statement?.expression;
    }
    return unwrapParens(node.body);
  }
  return ts.isExpression(node as ts.Expression) ? (node as ts.Expression) : undefined;
}

export function objectOf(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  const value = returnedExpression(node);
  return value && ts.isObjectLiteralExpression(value) ? value : undefined;
}

function unwrapParens(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? unwrapParens(node.expression) : node;
}

export function descendants(node: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const walk = (n: ts.Node): void => {
    out.push(n);
    ts.forEachChild(n, walk);
  };
  ts.forEachChild(node, walk);
  return out;
}

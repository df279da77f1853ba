import { ts } from '../../ts';
import { FileRewrite } from '../context';

/**
 * A mock factory that returns an object literal (`() => ({ Old: jest.fn() })`, or a body ending in `return { ... }`)
 * gets its keys renamed with the module's names; false (nothing edited) for any other shape.
 */
export function renameFactoryKeys(rw: FileRewrite, factory: ts.Expression, renames: ReadonlyMap<string, string>): boolean {
  if (!ts.isArrowFunction(factory) && !ts.isFunctionExpression(factory)) return false;
  let result: ts.Expression | undefined;
  if (ts.isBlock(factory.body)) {
    const returns = factory.body.statements.filter(ts.isReturnStatement);
    const last = factory.body.statements[factory.body.statements.length - 1];
    if (returns.length !== 1 || returns[0] !== last) return false;
    result = returns[0]!.expression;
  } else result = factory.body;
  while (result && ts.isParenthesizedExpression(result)) result = result.expression;
  if (!result || !ts.isObjectLiteralExpression(result)) return false;
  const edits: Array<[number, number, string]> = [];
  for (const property of result.properties) {
    if (ts.isSpreadAssignment(property)) continue;
    const name = property.name;
    if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) return false;
    const renamed = renames.get(name.text);
    if (!renamed) continue;
    const start = name.getStart(rw.sourceFile);
    if (ts.isShorthandPropertyAssignment(property)) edits.push([start, start, `${renamed}: `]);
    else if (ts.isStringLiteral(name)) edits.push([start + 1, name.end - 1, renamed]);
    else edits.push([start, name.end, renamed]);
  }
  for (const [start, end, text] of edits) rw.edit(start, end, text);
  return true;
}

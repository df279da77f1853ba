import { ts } from '../ts';

const identifier = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/** True for a JavaScript identifier name (reserved words included). */
export const isIdentifierName = (text: string): boolean => identifier.test(text);

/** An import or export specifier's text; a name that is no identifier (`"weird name"`, ES2022) is quoted. */
export function specifierText(imported: string, local: string, inlineType: boolean, quote = "'"): string {
  const name = (text: string): string => (isIdentifierName(text) ? text : `${quote}${escapeFor(text, quote)}${quote}`);
  return `${inlineType ? 'type ' : ''}${imported === local ? name(imported) : `${name(imported)} as ${name(local)}`}`;
}


export function bindingElementText(element: ts.BindingElement, key: string, sourceFile: ts.SourceFile): string {
  const name = element.name.getText(sourceFile);
  const initializer = element.initializer ? ` = ${element.initializer.getText(sourceFile)}` : '';
  return `${key === name ? key : `${key}: ${name}`}${initializer}`;
}


export function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression)) return `${expression.expression.text}.${expression.name.text}`;
  return undefined;
}


export function bracesSpaced(statement: ts.Node, sourceFile: ts.SourceFile): boolean {
  const text = statement.getText(sourceFile);
  const open = text.indexOf('{');
  return open === -1 || /\s/.test(text[open + 1] ?? ' ');
}


export function findChildToken(node: ts.Node, kind: ts.SyntaxKind, sourceFile: ts.SourceFile): ts.Node | undefined {
  return node.getChildren(sourceFile).find((child) => child.kind === kind);
}


export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset).replace(/^\uFEFF/, ''))![0];
}


export function escapeFor(specifier: string, quote: string): string {
  return specifier.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
}

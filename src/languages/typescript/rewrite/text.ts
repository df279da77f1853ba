import { ts } from '../ts';

export function specifierText(imported: string, local: string, inlineType: boolean): string {
  return `${inlineType ? 'type ' : ''}${imported === local ? imported : `${imported} as ${local}`}`;
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

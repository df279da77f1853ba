import { ts } from './ts';

/** Whether an identifier is the name a declaration gives (`const x`, `function x`, `import { x }`, `<T>`, …). */
export function isDeclarationName(node: ts.Identifier, parent: ts.Node = node.parent): boolean {
  return (parent as { name?: ts.Node }).name === node && declares(parent);
}

/**
 * Whether an identifier reads a binding: not a declaration's name, a member name (`a.x`, `{ x: 1 }`, a method or
 * field), nor the key of a destructuring (`{ x: y }`).
 */
export function readsBinding(node: ts.Identifier, parent: ts.Node = node.parent): boolean {
  if (isDeclarationName(node, parent)) return false;
  if ((ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node) return false;
  return !(ts.isBindingElement(parent) && parent.propertyName === node);
}

function declares(node: ts.Node): boolean {
  return (
    ts.isVariableDeclaration(node) || ts.isBindingElement(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) ||
    ts.isClassDeclaration(node) || ts.isClassExpression(node) || ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node) || ts.isImportClause(node) ||
    ts.isImportSpecifier(node) || ts.isNamespaceImport(node) || ts.isImportEqualsDeclaration(node) || ts.isTypeParameterDeclaration(node) ||
    ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)
  );
}

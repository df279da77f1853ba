import { ts } from '../../ts';
import { FileRewrite } from '../context';
import { rewriteExport } from './export-declaration';
import { rewriteImport } from './import-declaration';
import { visitImportType } from './import-type';
import { visitJsDocImport } from './jsdoc-import';
import { visitCall } from './module-call';
import { rewriteAugmentation } from './module-augmentation';
import { rewriteNamespace } from './namespace-import';


/**
 * `import * as ns` and `import ns = require()`: visited after every other statement, so that `ns.Old` can use a
 * binding of the canonical object the file imports (or will import) by name, wherever that import stands.
 */
export function isNamespaceImport(statement: ts.Statement): boolean {
  if (ts.isImportEqualsDeclaration(statement)) return true;
  const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
  return bindings !== undefined && ts.isNamespaceImport(bindings);
}

export function visitStatement(rw: FileRewrite, statement: ts.Statement): void {
  if (ts.isImportDeclaration(statement) && ts.isStringLiteralLike(statement.moduleSpecifier)) {
    // case: import ... from 'x' / import 'x'
    const old = rw.oldModuleOf(statement.moduleSpecifier, 'import');
    if (old) rewriteImport(rw, statement, statement.moduleSpecifier, old);
  } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier)) {
    // case: export ... from 'x'
    const old = rw.oldModuleOf(statement.moduleSpecifier, 'import');
    if (old) rewriteExport(rw, statement, statement.moduleSpecifier, old);
  } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
    // case: import x = require('x')
    const literal = statement.moduleReference.expression;
    if (!ts.isStringLiteralLike(literal)) return;
    const old = rw.oldModuleOf(literal, 'require');
    if (old) rewriteNamespace(rw, statement, literal, old, statement.name, statement.isTypeOnly, 'require');
  } else if (ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name)) {
    // case: declare module 'x' { ... } (augmentation)
    const old = rw.oldModuleOf(statement.name, 'import');
    if (old) rewriteAugmentation(rw, statement, statement.name, old);
  }
}



export function visitDeep(rw: FileRewrite, node: ts.Node): void {
  if (ts.isCallExpression(node)) visitCall(rw, node);
  else if (ts.isImportTypeNode(node)) visitImportType(rw, node);
  else if (ts.isJSDocImportTag(node)) visitJsDocImport(rw, node);
  // JSDoc types (`/** @type {import('./x').T} */`, what checkJs reads) hang beside the tree, not in it
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  if (docs) for (const doc of docs) visitDeep(rw, doc);
  ts.forEachChild(node, (child) => visitDeep(rw, child));
}

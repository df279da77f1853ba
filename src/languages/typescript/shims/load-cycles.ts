import * as path from 'node:path';
import { ts } from '../ts';
import type { ShimExport } from './types';
import { readsBinding } from '../identifier-roles';

/** What the cycle check reads: a module's syntax, and where one of its specifiers leads. */
export interface CycleFacts {
  /** the old module: its id, absolute file and syntax (the code that stays there keeps its moved names' uses) */
  module: string;
  file: string;
  sourceFile: ts.SourceFile;
  sourceOf: (file: string) => ts.SourceFile | undefined;
  resolve: (specifier: string, importer: string) => string | undefined;
}

/**
 * Why an in-place shim would make the old module and a canonical one load each other and fail in one load order, or
 * undefined. The shim imports the moved names back into the old module; a canonical module that imports values from
 * the old one closes the cycle, which breaks when either side reads the other's binding while it loads (`class Leaf
 * extends Base`, `export const DEFAULT = new Leaf()`): that binding is not there yet when the other module is the one
 * loading first (ES modules: not initialised; CommonJS: `undefined`). Reads inside functions, and types, are safe.
 */
export function loadCycleProblem(facts: CycleFacts, served: readonly ShimExport[]): string | undefined {
  const oldFile = path.normalize(facts.file);
  for (const target of new Set(served.map((item) => item.target.file))) {
    if (path.normalize(target) === oldFile) continue;
    const source = facts.sourceOf(target);
    if (!source) continue;
    const taken = valueImportsFrom(source, (specifier) => facts.resolve(specifier, target) === oldFile);
    if (!taken.length) continue;
    const id = served.find((item) => item.target.file === target)!.target.id;
    const names = served.filter((item) => item.target.file === target).map((item) => item.old);
    const readAtLoad = taken.filter((name) => readWhileLoading(source, name));
    if (readAtLoad.length) {
      return `${id} uses ${readAtLoad.join(', ')} from ${facts.module} while it loads, and the shim would make ${facts.module} import ${names.join(', ')} from ${id}: the two load each other, and loading ${facts.module} first fails (move ${readAtLoad.length === 1 ? 'it' : 'them'} to ${id} too, or read ${readAtLoad.length === 1 ? 'it' : 'them'} only inside functions there)`;
    }
    const usedAtLoad = names.filter((name) => readWhileLoading(facts.sourceFile, name, true));
    if (usedAtLoad.length) {
      return `${facts.module} uses ${usedAtLoad.join(', ')} while it loads, and the shim would make it import ${usedAtLoad.join(', ')} from ${id}, which imports ${facts.module}: the two load each other, and loading ${id} first fails (read ${usedAtLoad.length === 1 ? 'it' : 'them'} only inside functions in ${facts.module}, or move that code to ${id})`;
    }
  }
  return undefined;
}

/** The local names a module binds by value imports from the specifiers `fromOld` accepts (type-only ones left out). */
function valueImportsFrom(source: ts.SourceFile, fromOld: (specifier: string) => boolean): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !statement.importClause || statement.importClause.isTypeOnly) continue;
    if (!fromOld(statement.moduleSpecifier.text)) continue;
    const clause = statement.importClause;
    if (clause.name) names.push(clause.name.text);
    if (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings)) names.push(clause.namedBindings.name.text);
    if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) for (const element of clause.namedBindings.elements) if (!element.isTypeOnly) names.push(element.name.text);
  }
  return names;
}

/**
 * Whether a module reads `name` while it loads: outside every function body, type, import or export, and, when
 * `beyondDeclarations`, outside the declarations of the name itself (the ones the shim replaces).
 */
function readWhileLoading(source: ts.SourceFile, name: string, beyondDeclarations = false): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    // `class Leaf extends Base`: the base is a value the class needs as it is made (an `implements` is a type)
    if (ts.isExpressionWithTypeArguments(node) && ts.isHeritageClause(node.parent) && node.parent.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(node.parent.parent)) {
      visit(node.expression);
      return;
    }
    if (found || ts.isFunctionLike(node) || ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    // an instance field's initialiser runs when an object is made, not when the module loads
    if (ts.isPropertyDeclaration(node) && !node.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return;
    if (beyondDeclarations && (ts.isClassDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isEnumDeclaration(node)) && node.name?.text === name) return;
    if (ts.isIdentifier(node) && node.text === name && readsBinding(node)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

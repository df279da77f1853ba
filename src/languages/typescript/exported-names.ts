import * as fs from 'node:fs';
import type { ExportedNames } from './prepared-map';
import { parseSource } from './syntax';
import { ts } from './ts';
import { commonJsExports } from './commonjs-exports';

/** The names a module file exports, from its syntax alone. */
export function readExports(file: string): ExportedNames | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return exportedNamesOf(parseSource(file, text, { parents: false }));
}

/** What a module's own text exports (or some of its statements: `statements`). */
export function exportedNamesOf(sourceFile: ts.SourceFile, statements: readonly ts.Statement[] = sourceFile.statements): ExportedNames {
  const names = new Set<string>();
  const typeNames = new Set<string>();
  const valueNames = new Set<string>();
  let open = false;
  for (const statement of statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    const exported = modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if (exported && isDefault) names.add('default');
    else if (exported && ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addBindingNames(declaration.name, names);
    } else if (exported && 'name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
      const name = (statement.name as ts.Identifier).text;
      names.add(name);
      (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) ? typeNames : valueNames).add(name);
    } else if (ts.isExportAssignment(statement)) {
      if (statement.isExportEquals) open = true;
      else names.add('default');
    } else if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause) open = true;
      else if (ts.isNamespaceExport(statement.exportClause)) names.add(statement.exportClause.name.text);
      else {
        for (const element of statement.exportClause.elements) {
          names.add(element.name.text);
          if (statement.isTypeOnly || element.isTypeOnly) typeNames.add(element.name.text);
          else valueNames.add(element.name.text);
        }
      }
    }
  }
  // a CommonJS module (`module.exports = ...`): its keys where its syntax says them all, else unknown (its JSDoc
  // types, below, do not close it)
  if (!names.size && /\b(module\.)?exports\b/.test(sourceFile.text)) {
    const keys = /\.[cm]?jsx?$/.test(sourceFile.fileName) ? commonJsExports(sourceFile) : undefined;
    if (keys === undefined) open = true;
    // and `default`: what a default import of it gives (the exports object, through the interop)
    for (const key of keys ? [...keys, 'default'] : []) {
      names.add(key);
      valueNames.add(key);
    }
  }
  // a JavaScript module exports its JSDoc `@typedef` / `@callback` types (what checkJs and `@import` see)
  if (/\.[cm]?jsx?$/.test(sourceFile.fileName)) {
    for (const node of [...sourceFile.statements, sourceFile.endOfFileToken]) {
      for (const doc of (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) {
        for (const tag of doc.tags ?? []) {
          if ((ts.isJSDocTypedefTag(tag) || ts.isJSDocCallbackTag(tag)) && tag.name && ts.isIdentifier(tag.name)) {
            names.add(tag.name.text);
            typeNames.add(tag.name.text);
          }
        }
      }
    }
  }
  return { names, open, types: new Set([...typeNames].filter((name) => !valueNames.has(name))) };
}

function addBindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const element of name.elements) if (ts.isBindingElement(element)) addBindingNames(element.name, into);
}

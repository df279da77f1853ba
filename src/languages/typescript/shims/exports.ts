import * as path from 'node:path';
import type { Workspace } from '../../../core/types';
import { existsInPlan } from '../prepare';
import { type TypeScriptPreparedMap } from '../prepared-map';
import { findModuleFile, stripSourceExtension } from '../module-files';
import { ts } from '../ts';
import { ShimTarget } from './types';
import { relativePosix } from '../../../core/paths';

/** The exports of a module file by name (aliases left as they are), or undefined when it is not a module. */
export function moduleExports(program: ts.Program, checker: ts.TypeChecker, file: string): Map<string, ts.Symbol> | undefined {
  const sourceFile = program.getSourceFile(file);
  if (!sourceFile) return undefined;
  const symbol = checker.getSymbolAtLocation(sourceFile);
  if (!symbol) return undefined;
  const out = new Map<string, ts.Symbol>();
  for (const exported of checker.getExportsOfModule(symbol)) out.set(exported.escapedName as string, exported);
  if (symbol.exports?.has('export=' as ts.__String)) out.set('export=', symbol.exports.get('export=' as ts.__String)!);
  return out;
}

/** Exports in a stable order: as declared in the module (re-exports of `export *` after them), the default export last. */
export function orderedExports(exports: Map<string, ts.Symbol>, file: string): Array<[string, ts.Symbol]> {
  const position = (symbol: ts.Symbol): number => {
    const declaration = symbol.declarations?.find((d) => path.resolve(d.getSourceFile().fileName) === file);
    return declaration ? declaration.getStart() : Number.MAX_SAFE_INTEGER;
  };
  const entries = [...exports].filter(([name]) => name !== 'export=' && name !== '__esModule');
  const sorted = entries.map((entry, index) => ({ entry, index, at: position(entry[1]) })).sort((a, b) => a.at - b.at || a.index - b.index).map((e) => e.entry);
  return [...sorted.filter(([name]) => name !== 'default'), ...sorted.filter(([name]) => name === 'default')];
}

/** Value and type meanings of a symbol, through aliases (0 when the alias leads nowhere). */
export function meaningFlags(checker: ts.TypeChecker, symbol: ts.Symbol): number {
  let resolved = symbol;
  if (symbol.flags & ts.SymbolFlags.Alias) {
    try {
      resolved = checker.getAliasedSymbol(symbol);
    } catch {
      return 0;
    }
  }
  // an alias that leads nowhere ends at the checker's `unknown` symbol, which has no declarations
  if (resolved !== symbol && !resolved.declarations?.length) return 0;
  return resolved.flags & (ts.SymbolFlags.Value | ts.SymbolFlags.Type);
}

/** Where an old name is served from: the map's target, else the relocated file, else what an earlier shim said. */
export function targetOf(
  prepared: TypeScriptPreparedMap,
  workspace: Workspace,
  module: string,
  old: string,
  relocated: ShimTarget | undefined,
  known: { file: string; name: string } | undefined,
): ShimTarget | undefined {
  const moved = prepared.map.moveOfName(module, old);
  if (moved) {
    const file = prepared.moduleFiles.get(moved.module) ?? findModuleFile(moved.module, (f) => existsInPlan(workspace, f));
    return { file: file ? path.resolve(prepared.cwd, file) : '', id: moved.module, name: moved.name };
  }
  if (relocated) return relocated;
  if (known) return { file: known.file, id: stripSourceExtension(relativePosix(prepared.cwd, known.file)), name: known.name };
  return undefined;
}

/**
 * `name -> { file, name }` of a generated shim: `export { Y as X } from`, `import { Y as X } from` (or `import X from`) +
 * `export { X }`, and the earlier form, namespace imports with `export const X = ns.Y`.
 */
export function readShimTargets(sourceFile: ts.SourceFile, resolve: (specifier: string) => string | undefined): Map<string, { file: string; name: string }> {
  const namespaces = new Map<string, string>();
  const locals = new Map<string, { file: string; name: string }>();
  const out = new Map<string, { file: string; name: string }>();
  const member = (node: ts.Node | undefined): { file: string; name: string } | undefined => {
    if (node && ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const file = namespaces.get(node.expression.text);
      return file ? { file, name: node.name.text } : undefined;
    }
    if (node && ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName) && ts.isIdentifier(node.typeName.left)) {
      const file = namespaces.get(node.typeName.left.text);
      return file ? { file, name: node.typeName.right.text } : undefined;
    }
    return undefined;
  };
  for (const statement of sourceFile.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isImportDeclaration(statement) && ts.isStringLiteralLike(statement.moduleSpecifier)) {
      const bindings = statement.importClause?.namedBindings;
      const file = resolve(statement.moduleSpecifier.text);
      if (statement.importClause?.name && file) locals.set(statement.importClause.name.text, { file, name: 'default' });
      if (bindings && ts.isNamespaceImport(bindings) && file) namespaces.set(bindings.name.text, file);
      if (bindings && ts.isNamedImports(bindings) && file) for (const element of bindings.elements) locals.set(element.name.text, { file, name: (element.propertyName ?? element.name).text });
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      const file = statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier) ? resolve(statement.moduleSpecifier.text) : undefined;
      for (const element of statement.exportClause.elements) {
        const inner = (element.propertyName ?? element.name).text;
        const target = statement.moduleSpecifier ? (file ? { file, name: inner } : undefined) : locals.get(inner);
        if (target) out.set(element.name.text, target);
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const target = ts.isIdentifier(declaration.name) ? member(declaration.initializer) : undefined;
        if (!target || !ts.isIdentifier(declaration.name)) continue;
        locals.set(declaration.name.text, target);
        if (exported) out.set(declaration.name.text, target);
      }
    } else if (ts.isTypeAliasDeclaration(statement)) {
      const target = member(statement.type);
      if (target && exported && !out.has(statement.name.text)) out.set(statement.name.text, target);
      if (target && !locals.has(statement.name.text)) locals.set(statement.name.text, target);
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals && ts.isIdentifier(statement.expression)) {
      const target = locals.get(statement.expression.text);
      if (target) out.set('default', target);
    }
  }
  return out;
}

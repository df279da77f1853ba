import { lineAt } from '../../../core/edits';
import { shimMarkerText } from '../../../core/shims';
import type { Edit } from '../../../core/types';
import { applyEdits } from '../../../core/edits';
import type { ShimPlan } from '../../types';
import { ts } from '../ts';
import { RenderContext, ShimExport } from './types';
import { RUNTIME_NAMES, defaultLocal, deprecatedSpecifier, isDirective, namedImports } from './render';

/**
 * Top-level declarations of a name: classes, interfaces, enums, type aliases, functions, one-name variable statements,
 * and the one-name `export { X }` an earlier run of this shim wrote.
 */
function declaredName(statement: ts.Statement): string | undefined {
  if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause) && statement.exportClause.elements.length === 1) {
    return statement.exportClause.elements[0]!.name.text;
  }
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return 'default';
  if (ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isFunctionDeclaration(statement)) {
    return statement.name?.text;
  }
  if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
    const name = statement.declarationList.declarations[0]!.name;
    return ts.isIdentifier(name) ? name.text : undefined;
  }
  return undefined;
}

/**
 * A module that keeps names of its own: each moved declaration is replaced, where it stood, by its deprecated
 * re-export, and one marked block of named imports (the canonical bindings) follows the file's imports.
 */
export function renderInPlace(context: RenderContext, sourceFile: ts.SourceFile, served: readonly ShimExport[], plan: ShimPlan): string {
  const { eol, sourceText: text, entry, shimPath } = context;
  const edits: Edit[] = [];
  const byName = new Map<string, ts.Statement[]>();
  const wanted = new Set(served.map((s) => s.old));
  let lastImport: ts.Statement | undefined;
  let block: { start: number; end: number } | undefined;
  const marker = `// ${shimMarkerText}:`;
  const markerAt = text.startsWith(marker) ? 0 : text.indexOf(`\n${marker}`) + 1;
  if (markerAt > 0 || text.startsWith(marker)) {
    // the marker line and the imports right below it, however a formatter laid them out since
    const markerEnd = text.indexOf('\n', markerAt);
    let end = markerEnd === -1 ? text.length : markerEnd;
    if (text[end - 1] === '\r') end--;
    for (const statement of sourceFile.statements) {
      const start = statement.getStart(sourceFile);
      if (start < end) continue;
      if (!ts.isImportDeclaration(statement) || text.slice(end, start).trim() !== '') break;
      end = statement.end;
    }
    block = { start: markerAt, end };
  }
  for (const statement of sourceFile.statements) {
    if (block && statement.getStart(sourceFile) >= block.start && statement.end <= block.end) continue;
    // after the imports, or after the directives ('use client') that must stay first
    if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement) || (!lastImport && isDirective(statement) && statement === sourceFile.statements[0])) lastImport = statement;
    else if (lastImport && isDirective(lastImport) && isDirective(statement)) lastImport = statement;
    const name = declaredName(statement);
    if (name && wanted.has(name)) byName.set(name, [...(byName.get(name) ?? []), statement]);
  }
  const emitted = served.filter((item) => {
    if (byName.has(item.old)) return true;
    plan.needsReview.push({ file: shimPath, line: 1, reason: `${item.old} moves out of ${entry.module} but is not declared there as an export remodel can replace: shim it by hand` });
    return false;
  });
  // names the file keeps (what this shim generated before, and the declarations it replaces, are free)
  const replaced = emitted.flatMap((item) => byName.get(item.old)!.map((statement) => ({ start: statement.getStart(sourceFile, true), end: statement.end })));
  if (block) replaced.push(block);
  const taken = new Set<string>(identifiersOf(sourceFile, replaced));
  for (const name of RUNTIME_NAMES) taken.add(name);
  const locals = new Map(emitted.map((item) => [item, item.old === 'default' ? defaultLocal(item, shimPath, taken) : item.old] as const));
  const imports = namedImports(context, emitted, locals);
  const removed: Array<{ start: number; end: number }> = [];
  for (const item of emitted) {
    const [first, ...rest] = byName.get(item.old)!;
    const local = locals.get(item)!;
    const start = first!.getStart(sourceFile, true);
    // the imported binding stays usable by the code that stays here; its export carries the deprecation
    edits.push({ start, end: first!.end, text: ['export {', ...deprecatedSpecifier(context, item, local, item.old, local), '};'].join(eol) });
    removed.push({ start, end: first!.end });
    for (const statement of rest) {
      const from = text.lastIndexOf('\n', statement.getStart(sourceFile, true) - 1) + 1;
      const lineEnd = text.indexOf('\n', statement.end);
      const to = lineEnd === -1 ? text.length : lineEnd + 1;
      edits.push({ start: from, end: to, text: '' });
      removed.push({ start: from, end: to });
    }
  }
  const names_ = emitted.map((s) => s.old).join(', ');
  const blockText = [`${marker} ${names_} moved out of this module (generated: re-running remodel regenerates it)`, ...imports].join(eol);
  if (block) edits.push({ start: block.start, end: block.end, text: blockText });
  else if (lastImport) edits.push({ start: lastImport.end, end: lastImport.end, text: `${eol}${blockText}` });
  else {
    const at = text.startsWith('\uFEFF') ? 1 : 0;
    edits.push({ start: at, end: at, text: `${blockText}${eol}${eol}` });
  }
  // code that stays here and still uses a moved name now uses its deprecated re-export
  for (const item of emitted) {
    if (item.old === 'default') continue;
    const uses = usesOf(sourceFile, item.old).filter((at) => !removed.some((r) => at >= r.start && at < r.end) && !(block && at >= block.start && at < block.end));
    if (uses.length) plan.notes.push({ file: shimPath, line: lineAt(text, uses[0]!), message: `${item.old} is still used inside ${entry.module}: it now refers to ${item.target.name} imported from ${item.target.id}` });
  }
  return applyEdits(text, edits);
}

function identifiersOf(sourceFile: ts.SourceFile, except: ReadonlyArray<{ start: number; end: number }>): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !except.some((r) => node.end > r.start && node.end <= r.end)) out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}

function usesOf(sourceFile: ts.SourceFile, name: string): number[] {
  const out: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name) {
      const parent = node.parent;
      const isDeclarationName = parent && 'name' in parent && (parent as { name?: ts.Node }).name === node && !ts.isPropertyAccessExpression(parent);
      const isMember = parent && ts.isPropertyAccessExpression(parent) && parent.name === node;
      if (!isDeclarationName && !isMember) out.push(node.getStart(sourceFile));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}

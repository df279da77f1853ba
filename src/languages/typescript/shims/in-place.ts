import { lineAt } from '../../../core/edits';
import { shimMarkerText } from '../../../core/shims';
import type { Edit } from '../../../core/types';
import { applyEdits } from '../../../core/edits';
import type { ShimPlan } from '../../types';
import { ts } from '../ts';
import { statement } from './code-style';
import { RenderContext, ShimExport } from './types';
import { RUNTIME_NAMES, defaultExportName, defaultLocal, deprecatedSpecifier, isDirective, namedImports } from './render';

/**
 * Top-level declarations of a name: classes, interfaces, enums, type aliases, functions, one-name variable statements,
 * and the one-name `export { X }` an earlier run of this shim wrote. Exported ones only, unless `local`.
 */
function declaredName(statement: ts.Statement, local = false): string | undefined {
  if (!local && ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause) && statement.exportClause.elements.length === 1) {
    return statement.exportClause.elements[0]!.name.text;
  }
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  const exported = modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
  if (exported === local) return undefined;
  if (modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return 'default';
  if (ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isFunctionDeclaration(statement)) {
    return statement.name?.text;
  }
  if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
    const name = statement.declarationList.declarations[0]!.name;
    return ts.isIdentifier(name) ? name.text : undefined;
  }
  return undefined;
}

/** `export { A, B }` / `export type { A }` of local names: each element by the name it exports (`A as B`: not ours). */
function listedExports(statement: ts.Statement): ts.ExportSpecifier[] {
  if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) return [];
  return statement.exportClause.elements.filter((element) => !element.propertyName || element.propertyName.text === element.name.text);
}

/**
 * The edits that take these elements out of their export lists: a list left empty goes whole (its line), otherwise
 * each run of removed elements goes with the separator after it (or, at the end, the one before it).
 */
function withoutListed(text: string, sourceFile: ts.SourceFile, removed: readonly ts.ExportSpecifier[]): Edit[] {
  const edits: Edit[] = [];
  const lists = new Set(removed.map((element) => element.parent.parent));
  for (const list of lists) {
    const elements = (list.exportClause as ts.NamedExports).elements;
    if (elements.every((element) => removed.includes(element))) {
      const from = text.lastIndexOf('\n', list.getStart(sourceFile, true) - 1) + 1;
      const lineEnd = text.indexOf('\n', list.end);
      edits.push({ start: from, end: lineEnd === -1 ? text.length : lineEnd + 1, text: '' });
    } else edits.push(...withoutElements(sourceFile, elements, removed));
  }
  return edits;
}

/** The edits that take some elements out of a list that keeps others: each run goes with the separator after it (at the end, the one before it). */
function withoutElements(sourceFile: ts.SourceFile, elements: ts.NodeArray<ts.Node>, removed: readonly ts.Node[]): Edit[] {
  const edits: Edit[] = [];
  const gone = elements.map((element) => removed.includes(element));
  for (let i = 0; i < elements.length; i++) {
    if (!gone[i]) continue;
    let last = i;
    while (last + 1 < elements.length && gone[last + 1]) last++;
    const next = elements[last + 1];
    if (next) edits.push({ start: elements[i]!.getStart(sourceFile), end: next.getStart(sourceFile), text: '' });
    else edits.push({ start: elements[i - 1]!.end, end: elements[last]!.end, text: '' });
    i = last;
  }
  return edits;
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
  // a name declared without `export` and exported by a list (`type X = …` … `export type { X, Y }`)
  const localDeclarations = new Map<string, ts.Statement>();
  const listed = new Map<string, ts.ExportSpecifier>();
  for (const statement of sourceFile.statements) {
    if (block && statement.getStart(sourceFile) >= block.start && statement.end <= block.end) continue;
    // after the imports, or after the directives ('use client') that must stay first
    if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement) || (!lastImport && isDirective(statement) && statement === sourceFile.statements[0])) lastImport = statement;
    else if (lastImport && isDirective(lastImport) && isDirective(statement)) lastImport = statement;
    const local = declaredName(statement, true);
    if (local && wanted.has(local) && !localDeclarations.has(local)) localDeclarations.set(local, statement);
    for (const element of listedExports(statement)) if (wanted.has(element.name.text)) listed.set(element.name.text, element);
    const name = declaredName(statement);
    if (name && wanted.has(name)) byName.set(name, [...(byName.get(name) ?? []), statement]);
  }
  const unlisted: ts.ExportSpecifier[] = [];
  for (const [name, declaration] of localDeclarations) {
    const element = listed.get(name);
    // an exported declaration of the name decides; else the local one is replaced and its list entry goes
    if (!element || byName.get(name)?.some((statement) => !listedExports(statement).includes(element))) continue;
    byName.set(name, [declaration]);
    unlisted.push(element);
  }
  const emitted = served.filter((item) => {
    if (byName.has(item.old)) return true;
    plan.needsReview.push({ file: shimPath, line: 1, reason: `${item.old} moves out of ${entry.module} but is not declared there as an export remodel can replace: shim it by hand` });
    return false;
  });
  // names the file keeps (what this shim generated before, and the declarations it replaces, are free)
  const replaced = emitted.flatMap((item) => byName.get(item.old)!.map((statement) => ({ start: statement.getStart(sourceFile, true), end: statement.end })));
  const servedElements = unlisted.filter((element) => emitted.some((item) => item.old === element.name.text));
  edits.push(...withoutListed(text, sourceFile, servedElements));
  replaced.push(...servedElements.map((element) => ({ start: element.getStart(sourceFile), end: element.end })));
  if (block) replaced.push(block);
  // what only the moved declarations used goes with them (a strict `noUnusedLocals` fails on it otherwise)
  const orphans = orphansOf(sourceFile, emitted.flatMap((item) => byName.get(item.old)!).map((statement) => ({ start: statement.getStart(sourceFile, true), end: statement.end })), block);
  const deleted = orphanRemovals(text, sourceFile, orphans);
  edits.push(...deleted.edits);
  for (const orphan of orphans) plan.notes.push({ file: shimPath, line: lineAt(text, orphan.node.getStart(sourceFile)), message: `${orphan.name} was used only by the declarations that moved out of ${entry.module}: removed with them` });
  if (lastImport && deleted.statements.includes(lastImport)) {
    // the block goes after the last import that stays (or first, when none does)
    const kept = sourceFile.statements.filter((statement) => ts.isImportDeclaration(statement) && statement.end <= lastImport!.end && !deleted.statements.includes(statement));
    lastImport = kept[kept.length - 1];
  }
  const taken = new Set<string>(identifiersOf(sourceFile, replaced));
  for (const name of RUNTIME_NAMES) taken.add(name);
  // a default export declared with a name (`export default function adjust`) keeps it: the code that stays may call it;
  // so does the one an earlier run's block imports (`export { adjust as default }` below it), not a local's of the user
  const declaredDefault = (statement: ts.Statement): string | undefined => (ts.isExportDeclaration(statement) && !block ? undefined : defaultExportName(statement));
  const locals = new Map(emitted.map((item) => [item, item.old === 'default' ? (declaredDefault(byName.get('default')![0]!) ?? defaultLocal(item, shimPath, taken)) : item.old] as const));
  const imports = namedImports(context, emitted, locals);
  const removed: Array<{ start: number; end: number }> = [];
  for (const item of emitted) {
    const [first, ...rest] = byName.get(item.old)!;
    const local = locals.get(item)!;
    const start = first!.getStart(sourceFile, true);
    // the imported binding stays usable by the code that stays here; its export carries the deprecation
    edits.push({ start, end: first!.end, text: ['export {', ...deprecatedSpecifier(context, item, local, item.old, local), statement(context.style, '}')].join(eol) });
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
  // nothing this shim can serve: no block (an earlier run's goes)
  if (!emitted.length) {
    if (block) edits.push({ start: block.start, end: text.startsWith(eol, block.end) ? block.end + eol.length : block.end, text: '' });
  } else if (block) edits.push({ start: block.start, end: block.end, text: blockText });
  else if (lastImport) edits.push({ start: lastImport.end, end: lastImport.end, text: `${eol}${blockText}` });
  else {
    const at = text.startsWith('\uFEFF') ? 1 : 0;
    // the imports that went with the moved declarations leave their blank line behind: the block takes it
    let next = at;
    for (let deletion = edits.find((e) => e.start === next && !e.text); deletion; deletion = edits.find((e) => e.start === next && !e.text)) next = deletion.end;
    edits.push({ start: at, end: at, text: `${blockText}${eol}${next > at && text.startsWith(eol, next) ? '' : eol}` });
  }
  // code that stays here and still uses a moved name now uses its deprecated re-export
  for (const item of emitted) {
    const local = locals.get(item)!;
    const uses = usesOf(sourceFile, local).filter((at) => !removed.some((r) => at >= r.start && at < r.end) && !(block && at >= block.start && at < block.end));
    const what = item.old === 'default' ? `${local} (the default export)` : item.old;
    const target = item.target.name === 'default' ? 'the default export' : item.target.name;
    if (uses.length) plan.notes.push({ file: shimPath, line: lineAt(text, uses[0]!), message: `${what} is still used inside ${entry.module}: it now refers to ${target} imported from ${item.target.id}` });
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

/** A binding of the file the shim leaves unread: a whole statement, or one specifier of an import that keeps others. */
interface Orphan {
  name: string;
  node: ts.Statement | ts.ImportSpecifier;
}

interface Range {
  start: number;
  end: number;
}

/**
 * The file's own non-exported declarations and import bindings (the shim's own `block` aside) that the `gone` ranges
 * (the moved declarations) read and nothing else does, found again as each goes (a helper's helper) — never one nothing read before: that is not the
 * shim's business. Uses are identifiers of the same text, whatever their scope: a shadowing local keeps a binding.
 */
function orphansOf(sourceFile: ts.SourceFile, gone: readonly Range[], block: Range | undefined): Orphan[] {
  const candidates: Array<Orphan & { range: Range; declared: ts.Node[] }> = [];
  for (const statement of sourceFile.statements) {
    const range = { start: statement.getStart(sourceFile, true), end: statement.end };
    // the moved declarations, and the imports of the block an earlier run wrote (it is written again)
    if (gone.some((r) => r.start === range.start) || (block && range.start >= block.start && range.end <= block.end)) continue;
    if (ts.isImportDeclaration(statement) && statement.importClause && !statement.importClause.name !== !statement.importClause.namedBindings) {
      const bindings = statement.importClause.namedBindings;
      if (statement.importClause.name) candidates.push({ name: statement.importClause.name.text, node: statement, range, declared: [statement.importClause.name] });
      else if (bindings && ts.isNamespaceImport(bindings)) candidates.push({ name: bindings.name.text, node: statement, range, declared: [bindings.name] });
      else if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) candidates.push({ name: element.name.text, node: element, range: { start: element.getStart(sourceFile), end: element.end }, declared: [element.name, ...(element.propertyName ? [element.propertyName] : [])] });
      }
      continue;
    }
    const name = declaredName(statement, true);
    const declared = name === undefined ? undefined : (statement as { name?: ts.Node }).name ?? (ts.isVariableStatement(statement) ? statement.declarationList.declarations[0]!.name : undefined);
    if (name !== undefined && name !== 'default' && declared) candidates.push({ name, node: statement, range, declared: [declared] });
  }
  if (!candidates.length) return [];
  const declaredAt = new Set(candidates.flatMap((c) => c.declared.map((node) => node.getStart(sourceFile))));
  const uses = new Map<string, number[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !declaredAt.has(node.getStart(sourceFile))) uses.set(node.text, [...(uses.get(node.text) ?? []), node.getStart(sourceFile)]);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const within = (at: number, ranges: readonly Range[]): boolean => ranges.some((r) => at >= r.start && at < r.end);
  const removed = [...gone];
  const orphans: Orphan[] = [];
  for (let found = true; found; ) {
    found = false;
    for (const candidate of candidates) {
      if (orphans.includes(candidate)) continue;
      const at = (uses.get(candidate.name) ?? []).filter((use) => !within(use, [candidate.range]));
      if (at.length && at.every((use) => within(use, removed))) {
        orphans.push(candidate);
        removed.push(candidate.range);
        found = true;
      }
    }
  }
  return orphans;
}

/** The edits that delete orphans: a statement with its lines (and one blank line where two would meet), a specifier from its list (its import when the list empties). */
function orphanRemovals(text: string, sourceFile: ts.SourceFile, orphans: readonly Orphan[]): { edits: Edit[]; statements: ts.Statement[] } {
  const edits: Edit[] = [];
  const specifiers = orphans.map((orphan) => orphan.node).filter((node): node is ts.ImportSpecifier => ts.isImportSpecifier(node));
  const statements = orphans.map((orphan) => orphan.node).filter((node): node is ts.Statement => !ts.isImportSpecifier(node));
  for (const declaration of new Set(specifiers.map((specifier) => specifier.parent.parent.parent).filter((node): node is ts.ImportDeclaration => ts.isImportDeclaration(node)))) {
    const elements = (declaration.importClause!.namedBindings as ts.NamedImports).elements;
    if (elements.every((element) => specifiers.includes(element))) statements.push(declaration);
    else edits.push(...withoutElements(sourceFile, elements, specifiers));
  }
  // whole lines, runs of them joined across the blank lines between
  const runs: Range[] = [];
  for (const statement of [...statements].sort((a, b) => a.pos - b.pos)) {
    const from = text.lastIndexOf('\n', attachedStart(text, sourceFile, statement) - 1) + 1;
    const lineEnd = text.indexOf('\n', statement.end);
    const to = lineEnd === -1 ? text.length : lineEnd + 1;
    const last = runs[runs.length - 1];
    if (last && text.slice(last.end, from).trim() === '') last.end = to;
    else runs.push({ start: from, end: to });
  }
  for (const run of runs) {
    // a blank line above and below: one of them goes too
    const below = /^[ \t]*\r?\n/.exec(text.slice(run.end));
    if (below && /(^|\n)[ \t]*\r?\n$/.test(text.slice(0, run.start))) run.end += below[0].length;
    edits.push({ start: run.start, end: run.end, text: '' });
  }
  return { edits, statements };
}

/** Where a statement starts with the comments right above it (none between them and it but a line break). */
function attachedStart(text: string, sourceFile: ts.SourceFile, statement: ts.Statement): number {
  let start = statement.getStart(sourceFile, true);
  const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
  for (const comment of [...comments].reverse()) {
    if (comment.end > start || !/^[ \t]*\r?\n?[ \t]*$/.test(text.slice(comment.end, start))) break;
    start = comment.pos;
  }
  return start;
}

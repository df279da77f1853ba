import * as path from 'node:path';
import { ImportMapError } from '../../core/errors';
import type { RawShimEntry } from '../../importmap/schema';
import { lineAt, lineEnding } from '../../core/edits';
import { shimMarkerText } from '../../core/shims';
import type { Edit } from '../../core/types';
import { applyEdits } from '../../core/edits';
import type { ShimPlan } from '../types';
import type { Workspace } from '../../core/types';
import { existsInPlan } from './prepare';
import { type TypeScriptPreparedMap } from './prepared-map';
import { createWorkspaceProgram } from './program';
import { ownsTypeScriptPath } from './relocate';
import { findModuleFile, stripSourceExtension } from './resolve';
import { moduleResolutionKind } from './config';
import { parseSource, scriptKindOf } from './syntax';
import { writeSpecifier } from './specifier';
import { ts } from './ts';
import { relativePosix } from '../../core/paths';

/** Where one shimmed name is served from. */
interface ShimTarget {
  /** absolute file */
  file: string;
  /** module id, for messages */
  id: string;
  /** the exported name there (`default` for a default export) */
  name: string;
}

/** One name a shim serves: its old name, where it comes from, and which meanings it keeps. */
interface ShimExport {
  old: string;
  target: ShimTarget;
  value: boolean;
  type: boolean;
  /** `<T, U = X>` of the canonical declaration, or '' */
  typeParameters: string;
  typeArguments: string;
}

interface EntryFacts {
  index: number;
  entry: RawShimEntry;
  /** the module's file at its old path (where the shim goes), repository-relative */
  file: string;
  /** where its text is now: the old path, or where `relocate` moved it */
  current: string;
  fail: (key: string, detail: string) => never;
}

/** Names a generated runtime-warning block declares itself. */
const RUNTIME_NAMES = ['process', 'deprecationWarned', 'globalThis'];

/**
 * The `shims:` entries of a TypeScript map. A module the map moves as a whole (or that `relocate` moved away)
 * becomes a file of deprecated re-exports, each in the form that keeps its kind and carries `@deprecated`
 * through any number of re-export hops:
 *
 * ```ts
 * import * as bookingEntity from '../../db/entities/booking.entity';
 * /** @deprecated Use `import { Booking } from '@/db/entities/booking.entity'`. *\/
 * export const Booking = bookingEntity.Booking;
 * /** @deprecated Use `import { Booking } from '@/db/entities/booking.entity'`. *\/
 * export type Booking = bookingEntity.Booking;
 * ```
 *
 * A module that keeps some names (name-level moves) has only the moved declarations replaced. Both carry the
 * `remodel: deprecation shim` comment, and are regenerated from what the shim itself exports on a re-run.
 *
 * @throws ImportMapError for a shim of a module the map does not move, or one that would drop exports
 */
export function planTypeScriptShims(prepared: TypeScriptPreparedMap, workspace: Workspace): ShimPlan {
  const plan: ShimPlan = { files: [], needsReview: [], notes: [] };
  const { map, cwd } = prepared;
  const facts: EntryFacts[] = [];
  for (const [index, entry] of map.shims.entries()) {
    const fail = (key: string, detail: string): never => {
      throw new ImportMapError(map.file, map.lineOf(['shims', index, key]), `shims[${index}].${key}`, detail);
    };
    const module = entry.module;
    if (!map.moveOfModule(module) && !map.hasNameMoves(module)) fail('module', `'${module}' is not moved by any rewrite entry, so there is nothing to shim`);
    const file = findModuleFile(module, (f) => workspace.has(f)) ?? findModuleFile(module, (f) => existsInPlan(workspace, f));
    const folder = module.replace(/^\.\//, '').replace(/\/+$/, '');
    if (file === undefined && map.moveOfModule(module)?.rule.package) {
      // case: a package entry's folder: every module in it becomes a shim of its own
      const submodules = workspace.files.filter((f) => f.startsWith(`${folder}/`) && ownsTypeScriptPath(f) && !/\.d\.[mc]?ts$/.test(f));
      for (const submodule of submodules) {
        facts.push({ index, entry: { ...entry, module: stripSourceExtension(submodule) }, file: submodule, current: workspace.movedTo(submodule) ?? submodule, fail });
      }
      if (submodules.length) continue;
    }
    if (file === undefined) fail('module', `'${module}' resolves to no file (looked for ${module}.ts/.tsx/.js/... and ${module}/index.*)`);
    if (/\.d\.[mc]?ts$/.test(file!)) fail('module', `'${file}' is a declaration file: remodel writes shims for modules with code`);
    facts.push({ index, entry, file: file!, current: workspace.movedTo(file!) ?? file!, fail });
  }
  if (!facts.length) return plan;

  const abs = (file: string): string => path.join(cwd, file);
  const roots = new Set<string>(facts.map((f) => abs(f.current)));
  for (const file of prepared.moduleFiles.values()) if (existsInPlan(workspace, rel(cwd, file))) roots.add(file);
  // targets of package entries are known per submodule
  for (const { entry } of facts) {
    const whole = map.moveOfModule(entry.module)?.module;
    const file = whole === undefined ? undefined : findModuleFile(whole, (f) => existsInPlan(workspace, f));
    if (file) roots.add(abs(file));
  }
  // one program answers for every shim; each file's imports resolve under its own tsconfig
  const program = createWorkspaceProgram(cwd, prepared.resolver.optionsFor(abs(facts[0]!.current)), workspace, [...roots], prepared.resolver);
  const checker = program.getTypeChecker();
  const exportsCache = new Map<string, Map<string, ts.Symbol> | undefined>();
  const exportsOf = (file: string): Map<string, ts.Symbol> | undefined => {
    if (!exportsCache.has(file)) exportsCache.set(file, moduleExports(program, checker, file));
    return exportsCache.get(file);
  };

  for (const fact of facts) {
    const { entry, file, current, fail } = fact;
    const text = workspace.read(current);
    const relocated = current !== file;
    const scriptKind = scriptKindOf(file);
    const isJs = scriptKind === ts.ScriptKind.JS || scriptKind === ts.ScriptKind.JSX;
    const sourceFile = parseSource(file, text);
    const oldExports = exportsOf(abs(current));
    if (!oldExports) {
      plan.needsReview.push({ file, line: 1, reason: `${entry.module} is not an ES module (no import or export): write its shim by hand` });
      continue;
    }
    if (oldExports.has('export=')) {
      plan.needsReview.push({ file, line: 1, reason: `${entry.module} uses 'export =': write its shim by hand` });
      continue;
    }
    // a shim written by an earlier run knows where each of its names comes from
    const known = text.includes(shimMarkerText) ? readShimTargets(sourceFile, (specifier) => prepared.resolver.resolve(specifier, abs(current), 'import')) : new Map<string, { file: string; name: string }>();
    const served: ShimExport[] = [];
    const stays: string[] = [];
    const missing: string[] = [];
    const mismatched: string[] = [];
    for (const [old, symbol] of orderedExports(oldExports, abs(current))) {
      const target = targetOf(prepared, workspace, entry.module, old, relocated ? { file: abs(current), id: stripSourceExtension(current), name: old } : undefined, known.get(old));
      if (!target) {
        stays.push(old);
        continue;
      }
      const canonical = exportsOf(target.file)?.get(target.name);
      if (!canonical) {
        missing.push(old === target.name ? old : `${old} (as ${target.name})`);
        continue;
      }
      const oldFlags = meaningFlags(checker, symbol);
      const newFlags = meaningFlags(checker, canonical);
      const wantValue = oldFlags ? (oldFlags & ts.SymbolFlags.Value) !== 0 : (newFlags & ts.SymbolFlags.Value) !== 0;
      const wantType = oldFlags ? (oldFlags & ts.SymbolFlags.Type) !== 0 : (newFlags & ts.SymbolFlags.Type) !== 0;
      if ((wantValue && !(newFlags & ts.SymbolFlags.Value)) || (wantType && !isJs && !(newFlags & ts.SymbolFlags.Type))) {
        mismatched.push(`${old} (a ${wantValue ? 'value' : 'type'} here, ${newFlags & ts.SymbolFlags.Value ? 'a value' : 'only a type'} in ${target.id})`);
        continue;
      }
      const { parameters, args } = typeParametersOf(checker, canonical, sourceFile);
      if (wantType && namesOutside(parameters, args)) {
        plan.needsReview.push({ file, line: 1, reason: `the type parameters of ${old} (${parameters}) name types the shim does not import: check the shim's 'export type ${old}'` });
      }
      served.push({ old, target, value: wantValue, type: wantType && !isJs, typeParameters: parameters, typeArguments: args });
    }
    if (missing.length || mismatched.length) {
      const to = map.moveOfModule(entry.module)?.module ?? 'their canonical modules';
      const parts: string[] = [];
      if (missing.length) parts.push(`${entry.module} exports ${missing.join(', ')}, which ${to} lacks: a shim would drop ${missing.length === 1 ? 'it' : 'them'} (move ${missing.length === 1 ? 'it' : 'them'} first, or use a name-level entry)`);
      if (mismatched.length) parts.push(`${mismatched.join(', ')}: a shim would change what ${mismatched.length === 1 ? 'it is' : 'they are'}`);
      fail('module', parts.join('; '));
    }
    if (!served.length && !stays.length) {
      // e.g. an `export *` whose module nothing resolves: a shim would export nothing
      plan.needsReview.push({ file, line: 1, reason: `the checker finds no exports in ${entry.module} (an 'export *' it cannot resolve?): write its shim by hand` });
      continue;
    }
    const directives: string[] = [];
    for (const statement of sourceFile.statements) {
      if (!isDirective(statement)) break;
      directives.push((statement as ts.ExpressionStatement).expression.getText(sourceFile));
    }
    const context: RenderContext = { prepared, entry, shimPath: file, isJs, eol: lineEnding(text), sourceText: text, directives };
    const shim = stays.length
      ? renderInPlace(context, sourceFile, served, plan)
      : renderWhole(context, served);
    if (stays.length && entry.runtimeWarning) {
      plan.notes.push({ file, line: 1, message: `${entry.module} keeps names of its own, so its importers are not all deprecated: no runtime warning (the moved names still carry @deprecated)` });
    }
    if (shim !== text || relocated) plan.files.push({ path: file, text: shim });
  }
  return plan;
}

function rel(cwd: string, file: string): string {
  return relativePosix(cwd, file);
}

/** The exports of a module file by name (aliases left as they are), or undefined when it is not a module. */
function moduleExports(program: ts.Program, checker: ts.TypeChecker, file: string): Map<string, ts.Symbol> | undefined {
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
function orderedExports(exports: Map<string, ts.Symbol>, file: string): Array<[string, ts.Symbol]> {
  const position = (symbol: ts.Symbol): number => {
    const declaration = symbol.declarations?.find((d) => path.resolve(d.getSourceFile().fileName) === file);
    return declaration ? declaration.getStart() : Number.MAX_SAFE_INTEGER;
  };
  const entries = [...exports].filter(([name]) => name !== 'export=' && name !== '__esModule');
  const sorted = entries.map((entry, index) => ({ entry, index, at: position(entry[1]) })).sort((a, b) => a.at - b.at || a.index - b.index).map((e) => e.entry);
  return [...sorted.filter(([name]) => name !== 'default'), ...sorted.filter(([name]) => name === 'default')];
}

/** A single-quoted JavaScript string. */
function jsString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n')}'`;
}

/** Value and type meanings of a symbol, through aliases (0 when the alias leads nowhere). */
function meaningFlags(checker: ts.TypeChecker, symbol: ts.Symbol): number {
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

/** `<T, U = X>` and `<T, U>` of the declaration that gives a symbol its type meaning. */
function typeParametersOf(checker: ts.TypeChecker, symbol: ts.Symbol, _shim: ts.SourceFile): { parameters: string; args: string } {
  const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  for (const declaration of resolved.declarations ?? []) {
    if (!(ts.isClassDeclaration(declaration) || ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration))) continue;
    const parameters = declaration.typeParameters;
    if (!parameters?.length) continue;
    const source = declaration.getSourceFile();
    return {
      parameters: `<${parameters.map((p) => p.getText(source)).join(', ')}>`,
      args: `<${parameters.map((p) => p.name.text).join(', ')}>`,
    };
  }
  return { parameters: '', args: '' };
}

const TYPE_WORDS = new Set(['extends', 'keyof', 'typeof', 'infer', 'readonly', 'string', 'number', 'boolean', 'bigint', 'symbol', 'unknown', 'any', 'never', 'object', 'undefined', 'null', 'void', 'true', 'false', 'Record', 'Partial', 'Readonly', 'Array', 'ReadonlyArray', 'Promise', 'Date']);

/** True when type parameter text names something other than its own parameters and global types. */
function namesOutside(parameters: string, args: string): boolean {
  if (!parameters) return false;
  const own = new Set(args.slice(1, -1).split(', '));
  return (parameters.match(/[A-Za-z_$][\w$]*/g) ?? []).some((word) => !own.has(word) && !TYPE_WORDS.has(word));
}

/** Where an old name is served from: the map's target, else the relocated file, else what an earlier shim said. */
function targetOf(
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
  if (known) return { file: known.file, id: stripSourceExtension(rel(prepared.cwd, known.file)), name: known.name };
  return undefined;
}

/** `name -> { file, name }` of a generated shim: its namespace imports and `export const X = ns.Y` lines. */
function readShimTargets(sourceFile: ts.SourceFile, resolve: (specifier: string) => string | undefined): Map<string, { file: string; name: string }> {
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
      if (bindings && ts.isNamespaceImport(bindings) && file) namespaces.set(bindings.name.text, file);
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

interface RenderContext {
  prepared: TypeScriptPreparedMap;
  entry: RawShimEntry;
  /** repository-relative path of the shim */
  shimPath: string;
  isJs: boolean;
  eol: string;
  sourceText: string;
  /** the module's prologue directives ('use client'), which a whole shim keeps first */
  directives: string[];
}

function isDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

/** A readable, unused identifier for the namespace import of a target module. */
function namespaceName(file: string, taken: Set<string>): string {
  let base = path.basename(stripSourceExtension(file));
  if (base === 'index') base = path.basename(path.dirname(file));
  const words = base.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let name = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('') || 'canonical';
  if (/^\d/.test(name)) name = `_${name}`;
  if (ts.identifierToKeywordKind(ts.factory.createIdentifier(name)) !== undefined) name = `${name}Module`;
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name}${n}`;
  taken.add(unique);
  return unique;
}

/** True when specifiers should spell `.js`: node16/nodenext resolution (ESM needs it, CommonJS accepts it), or the module's own imports do. */
function usesJsSuffix(context: RenderContext): boolean {
  const kind = moduleResolutionKind(context.prepared.resolver.optionsFor(path.join(context.prepared.cwd, context.shimPath)));
  if (kind === ts.ModuleResolutionKind.Node16 || kind === ts.ModuleResolutionKind.NodeNext) return true;
  const text = context.sourceText;
  return /(?:from\s*|import\s*\(\s*)(['"])[^'"]*\.[mc]?js\1/.test(text);
}

/** How a consumer should import a target: through a `paths` alias when one covers it, else by its module id. */
function consumerSpecifier(context: RenderContext, target: ShimTarget): string {
  const { prepared } = context;
  // spelled like an alias when the project has one
  const paths = prepared.resolver.optionsFor(path.join(prepared.cwd, context.shimPath)).paths;
  const alias = `${Object.keys(paths ?? {})[0]?.replace('*', 'x') ?? 'remodel-consumer'}${usesJsSuffix(context) ? '.js' : ''}`;
  const written = writeSpecifier(
    { importer: path.join(prepared.cwd, context.shimPath), original: alias, originalFile: target.file, target: target.file, usage: 'import' },
    prepared.resolver,
  );
  return written && !written.startsWith('.') ? written : target.id;
}

/** The specifier the shim itself uses: relative, in the extension style of the old module's own relative imports. */
function shimSpecifier(context: RenderContext, target: ShimTarget): string | undefined {
  const { prepared } = context;
  const base = `./${path.basename(stripSourceExtension(target.file))}${usesJsSuffix(context) ? '.js' : ''}`;
  return writeSpecifier({ importer: path.join(prepared.cwd, context.shimPath), original: base, originalFile: target.file, target: target.file, usage: 'import' }, prepared.resolver);
}

function jsdoc(context: RenderContext, item: ShimExport, local: string): string {
  const specifier = consumerSpecifier(context, item.target);
  const importText = item.target.name === 'default' ? `import ${local} from '${specifier}'` : `import { ${item.target.name} } from '${specifier}'`;
  const renamed = item.old !== item.target.name && item.old !== 'default' && item.target.name !== 'default' ? ` (renamed from ${item.old})` : '';
  const message = context.entry.message ? `${context.entry.message} ` : '';
  return `/** @deprecated ${message}Use \`${importText}\`${renamed}. */`.replace(/\*\/(?!$)/g, '*\\/');
}

/** The deprecated statements that serve one name. */
function exportLines(context: RenderContext, item: ShimExport, namespace: string, local: string): string[] {
  const doc = jsdoc(context, item, local);
  const source = `${namespace}.${item.target.name}`;
  const isDefault = item.old === 'default';
  const exportKeyword = isDefault ? '' : 'export ';
  const lines: string[] = [];
  if (item.value) lines.push(doc, `${exportKeyword}const ${local} = ${source};`);
  if (item.type) lines.push(doc, `${exportKeyword}type ${local}${item.typeParameters} = ${source}${item.typeArguments};`);
  if (isDefault) lines.push(`export default ${local};`);
  return lines;
}

/** The local name a default export is declared under before `export default`. */
function defaultLocal(item: ShimExport, shimPath: string, taken: Set<string>): string {
  let name = item.target.name !== 'default' ? item.target.name : namespaceName(shimPath, new Set());
  name = name.charAt(0).toUpperCase() + name.slice(1);
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name}${n}`;
  taken.add(unique);
  return unique;
}

function namespaceImports(context: RenderContext, served: readonly ShimExport[], taken: Set<string>): { lines: string[]; names: Map<string, string> } {
  const names = new Map<string, string>();
  const lines: string[] = [];
  for (const item of served) {
    if (names.has(item.target.file)) continue;
    const name = namespaceName(item.target.file, taken);
    names.set(item.target.file, name);
    const specifier = shimSpecifier(context, item.target) ?? item.target.id;
    const typeOnly = !context.isJs && served.filter((s) => s.target.file === item.target.file).every((s) => !s.value);
    lines.push(`import ${typeOnly ? 'type ' : ''}* as ${name} from ${jsString(specifier)};`);
  }
  return { lines, names };
}

function runtimeWarningLines(context: RenderContext, targets: readonly string[]): string[] {
  const { entry } = context;
  const message = entry.message ?? `${entry.module} is deprecated: import from ${targets.join(', ')}`;
  const key = jsString(`remodel:${entry.module}`);
  const lines = ['', "// one DeprecationWarning per process; none where there is no `process` (browser bundles)"];
  // JavaScript reads `process` off globalThis, so that checkJs needs no Node types either
  const processName = context.isJs ? 'deprecationWarned.process' : 'process';
  if (context.isJs) lines.push('/** @type {Record<string, any>} */', 'const deprecationWarned = /** @type {any} */ (globalThis);');
  else lines.push('declare const process: { emitWarning(warning: string, type: string): void } | undefined;', 'const deprecationWarned = globalThis as unknown as Record<string, boolean | undefined>;');
  lines.push(
    `if (typeof ${processName} !== 'undefined' && typeof ${processName}.emitWarning === 'function' && !deprecationWarned[${key}]) {`,
    `  deprecationWarned[${key}] = true;`,
    `  ${processName}.emitWarning(${jsString(message)}, 'DeprecationWarning');`,
    '}',
  );
  return lines;
}

/** A whole-module shim: the file holds nothing but deprecated re-exports. */
function renderWhole(context: RenderContext, served: readonly ShimExport[]): string {
  const { entry, eol } = context;
  const taken = new Set<string>([...served.map((s) => s.old), ...RUNTIME_NAMES]);
  const { lines: imports, names } = namespaceImports(context, served, taken);
  const targets = [...new Set(served.map((s) => s.target.id))];
  const directives = context.directives.map((d) => `${d};`);
  const lines = [
    ...directives,
    `// ${shimMarkerText} for ${entry.module} (generated: re-running remodel regenerates it)`,
    `// Moved to ${targets.join(', ')}: import from there. This module only re-exports, deprecated.`,
    ...(entry.message ? [`// ${entry.message.replace(/\r?\n/g, ' ')}`] : []),
    ...imports,
  ];
  if (entry.runtimeWarning) lines.push(...runtimeWarningLines(context, targets));
  for (const item of served) {
    const local = item.old === 'default' ? defaultLocal(item, context.shimPath, taken) : item.old;
    lines.push('', ...exportLines(context, item, names.get(item.target.file)!, local));
  }
  const bom = context.sourceText.startsWith('\uFEFF') ? '\uFEFF' : '';
  return `${bom}${lines.join(eol)}${eol}`;
}

/** Top-level declarations of a name: classes, interfaces, enums, type aliases, functions, one-name variable statements. */
function declaredName(statement: ts.Statement): string | undefined {
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
 * re-export, and one marked block of namespace imports follows the file's imports.
 */
function renderInPlace(context: RenderContext, sourceFile: ts.SourceFile, served: readonly ShimExport[], plan: ShimPlan): string {
  const { eol, sourceText: text, entry, shimPath } = context;
  const edits: Edit[] = [];
  const byName = new Map<string, ts.Statement[]>();
  const wanted = new Set(served.map((s) => s.old));
  let lastImport: ts.Statement | undefined;
  let block: { start: number; end: number } | undefined;
  const marker = `// ${shimMarkerText}:`;
  const markerAt = text.startsWith(marker) ? 0 : text.indexOf(`\n${marker}`) + 1;
  if (markerAt > 0 || text.startsWith(marker)) {
    let end = text.indexOf('\n', markerAt);
    end = end === -1 ? text.length : end;
    for (;;) {
      const next = text.indexOf('\n', end + 1);
      const line = text.slice(end + 1, next === -1 ? text.length : next).replace(/\r$/, '');
      if (!/^import (type )?\* as [\w$]+ from .*;$/.test(line)) break;
      end = next === -1 ? text.length : next;
    }
    block = { start: markerAt, end: text[end - 1] === '\r' ? end - 1 : end };
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
  const { lines: imports, names } = namespaceImports(context, emitted, taken);
  const removed: Array<{ start: number; end: number }> = [];
  for (const item of emitted) {
    const [first, ...rest] = byName.get(item.old)!;
    const local = item.old === 'default' ? defaultLocal(item, shimPath, taken) : item.old;
    const start = first!.getStart(sourceFile, true);
    edits.push({ start, end: first!.end, text: exportLines(context, item, names.get(item.target.file)!, local).join(eol) });
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
    if (uses.length) plan.notes.push({ file: shimPath, line: lineAt(text, uses[0]!), message: `${item.old} is still used inside ${entry.module}: it now refers to the deprecated re-export of ${item.target.id}` });
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

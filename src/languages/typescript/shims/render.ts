import * as path from 'node:path';
import { shimMarkerText } from '../../../core/shims';
import { stripSourceExtension } from '../resolve';
import { moduleResolutionKind } from '../config';
import { writeSpecifier } from '../specifier';
import { ts } from '../ts';
import { RenderContext, ShimExport, ShimTarget } from './types';

/** Names a generated runtime-warning block declares itself. */
export const RUNTIME_NAMES = ['process', 'deprecationWarned', 'globalThis'];

/** A single-quoted JavaScript string. */
function jsString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n')}'`;
}

export function isDirective(statement: ts.Statement): boolean {
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
export function exportLines(context: RenderContext, item: ShimExport, namespace: string, local: string): string[] {
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
export function defaultLocal(item: ShimExport, shimPath: string, taken: Set<string>): string {
  let name = item.target.name !== 'default' ? item.target.name : namespaceName(shimPath, new Set());
  name = name.charAt(0).toUpperCase() + name.slice(1);
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name}${n}`;
  taken.add(unique);
  return unique;
}

export function namespaceImports(context: RenderContext, served: readonly ShimExport[], taken: Set<string>): { lines: string[]; names: Map<string, string> } {
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
export function renderWhole(context: RenderContext, served: readonly ShimExport[]): string {
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

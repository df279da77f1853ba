import * as fs from 'node:fs';
import { blockCommentText, lineCommentText, stringLiteral } from '../../../core/literals';
import * as path from 'node:path';
import { licenseHeaderLines, shimMarkerText } from '../../../core/shims';
import { stripSourceExtension } from '../module-files';
import { ModuleResolution, resolutionKind } from '../resolution-kind';
import { writeSpecifier } from '../specifier';
import { ts } from '../ts';
import { identifierFrom } from '../identifier-names';
import { statement } from './code-style';
import { RenderContext, ShimExport, ShimTarget } from './types';

/** Names a generated runtime-warning block declares itself. */
export const RUNTIME_NAMES = ['process', 'deprecationWarned', 'globalThis'];

export function isDirective(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

/** A readable, unused identifier for the namespace import of a target module. */
function namespaceName(file: string, taken: Set<string>): string {
  let base = path.basename(stripSourceExtension(file));
  if (base === 'index') base = path.basename(path.dirname(file));
  const name = identifierFrom(base, 'canonical');
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name}${n}`;
  taken.add(unique);
  return unique;
}

/**
 * True when specifiers should spell `.js`: node16/nodenext resolution (ESM needs it, CommonJS accepts it), a JavaScript
 * shim Node loads as an ES module (`.mjs`, or `.js` under a `"type": "module"` package.json), or the module's own
 * imports do.
 */
function usesJsSuffix(context: RenderContext): boolean {
  const kind = resolutionKind(context.prepared.resolver.optionsFor(path.join(context.prepared.cwd, context.shimPath)));
  if (kind === ModuleResolution.Node16 || kind === ModuleResolution.NodeNext) return true;
  if (loadedAsNodeEsm(context.prepared.cwd, context.shimPath)) return true;
  const text = context.sourceText;
  return /(?:from\s*|import\s*\(\s*)(['"])[^'"]*\.[mc]?js\1/.test(text);
}

/** How a consumer should import a target: through a `paths` alias when one covers it, else undefined (no specifier resolves from everywhere). */
function consumerSpecifier(context: RenderContext, target: ShimTarget): string | undefined {
  const { prepared } = context;
  // spelled like an alias when the project has one
  const paths = prepared.resolver.optionsFor(path.join(prepared.cwd, context.shimPath)).paths;
  const alias = `${Object.keys(paths ?? {})[0]?.replace('*', 'x') ?? 'remodel-consumer'}${usesJsSuffix(context) ? '.js' : ''}`;
  const written = writeSpecifier(
    { importer: path.join(prepared.cwd, context.shimPath), original: alias, originalFile: target.file, target: target.file, usage: 'import' },
    prepared.resolver,
  );
  return written && !written.startsWith('.') ? written : undefined;
}

/** The specifier the shim itself uses: relative, in the extension style of the old module's own relative imports. */
function shimSpecifier(context: RenderContext, target: ShimTarget): string | undefined {
  const { prepared } = context;
  const base = `./${path.basename(stripSourceExtension(target.file))}${usesJsSuffix(context) ? '.js' : ''}`;
  return writeSpecifier({ importer: path.join(prepared.cwd, context.shimPath), original: base, originalFile: target.file, target: target.file, usage: 'import' }, prepared.resolver);
}

function jsdoc(context: RenderContext, item: ShimExport, local: string): string {
  const specifier = consumerSpecifier(context, item.target);
  const what = item.target.name === 'default' ? `import ${local} from` : `import { ${item.target.name} } from`;
  const importText = specifier ? `\`${what} ${stringLiteral(specifier, context.style.quote)}\`` : item.target.name === 'default' ? `the default export of ${item.target.id}` : `\`${item.target.name}\` from ${item.target.id}`;
  const renamed = item.old !== item.target.name && item.old !== 'default' && item.target.name !== 'default' ? ` (renamed from ${item.old})` : '';
  const message = context.entry.message ? `${context.entry.message} ` : '';
  const removal = context.entry.remove_after ? ` Removed after ${context.entry.remove_after}.` : '';
  return `/** @deprecated ${blockCommentText(`${message}Use ${importText}${renamed}.${removal}`)} */`;
}

/**
 * One deprecated specifier of an `export { }` list, on its own lines: `@deprecated` on an export specifier is what the
 * compiler and editors show at each use, and a re-exported binding keeps every meaning (enum, namespace, class, a live
 * `let`). A name that is only a type gets `type` (isolatedModules). `inner` is the name in the list's module (or the
 * local binding), `exported` the shim's public name.
 */
export function deprecatedSpecifier(context: RenderContext, item: ShimExport, inner: string, exported: string, local: string): string[] {
  const type = item.type && !item.value ? 'type ' : '';
  return [`  ${jsdoc(context, item, local)}`, `  ${type}${inner === exported ? inner : `${inner} as ${exported}`},`];
}

/** `export { ... } from '<target>';` serving these names from one canonical module. */
function reexportStatement(context: RenderContext, items: readonly ShimExport[], taken: Set<string>): string[] {
  const target = items[0]!.target;
  const specifier = shimSpecifier(context, target) ?? target.id;
  const lines = ['export {'];
  for (const item of items) {
    const local = item.old === 'default' ? defaultLocal(item, context.shimPath, taken) : item.old;
    lines.push(...deprecatedSpecifier(context, item, item.target.name, item.old, local));
  }
  lines.push(statement(context.style, `} from ${stringLiteral(specifier, context.style.quote)}`));
  return lines;
}

/** `import { Y as X } from '<target>';` per canonical module: the local bindings an in-place shim re-exports and keeps using. */
export function namedImports(context: RenderContext, served: readonly ShimExport[], locals: ReadonlyMap<ShimExport, string>): string[] {
  const lines: string[] = [];
  for (const file of new Set(served.map((item) => item.target.file))) {
    const items = served.filter((item) => item.target.file === file);
    const specifier = shimSpecifier(context, items[0]!.target) ?? items[0]!.target.id;
    // a default export that is a value is imported as one (`import adjust, { twice } from`)
    const byDefault = items.find((item) => item.target.name === 'default' && item.value);
    const list = items.filter((item) => item !== byDefault).map((item) => {
      const local = locals.get(item)!;
      const type = item.type && !item.value ? 'type ' : '';
      return `${type}${item.target.name === local ? local : `${item.target.name} as ${local}`}`;
    });
    const clause = [...(byDefault ? [locals.get(byDefault)!] : []), ...(list.length ? [`{ ${list.join(', ')} }`] : [])].join(', ');
    lines.push(statement(context.style, `import ${clause} from ${stringLiteral(specifier, context.style.quote)}`));
  }
  return lines;
}

/**
 * The name a default export's declaration gives it, if any: `export default function adjust`, `export default class
 * Booking`, `export default Booking;`, or the binding a shim written before exports (`export { Booking as default }`).
 */
export function defaultExportName(declaration: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration)) return declaration.name?.text;
  if (ts.isExportAssignment(declaration)) return ts.isIdentifier(declaration.expression) ? declaration.expression.text : undefined;
  if (!ts.isExportDeclaration(declaration) || declaration.moduleSpecifier || !declaration.exportClause || !ts.isNamedExports(declaration.exportClause)) return undefined;
  return declaration.exportClause.elements[0]?.propertyName?.text;
}

/** The local name a default export is declared under before `export default`. */
export function defaultLocal(item: ShimExport, shimPath: string, taken: Set<string>): string {
  let name = item.target.declaredAs ?? (item.target.name !== 'default' ? item.target.name : namespaceName(shimPath, new Set()));
  if (!item.target.declaredAs) name = name.charAt(0).toUpperCase() + name.slice(1);
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name}${n}`;
  taken.add(unique);
  return unique;
}

function runtimeWarningLines(context: RenderContext, targets: readonly string[]): string[] {
  const { entry, style } = context;
  const message = `${entry.message ?? `${entry.module} is deprecated: import from ${targets.join(', ')}`}${entry.remove_after ? ` (this shim is removed after ${entry.remove_after})` : ''}`;
  const quoted = (text: string): string => stringLiteral(text, style.quote);
  const key = quoted(`remodel:${entry.module}`);
  const lines = ['', "// one DeprecationWarning per process; none where there is no `process` (browser bundles)"];
  // JavaScript reads `process` off globalThis, so that checkJs needs no Node types either
  const processName = context.isJs ? 'deprecationWarned.process' : 'process';
  if (context.isJs) lines.push('/** @type {Record<string, any>} */', statement(style, 'const deprecationWarned = /** @type {any} */ (globalThis)'));
  else lines.push(statement(style, 'declare const process: { emitWarning(warning: string, type: string): void } | undefined'), statement(style, 'const deprecationWarned = globalThis as unknown as Record<string, boolean | undefined>'));
  lines.push(
    `if (typeof ${processName} !== ${quoted('undefined')} && typeof ${processName}.emitWarning === ${quoted('function')} && !deprecationWarned[${key}]) {`,
    `  ${statement(style, `deprecationWarned[${key}] = true`)}`,
    `  ${statement(style, `${processName}.emitWarning(${quoted(message)}, ${quoted('DeprecationWarning')})`)}`,
    '}',
  );
  return lines;
}

/** A whole-module shim: the file holds nothing but deprecated re-exports. */
export function renderWhole(context: RenderContext, served: readonly ShimExport[]): string {
  const { entry, eol } = context;
  const taken = new Set<string>([...served.map((s) => s.old), ...RUNTIME_NAMES]);
  const targets = [...new Set(served.map((s) => s.target.id))];
  const directives = context.directives.map((d) => statement(context.style, d));
  const lines = [
    ...licenseHeaderLines(context.sourceText, 'slash'),
    ...directives,
    `// ${shimMarkerText} for ${lineCommentText(entry.module)} (generated: re-running remodel regenerates it)`,
    `// Moved to ${lineCommentText(targets.join(', '))}: import from there. This module only re-exports, deprecated.`,
    ...(entry.message ? [`// ${lineCommentText(entry.message)}`] : []),
  ];
  if (entry.runtimeWarning) lines.push(...runtimeWarningLines(context, targets));
  for (const file of new Set(served.map((item) => item.target.file))) {
    lines.push('', ...reexportStatement(context, served.filter((item) => item.target.file === file), taken));
  }
  const bom = context.sourceText.startsWith('\uFEFF') ? '\uFEFF' : '';
  return `${bom}${lines.join(eol)}${eol}`;
}

/**
 * A CommonJS module moved as a whole to another CommonJS module: `module.exports = require('<target>')`, so that the
 * old path gives the very object the new one does (one class, one `instanceof`). `specifier` is the target as the shim
 * requires it.
 */
export function renderCommonJs(context: RenderContext, target: { id: string; specifier: string }): string {
  const { entry, eol } = context;
  const lines = [
    ...licenseHeaderLines(context.sourceText, 'slash'),
    ...context.directives.map((d) => statement(context.style, d)),
    `// ${shimMarkerText} for ${lineCommentText(entry.module)} (generated: re-running remodel regenerates it)`,
    `// Moved to ${lineCommentText(target.id)}: require it from there. This module only re-exports it, deprecated.`,
    ...(entry.message ? [`// ${lineCommentText(entry.message)}`] : []),
  ];
  if (entry.runtimeWarning) lines.push(...runtimeWarningLines(context, [target.id]));
  const message = entry.message ? `${entry.message} ` : '';
  const removal = entry.remove_after ? ` Removed after ${entry.remove_after}.` : '';
  const required = `require(${stringLiteral(target.specifier, context.style.quote)})`;
  lines.push('', `/** @deprecated ${blockCommentText(`${message}Use \`${required}\` from ${target.id}.${removal}`)} */`, statement(context.style, `module.exports = ${required}`));
  const bom = context.sourceText.startsWith('\uFEFF') ? '\uFEFF' : '';
  return `${bom}${lines.join(eol)}${eol}`;
}

/** Whether Node loads a repository file as an ES module: `.mjs`, or `.js` whose nearest package.json says `"type": "module"`. */
function loadedAsNodeEsm(cwd: string, file: string): boolean {
  if (file.endsWith('.mjs')) return true;
  if (!file.endsWith('.js')) return false;
  for (let folder = path.dirname(path.join(cwd, file)); ; folder = path.dirname(folder)) {
    let manifest: string | undefined;
    try {
      manifest = fs.readFileSync(path.join(folder, 'package.json'), 'utf8');
    } catch {
      manifest = undefined;
    }
    if (manifest !== undefined) {
      try {
        return (JSON.parse(manifest) as { type?: unknown }).type === 'module';
      } catch {
        return false;
      }
    }
    if (folder === cwd || path.dirname(folder) === folder) return false;
  }
}

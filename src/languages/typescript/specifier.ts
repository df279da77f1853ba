import * as path from 'node:path';
import type { Resolution, UsageKind } from './resolve';
import { sourceExtension, stripSourceExtension } from './module-files';
import { matchesPattern } from './paths-mapping';
import { packageSpecifiers, subpathImportSpecifiers } from './package-specifiers';
import { ts } from './ts';
import { toPosix } from '../../core/paths';

/** How an importer spells the end of a path: `./booking`, `./booking.js`, `./booking.ts`, or a folder `./models`. */
type ExtensionStyle = 'none' | 'js' | 'source' | 'folder';

/** What a new specifier must point at, and the specifier it replaces. */
export interface SpecifierRequest {
  /** absolute path of the importing file */
  importer: string;
  /** the specifier text as written */
  original: string;
  /** the absolute file the original resolved to (undefined for a bare specifier) */
  originalFile: string | undefined;
  /** the absolute file the new specifier must resolve to */
  target: string;
  usage: UsageKind;
  /** where `original` was written, when elsewhere (a moved file's old place): its tsconfig tells whether it was an alias */
  originalImporter?: string;
}

/**
 * Writes a specifier for `target` in the importer's own style: relative stays relative (recomputed from
 * the importer), a `paths` alias stays an alias when a pattern covers the target, a baseUrl path stays one,
 * and the extension convention (none, `.js`, `.ts`, folder index) is kept. Aliases and baseUrl paths are those of the
 * configuration that governs the importer, and every candidate is checked with the compiler's resolution under it;
 * undefined when none resolves to the target.
 *
 * @example
 * writeSpecifier({ importer: '/r/src/a.ts', original: '../models/booking.js', originalFile: '/r/src/models/booking.ts',
 *                  target: '/r/src/db/models/core.ts', usage: 'import' }, resolver)   // './db/models/core.js'
 */
export function writeSpecifier(request: SpecifierRequest, resolver: Resolution): string | undefined {
  const style = extensionStyle(request.original, request.originalFile);
  const tried = new Set<string>();
  const options = resolver.optionsFor(request.importer);
  const originalOptions = request.originalImporter ? resolver.optionsFor(request.originalImporter) : options;
  // a candidate must lead to the target once the plan is applied (a file moved away no longer answers it)
  const after = resolver.afterMoves?.() ?? resolver;
  // a relative specifier within one project that now has to reach another project (a workspace package) takes the
  // alias or package name that leads there, as imports across packages are written, before a `../../../` path
  const project = (file: string | undefined): string | undefined => (file === undefined ? undefined : resolver.projectOf?.(file));
  const crosses = isRelative(request.original) && project(request.importer) === project(request.originalFile) && project(request.importer) !== project(request.target);
  for (const candidate of candidates(request, style, options, originalOptions, crosses)) {
    if (tried.has(candidate)) continue;
    tried.add(candidate);
    if (after.resolve(candidate, request.importer, request.usage) === request.target) return candidate;
  }
  return undefined;
}

function* candidates(request: SpecifierRequest, style: ExtensionStyle, options: ts.CompilerOptions, originalOptions: ts.CompilerOptions, crossesProject: boolean): Generator<string> {
  const { original } = request;
  const fallbackStyles: ExtensionStyle[] = style === 'folder' ? ['none', 'js'] : [style, 'none', 'js', 'source'];
  // an extensionless specifier that did not spell `index` names a folder's index by the folder (the shortest form)
  const byFolder = style === 'none' && path.basename(stripSourceExtension(request.target)) === 'index' && original.slice(original.lastIndexOf('/') + 1) !== 'index';
  if (byFolder) fallbackStyles.unshift('folder');
  if (crossesProject) {
    const spellings = [style, ...fallbackStyles].map((s) => targetPath(request.target, s));
    yield* packageSpecifiers(request.target, spellings);
    for (const spelled of spellings) yield* aliasSpecifiers(spelled, options, original);
  }
  if (isRelative(original)) {
    for (const s of [...(byFolder ? ['folder' as const] : []), style, ...fallbackStyles]) yield relativeSpecifier(request.importer, targetPath(request.target, s));
  } else if (!path.isAbsolute(original)) {
    // alias first, with the pattern the importer used, then any pattern, then baseUrl; a baseUrl path that
    // matches no alias pattern stays a baseUrl path
    const baseUrlPaths = function* (): Generator<string> {
      if (!options.baseUrl || !request.originalFile) return;
      for (const s of [style, ...fallbackStyles]) {
        const fromBase = toPosix(path.relative(options.baseUrl, targetPath(request.target, s)));
        if (!fromBase.startsWith('..') && !path.isAbsolute(fromBase)) yield fromBase;
      }
    };
    const viaAlias = [options, originalOptions].some((o) => Object.keys(o.paths ?? {}).some((key) => matchesPattern(original, key)));
    // a subpath import (`#models/user.js`) stays one, through the importer's package.json `imports`; a package
    // specifier (a workspace package linked in node_modules) stays one, through the package's `exports`
    // (the file spelled in the importer's extension style first: `#db/user.js`, not `#db/user.ts`)
    const spellings = [style, ...fallbackStyles].map((s) => targetPath(request.target, s));
    if (original.startsWith('#')) yield* subpathImportSpecifiers(request.importer, spellings);
    else if (!viaAlias) yield* packageSpecifiers(request.target, spellings);
    if (!viaAlias) yield* baseUrlPaths();
    for (const s of [style, ...fallbackStyles]) yield* aliasSpecifiers(targetPath(request.target, s), options, original);
    if (viaAlias) yield* baseUrlPaths();
  }
  for (const s of fallbackStyles) yield relativeSpecifier(request.importer, targetPath(request.target, s));
}

function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

function extensionStyle(specifier: string, resolved: string | undefined): ExtensionStyle {
  if (!resolved) return 'none';
  if (specifier.endsWith('/') || specifier === '.' || specifier === '..') return 'folder';
  const resolvedBase = path.basename(stripSourceExtension(resolved));
  const last = specifier.slice(specifier.lastIndexOf('/') + 1);
  const ext = sourceExtension(resolved);
  if (ext && last.endsWith(ext) && !ext.startsWith('.d.')) return 'source';
  if (/\.(js|jsx|mjs|cjs)$/.test(last)) return 'js';
  if (resolvedBase === 'index' && last !== 'index') return 'folder';
  return 'none';
}

/** The absolute path (with or without extension) to spell for a target file in a style. */
function targetPath(target: string, style: ExtensionStyle): string {
  const base = stripSourceExtension(target);
  const ext = sourceExtension(target);
  if (style === 'folder') return path.basename(base) === 'index' ? path.dirname(target) : base;
  if (style === 'none') return base;
  if (style === 'source') return ext.startsWith('.d.') ? base + jsExtension(ext) : base + ext;
  return base + jsExtension(ext);
}

function jsExtension(sourceExt: string): string {
  if (sourceExt === '.mts' || sourceExt === '.d.mts' || sourceExt === '.mjs') return '.mjs';
  if (sourceExt === '.cts' || sourceExt === '.d.cts' || sourceExt === '.cjs') return '.cjs';
  if (sourceExt === '.jsx') return '.jsx';
  return '.js';
}

function relativeSpecifier(importer: string, target: string): string {
  const rel = toPosix(path.relative(path.dirname(importer), target));
  if (rel === '') return '.';
  return rel.startsWith('../') || rel === '..' ? rel : `./${rel}`;
}

/** Every `paths` alias that spells `target` (a file, with or without extension) under `options`, the pattern `original` matched first. */
export function* aliasSpecifiers(target: string, options: ts.CompilerOptions, original: string): Generator<string> {
  const paths = options.paths;
  if (!paths) return;
  const base = options.baseUrl ?? (options as { pathsBasePath?: string }).pathsBasePath;
  if (!base) return;
  const keys = Object.keys(paths);
  // the pattern the original specifier matched comes first
  keys.sort((a, b) => Number(matchesPattern(original, b)) - Number(matchesPattern(original, a)));
  for (const key of keys) {
    for (const substitution of paths[key] ?? []) {
      const absolute = toPosix(path.resolve(base, substitution));
      const star = absolute.indexOf('*');
      if (star === -1) {
        if (!key.includes('*') && (absolute === target || stripSourceExtension(absolute) === target)) yield key;
        continue;
      }
      const prefix = absolute.slice(0, star);
      const suffix = absolute.slice(star + 1);
      const targetPosix = toPosix(target);
      if (!targetPosix.startsWith(prefix) || !targetPosix.endsWith(suffix) || targetPosix.length < prefix.length + suffix.length) continue;
      const middle = targetPosix.slice(prefix.length, targetPosix.length - suffix.length);
      const keyStar = key.indexOf('*');
      if (keyStar === -1) continue;
      yield key.slice(0, keyStar) + middle + key.slice(keyStar + 1);
    }
  }
}

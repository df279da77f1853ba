import * as path from 'node:path';
import { UsageError } from '../../core/errors';
import { ts } from './ts';
import { toPosix } from '../../core/paths';
import { nodeConfigFileSystem, type ConfigFileSystem } from './config-files';
import { ModuleResolution, resolutionKind } from './resolution-kind';

/** The compiler options that govern module resolution, and where they came from. */
export interface ResolutionConfig {
  /** absolute path of the tsconfig.json/jsconfig.json, or undefined when none governs the root */
  configFile: string | undefined;
  options: ts.CompilerOptions;
  /** what could not be read (a missing `extends` target): the options are those that could, as `tsc` goes on with them */
  degraded?: string;
}

/** One tsconfig*.json / jsconfig.json as read: its options, and which files it claims. */
export interface ParsedConfig extends ResolutionConfig {
  configFile: string;
  /** true when its `files`, or its `include` minus its `exclude`, take in `file` (absolute); `references` not followed */
  includes(file: string): boolean;
  /** absolute config files of its project `references` */
  references: string[];
  /** true when it has compiler options of its own or through `extends` (a solution-style file often has none) */
  hasOptions: boolean;
}

/** A configuration file that cannot be read at all. */
const FATAL_CONFIG_CODES = new Set([5012]);
/** What a configuration leans on and cannot be found (an `extends` package not installed): tsc reports it and goes on. */
const DEGRADING_CONFIG_CODES = new Set([5083, 6053]);

/**
 * What governs a file no configuration claims: modules resolved the way a bundler or today's Node loads them
 * (package `exports` and `imports` such as `#utl/bus.mjs`, extensionless relative paths and folder indexes alike), not
 * by the compiler's bare defaults (Node10, which knows neither `exports` nor `imports`).
 */
export function defaultResolutionConfig(): ResolutionConfig {
  return { configFile: undefined, options: withResolutionDefaults({ module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }) };
}

/**
 * Reads one configuration file with every `extends` followed, and what it needs to tell whether it includes a file.
 * `extendedCache` (shared between calls) reads a common base such as tsconfig.base.json once.
 *
 * @example
 * readConfig('/repo', '/repo/apps/api/tsconfig.app.json').includes('/repo/apps/api/src/main.ts')   // true
 * @throws UsageError naming the file when it or something it extends cannot be read
 */
export function readConfig(
  cwd: string,
  configFile: string,
  fileSystem: ConfigFileSystem = nodeConfigFileSystem,
  extendedCache?: Map<string, ts.ExtendedConfigCacheEntry>,
): ParsedConfig {
  const read = ts.readConfigFile(configFile, fileSystem.readFile);
  if (read.error) throw new UsageError(`${display(cwd, configFile)}: ${describe(read.error, cwd)}`);
  let specs: { includes: readonly string[]; excludes: readonly string[] } | undefined;
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    // never lists the tree (seconds on a large one): it only keeps the include/exclude globs, matched per file instead
    readDirectory: (_root, _extensions, excludes, includes) => {
      specs = { includes: includes ?? [], excludes: excludes ?? [] };
      return [];
    },
    fileExists: fileSystem.fileExists,
    readFile: fileSystem.readFile,
  };
  const dir = path.dirname(configFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, host, dir, undefined, configFile, undefined, undefined, extendedCache);
  const fatal = parsed.errors.find((error) => FATAL_CONFIG_CODES.has(error.code));
  if (fatal) throw new UsageError(`${display(cwd, fatal.file?.fileName ?? configFile)}: ${describe(fatal, cwd)}`);
  const missing = parsed.errors.find((error) => DEGRADING_CONFIG_CODES.has(error.code));
  const key = ts.sys.useCaseSensitiveFileNames ? (file: string) => file : (file: string) => file.toLowerCase();
  // with the directory listing empty, the file names are exactly the `files` entries
  const literal = new Set(parsed.fileNames.map((file) => key(toPosix(file))));
  const matches = specs?.includes.length ? globMatcher(dir, specs.includes, specs.excludes) : undefined;
  return {
    configFile,
    options: withResolutionDefaults(parsed.options),
    includes: (file) => {
      const normalized = toPosix(file);
      return literal.has(key(normalized)) || (matches?.(normalized) ?? false);
    },
    references: (parsed.projectReferences ?? []).map((reference) => path.resolve(ts.resolveProjectReferencePath(reference))),
    hasOptions: Object.keys(parsed.options).some((name) => name !== 'configFilePath'),
    ...(missing ? { degraded: describe(missing, cwd) } : {}),
  };
}

/** The compiler's own internals for `include`/`exclude` globs (what `matchFiles` tests while it walks a folder). */
interface GlobInternals {
  getFileMatcherPatterns?(
    basePath: string,
    excludes: readonly string[],
    includes: readonly string[],
    useCaseSensitiveFileNames: boolean,
    currentDirectory: string,
  ): { includeFilePatterns: readonly string[] | undefined; excludePattern: string | undefined };
  getRegexFromPattern?(pattern: string, useCaseSensitiveFileNames: boolean): RegExp;
}

/**
 * Whether a file (absolute, normalized) is taken in by `include` globs and not dropped by `exclude` ones: the tests
 * `ts.matchFiles` makes on each file it lists (its folder checks are implied by the file patterns), with no listing.
 */
function globMatcher(basePath: string, includes: readonly string[], excludes: readonly string[]): (file: string) => boolean {
  const internals = ts as unknown as GlobInternals;
  const caseSensitive = ts.sys.useCaseSensitiveFileNames;
  const base = toPosix(basePath);
  if (!internals.getFileMatcherPatterns || !internals.getRegexFromPattern) {
    // a compiler without these internals: anything below the config's folder (outside node_modules)
    return (file) => file.startsWith(`${base}/`) && !file.slice(base.length).includes('/node_modules/');
  }
  const patterns = internals.getFileMatcherPatterns(base, excludes, includes, caseSensitive, base);
  const include = (patterns.includeFilePatterns ?? []).map((pattern) => internals.getRegexFromPattern!(pattern, caseSensitive));
  const exclude = patterns.excludePattern ? internals.getRegexFromPattern(patterns.excludePattern, caseSensitive) : undefined;
  return (file) => !exclude?.test(file) && include.some((pattern) => pattern.test(file));
}

/** remodel rewrites .js files too, so resolution always sees them. */
function withResolutionDefaults(options: ts.CompilerOptions): ts.CompilerOptions {
  const resolved = { ...options, allowJs: true, noEmit: true };
  // without `moduleResolution`, an ES `module` setting means the Classic resolver, which no bundler or test
  // runner uses (no index files, no node_modules): resolve the way the code is actually loaded
  if (options.moduleResolution === undefined && resolutionKind(options) === ModuleResolution.Classic) {
    resolved.moduleResolution = ModuleResolution.Bundler as number as ts.ModuleResolutionKind;
  }
  return resolved;
}

function display(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? toPosix(rel) : file;
}

/** The compiler's message, with paths inside the repository made relative to it. */
function describe(diagnostic: ts.Diagnostic, cwd: string): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').split(`${path.resolve(cwd)}${path.sep}`).join('');
}

import * as path from 'node:path';
import { UsageError } from '../../errors';
import { moduleResolutionKind } from './resolve';
import { ts } from './ts';

/** The compiler options that govern module resolution, and where they came from. */
export interface ResolutionConfig {
  /** absolute path of the tsconfig.json/jsconfig.json, or undefined when none governs the root */
  configFile: string | undefined;
  options: ts.CompilerOptions;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/** Diagnostics that mean the configuration cannot be trusted (unreadable file, missing `extends`). */
const FATAL_CONFIG_CODES = new Set([5012, 5083, 6053]);

/**
 * Finds the tsconfig.json (or jsconfig.json) that governs `rootDir`, walking up to the repository root,
 * and reads its compiler options with every `extends` followed.
 *
 * @example
 * loadResolutionConfig('/repo', '/repo/apps/web').options.paths  // { '@/*': ['./src/*'] }
 * @throws UsageError when the file or something it extends cannot be read
 */
export function loadResolutionConfig(cwd: string, rootDir: string, fileSystem: ConfigFileSystem = nodeConfigFileSystem): ResolutionConfig {
  const configFile = findConfigFile(cwd, rootDir, fileSystem);
  if (!configFile) return { configFile: undefined, options: withResolutionDefaults({}) };
  const read = ts.readConfigFile(configFile, fileSystem.readFile);
  if (read.error) throw new UsageError(`${display(cwd, configFile)}: ${describe(read.error, cwd)}`);
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    // resolution never needs the file list, and listing a large tree costs seconds
    readDirectory: () => [],
    fileExists: fileSystem.fileExists,
    readFile: fileSystem.readFile,
  };
  const parsed = ts.parseJsonConfigFileContent(read.config, host, path.dirname(configFile), undefined, configFile);
  const fatal = parsed.errors.find((error) => FATAL_CONFIG_CODES.has(error.code));
  if (fatal) throw new UsageError(`${display(cwd, fatal.file?.fileName ?? configFile)}: ${describe(fatal, cwd)}`);
  return { configFile, options: withResolutionDefaults(parsed.options) };
}

/** What reading a configuration needs from the disk (an in-memory one in tests). */
export interface ConfigFileSystem {
  fileExists(file: string): boolean;
  readFile(file: string): string | undefined;
}

export const nodeConfigFileSystem: ConfigFileSystem = {
  fileExists: (file) => ts.sys.fileExists(file),
  readFile: (file) => ts.sys.readFile(file),
};

function findConfigFile(cwd: string, rootDir: string, fileSystem: ConfigFileSystem): string | undefined {
  const stop = path.resolve(cwd);
  for (let dir = path.resolve(rootDir); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (fileSystem.fileExists(candidate)) return candidate;
    }
    if (dir === stop || path.dirname(dir) === dir || !isInside(stop, dir)) return undefined;
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** remodel rewrites .js files too, so resolution always sees them. */
function withResolutionDefaults(options: ts.CompilerOptions): ts.CompilerOptions {
  const resolved = { ...options, allowJs: true, noEmit: true };
  // without `moduleResolution`, an ES `module` setting means the Classic resolver, which no bundler or test
  // runner uses (no index files, no node_modules): resolve the way the code is actually loaded
  if (options.moduleResolution === undefined && moduleResolutionKind(options) === ts.ModuleResolutionKind.Classic) {
    resolved.moduleResolution = ts.ModuleResolutionKind.Bundler;
  }
  return resolved;
}

function display(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel.split(path.sep).join('/') : file;
}

/** The compiler's message, with paths inside the repository made relative to it. */
function describe(diagnostic: ts.Diagnostic, cwd: string): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').split(`${path.resolve(cwd)}${path.sep}`).join('');
}

import * as path from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import type { ConfigFileSystem } from './config-files';
import { packageNameOf } from './dependencies';
import { ModuleResolution, resolutionKind, type ResolutionKind } from './resolution-kind';

/**
 * What a tsconfig/jsconfig says about where a non-relative specifier leads, read without the compiler: the prefilter
 * decides with it which files need no parse at all, so that a plan that edits nothing loads no compiler. Options
 * are the compiler's after every `extends` (`baseUrl` absolute, `paths` as written with the folder they are read
 * from, `${configDir}` substituted); `__tests__/typescript/config-paths.test.ts` compares them with the compiler's.
 */
export interface PathsConfig {
  configFile: string;
  baseUrl: string | undefined;
  paths: Readonly<Record<string, readonly string[]>> | undefined;
  /** the folder of the config that set `paths`: substitutions are read from it when there is no `baseUrl` */
  pathsBasePath: string | undefined;
  /** the resolution in effect (Classic by default becomes Bundler, as for the compiler-backed resolver) */
  kind: ResolutionKind;
  /** `rootDirs` or `moduleSuffixes` is set: resolution this reading does not follow */
  unmodelled: boolean;
  /** absolute config files of its project `references` */
  references: string[];
}

/** The options read from one file and what it extends, before `${configDir}` is substituted. */
interface MergedOptions {
  baseUrl?: string;
  paths?: Record<string, string[]>;
  pathsBasePath?: string;
  moduleResolution?: number;
  module?: number;
  target?: number;
  rootDirs?: string[];
  moduleSuffixes?: string[];
}

const CONFIG_DIR = '${configDir}';

/** The compiler's spellings of the options that decide the resolution kind (its `optionDeclarations`, lower case). */
const MODULE_RESOLUTION: Record<string, number> = { classic: 1, node: 2, node10: 2, node16: 3, nodenext: 99, bundler: 100 };
const MODULE: Record<string, number> = {
  none: 0,
  commonjs: 1,
  amd: 2,
  umd: 3,
  system: 4,
  es6: 5,
  es2015: 5,
  es2020: 6,
  es2022: 7,
  esnext: 99,
  node16: 100,
  node18: 101,
  node20: 102,
  nodenext: 199,
  preserve: 200,
};
const TARGET: Record<string, number> = {
  es3: 0,
  es5: 1,
  es6: 2,
  es2015: 2,
  es2016: 3,
  es2017: 4,
  es2018: 5,
  es2019: 6,
  es2020: 7,
  es2021: 8,
  es2022: 9,
  es2023: 10,
  es2024: 11,
  esnext: 99,
};
export const optionSpellings = { moduleResolution: MODULE_RESOLUTION, module: MODULE, target: TARGET };

/** A config the light reading cannot follow: only the compiler can tell what it says. */
class Unreadable extends Error {}

/**
 * Reads configs the way the compiler does for the options above, each file once (a shared `extends` base too).
 * `read` answers undefined for what only the compiler can read: a syntax error, a missing or package `extends` it
 * cannot find, a value of an unexpected kind.
 *
 * @example
 * new PathsConfigReader(nodeConfigFileSystem).read('/repo/tsconfig.json')?.paths   // { '@/*': ['src/*'] }
 */
export class PathsConfigReader {
  private readonly merged = new Map<string, MergedOptions | Unreadable>();
  private readonly configs = new Map<string, PathsConfig | undefined>();

  constructor(private readonly fileSystem: ConfigFileSystem) {}

  exists(configFile: string): boolean {
    return this.fileSystem.fileExists(configFile);
  }

  read(configFile: string): PathsConfig | undefined {
    if (this.configs.has(configFile)) return this.configs.get(configFile);
    let config: PathsConfig | undefined;
    try {
      config = this.readTop(configFile);
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
    }
    this.configs.set(configFile, config);
    return config;
  }

  private readTop(configFile: string): PathsConfig {
    const dir = path.dirname(configFile);
    const raw = this.json(configFile);
    const options = this.mergedOf(configFile, []);
    const substitute = (value: string): string => (value.startsWith(CONFIG_DIR) ? path.resolve(dir, value.replace(CONFIG_DIR, './')) : value);
    const baseUrl = options.baseUrl === undefined ? undefined : substitute(options.baseUrl);
    const paths = options.paths && Object.fromEntries(Object.entries(options.paths).map(([key, values]) => [key, values.map(substitute)]));
    const kind = resolutionKind(options as Parameters<typeof resolutionKind>[0]);
    return {
      configFile,
      baseUrl,
      paths,
      pathsBasePath: paths ? options.pathsBasePath : undefined,
      // without `moduleResolution`, Classic (an ES `module`) is read as Bundler: see config.ts, withResolutionDefaults
      kind: options.moduleResolution === undefined && kind === ModuleResolution.Classic ? ModuleResolution.Bundler : kind,
      unmodelled: options.rootDirs !== undefined || options.moduleSuffixes !== undefined,
      references: referencesOf(raw, dir),
    };
  }

  /** One file's options over those of everything it extends (later `extends` entries over earlier ones). */
  private mergedOf(configFile: string, stack: readonly string[]): MergedOptions {
    const known = this.merged.get(configFile);
    if (known instanceof Unreadable) throw known;
    if (known) return known;
    if (stack.includes(configFile)) throw new Unreadable(`circular extends: ${configFile}`);
    let merged: MergedOptions;
    try {
      const raw = this.json(configFile);
      const dir = path.dirname(configFile);
      merged = {};
      const extended = raw.extends;
      const bases = extended === undefined ? [] : Array.isArray(extended) ? extended : [extended];
      for (const base of bases) {
        if (typeof base !== 'string') throw new Unreadable(`extends: ${String(base)}`);
        Object.assign(merged, this.mergedOf(this.extendedFile(base, dir), [...stack, configFile]));
      }
      Object.assign(merged, ownOptions(raw.compilerOptions, dir));
    } catch (error) {
      if (error instanceof Unreadable) this.merged.set(configFile, error);
      throw error;
    }
    this.merged.set(configFile, merged);
    return merged;
  }

  /** Where an `extends` entry leads: a path (`.json` added when the file is not there), or a config in a package without `exports`. */
  private extendedFile(value: string, dir: string): string {
    const spelled = value.replace(/\\/g, '/');
    if (path.isAbsolute(spelled) || spelled.startsWith('./') || spelled.startsWith('../')) {
      const file = path.resolve(dir, spelled);
      if (this.fileSystem.fileExists(file) || file.endsWith('.json')) return file;
      if (this.fileSystem.fileExists(`${file}.json`)) return `${file}.json`;
      throw new Unreadable(`extends ${value}: not found`);
    }
    return this.packageConfig(spelled, dir);
  }

  /** `extends: "@tsconfig/node20/tsconfig.json"` or `"@acme/tsconfig"`: a package without `exports`, or whose `exports` names the file. */
  private packageConfig(spelled: string, dir: string): string {
    const name = packageNameOf(spelled);
    const subpath = spelled.slice(name.length + 1);
    for (let folder = dir; ; folder = path.dirname(folder)) {
      const packageDir = path.join(folder, 'node_modules', name);
      const manifest = this.fileSystem.readFile(path.join(packageDir, 'package.json'));
      if (manifest !== undefined) {
        const pkg = parseObject(manifest);
        if (!pkg) throw new Unreadable(`extends ${spelled}: package.json`);
        let candidates: string[];
        if (pkg.exports !== undefined) {
          // an `exports` map decides alone: followed where it names the file itself (`"./tsconfig.json": "./tsconfig.json"`)
          const target = (pkg.exports as Record<string, unknown> | null)?.[subpath ? `./${subpath}` : '.'];
          if (typeof target !== 'string' || !target.startsWith('./')) throw new Unreadable(`extends ${spelled}: package exports`);
          candidates = [path.join(packageDir, target)];
        } else {
          candidates = subpath
            ? [path.join(packageDir, subpath), path.join(packageDir, `${subpath}.json`), path.join(packageDir, subpath, 'tsconfig.json')]
            : [...(typeof pkg.tsconfig === 'string' ? [path.join(packageDir, pkg.tsconfig)] : []), path.join(packageDir, 'tsconfig.json')];
        }
        const found = candidates.find((file) => file.endsWith('.json') && this.fileSystem.fileExists(file));
        if (found) return found;
        throw new Unreadable(`extends ${spelled}: not found`);
      }
      if (path.dirname(folder) === folder) throw new Unreadable(`extends ${spelled}: not installed`);
    }
  }

  private json(configFile: string): Record<string, unknown> {
    const text = this.fileSystem.readFile(configFile);
    const value = text === undefined || text.includes('\0') ? undefined : parseObject(text);
    if (!value) throw new Unreadable(`${configFile}: not a JSON object`);
    return value;
  }
}

/** A JSON object with comments and trailing commas (what the compiler accepts), or undefined. */
function parseObject(text: string): Record<string, unknown> | undefined {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  return errors.length || !value || typeof value !== 'object' || Array.isArray(value) ? undefined : (value as Record<string, unknown>);
}

/** The options of one file's `compilerOptions` that decide where a non-relative specifier leads, paths made absolute. */
function ownOptions(compilerOptions: unknown, dir: string): MergedOptions {
  if (compilerOptions === undefined) return {};
  if (!compilerOptions || typeof compilerOptions !== 'object' || Array.isArray(compilerOptions)) throw new Unreadable('compilerOptions');
  const given = compilerOptions as Record<string, unknown>;
  const own: MergedOptions = {};
  const absolute = (value: string): string => (value.startsWith(CONFIG_DIR) ? value : path.resolve(dir, value.replace(/\\/g, '/')));
  for (const [key, value] of Object.entries(given)) {
    // the compiler reads option names as written; values of the kind options are case-insensitive
    switch (key) {
      case 'baseUrl':
        if (typeof value !== 'string') throw new Unreadable(key);
        own.baseUrl = absolute(value);
        break;
      case 'paths':
        if (!isStringLists(value)) throw new Unreadable(key);
        own.paths = value;
        own.pathsBasePath = dir;
        break;
      case 'moduleResolution':
      case 'module':
      case 'target': {
        const table = optionSpellings[key];
        const number = typeof value === 'string' ? table[value.toLowerCase()] : undefined;
        if (number === undefined) throw new Unreadable(key);
        own[key] = number;
        break;
      }
      case 'rootDirs':
      case 'moduleSuffixes':
        own[key] = [];
        break;
    }
  }
  return own;
}

function isStringLists(value: unknown): value is Record<string, string[]> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((list) => Array.isArray(list) && list.every((item) => typeof item === 'string'));
}

/** `references: [{ path }]`: a folder means its tsconfig.json (the compiler's `resolveProjectReferencePath`). */
function referencesOf(raw: Record<string, unknown>, dir: string): string[] {
  if (!Array.isArray(raw.references)) return [];
  return raw.references.flatMap((reference: unknown) => {
    const spelled = (reference as { path?: unknown } | null)?.path;
    if (typeof spelled !== 'string') return [];
    const target = path.resolve(dir, spelled.replace(/\\/g, '/'));
    return [target.endsWith('.json') ? target : path.join(target, 'tsconfig.json')];
  });
}

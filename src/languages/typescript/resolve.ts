import * as path from 'node:path';
import type { ResolutionConfig } from './config';
import { ModuleResolution, resolutionKind, usesResolutionModes } from './resolution-kind';
import { ts } from './ts';
import { mappedCandidates, type PathsOptions } from './paths-mapping';
import { stripSourceExtension } from './module-files';

/** How a specifier is loaded: `import`/`export` (the file's own format) or `require`-like (CommonJS). */
export type UsageKind = 'import' | 'require';

/** What rewriting asks of module resolution: where a specifier leads from a file, and the options that govern a file. */
export interface Resolution {
  /** The absolute file `specifier` resolves to from `fromFile` (absolute), or undefined (unresolved, or a package in node_modules). */
  resolve(specifier: string, fromFile: string, usage: UsageKind): string | undefined;
  /** The compiler options of the configuration that governs `file` (absolute): its `paths`, `baseUrl`, resolution mode. */
  optionsFor(file: string): ts.CompilerOptions;
  /** Whether nothing answers `specifier` from `fromFile`: neither a file nor an installed package. */
  unresolved(specifier: string, fromFile: string, usage: UsageKind): boolean;
  /** The same resolution once the plan's moves are done (the files they move away gone), where it differs. */
  afterMoves?(): Resolution;
  /** The tsconfig that governs `file` (absolute): which project of a workspace it belongs to. */
  projectOf?(file: string): string | undefined;
}

/**
 * The file system as module resolution sees it, each answer cached: the disk, plus the files the plan creates
 * (move destinations), which resolve before they exist so that importers of a relocated file can be pointed at its
 * new place. One is shared by every resolver of a run.
 */
export function createResolutionHost(cwd: string, planned: ReadonlySet<string> = new Set(), removed: ReadonlySet<string> = new Set()): ts.ModuleResolutionHost {
  const exists = new Map<string, boolean>();
  const dirs = new Map<string, boolean>();
  const plannedDirs = new Set<string>();
  for (const file of planned) for (let dir = path.dirname(file); !plannedDirs.has(dir) && dir !== path.dirname(dir); dir = path.dirname(dir)) plannedDirs.add(dir);
  return {
    fileExists: (file) => memo(exists, file, () => planned.has(path.resolve(file)) || (!removed.has(path.resolve(file)) && ts.sys.fileExists(file))),
    directoryExists: (dir) => memo(dirs, dir, () => plannedDirs.has(path.resolve(dir)) || ts.sys.directoryExists(dir)),
    readFile: (file) => ts.sys.readFile(file),
    realpath: ts.sys.realpath ? (file) => ts.sys.realpath!(file) : undefined,
    getCurrentDirectory: () => cwd,
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
  };
}

/**
 * The TypeScript compiler's own module resolution (paths, baseUrl, node10/node16/nodenext/bundler,
 * `.js` → `.ts`, index files) under one set of compiler options, with the file system and every answer cached.
 *
 * @example
 * new ModuleResolver('/repo', options).resolve('@/models/booking', '/repo/src/app.ts', 'import')
 * // '/repo/src/models/booking.ts'
 */
export class ModuleResolver implements Resolution {
  private readonly host: ts.ModuleResolutionHost;
  private readonly cache: ts.ModuleResolutionCache;
  /** file, or null for a package in node_modules (external) or nothing at all (then also in `missing`) */
  private readonly answers = new Map<string, string | null>();
  private readonly missing = new Set<string>();
  private readonly formats = new Map<string, ts.ResolutionMode>();
  /** answers mapped by `paths` or `baseUrl`, by specifier and mode: the same from every folder (see `mapsTo`) */
  private readonly mapped = new Map<string, string>();
  private readonly usesModes: boolean;
  private readonly bundler: boolean;

  /**
   * @param planned absolute files that the plan creates (move destinations): they resolve before they exist,
   * so that importers of a relocated file can be pointed at its new place
   * @param host a host shared with other resolvers (then `planned` is the host's business)
   */
  constructor(
    readonly cwd: string,
    readonly options: ts.CompilerOptions,
    planned: ReadonlySet<string> = new Set(),
    host?: ts.ModuleResolutionHost,
  ) {
    this.host = host ?? createResolutionHost(cwd, planned);
    const canonical = ts.sys.useCaseSensitiveFileNames ? (s: string) => s : (s: string) => s.toLowerCase();
    this.cache = ts.createModuleResolutionCache(cwd, canonical, options);
    const kind = resolutionKind(options);
    this.bundler = kind === ModuleResolution.Bundler;
    this.usesModes = usesResolutionModes(kind);
  }

  optionsFor(): ts.CompilerOptions {
    return this.options;
  }

  /** The absolute file `specifier` resolves to from `fromFile` (absolute), or undefined (unresolved, or a package in node_modules). */
  resolve(specifier: string, fromFile: string, usage: UsageKind): string | undefined {
    const key = this.keyOf(specifier, fromFile, usage);
    const known = this.answers.get(key);
    if (known !== undefined) return known ?? undefined;
    const mode = this.modeOf(fromFile, usage);
    const mappedKey = specifier.startsWith('.') || path.isAbsolute(specifier) ? undefined : `${specifier}\0${mode ?? ''}`;
    const mapped = mappedKey === undefined ? undefined : this.mapped.get(mappedKey);
    if (mapped !== undefined) {
      this.answers.set(key, mapped);
      return mapped;
    }
    let resolved = this.resolveOnce(specifier, fromFile, mode);
    // a test runner or bundler loads what the compiler's mode would refuse (e.g. jest.mock('./x') in an ESM file)
    if (resolved === undefined && this.usesModes) {
      resolved = this.resolveOnce(specifier, fromFile, mode === ts.ModuleKind.ESNext ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext);
    }
    if (resolved === undefined) this.missing.add(key);
    this.answers.set(key, typeof resolved === 'string' ? resolved : null);
    if (mappedKey !== undefined && typeof resolved === 'string' && this.mapsTo(specifier, resolved)) this.mapped.set(mappedKey, resolved);
    return resolved ?? undefined;
  }

  /**
   * Whether `file` is where the options' `paths` (the pattern the compiler picks: an exact key, else the longest
   * prefix) or `baseUrl` map `specifier`: an answer that no importing folder changes, unlike a node_modules lookup.
   */
  private mapsTo(specifier: string, file: string): boolean {
    const stem = stripSourceExtension(file);
    return mappedCandidates(specifier, this.options as PathsOptions, this.cwd).some((candidate) => {
      const wanted = stripSourceExtension(candidate);
      return wanted === stem || path.join(wanted, 'index') === stem;
    });
  }

  unresolved(specifier: string, fromFile: string, usage: UsageKind): boolean {
    this.resolve(specifier, fromFile, usage);
    return this.missing.has(this.keyOf(specifier, fromFile, usage));
  }

  private keyOf(specifier: string, fromFile: string, usage: UsageKind): string {
    return `${path.dirname(fromFile)}\0${specifier}\0${this.modeOf(fromFile, usage) ?? ''}`;
  }

  /** The file, null for a package in node_modules, undefined when nothing answers. */
  private resolveOnce(specifier: string, fromFile: string, mode: ts.ResolutionMode): string | null | undefined {
    const result = ts.resolveModuleName(specifier, fromFile, this.options, this.host, this.cache, undefined, mode);
    const module = result.resolvedModule;
    if (!module) return undefined;
    const file = path.resolve(module.resolvedFileName);
    // a workspace package (linked into node_modules by npm/yarn/pnpm workspaces) is the repository's own source
    if (module.isExternalLibraryImport && !isWorkspaceSource(this.cwd, file)) return null;
    return file;
  }

  private modeOf(fromFile: string, usage: UsageKind): ts.ResolutionMode {
    if (!this.usesModes) return undefined;
    if (usage === 'require') return ts.ModuleKind.CommonJS;
    let format = this.formats.get(fromFile);
    if (!this.formats.has(fromFile)) {
      format = ts.getImpliedNodeFormatForFile(fromFile, this.cache.getPackageJsonInfoCache(), this.host, this.options);
      this.formats.set(fromFile, format);
    }
    return format ?? (this.bundler ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS);
  }
}

/**
 * Module resolution per file: each importing file is resolved (and its specifiers written back) under the
 * configuration that governs it (see `ConfigLookup`), with one `ModuleResolver` per distinct set of resolution
 * options, made when first needed. Every resolver shares one cached view of the file system.
 *
 * @example
 * const resolvers = new ResolverSet('/repo', new ConfigLookup('/repo'));
 * resolvers.resolve('@app/x', '/repo/apps/a/src/main.ts', 'import')   // '/repo/apps/a/src/x.ts' (apps/a's paths)
 * resolvers.resolve('@app/x', '/repo/apps/b/src/main.ts', 'import')   // '/repo/apps/b/src/x.ts' (apps/b's paths)
 */
export class ResolverSet implements Resolution {
  private readonly host: ts.ModuleResolutionHost;
  private readonly byConfig = new Map<ResolutionConfig, ModuleResolver>();
  private readonly byOptions = new Map<string, ModuleResolver>();
  private lastFile: string | undefined;
  private lastResolver: ModuleResolver | undefined;

  private after: ResolverSet | undefined;

  /**
   * @param planned absolute files the plan creates (move destinations), resolvable before they exist
   * @param removed absolute files the plan moves away: gone for `afterMoves()`, still there for this set
   */
  constructor(
    readonly cwd: string,
    private readonly configs: { configFor(file: string): ResolutionConfig },
    private readonly planned: ReadonlySet<string> = new Set(),
    private readonly removed: ReadonlySet<string> = new Set(),
    gone = false,
  ) {
    this.host = createResolutionHost(cwd, planned, gone ? removed : new Set());
  }

  afterMoves(): ResolverSet {
    if (!this.removed.size) return this;
    this.after ??= new ResolverSet(this.cwd, this.configs, this.planned, this.removed, true);
    return this.after;
  }

  /** The configuration that governs `file` (absolute). */
  configFor(file: string): ResolutionConfig {
    return this.configs.configFor(file);
  }

  optionsFor(file: string): ts.CompilerOptions {
    return this.configs.configFor(file).options;
  }

  projectOf(file: string): string | undefined {
    return this.configs.configFor(file).configFile;
  }

  /** The resolver for specifiers written in `file` (absolute). */
  resolverFor(file: string): ModuleResolver {
    // one file's specifiers are resolved one after another
    if (file === this.lastFile) return this.lastResolver!;
    const config = this.configs.configFor(file);
    let resolver = this.byConfig.get(config);
    if (!resolver) {
      const key = resolutionKey(config.options);
      resolver = this.byOptions.get(key);
      if (!resolver) {
        resolver = new ModuleResolver(this.cwd, config.options, undefined, this.host);
        this.byOptions.set(key, resolver);
      }
      this.byConfig.set(config, resolver);
    }
    this.lastFile = file;
    this.lastResolver = resolver;
    return resolver;
  }

  resolve(specifier: string, fromFile: string, usage: UsageKind): string | undefined {
    return this.resolverFor(fromFile).resolve(specifier, fromFile, usage);
  }

  unresolved(specifier: string, fromFile: string, usage: UsageKind): boolean {
    return this.resolverFor(fromFile).unresolved(specifier, fromFile, usage);
  }
}

/** The options that decide where a specifier leads (the compiler's own list, and where `paths` are relative to): configs equal in these share a resolver. */
function resolutionKey(options: ts.CompilerOptions): string {
  const declared = (ts as unknown as { moduleResolutionOptionDeclarations?: ReadonlyArray<{ name: string }> }).moduleResolutionOptionDeclarations;
  // a compiler that does not expose the list: every option counts
  const names = declared ? [...declared.map((d) => d.name), 'pathsBasePath', 'allowJs', 'allowImportingTsExtensions', 'allowArbitraryExtensions'] : Object.keys(options).filter((n) => n !== 'configFilePath');
  return JSON.stringify(names.map((name) => options[name] ?? null));
}

function memo<K, V>(map: Map<K, V>, key: K, compute: () => V): V {
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  map.set(key, value);
  return value;
}

/** A file of the repository itself, outside every node_modules (what a workspace package link leads to). */
function isWorkspaceSource(cwd: string, file: string): boolean {
  const rel = path.relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && !rel.split(path.sep).includes('node_modules');
}

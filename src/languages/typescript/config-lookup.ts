import * as path from 'node:path';
import { UsageError } from '../../core/errors';
import { defaultResolutionConfig, readConfig, type ParsedConfig, type ResolutionConfig } from './config';
import { ConfigChains, nodeConfigLookupFileSystem, type ConfigLookupFileSystem } from './config-files';
import { sourceExtension } from './module-files';
import type { ts } from './ts';

/**
 * Which tsconfig governs each file, the way an editor finds a file's project: walking up from the file's folder to
 * the repository root, each folder's `tsconfig.json`, `jsconfig.json`, then its other `tsconfig*.json` (a
 * `tsconfig*base*.json` last) are asked in turn, and the first whose `files`/`include`/`exclude` take the file in
 * governs it; a config that does not (a solution-style one, `files: []`) hands the question to its project
 * `references`. A file no config takes in is governed by the nearest config with compiler options up the tree
 * (a `tsconfig.base.json` in an Nx workspace), else by the map root's, else by the compiler's defaults.
 *
 * Each folder's candidates are listed once; each config is read once (a shared `extends` base too), when first
 * needed; each file's answer is kept.
 *
 * @example
 * const configs = new ConfigLookup('/repo', '/repo');
 * configs.configFor('/repo/apps/api/src/main.ts').configFile        // '/repo/apps/api/tsconfig.app.json'
 * configs.configFor('/repo/apps/api/src/main.spec.ts').configFile   // '/repo/apps/api/tsconfig.spec.json'
 * configs.configFor('/repo/tools/seed.ts').configFile               // '/repo/tsconfig.base.json'
 * @throws UsageError (from configFor) naming a config that must be read to answer and cannot be
 */
export class ConfigLookup {
  private readonly cwd: string;
  /** config file -> what reading it gave: the config, null (no such file) or the error */
  private readonly parsed = new Map<string, ParsedConfig | null | UsageError>();
  private readonly readability = new Map<string, boolean>();
  private readonly extendedCache = new Map<string, ts.ExtendedConfigCacheEntry>();
  private readonly chains: ConfigChains;
  /** folder -> the config that governs its files that no config takes in */
  private readonly fallbacks = new Map<string, ResolutionConfig>();
  private readonly answers = new Map<string, ResolutionConfig>();
  /** folder -> the one config that governs all its files, when that does not depend on the file */
  private readonly onlyConfigs = new Map<string, ParsedConfig | null>();
  private readonly defaults = defaultResolutionConfig();

  /**
   * @param cwd the repository root: the search stops there
   * @param rootDir the map's root: its config governs files that nothing up their own tree governs
   */
  constructor(
    cwd: string,
    private readonly rootDir: string = cwd,
    private readonly fileSystem: ConfigLookupFileSystem = nodeConfigLookupFileSystem,
  ) {
    this.cwd = path.resolve(cwd);
    this.chains = new ConfigChains(this.cwd, fileSystem);
  }

  /** The configuration that governs `file` (absolute; it need not exist yet). */
  configFor(file: string): ResolutionConfig {
    const dir = path.dirname(file);
    const only = this.onlyConfigOf(dir);
    if (only) return only;
    const known = this.answers.get(file);
    if (known) return known;
    let found: ResolutionConfig | undefined;
    for (const configFile of this.chainOf(dir)) {
      found = this.includer(configFile, file);
      if (found) break;
    }
    found ??= this.fallbackOf(dir);
    this.answers.set(file, found);
    return found;
  }

  /** When the only config up the tree has compiler options and no references, it governs every file of the folder, included or not. */
  private onlyConfigOf(dir: string): ParsedConfig | undefined {
    let only = this.onlyConfigs.get(dir);
    if (only === undefined) {
      const chain = this.chainOf(dir);
      const config = chain.length === 1 ? this.read(chain[0]!) : undefined;
      only = config?.hasOptions && !config.references.length ? config : null;
      this.onlyConfigs.set(dir, only);
    }
    return only ?? undefined;
  }

  /** The configuration for a folder as a whole (the map's root): the nearest with compiler options up the tree, or the defaults. */
  configForFolder(dir: string): ResolutionConfig {
    return this.nearestWithOptions(path.resolve(dir)) ?? this.defaults;
  }

  /**
   * Reads now every config that the source files among `files` (repository-relative, `/`-separated) may need, so
   * that one that cannot be read stops the run before any file is planned: per folder, the configs up its tree and
   * what they reference. Files are matched against them later, when resolved. Only where one of them cannot be read
   * is each file of the folder looked up now, to throw only when that config is actually needed.
   */
  preload(files: readonly string[]): void {
    const folders = new Set<string>();
    for (const file of files) {
      const slash = file.lastIndexOf('/');
      const dir = slash === -1 ? '' : file.slice(0, slash);
      if (!folders.has(dir) && sourceExtension(file)) folders.add(dir);
    }
    const suspect = new Set<string>();
    for (const dir of folders) if (!this.chainOf(path.join(this.cwd, dir)).every((configFile) => this.readable(configFile))) suspect.add(dir);
    if (!suspect.size) return;
    for (const file of files) {
      const slash = file.lastIndexOf('/');
      if (suspect.has(slash === -1 ? '' : file.slice(0, slash)) && sourceExtension(file)) this.configFor(path.join(this.cwd, file));
    }
  }

  /** Every configuration read so far. */
  configs(): ResolutionConfig[] {
    return [...this.parsed.values()].filter((config): config is ParsedConfig => config !== null && !(config instanceof UsageError));
  }

  /** The config that takes `file` in: `configFile` itself, or one of its references (depth first). */
  private includer(configFile: string, file: string, seen?: Set<string>): ParsedConfig | undefined {
    if (seen?.has(configFile)) return undefined;
    const config = this.read(configFile);
    if (!config) return undefined;
    if (config.includes(file)) return config;
    if (!config.references.length) return undefined;
    const visited = seen ?? new Set<string>();
    visited.add(configFile);
    for (const reference of config.references) {
      const found = this.includer(reference, file, visited);
      if (found) return found;
    }
    return undefined;
  }

  private fallbackOf(dir: string): ResolutionConfig {
    let found = this.fallbacks.get(dir);
    if (!found) {
      found = this.nearestWithOptions(dir) ?? this.nearestWithOptions(path.resolve(this.rootDir)) ?? this.defaults;
      this.fallbacks.set(dir, found);
    }
    return found;
  }

  private nearestWithOptions(dir: string): ParsedConfig | undefined {
    for (const configFile of this.chainOf(dir)) {
      const config = this.read(configFile);
      if (config?.hasOptions) return config;
    }
    return undefined;
  }

  /** A config read once; undefined when the file does not exist (a dangling reference); its UsageError, each time, when it cannot be read. */
  private read(configFile: string): ParsedConfig | undefined {
    let config = this.parsed.get(configFile);
    if (config === undefined) {
      try {
        config = this.fileSystem.fileExists(configFile) ? readConfig(this.cwd, configFile, this.fileSystem, this.extendedCache) : null;
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        config = error;
      }
      this.parsed.set(configFile, config);
    }
    if (config instanceof UsageError) throw config;
    return config ?? undefined;
  }

  /** Whether a config, and every config it references, can be read (each looked at once). */
  private readable(configFile: string): boolean {
    let ok = this.readability.get(configFile);
    if (ok === undefined) {
      // a reference cycle counts as readable while it is being walked
      this.readability.set(configFile, true);
      try {
        const config = this.read(configFile);
        ok = !config || config.references.every((reference) => this.readable(reference));
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        ok = false;
      }
      this.readability.set(configFile, ok);
    }
    return ok;
  }

  private chainOf(dir: string): readonly string[] {
    return this.chains.of(dir);
  }
}

import * as path from 'node:path';
import { isInside, isInsideRelative, toPosix } from '../../core/paths';
import type { ConfigChains } from './config-files';
import type { PathsConfig, PathsConfigReader } from './config-paths';
import { sourceExtension, stripSourceExtension } from './module-files';
import { mappedCandidates } from './paths-mapping';
import { ModuleResolution } from './resolution-kind';
import { packageNameOf, readManifest } from './dependencies';

/** What the compiler tries for a path without extension (allowJs, as remodel always resolves), in its order. */
const EXTENSIONLESS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx'];
/** The sources the compiler reads for a specifier written with a JavaScript extension. */
const SOURCE_TWINS: Record<string, readonly string[]> = { '.js': ['.ts', '.tsx', '.d.ts'], '.jsx': ['.tsx', '.d.ts'], '.mjs': ['.mts', '.d.mts'], '.cjs': ['.cts', '.d.cts'] };

/**
 * Tells, without the compiler, that a non-relative specifier leads to a file of the repository that is no old module:
 * under every config that may govern the importing file, its `paths` (the pattern the compiler picks, substitutions
 * in order) or else its `baseUrl` map it to an existing file whose path is not that of an old module, nor of a folder
 * above one. The prefilter then knows the file needs no edit without loading the compiler (a migrated tree imports
 * the canonical twin `@/models/user` of the old `src/legacy/user` everywhere). Anything else — a package, a
 * Node16 resolution, `rootDirs`, a config only the compiler can read — is the compiler's to answer.
 *
 * @example
 * targets.leadsElsewhere('@/models/user', '/repo/src/api/handler.ts')   // true: src/models/user.ts, not old
 * targets.leadsElsewhere('@/legacy/user', '/repo/src/api/handler.ts')   // false: the old module
 */
export class MappedTargets {
  private old: { files: ReadonlySet<string>; prefixes: ReadonlySet<string> } | undefined;
  private readonly configsByFolder = new Map<string, readonly PathsConfig[] | undefined>();
  private packageNames: Set<string> | undefined;

  /**
   * @param oldFiles the old modules' files, asked for when first needed (the map's preparation may still be finding
   *   them while it asks `mapsNothing`)
   * @param exists whether a repository-relative file exists (as the plan leaves it)
   * @param rootDir the map's root: its configs govern files no config up their own tree governs
   */
  constructor(
    private readonly cwd: string,
    private readonly rootDir: string,
    private readonly chains: ConfigChains,
    private readonly reader: PathsConfigReader,
    private readonly oldFiles: () => Iterable<string>,
    private readonly exists: (file: string) => boolean,
  ) {}

  /** The old module files, and (`prefixes`) each without extension and every folder above one, up to the repository root. */
  private get olds(): { files: ReadonlySet<string>; prefixes: ReadonlySet<string> } {
    if (!this.old) {
      const files = new Set(this.oldFiles());
      const prefixes = new Set<string>();
      for (const file of files) {
        prefixes.add(stripSourceExtension(file));
        for (let dir = path.dirname(file); isInside(this.cwd, dir); dir = path.dirname(dir)) {
          prefixes.add(dir);
          if (dir === this.cwd) break;
        }
      }
      this.old = { files, prefixes };
    }
    return this.old;
  }

  leadsElsewhere(specifier: string, importer: string): boolean {
    if (specifier.startsWith('.') || specifier.startsWith('#') || path.isAbsolute(specifier)) return false;
    const configs = this.configsFor(path.dirname(importer));
    if (!configs) return false;
    // no config at all: the compiler's defaults, which map nothing
    const answers = configs.length ? configs.map((config) => this.mappedBy(config, specifier)) : ['unmapped'];
    if (answers.includes('unknown')) return false;
    // what no config maps is looked up in node_modules: an old module only through a link to the repository's own
    // package that holds it; a lone word there is no review either (a path that resolves nowhere is one)
    return !answers.includes('unmapped') || (!specifier.includes('/') && !this.oldPackageNames().has(packageNameOf(specifier)));
  }

  /**
   * Whether no config that may govern the importer maps the bare specifier (`paths`, `baseUrl`): the compiler then
   * looks it up in node_modules, as the map's own resolution of a bare id did.
   */
  mapsNothing(specifier: string, importer: string): boolean {
    if (specifier.startsWith('.') || specifier.startsWith('#') || path.isAbsolute(specifier)) return false;
    const configs = this.configsFor(path.dirname(importer));
    const modelled = (config: PathsConfig): boolean => !config.unmodelled && (config.kind === ModuleResolution.Bundler || config.kind === ModuleResolution.Node10);
    // no substitution leads to anything (asks nothing of the old modules: the map's preparation calls it while finding them)
    return !!configs && configs.every((config) => modelled(config) && mappedCandidates(specifier, config, this.cwd).every((candidate) => this.fileAt(candidate) === undefined));
  }

  /** What a config's `paths` or `baseUrl` make of a specifier: an existing file that is no old module, nothing, or the compiler's to tell. */
  private mappedBy(config: PathsConfig, specifier: string): 'elsewhere' | 'unmapped' | 'unknown' {
    if (config.unmodelled || (config.kind !== ModuleResolution.Bundler && config.kind !== ModuleResolution.Node10)) return 'unknown';
    const candidates = mappedCandidates(specifier, config, this.cwd);
    if (!candidates.length) return 'unmapped';
    // the compiler takes the first substitution that exists; every one before it must be no old module either
    for (const candidate of candidates) {
      if (this.mayBeOld(candidate)) return 'unknown';
      const found = this.moduleAt(candidate);
      if (found !== 'none') return found === 'file' ? 'elsewhere' : 'unknown';
    }
    return 'unmapped';
  }

  /** The names of the repository's packages that hold an old module (what a workspace link in node_modules leads to). */
  private oldPackageNames(): ReadonlySet<string> {
    if (!this.packageNames) {
      this.packageNames = new Set();
      for (const dir of this.olds.prefixes) {
        const name = readManifest(path.join(dir, 'package.json'), this.cwd)?.name;
        if (name !== undefined) this.packageNames.add(name);
      }
    }
    return this.packageNames;
  }

  private mayBeOld(candidate: string): boolean {
    return this.olds.prefixes.has(candidate) || this.olds.prefixes.has(stripSourceExtension(candidate));
  }

  /** What a mapped path is: a module file (the compiler's extension lookup), a package folder (the compiler's to read), or nothing. */
  private moduleAt(candidate: string): 'file' | 'package' | 'none' {
    const found = this.fileAt(candidate);
    return found === undefined ? 'none' : found === 'package' ? 'package' : 'file';
  }

  /** The file a mapped path leads to, in the compiler's order (the path, its source twin, its extensions, its index), or a package folder (the compiler's to read). */
  private fileAt(candidate: string): string | 'package' | undefined {
    const relative = path.relative(this.cwd, candidate);
    if (!isInsideRelative(relative)) return 'package';
    const rel = toPosix(relative);
    const first = (files: readonly string[]): string | undefined => {
      const found = files.find((file) => this.exists(file));
      return found === undefined ? undefined : path.join(this.cwd, found);
    };
    // a JSON module depends on resolveJsonModule, another extension on the bundler: the compiler's to tell
    if (rel.endsWith('.json')) return 'package';
    const extension = sourceExtension(rel);
    const file = extension ? first([rel, ...(SOURCE_TWINS[extension] ?? []).map((twin) => rel.slice(0, -extension.length) + twin)]) : first(EXTENSIONLESS.map((twin) => rel + twin));
    if (file) return file;
    if (this.exists(`${rel}/package.json`)) return 'package';
    return first(EXTENSIONLESS.map((twin) => `${rel}/index${twin}`));
  }

  /**
   * The old module file a non-relative specifier surely names: under every config that may govern the importer, its
   * `paths` or `baseUrl` map it to that same file (the first substitution that exists). Undefined when not sure.
   */
  oldFileOf(specifier: string, importer: string): string | undefined {
    if (specifier.startsWith('.') || specifier.startsWith('#') || path.isAbsolute(specifier)) return undefined;
    const configs = this.configsFor(path.dirname(importer));
    if (!configs?.length) return undefined;
    const files = new Set(configs.map((config) => this.mappedFile(config, specifier)));
    const [file] = files;
    return files.size === 1 && file !== undefined && this.olds.files.has(file) ? file : undefined;
  }

  /** The file a config's `paths` or `baseUrl` map a specifier to, when it can be told without the compiler. */
  private mappedFile(config: PathsConfig, specifier: string): string | undefined {
    if (config.unmodelled || (config.kind !== ModuleResolution.Bundler && config.kind !== ModuleResolution.Node10)) return undefined;
    for (const candidate of mappedCandidates(specifier, config, this.cwd)) {
      const found = this.fileAt(candidate);
      if (found !== undefined) return found === 'package' ? undefined : found;
    }
    return undefined;
  }

  /**
   * Every config that may govern a file of the folder: those up its tree, what they reference, and the map root's
   * (undefined when one of them only the compiler can read).
   */
  private configsFor(dir: string): readonly PathsConfig[] | undefined {
    if (this.configsByFolder.has(dir)) return this.configsByFolder.get(dir);
    const files = new Set<string>();
    const visit = (configFile: string): void => {
      if (files.has(configFile)) return;
      files.add(configFile);
      for (const reference of this.reader.read(configFile)?.references ?? []) if (this.reader.exists(reference)) visit(reference);
    };
    for (const configFile of [...this.chains.of(dir), ...this.chains.of(this.rootDir)]) visit(configFile);
    const configs: PathsConfig[] = [];
    let readable = true;
    for (const configFile of files) {
      const config = this.reader.read(configFile);
      if (config) configs.push(config);
      else readable = false;
    }
    const answer = readable ? configs : undefined;
    this.configsByFolder.set(dir, answer);
    return answer;
  }
}

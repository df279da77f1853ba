import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileMove, Workspace } from '../../core/types';
import type { ImportMap, RewriteRule } from '../../importmap/types';
import { missingOldNameWarning, namesTakenFrom } from '../../importmap/old-names';
import { expandMoves } from '../../workspace/moves';
import { publishedSpecifiers } from './package-specifiers';
import type { BareIdPlace, ExportedNames, TypeScriptPreparedMap } from './prepared-map';
import type { ConfigLookup } from './config-lookup';
import { ConfigChains, configFileSystemOf } from './config-files';
import { PathsConfigReader, type PathsConfig } from './config-paths';
import type { ResolutionConfig } from './config';
import { MappedTargets } from './mapped-targets';
import { mayNeedEdit } from './prefilter';
import { SkeletonQueue } from './import-skeleton';
import { isComponentFile } from './components';
import type { ResolverSet } from './resolve';
import { findModuleFile, sourceExtension, stripSourceExtension } from './module-files';
import { exactSubpathImports } from './package-entries';
import { pathsBase } from './paths-mapping';
import { normalisePath } from '../../core/paths';
import { packageNameOf, repositoryManifests } from './dependencies';

// The compiler (9 MB of JavaScript) is loaded only when something needs it: a plan whose files all pass the
// prefilter without a parse never loads it. These modules load it.
const compilerModules = {
  configLookup: () => require('./config-lookup') as typeof import('./config-lookup'),
  resolve: () => require('./resolve') as typeof import('./resolve'),
  exportedNames: () => require('./exported-names') as typeof import('./exported-names'),
  ts: () => (require('./ts') as typeof import('./ts')).ts,
};

/**
 * Reads the tsconfig/jsconfig files that govern the repository's files, checks that every path module id of the map names a file,
 * and computes the prefilter needles.
 *
 * @example
 * const prepared = await prepareTypeScriptMap(map, workspace);
 * prepared.needles   // ['booking', 'social', '@acme/db/entities']
 * @throws ImportMapError naming the entry whose module resolves to no file; UsageError for an unreadable tsconfig
 */
export function prepareTypeScriptMap(map: ImportMap, workspace: Workspace): TypeScriptPreparedMap {
  const cwd = path.resolve(workspace.cwd);
  const root = path.resolve(cwd, map.roots[0] ?? '.');
  const fileSystem = configFileSystemOf(cwd, workspace.files);
  let lookup: ConfigLookup | undefined;
  const configs = (): ConfigLookup => (lookup ??= new (compilerModules.configLookup().ConfigLookup)(cwd, root, fileSystem));
  const chains = new ConfigChains(cwd, fileSystem);
  const reader = new PathsConfigReader(fileSystem);
  // the configs the files may need are read now: one that a file needs and cannot be read stops the run here, in one
  // line; the compiler reads them when they are more than the prefilter can read without it
  const pathsConfigs = readWithoutCompiler(workspace.files, cwd, root, chains, reader);
  if (!pathsConfigs) {
    configs().configForFolder(root);
    configs().preload(workspace.files);
  }
  const oldFiles = new Map<string, string>();
  // paths and baseUrl told without the compiler (every config could be read so): the prefilter's, and bare ids'
  const pathsTeller = pathsConfigs ? new MappedTargets(cwd, root, chains, reader, () => oldFiles.keys(), (file) => existsInPlan(workspace, file)) : undefined;
  let packageNames: ReadonlySet<string> | undefined;
  const repositoryPackages = (): ReadonlySet<string> =>
    (packageNames ??= new Set(repositoryManifests(cwd, workspace.files).flatMap((manifest) => (manifest.name === undefined ? [] : [manifest.name]))));
  const bareIdPlaces = new Map<string, BareIdPlace | undefined>();
  const bareIdPlace = (id: string): BareIdPlace | undefined => {
    if (!bareIdPlaces.has(id)) bareIdPlaces.set(id, pathsTeller && placeOfBareId(id, root, pathsTeller, repositoryPackages));
    return bareIdPlaces.get(id);
  };
  const moves = plannedMoves(map, workspace);
  const planned = new Set(moves.map((move) => path.join(cwd, move.to)));
  // an old module already deleted (its importers broken today) resolves as if it were there, so they can be rewritten
  const retired = new Map<string, string>();
  for (const rule of map.rules) {
    const id = rule.from;
    if (rule.derived || rule.package || !isPathId(id, cwd) || wasRelocated(map, id)) continue;
    if (findModuleFile(id, (f) => existsInPlan(workspace, f) || fs.existsSync(path.join(cwd, f)))) continue;
    retired.set(`${id.replace(/^\.\//, '')}.ts`, id);
    planned.add(path.join(cwd, `${id.replace(/^\.\//, '')}.ts`));
  }
  const movedAway = new Set(moves.map((move) => path.join(cwd, move.from)).filter((file) => !planned.has(file)));
  let resolverSet: ResolverSet | undefined;
  const resolver = (): ResolverSet => (resolverSet ??= new (compilerModules.resolve().ResolverSet)(cwd, configs(), planned, movedAway));
  let rootConfig: ResolutionConfig | undefined;
  const config = (): ResolutionConfig => (rootConfig ??= configs().configForFolder(root));
  const plannedFile = (file: string): boolean => planned.has(path.join(cwd, file));
  const moduleFiles = new Map<string, string>();
  const bareIds = new Set<string>();
  const needles = new Set<string>();
  const uncheckedTargets: number[] = [];
  const oldNamesMissing: string[] = [];
  let hasPathPackages = false;
  let oldIndexFile = false;

  const exportsCache = new Map<string, ExportedNames | undefined>();
  const exportsOf = (file: string): ExportedNames | undefined => {
    if (!exportsCache.has(file)) exportsCache.set(file, compilerModules.exportedNames().readExports(file));
    return exportsCache.get(file);
  };

  // the rules whose names are checked against their target's exports: when a file first needs planning (a parse)
  const namedRules: RewriteRule[] = [];
  const packageTargets: RewriteRule[] = [];
  for (const rule of map.rules) {
    for (const key of ['from', 'to'] as const) {
      const id = rule[key];
      // a relocation's rule names repository paths, and its target exists once the plan is applied
      if (!rule.derived && !isPathId(id, cwd)) {
        bareIds.add(id);
        if (key === 'from') {
          needles.add(id);
          // the file of the repository a bare id names (tsconfig paths, workspaces): its relative importers are its importers too
          const file = bareIdPlace(id) ? undefined : resolver().resolve(id, rootProbe(config(), cwd), 'import');
          if (file && !oldFiles.has(file)) {
            oldFiles.set(file, id);
            needles.add(path.posix.basename(stripSourceExtension(file)));
          }
        }
        // a canonical package installed in node_modules: its names are checked against its type declarations, found
        // with the names' check; one installed nowhere has none
        if (key === 'to' && (rule.names || rule.rename.size)) {
          if (bareIdPlace(id) === 'nowhere') uncheckedTargets.push(rule.index);
          else packageTargets.push(rule);
        }
        continue;
      }
      if (rule.package) {
        const dir = path.resolve(cwd, id);
        if (!isDirectory(dir)) fail(map, rule, key, `'${id}' is a package entry but no such folder exists`);
        if (key === 'from') {
          hasPathPackages = true;
          needles.add(path.basename(dir));
        }
        continue;
      }
      const file = findModuleFile(id, (f) => existsInPlan(workspace, f) || fs.existsSync(path.join(cwd, f)) || (rule.derived && plannedFile(f)) || (key === 'from' && retired.has(f)));
      // a module that `relocate` moved away in an earlier run: nothing can import it any more
      if (!file && key === 'from' && wasRelocated(map, id)) continue;
      if (!file) fail(map, rule, key, `'${id}' resolves to no file (looked for ${id}.ts/.tsx/.js/... and ${id}/index.*)`);
      const absolute = path.join(cwd, file);
      moduleFiles.set(id, absolute);
      if (key === 'from') {
        oldFiles.set(absolute, id);
        const stripped = stripSourceExtension(file);
        const isIndex = path.posix.basename(stripped) === 'index';
        if (isIndex) oldIndexFile = true;
        needles.add(path.posix.basename(isIndex ? path.posix.dirname(stripped) : stripped));
        // a file its workspace package publishes is imported by the package's name too (`@acme/utils` for its main,
        // `@acme/framework/http` for an exports key), unless it is relocated: the move re-points the package.json
        if (!moves.some((move) => move.from === file)) for (const specifier of publishedSpecifiers(absolute)) needles.add(specifier);
      }
    }
    if (!rule.derived) namedRules.push(rule);
  }

  // an alias without a wildcard may spell an old module without its file name (`"@booking": ["src/models/booking"]`,
  // a package's `"#booking": "./src/models/booking.ts"`)
  const oldStems = new Set([...oldFiles.keys()].flatMap((file) => [stripSourceExtension(file), path.dirname(file)]));
  const namesOldFile = (target: string): boolean => oldStems.has(stripSourceExtension(target));
  const pathsOptions: ReadonlyArray<Pick<PathsConfig, 'baseUrl' | 'paths' | 'pathsBasePath'>> =
    pathsConfigs ?? configs().configs().map(({ options }) => ({ baseUrl: options.baseUrl, paths: options.paths, pathsBasePath: (options as { pathsBasePath?: string }).pathsBasePath }));
  for (const options of pathsOptions) {
    const base = pathsBase(options, cwd);
    for (const [key, substitutions] of Object.entries(options.paths ?? {})) {
      if (!key.includes('*') && substitutions.some((substitution) => namesOldFile(path.resolve(base, substitution)))) needles.add(key);
    }
  }
  for (const [key, targets] of exactSubpathImports(workspace)) if (targets.some((target) => namesOldFile(path.join(cwd, target)))) needles.add(key);
  // an index module can be imported as '.' or '..' from inside its own folder
  if (oldIndexFile) for (const quote of [`'`, `"`, '`']) for (const dots of ['.', '..', './', '../']) needles.add(`${quote}${dots}${quote}`);

  // a plan whose moves or retired modules change what exists, or whose package entries match by resolved file, asks the compiler
  const mappedTargets = !hasPathPackages && !moves.length && !retired.size ? pathsTeller : undefined;
  const prepared: TypeScriptPreparedMap = {
    map,
    needles: [...needles],
    skeletons: new SkeletonQueue([...needles]),
    cwd,
    get config() {
      return config();
    },
    get resolver() {
      return resolver();
    },
    oldFiles,
    moduleFiles,
    bareIds,
    hasPathPackages,
    workspace,
    exportsOf,
    moves,
    retired: [...new Set(retired.values())],
    uncheckedTargets,
    oldNamesMissing,
    mappedTargets,
    bareIdPlace,
    checkTargets: () => {
      for (const rule of packageTargets.splice(0)) {
        const ts = compilerModules.ts();
        const probe = rootProbe(config(), cwd);
        const options = config().options;
        // a root config that resolves as node10 does reads no `exports` map; the importers under bundler or node16 do
        const declarations =
          ts.resolveModuleName(rule.to, probe, options, ts.sys).resolvedModule?.resolvedFileName ??
          ts.resolveModuleName(rule.to, probe, { ...options, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }, ts.sys).resolvedModule?.resolvedFileName;
        if (declarations) moduleFiles.set(rule.to, declarations);
        else uncheckedTargets.push(rule.index);
      }
      for (const rule of namedRules.splice(0)) {
        checkMovedNames(map, rule, moduleFiles, exportsOf);
        oldNamesMissing.push(...namesTheOldModuleLacks(map, rule, moduleFiles, exportsOf));
      }
    },
  };
  prepared.mayNeedEdit = (file, text) => {
    if (!mayNeedEdit(prepared, file, text)) return false;
    if (!isComponentFile(file)) prepared.skeletons.start(file, text);
    return true;
  };
  // the prefilter keeps no file without a needle
  prepared.scanGate = { strings: prepared.needles };
  return prepared;
}

/**
 * Reads without the compiler every config the source files among `files` may need (per folder, those up its tree and
 * what they reference, the map root's too): all of them, or undefined when one is more than that reading can tell.
 */
function readWithoutCompiler(files: readonly string[], cwd: string, root: string, chains: ConfigChains, reader: PathsConfigReader): PathsConfig[] | undefined {
  const sourceFolders = new Set<string>();
  for (const file of files) if (sourceExtension(file)) sourceFolders.add(path.posix.dirname(file));
  const folders = new Set<string>([root]);
  for (const folder of sourceFolders) folders.add(path.join(cwd, folder));
  const read = new Map<string, PathsConfig | undefined>();
  const visit = (configFile: string): boolean => {
    if (read.has(configFile)) return read.get(configFile) !== undefined;
    const config = reader.read(configFile);
    read.set(configFile, config);
    return !!config && config.references.every((reference) => !reader.exists(reference) || visit(reference));
  };
  for (const folder of folders) for (const configFile of chains.of(folder)) if (!visit(configFile)) return undefined;
  return [...read.values()] as PathsConfig[];
}

/**
 * Where a bare id leads from the map's root, told without the compiler when it names no file of the repository: no
 * tsconfig maps it to anything, no package of the repository has its name (a workspace, a self-reference), and each
 * `node_modules/<package>` (or its `@types`) from the root up is missing (`nowhere`) or an installed package, not a
 * link to the repository's own sources (`installed`). Undefined: the compiler's to resolve.
 */
function placeOfBareId(id: string, root: string, paths: MappedTargets, repositoryPackages: () => ReadonlySet<string>): BareIdPlace | undefined {
  if (!paths.mapsNothing(id, path.join(root, '__remodel_probe__.ts'))) return undefined;
  const name = packageNameOf(id);
  if (repositoryPackages().has(name)) return undefined;
  const typesName = name.startsWith('@') ? name.slice(1).replace('/', '__') : name;
  let place: BareIdPlace = 'nowhere';
  for (let dir = root; ; dir = path.dirname(dir)) {
    for (const installed of [path.join(dir, 'node_modules', name), path.join(dir, 'node_modules', '@types', typesName)]) {
      let real: string;
      try {
        real = fs.realpathSync(installed);
      } catch {
        continue; // not there
      }
      if (!real.split(path.sep).includes('node_modules')) return undefined;
      place = 'installed';
    }
    if (path.dirname(dir) === dir) return place;
  }
}

/** A file at the map root's configuration folder, to resolve specifiers as the root's files would. */
export function rootProbe(config: ResolutionConfig, cwd: string): string {
  return path.join(config.configFile ? path.dirname(config.configFile) : cwd, '__remodel_probe__.ts');
}

/** True when a `relocate` entry names the module's file (or a folder above it): applied, it leaves no file behind. */
function wasRelocated(map: ImportMap, id: string): boolean {
  const clean = id.replace(/^\.\//, '');
  return map.relocate.some(({ from }) => {
    const source = normalisePath(from);
    return stripSourceExtension(source) === clean || clean.startsWith(`${source}/`) || stripSourceExtension(source) === `${clean}/index`;
  });
}

/** The map's relocations, as the session checked them (a workspace that lists no files, e.g. under jscodeshift, plans none). */
function plannedMoves(map: ImportMap, workspace: Workspace): FileMove[] {
  if (!map.relocate.length || !workspace.files.length) return [];
  return expandMoves(map, workspace);
}

/** Whether a file exists once the plan's earlier steps (moves, creations) are done, where the workspace can tell. */
export function existsInPlan(workspace: Workspace, file: string): boolean {
  const exists = (workspace as { exists?: (path: string) => boolean }).exists;
  return exists ? exists.call(workspace, file) : workspace.has(file);
}

/** A repository-relative path (its first segment is a folder or file of the repository) rather than a package name. */
function isPathId(id: string, cwd: string): boolean {
  if (id.startsWith('./') || id.startsWith('../') || path.isAbsolute(id)) return true;
  if (id.startsWith('@') && id.split('/').length >= 2 && !fs.existsSync(path.join(cwd, id.split('/')[0]!))) return false;
  const first = id.split('/')[0]!;
  // a module file at the root (`helpers` for helpers.ts) is a path too
  return fs.existsSync(path.join(cwd, first)) || fs.existsSync(path.join(cwd, id)) || findModuleFile(id, (file) => fs.existsSync(path.join(cwd, file))) !== undefined;
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** A `to` module that visibly lacks a mapped name is an error in the map, not in the code. */
function checkMovedNames(
  map: ImportMap,
  rule: RewriteRule,
  moduleFiles: Map<string, string>,
  exportsOf: (file: string) => ExportedNames | undefined,
): void {
  const wanted = rule.names ? [...rule.names].map((n) => rule.rename.get(n) ?? n) : [...rule.rename.values()];
  const targetFile = moduleFiles.get(rule.to);
  // a whole module with its names as they are: nothing to check, nothing to parse
  if (!wanted.length || !targetFile) return;
  const exported = exportsOf(targetFile);
  if (!exported || exported.open) return;
  for (const name of wanted) {
    if (!exported.names.has(name)) {
      const key = rule.names ? 'names' : 'rename';
      throw map.error(['rewrite', rule.index, key], `'${rule.to}' does not export '${name}'`);
    }
  }
}

/** Warnings for the names an entry takes that its old module (a file of the repository) visibly does not export. */
function namesTheOldModuleLacks(map: ImportMap, rule: RewriteRule, moduleFiles: Map<string, string>, exportsOf: (file: string) => ExportedNames | undefined): string[] {
  const file = moduleFiles.get(rule.from);
  const taken = namesTakenFrom(rule);
  if (!taken.length || file === undefined || !fs.existsSync(file)) return [];
  const exported = exportsOf(file);
  if (!exported || exported.open) return [];
  return taken.filter(({ name }) => !exported.names.has(name)).map((name) => missingOldNameWarning(map, rule, name, 'exports'));
}

function fail(map: ImportMap, rule: RewriteRule, key: 'from' | 'to', detail: string): never {
  throw map.error(['rewrite', rule.index, key], detail);
}

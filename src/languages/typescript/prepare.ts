import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileMove, Workspace } from '../../core/types';
import type { ImportMap, RewriteRule } from '../../importmap/types';
import { expandMoves } from '../../workspace/moves';
import type { ExportedNames, TypeScriptPreparedMap } from './prepared-map';
import { ConfigLookup } from './config-lookup';
import { configFileSystemOf } from './config-files';
import type { ResolutionConfig } from './config';
import { mayNeedEdit } from './prefilter';
import { ResolverSet } from './resolve';
import { findModuleFile, stripSourceExtension } from './module-files';
import { parseSource } from './syntax';
import { exportTargets } from './specifier';
import { ts } from './ts';
import { normalisePath } from '../../core/paths';
import { textOrUndefined } from '../../core/read-text';

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
  const configs = new ConfigLookup(cwd, root, configFileSystemOf(cwd, workspace.files));
  const config = configs.configForFolder(root);
  // the configs the files may need are read now: one that a file needs and cannot be read stops the run here, in one line
  configs.preload(workspace.files);
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
  const resolver = new ResolverSet(cwd, configs, planned, movedAway);
  const plannedFile = (file: string): boolean => planned.has(path.join(cwd, file));
  const oldFiles = new Map<string, string>();
  const moduleFiles = new Map<string, string>();
  const bareIds = new Set<string>();
  const needles = new Set<string>();
  const uncheckedTargets: number[] = [];
  let hasPathPackages = false;
  let oldIndexFile = false;

  const exportsCache = new Map<string, ExportedNames | undefined>();
  const exportsOf = (file: string): ExportedNames | undefined => {
    if (!exportsCache.has(file)) exportsCache.set(file, readExports(file));
    return exportsCache.get(file);
  };

  for (const rule of map.rules) {
    for (const key of ['from', 'to'] as const) {
      const id = rule[key];
      // a relocation's rule names repository paths, and its target exists once the plan is applied
      if (!rule.derived && !isPathId(id, cwd)) {
        bareIds.add(id);
        if (key === 'from') {
          needles.add(id);
          // the file of the repository a bare id names (tsconfig paths, workspaces): its relative importers are its importers too
          const file = resolver.resolve(id, rootProbe(config, cwd), 'import');
          if (file && !oldFiles.has(file)) {
            oldFiles.set(file, id);
            needles.add(path.posix.basename(stripSourceExtension(file)));
          }
        }
        // a canonical package installed in node_modules: its names are checked against its type declarations
        if (key === 'to' && (rule.names || rule.rename.size)) {
          const declarations = ts.resolveModuleName(id, rootProbe(config, cwd), config.options, ts.sys).resolvedModule?.resolvedFileName;
          if (declarations) moduleFiles.set(id, declarations);
          else uncheckedTargets.push(rule.index);
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
      }
    }
    if (!rule.derived) checkMovedNames(map, rule, moduleFiles, exportsOf);
  }

  // an alias without a wildcard may spell an old module without its file name (`"@booking": ["src/models/booking"]`,
  // a package's `"#booking": "./src/models/booking.ts"`)
  const oldStems = new Set([...oldFiles.keys()].flatMap((file) => [stripSourceExtension(file), path.dirname(file)]));
  const namesOldFile = (target: string): boolean => oldStems.has(stripSourceExtension(target));
  for (const { options } of configs.configs()) {
    const base = options.baseUrl ?? (options as { pathsBasePath?: string }).pathsBasePath ?? cwd;
    for (const [key, substitutions] of Object.entries(options.paths ?? {})) {
      if (!key.includes('*') && substitutions.some((substitution) => namesOldFile(path.resolve(base, substitution)))) needles.add(key);
    }
  }
  for (const [key, targets] of exactSubpathImports(workspace)) if (targets.some((target) => namesOldFile(path.join(cwd, target)))) needles.add(key);
  // an index module can be imported as '.' or '..' from inside its own folder
  if (oldIndexFile) for (const quote of [`'`, `"`, '`']) for (const dots of ['.', '..', './', '../']) needles.add(`${quote}${dots}${quote}`);

  const prepared: TypeScriptPreparedMap = { map, needles: [...needles], cwd, config, resolver, oldFiles, moduleFiles, bareIds, hasPathPackages, workspace, exportsOf, moves, retired: [...new Set(retired.values())], uncheckedTargets };
  prepared.mayNeedEdit = (file, text) => mayNeedEdit(prepared, file, text);
  return prepared;
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
  return fs.existsSync(path.join(cwd, first)) || fs.existsSync(path.join(cwd, id));
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
  const targetFile = moduleFiles.get(rule.to);
  if (!targetFile) return;
  const exported = exportsOf(targetFile);
  if (!exported || exported.open) return;
  const wanted = rule.names ? [...rule.names].map((n) => rule.rename.get(n) ?? n) : [...rule.rename.values()];
  for (const name of wanted) {
    if (!exported.names.has(name)) {
      const key = rule.names ? 'names' : 'rename';
      throw map.error(['rewrite', rule.index, key], `'${rule.to}' does not export '${name}'`);
    }
  }
}

function fail(map: ImportMap, rule: RewriteRule, key: 'from' | 'to', detail: string): never {
  throw map.error(['rewrite', rule.index, key], detail);
}

/** The names a module file exports, from its syntax alone. */
export function readExports(file: string): ExportedNames | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return exportedNamesOf(parseSource(file, text, { parents: false }));
}

/** What a module's own text exports (or some of its statements: `statements`). */
export function exportedNamesOf(sourceFile: ts.SourceFile, statements: readonly ts.Statement[] = sourceFile.statements): ExportedNames {
  const names = new Set<string>();
  const typeNames = new Set<string>();
  const valueNames = new Set<string>();
  let open = false;
  for (const statement of statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    const exported = modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if (exported && isDefault) names.add('default');
    else if (exported && ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addBindingNames(declaration.name, names);
    } else if (exported && 'name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
      const name = (statement.name as ts.Identifier).text;
      names.add(name);
      (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) ? typeNames : valueNames).add(name);
    } else if (ts.isExportAssignment(statement)) {
      if (statement.isExportEquals) open = true;
      else names.add('default');
    } else if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause) open = true;
      else if (ts.isNamespaceExport(statement.exportClause)) names.add(statement.exportClause.name.text);
      else {
        for (const element of statement.exportClause.elements) {
          names.add(element.name.text);
          if (statement.isTypeOnly || element.isTypeOnly) typeNames.add(element.name.text);
          else valueNames.add(element.name.text);
        }
      }
    }
  }
  // a JavaScript module exports its JSDoc `@typedef` / `@callback` types (what checkJs and `@import` see)
  if (/\.[cm]?jsx?$/.test(sourceFile.fileName)) {
    for (const node of [...sourceFile.statements, sourceFile.endOfFileToken]) {
      for (const doc of (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) {
        for (const tag of doc.tags ?? []) {
          if ((ts.isJSDocTypedefTag(tag) || ts.isJSDocCallbackTag(tag)) && tag.name && ts.isIdentifier(tag.name)) {
            names.add(tag.name.text);
            typeNames.add(tag.name.text);
          }
        }
      }
    }
  }
  // CommonJS modules (`module.exports = ...`) say nothing syntactically
  if (!names.size && /\b(module\.)?exports\b/.test(sourceFile.text)) open = true;
  return { names, open, types: new Set([...typeNames].filter((name) => !valueNames.has(name))) };
}

function addBindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const element of name.elements) if (ts.isBindingElement(element)) addBindingNames(element.name, into);
}

/**
 * The exact keys of every package's `imports` (`"#user"`, not `"#models/*"`) with the files they name, from the
 * repository root, through any conditions (`{ "types": …, "default": … }`).
 */
function exactSubpathImports(workspace: Workspace): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of workspace.files) {
    if (path.posix.basename(file) !== 'package.json' || file.split('/').includes('node_modules')) continue;
    const text = textOrUndefined(workspace, file);
    if (!text?.includes('"imports"')) continue;
    let imports: unknown;
    try {
      imports = (JSON.parse(text) as { imports?: unknown }).imports;
    } catch {
      continue; // a package.json that does not parse resolves nothing
    }
    if (!imports || typeof imports !== 'object') continue;
    for (const [key, target] of Object.entries(imports)) {
      if (!key.startsWith('#') || key.includes('*')) continue;
      const files = exportTargets(target)
        .filter((relative) => relative.startsWith('./'))
        .map((relative) => path.posix.join(path.posix.dirname(file), relative));
      found.set(key, [...(found.get(key) ?? []), ...files]);
    }
  }
  return found;
}

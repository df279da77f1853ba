import * as path from 'node:path';
import type { RawRewriteEntry } from '../../importmap/schema';
import type { ImportMap, NameTarget } from '../../importmap/types';
import { discoverFiles } from '../../workspace/discover';
import type { TypeScriptPreparedMap } from './prepared-map';
import { existsInPlan } from './prepare';
import { findOldModule } from './old-module';
import { ownsTypeScriptPath } from './owns';
import { findModuleFile, stripSourceExtension } from './module-files';
import { parseSource } from './syntax';
import { ts } from './ts';

/** How a module spells one public name: re-exported from a specifier, or a file-level binding exported. */
type PublicName = { kind: 'from'; specifier: string; imported: string; aliased: boolean } | { kind: 'local'; local: string; aliased: boolean };

/** What a module's top level says about its exports, from its syntax alone. */
interface ModuleSurface {
  /** public name -> how it is exported (`export { A }`, `export { A } from`, `export interface A`, ...) */
  exports: Map<string, PublicName>;
  /** `export * from` specifiers */
  stars: string[];
  /** file-level import bindings: local -> where from */
  imports: Map<string, { specifier: string; imported: string }>;
  /** every file-level name (declarations and import bindings) */
  declared: Set<string>;
}

/**
 * `barrels: follow` for TypeScript. A barrel is any module that re-exports a renamed name under that same name —
 * `export { Export } from './export.interface'`, `export * from './export.interface'`, or
 * `import { Export } from './export.interface'; export { Export }`. Following the rename, its public name becomes the
 * new one, so its own importers must follow: one derived entry `{ from: barrel, to: barrel, names: [Old],
 * rename: { Old: New } }` per barrel and name, found again through barrels of barrels until nothing new turns up.
 * The rewriter writes a barrel's re-export in the following form exactly when such an entry exists for it; any other
 * barrel keeps its public name (`export { New as Old }`).
 *
 * No entry is derived (the barrel keeps its public name) for an aliased re-export (`export { Export as E }`: its public
 * name does not change), for a `default` export, for a barrel the map already moves (its importers follow the map's
 * own entry), and for a barrel where the new name is already something else (a local declaration, another module's
 * export).
 *
 * @example
 * barrelRules(prepared)
 * // [{ from: 'libs/common/src/lib/interfaces/index', to: 'libs/common/src/lib/interfaces/index',
 * //    names: ['Export'], rename: { Export: 'ExportResponse' }, barrels: 'follow' }]
 */
export function barrelRules(prepared: TypeScriptPreparedMap): RawRewriteEntry[] {
  const map = prepared.map;
  if (!map.rules.some((rule) => rule.barrels === 'follow' && [...rule.rename].some(([from, to]) => from !== 'default' && to !== 'default'))) return [];
  // under jscodeshift the workspace lists no files: barrels are found the way `remodel plan` finds files
  const files = (prepared.workspace.files.length ? prepared.workspace.files : discoverFiles(prepared.cwd)).filter(ownsTypeScriptPath);
  const entries: RawRewriteEntry[] = [];
  const derivedIds = new Map<string, string>(); // absolute barrel file -> the id its derived entries use
  const found = new Set<string>(); // `${barrel id}\0${name}`
  const surfaces = new Map<string, ModuleSurface | null>();
  // a barrel the map already names (as a `to`, say) keeps that id, so that chains through it meet its derived entries
  const namedIds = new Map<string, string>();
  for (const [id, file] of prepared.moduleFiles) if (!namedIds.has(file)) namedIds.set(file, id);
  let current = map;
  for (let round = 0; round < 32; round++) {
    const renamed = new Set(current.rules.filter((rule) => rule.barrels === 'follow').flatMap((rule) => [...rule.rename.keys()]));
    const fresh: RawRewriteEntry[] = [];
    for (const file of files) {
      const surface = surfaceOf(prepared, file, renamed, surfaces);
      if (!surface) continue;
      const absolute = path.join(prepared.cwd, file);
      const id = prepared.oldFiles.get(absolute) ?? derivedIds.get(absolute) ?? namedIds.get(absolute) ?? barrelId(prepared, file);
      const resolveId = (specifier: string): string | undefined => sourceIdOf(prepared, current, derivedIds, specifier, absolute);
      const follow = (name: string, target: NameTarget | undefined): void => {
        if (!target || target.rule.barrels !== 'follow' || target.name === name || name === 'default' || target.name === 'default') return;
        const key = `${id}\0${name}`;
        if (found.has(key)) return;
        // a barrel the map moves itself (or moves this name of): its importers follow the map's own entry
        if (current.moveOfName(id, name)) return;
        if (!newNameIsFree(prepared, surface, target, absolute)) return;
        found.add(key);
        derivedIds.set(absolute, id);
        fresh.push({ from: id, to: id, names: [name], rename: { [name]: target.name }, barrels: 'follow' });
      };
      for (const [name, how] of surface.exports) {
        // an aliased re-export (`export { Old as E }`, even `export { Old as Old }`) keeps its public name
        if (how.aliased) continue;
        // case: export { Old } from './old'
        if (how.kind === 'from' && how.imported === name) {
          const source = resolveId(how.specifier);
          if (source) follow(name, current.moveOfName(source, name));
        }
        // case: import { Old } from './old'; export { Old }
        if (how.kind === 'local' && how.local === name) {
          const imported = surface.imports.get(name);
          const source = imported && imported.imported === name ? resolveId(imported.specifier) : undefined;
          if (source) follow(name, current.moveOfName(source, name));
        }
      }
      // case: export * from './old' (an explicit export of the same name wins over the star)
      for (const specifier of surface.stars) {
        const source = resolveId(specifier);
        if (!source) continue;
        for (const name of renamed) if (!surface.exports.has(name)) follow(name, current.moveOfName(source, name));
      }
    }
    if (!fresh.length) break;
    entries.push(...fresh);
    current = map.extend(entries);
  }
  return entries;
}

/** The id a barrel's derived entries use: its path without extension (with it, when that would name another file). */
function barrelId(prepared: TypeScriptPreparedMap, file: string): string {
  const stripped = stripSourceExtension(file);
  return findModuleFile(stripped, (f) => existsInPlan(prepared.workspace, f)) === file ? stripped : file;
}

/** The map's id for the module a specifier names (as the rewriter resolves it), or undefined when the map cannot move it. */
function sourceIdOf(prepared: TypeScriptPreparedMap, map: ImportMap, derivedIds: Map<string, string>, specifier: string, importer: string): string | undefined {
  const old = findOldModule({ ...prepared, map }, specifier, importer, 'import');
  if (old) return old.id;
  const file = prepared.resolver.resolve(specifier, importer, 'import');
  return file ? derivedIds.get(file) : undefined;
}

/**
 * The new name is free in the barrel when nothing there has it yet, or when what has it is the canonical object
 * itself (imported or re-exported from the target module): then the old route simply goes away.
 */
function newNameIsFree(prepared: TypeScriptPreparedMap, surface: ModuleSurface, target: NameTarget, importer: string): boolean {
  const targetFile = prepared.moduleFiles.get(target.module) ?? fileOf(prepared, target.module);
  const fromTarget = (specifier: string, imported: string): boolean =>
    imported === target.name && (targetFile ? prepared.resolver.resolve(specifier, importer, 'import') === targetFile : specifier === target.module);
  const exported = surface.exports.get(target.name);
  if (exported) {
    if (exported.kind === 'from') return fromTarget(exported.specifier, exported.imported);
    const imported = surface.imports.get(exported.local);
    if (!imported || !fromTarget(imported.specifier, imported.imported)) return false;
  }
  if (surface.declared.has(target.name)) {
    const imported = surface.imports.get(target.name);
    return !!imported && fromTarget(imported.specifier, imported.imported);
  }
  return true;
}

function fileOf(prepared: TypeScriptPreparedMap, id: string): string | undefined {
  const found = findModuleFile(id, (f) => existsInPlan(prepared.workspace, f));
  return found ? path.join(prepared.cwd, found) : undefined;
}

/** A file's export surface, when its text can re-export one of the renamed names (cached: neither the files nor the renamed old names change between rounds). */
function surfaceOf(prepared: TypeScriptPreparedMap, file: string, renamed: ReadonlySet<string>, cache: Map<string, ModuleSurface | null>): ModuleSurface | undefined {
  if (!cache.has(file)) {
    let text: string;
    try {
      text = prepared.workspace.read(file);
    } catch {
      text = '';
    }
    // only a file that names a renamed name, or re-exports a whole module, can re-export one: the rest is never parsed
    const candidate = /\bexport\b/.test(text) && (/\bexport\s*(?:type\s*)?\*/.test(text) || [...renamed].some((name) => text.includes(name)));
    cache.set(file, candidate ? readSurface(parseSource(file, text, { parents: false })) : null);
  }
  const surface = cache.get(file);
  if (!surface) return undefined;
  const mentions = (name: string): boolean => surface.exports.has(name) || (surface.stars.length > 0 && !surface.exports.has(name));
  return [...renamed].some(mentions) ? surface : undefined;
}

function readSurface(sourceFile: ts.SourceFile): ModuleSurface {
  const surface: ModuleSurface = { exports: new Map(), stars: [], imports: new Map(), declared: new Set() };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (!clause || !ts.isStringLiteralLike(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      if (clause.name) {
        surface.imports.set(clause.name.text, { specifier, imported: 'default' });
        surface.declared.add(clause.name.text);
      }
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) surface.declared.add(named.name.text);
      for (const element of named && ts.isNamedImports(named) ? named.elements : []) {
        surface.imports.set(element.name.text, { specifier, imported: (element.propertyName ?? element.name).text });
        surface.declared.add(element.name.text);
      }
    } else if (ts.isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier !== undefined) surface.stars.push(specifier);
      } else if (ts.isNamespaceExport(clause)) {
        surface.exports.set(clause.name.text, { kind: 'local', local: '', aliased: true });
      } else {
        for (const element of clause.elements) {
          const inner = (element.propertyName ?? element.name).text;
          const aliased = element.propertyName !== undefined;
          surface.exports.set(element.name.text, specifier !== undefined ? { kind: 'from', specifier, imported: inner, aliased } : { kind: 'local', local: inner, aliased });
        }
      }
    } else if (ts.isImportEqualsDeclaration(statement)) {
      surface.declared.add(statement.name.text);
    } else {
      const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
      const exported = modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      const isDefault = modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      const names: string[] = [];
      if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) bindingNames(declaration.name, names);
      else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) names.push((statement.name as ts.Identifier).text);
      for (const name of names) {
        surface.declared.add(name);
        if (exported && !isDefault) surface.exports.set(name, { kind: 'local', local: '', aliased: true });
      }
    }
  }
  return surface;
}

function bindingNames(name: ts.BindingName, into: string[]): void {
  if (ts.isIdentifier(name)) into.push(name.text);
  else for (const element of name.elements) if (ts.isBindingElement(element)) bindingNames(element.name, into);
}

import { posix } from 'node:path';
import { adminRegistrationConflicts } from './django-admin';
import { readFileSync } from 'node:fs';
import type { ImportMap } from '../../importmap/types';
import type { LanguageAdapter, PreparedMap } from '../types';
import type { SourceFile, Workspace } from '../../core/types';
import { expandMoves } from '../../workspace/moves';
import { barrelRules } from './barrels';
import { verifyPythonByImport, verifyPythonImports } from './verify';
import { fromImportMatches, fromImportsInText, fromImportTextOf, importedNames } from './imports';
import { importersOfModule, namesImportedFromModules } from './importers';
import { mentionsAny } from '../needles';
import { escapeRegExp } from '../../core/regexp';
import { inProse, proseRanges } from './prose';
import { mayImportOldModulesDynamically, oldModuleEnds } from './dynamic-imports';
import { findModuleExports, type ModuleExports } from './exports';
import { missingOldNameWarning, namesTakenFrom } from '../../importmap/old-names';
import { PythonModuleIndex } from './modules';
import { firstSyntaxError, parsePython } from './syntax';
import { planPythonRewrite } from './rewrite/index';
import { importOrderOf } from './import-order';
import { InstalledModules } from './installed';
import { type PythonContext } from './rewrite/types';
import { planPythonMoves, pythonMoveRules } from './moves';
import { planPythonShims, prunePythonShim } from './shims';
import { defaultPoolThresholds } from '../../workspace/pool';
import { textOrUndefined } from '../../core/read-text';
import { pythonLineLength } from './layout';
import { mayNameRegisteredClass, registryRenames } from './rewrite/registry-names';
import type { ScanGate } from '../../workspace/read-ahead';
import { mayNameDjangoModel } from './rewrite/django-references';
import { djangoModelReferences, type DjangoModelReferences } from './django-apps';

export interface PythonPreparedMap extends PreparedMap, PythonContext {
  /** submodules a package entry covers whose counterpart under `to` does not exist: their importers stay */
  missingTargets: Array<{ index: number; module: string; target: string }>;
  /** package entries whose `from` is no longer in the tree (their submodules are read from `to`) */
  retired: number[];
  /** canonical modules installed for the project (or marked `external`), not in the repository */
  external: Array<{ index: number; module: string; where: string | undefined; checked: boolean }>;
  installed: InstalledModules;
  /** the names each entry moves, checked against its target's definitions (parsed): once, when a file needs planning */
  checkTargets: () => Promise<void>;
  /** warnings for the names entries take that their old modules do not define (complete once `checkTargets` ran) */
  oldNamesMissing: string[];
}

/** Strings whose absence proves a file cannot import an old module: the last segment of each old module covers every spelling (`import a.b`, `from .b import`, `from a import b`, `"a.b.X"`). */
function needlesOf(map: ImportMap): string[] {
  const needles = new Set<string>();
  for (const module of map.oldModules()) needles.add(module.slice(module.lastIndexOf('.') + 1));
  needles.add('import_module');
  needles.add('__import__');
  return [...needles];
}

const relativeImportStart = /[ \t]*from[ \t]+\./y;
// a quick test before the exact one: also true of `from .` inside a line
const mayImportRelatively = /from[ \t]+\./;

const relativeFromImport = fromImportTextOf({ relative: true });

/**
 * A file's relative from-imports read from its text, resolved from its package (`from ..core import x` in `a/b/c.py`
 * -> `a.core`); `module` undefined for one that cannot be told from the text alone (a line continuation, a file outside
 * the roots), which the prefilter then keeps.
 */
function relativeFromImportsOf(path: string, text: string, modules: PythonModuleIndex): Array<{ module: string | undefined; names: string[] }> {
  const found: Array<{ module: string | undefined; names: string[] }> = fromImportsInText(text, relativeFromImport).map(({ dots, module, names }) => ({ module: modules.absolutize(path, dots, module || undefined), names }));
  const relatives = fromImportMatches(text, relativeImportStart).length;
  if (found.length < relatives) found.push({ module: undefined, names: [] });
  return found;
}

/**
 * Whether a from-import can bind `old` or a name of it: it imports from `old` itself, or from a package above it by the
 * name of the next package down (`from a.b import c` for `a.b.c`, `from a import b` for `a.b.c`) or with a star.
 */
function reaches(entry: { module: string | undefined; names: string[] }, old: string): boolean {
  if (entry.module === undefined || entry.module === old) return true;
  if (!old.startsWith(`${entry.module}.`)) return false;
  const next = old.slice(entry.module.length + 1).split('.')[0]!;
  return entry.names.includes(next) || entry.names.includes('*');
}

/**
 * Sharper than the needles, without parsing: a file can reach `a.b.c` only by naming it whole (`import a.b.c`,
 * `from a.b.c import`, `"a.b.c.X"`), by `from a.b import c` (the parent, then the last segment), by a relative import
 * from inside its top-level package that reaches it (or a submodule of it that a package entry moves), or through a
 * computed import that names the top-level package.
 */
function prefilterOf(map: ImportMap, modules: PythonModuleIndex, djangoModels: DjangoModelReferences): (path: string, text: string) => boolean {
  const olds = map.oldModules().map((module) => {
    const dot = module.lastIndexOf('.');
    const topFile = modules.getFile(module.split('.')[0]!);
    return {
      module,
      last: module.slice(dot + 1),
      // `schemas.core.A` through a binding of an ancestor package (`from app import schemas`, `import app.schemas as s`)
      tail: module.split('.').slice(-2).join('.'),
      parent: dot === -1 ? undefined : module.slice(0, dot),
      parentImport: dot === -1 ? undefined : new RegExp(`\\bfrom\\s+${module.slice(0, dot).replace(/\./g, '\\s*\\.\\s*')}\\s+import\\b`, 'g'),
      fromParent: dot === -1 ? undefined : fromImportTextOf(module.slice(0, dot)),
      fromItself: fromImportTextOf(module),
      // relative imports reach it only from files inside its top-level package (or namespace package) folder
      topDir: topFile ? topFile.slice(0, topFile.lastIndexOf('/') + 1) : undefined,
      mention: new RegExp(`${escapeRegExp(module)}(?:\\.(\\w+)|[\\w/])?`, 'g'),
      submoduleImport: new RegExp(`\\bfrom[ \\t]+(${escapeRegExp(module)}\\.(\\w+)(?:\\.\\w+)*)[ \\t]+import\\b`, 'g'),
    };
  });
  /**
   * The text with the old module's name blanked out of the from-imports that need no edit, so that only its other
   * mentions can make the file a candidate: `from <old>.<sub> import` of a submodule that exists and that the map leaves
   * where it is (`from django.db.models.fields.related import` when only `django.db.models.fields` moves), and
   * `from <old> import a, b` when the module stays and none of the names it imports moves (the importers of what a
   * name-level entry leaves behind, once the moved names are migrated).
   */
  const withoutImportsThatStay = (text: string, old: (typeof olds)[number]): string => {
    const blank = (statement: string, imported: string): string => statement.replace(imported, ' '.repeat(imported.length));
    const unmoved = text.replace(old.submoduleImport, (line, imported: string, sub: string) => (modules.exists(`${old.module}.${sub}`) && !map.moveOfModule(imported) ? blank(line, imported) : line));
    if (map.moveOfModule(old.module)) return unmoved;
    let out = '';
    let copied = 0;
    for (const match of fromImportMatches(unmoved, old.fromItself)) {
      if (!importsOnlyWhatStays(old.module, importedNames(match[3]!))) continue;
      out += unmoved.slice(copied, match.index) + blank(match[0], old.module);
      copied = match.index + match[0].length;
    }
    return copied ? out + unmoved.slice(copied) : unmoved;
  };
  /** `from .old.sub import X`: a submodule a package entry moves (an absolute import names the old package itself). */
  const movedSubmodule = (module: string | undefined, old: string): boolean => module !== undefined && module.startsWith(`${old}.`) && !!map.moveOfModule(module);
  /** A from-import of these names from the module needs no edit: the module stays, and none of them moves. */
  const importsOnlyWhatStays = (module: string, names: readonly string[]): boolean =>
    !map.moveOfModule(module) && names.length > 0 && names.every((name) => name !== '*' && !map.moveOfName(module, name));
  // every way in below names the module's last part: one pass rejects most files
  const lasts = olds.map((old) => old.last);
  const ends = oldModuleEnds(map);
  return (path, text) => {
    // `relationship("Booking")`: a renamed class named by its registry name, with no import of its module
    if (mayNameRegisteredClass(text, map)) return true;
    // `ForeignKey("legacy.Booking")`: a model named by its app label, with no import of its module
    if (mayNameDjangoModel(path, text, djangoModels)) return true;
    if (!mentionsAny(text, lasts)) return false;
    let read: ReturnType<typeof relativeFromImportsOf> | undefined;
    // read once, and only for a file whose text can need it
    const relatives = (): ReturnType<typeof relativeFromImportsOf> => (read ??= relativeFromImportsOf(path, text, modules));
    let lexed: { ranges: ReturnType<typeof proseRanges> } | undefined;
    const prose = (): ReturnType<typeof proseRanges> => (lexed ??= { ranges: proseRanges(text) }).ranges;
    if (mayImportOldModulesDynamically(text, ends)) return true;
    for (const old of olds) {
      const seen = text.includes(old.module) ? withoutImportsThatStay(text, old) : text;
      const staying = !map.moveOfModule(old.module);
      if (staying ? mentionsWhatMoves(seen, old.module, old.mention, map, prose) : seen.includes(old.module)) return true;
      if (!text.includes(old.last)) continue;
      if (old.parentImport && reachedFromParent(text, old as { module: string; parentImport: RegExp; fromParent: RegExp })) return true;
      if (old.tail !== old.last && attributeChainReaches(seen, old.module, old.tail, staying ? (next) => next !== undefined && !!map.moveOfName(old.module, next) : () => true)) return true;
      if ((old.topDir === undefined || path.startsWith(old.topDir)) && mayImportRelatively.test(text) && relatives().some((entry) => (reaches(entry, old.module) || movedSubmodule(entry.module, old.module)) && !(entry.module === old.module && importsOnlyWhatStays(old.module, entry.names)))) return true;
    }
    return false;
  };
}

/**
 * For a module that stays while some of its names move: whether the text mentions it in a way that can need an edit.
 * Not as `<module>.<name>` of a name that stays (a submodule or attribute: `sqlalchemy.engine.Connection` in a
 * docstring), nor inside a longer word or a path (`sqlalchemy_url`, `# sqlalchemy/log.py`); any other mention (an
 * import, a binding whose chains may reach a moved name, `<module>.<moved name>`) can.
 */
function mentionsWhatMoves(text: string, module: string, mention: RegExp, map: ImportMap, prose: () => ReadonlyArray<[number, number]> | undefined): boolean {
  for (const match of text.matchAll(mention)) {
    const after = match[1];
    if (after !== undefined ? map.moveOfName(module, after) : match[0].length === module.length && !namesInProse(text, match.index, module, prose)) return true;
  }
  return false;
}

/**
 * A bare mention in a comment or a plain string (`>>> from sqlalchemy import create_engine` in a docstring) binds
 * nothing and is rewritten nowhere, but for an entry point (`"<module>:<name>"`).
 */
function namesInProse(text: string, at: number, module: string, prose: () => ReadonlyArray<[number, number]> | undefined): boolean {
  if (text[at + module.length] === ':') return false;
  const ranges = prose();
  return ranges !== undefined && inProse(ranges, at);
}

/**
 * Whether some attribute chain of the text can be the old module through a binding of one of its ancestors:
 * `models.lead.X` after `from app import models`, `a.models.lead.X` after `import app as a`. A chain that names
 * another module with the same last two parts (`app.db.models.lead`) cannot: past its first name, its parts must be
 * the old module's own last parts. `needs` tells from the name after it (`X`) whether such a chain needs an edit.
 */
function attributeChainReaches(text: string, module: string, tail: string, needs: (next: string | undefined) => boolean): boolean {
  const parts = module.split('.');
  for (let at = text.indexOf(tail); at >= 0; at = text.indexOf(tail, at + 1)) {
    const end = at + tail.length;
    if (/\w/.test(text[end] ?? '') || /\w/.test(text[at - 1] ?? '')) continue;
    if (!needs(/^\s*\.\s*(\w+)/.exec(text.slice(end, end + 256))?.[1])) continue;
    let start = at;
    while (start > 0 && /[\w.]/.test(text[start - 1]!)) start--;
    const chain = text.slice(start, end).split('.');
    const rest = chain.slice(1);
    if (chain.length === 2 || (rest.length < parts.length && rest.every((part, index) => part === parts[parts.length - rest.length + index]))) return true;
  }
  return false;
}

/** `from <parent> import <last>` (or `*`); a spelling the text scan does not read (`from a . b import`) is kept. */
function reachedFromParent(text: string, old: { module: string; parentImport: RegExp; fromParent: RegExp }): boolean {
  const written = text.match(old.parentImport)?.length ?? 0;
  if (!written) return false;
  const read = fromImportsInText(text, old.fromParent);
  return read.length < written || read.some((entry) => reaches(entry, old.module));
}

/**
 * The map as Python sees it: a package entry covers the submodules that exist, not every dotted name below it
 * (`legacy.models.Invoice` is a class, and `"legacy.models.billingx"` a string that names nothing).
 */
function existingModulesOnly(map: ImportMap, modules: PythonModuleIndex, installed: InstalledModules): ImportMap {
  // a submodule whose counterpart under `to` does not exist stays where it is (an import of it would not resolve)
  const counterpartExists = (module: string, rule: { external: boolean }): boolean => modules.exists(module) || installed.find(module) !== undefined || (rule.external && installed.find(module.split('.')[0]!) === undefined);
  const covers = (module: string, rule: { package: boolean; from: string; to: string; derived: boolean; external: boolean }): boolean =>
    !rule.package || module === rule.from || (modules.exists(module) && (rule.derived || counterpartExists(rule.to + module.slice(rule.from.length), rule)));
  return {
    ...map,
    moveOfModule: (module) => {
      const target = map.moveOfModule(module);
      return target && covers(module, target.rule) ? target : undefined;
    },
    moveOfName: (module, name) => {
      const target = map.moveOfName(module, name);
      return target && covers(module, target.rule) ? target : undefined;
    },
  };
}

async function prepare(written: ImportMap, workspace: Workspace): Promise<PythonPreparedMap> {
  const modules = new PythonModuleIndex(workspace, written.roots);
  // a package already deleted from the tree: its importers are rewritten from what the map and its counterpart say
  const retired = written.rules.filter((rule) => rule.package && !rule.derived && !modules.exists(rule.from) && modules.exists(rule.to));
  for (const rule of retired) modules.retire(rule.from, rule.to);
  const followed = await barrelRules(written, modules, workspace);
  const installed = new InstalledModules(workspace.cwd);
  const map = existingModulesOnly(followed.length ? written.extend(followed) : written, modules, installed);
  const external: PythonPreparedMap['external'] = [];
  const cache = new Map<string, Promise<ModuleExports | undefined>>();
  const exportsOf = (module: string): Promise<ModuleExports | undefined> => {
    let found = cache.get(module);
    if (!found) {
      const file = modules.getFile(module);
      found = file === undefined ? Promise.resolve(modules.exists(module) ? ('any' as const) : undefined) : findModuleExports(workspace.read(file));
      cache.set(module, found);
    }
    return found;
  };
  // the names each target must define, read from its parse: none for a whole-module entry, whose target is not parsed
  const nameChecks: Array<() => Promise<void>> = [];
  for (const rule of map.rules) {
    if (rule.derived) continue; // a relocated module's new home does not exist until the plan is applied
    const expected = rule.names ? [...rule.names].map((name) => rule.rename.get(name) ?? name) : [...rule.rename.values()];
    let exports: (() => Promise<ModuleExports | undefined>) | undefined;
    if (modules.exists(rule.to)) exports = () => exportsOf(rule.to);
    else {
      // a canonical module installed for the project (a shared models package), not kept in the repository
      const file = installed.find(rule.to);
      if (!file && !rule.external) {
        throw map.error(['rewrite', rule.index, 'to'], `module '${rule.to}' (target of '${rule.from}') does not exist under root ${map.roots.join(', ')} nor in the project's virtualenv (installed elsewhere? mark the entry 'external: true')`);
      }
      const readable = file !== undefined && /\.pyi?$/.test(file);
      external.push({ index: rule.index, module: rule.to, where: file ? installed.describe(file) : undefined, checked: readable });
      if (readable) exports = () => findModuleExports(readFileSync(file, 'utf8'));
    }
    if (!exports || !expected.length) continue;
    const read = exports;
    nameChecks.push(async () => {
      const defined = await read();
      if (defined === undefined || defined === 'any') return;
      for (const name of expected) {
        if (defined.has(name) || modules.exists(`${rule.to}.${name}`) || installed.find(`${rule.to}.${name}`)) continue;
        throw map.error(['rewrite', rule.index, rule.names ? 'names' : 'rename'], `module '${rule.to}' has no name '${name}' (mapped from '${rule.from}')`);
      }
    });
  }
  // a name an entry takes that its old module does not define: a typo in the map, most likely (checked with the targets)
  const oldNamesMissing: string[] = [];
  for (const rule of map.rules) {
    const taken = namesTakenFrom(rule);
    if (rule.derived || !taken.length || modules.getFile(rule.from) === undefined) continue;
    nameChecks.push(async () => {
      const defined = await exportsOf(rule.from);
      if (defined === undefined || defined === 'any') return;
      for (const name of taken) if (!defined.has(name.name) && !modules.exists(`${rule.from}.${name.name}`)) oldNamesMissing.push(missingOldNameWarning(map, rule, name, 'defines'));
    });
  }
  let checked: Promise<void> | undefined;
  const checkTargets = (): Promise<void> =>
    (checked ??= (async () => {
      for (const check of nameChecks) await check();
    })());
  const relocated = new Map(expandMoves(written, workspace).map((move) => [move.from, move.to]));
  const importedFrom = namesImportedFromModules(map, modules, workspace);
  const missingTargets = map.rules.flatMap((rule) =>
    !rule.package || rule.derived
      ? []
      : modules
          .moduleNames()
          .filter((module) => module.startsWith(`${rule.from}.`) && !modules.exists(rule.to + module.slice(rule.from.length)))
          .map((module) => ({ index: rule.index, module, target: rule.to + module.slice(rule.from.length) })),
  );
  const djangoModels = djangoModelReferences(map, modules, workspace);
  const needles = needlesOf(map);
  return { map, needles, mayNeedEdit: prefilterOf(map, modules, djangoModels), scanGate: scanGateOf(map, needles, djangoModels), djangoModels, modules, exportsOf, relocated, importedFrom, oldNamesMissing, importOrder: importOrderOf(workspace), classDefinitions: classDefinitionsIn(workspace), lineLength: lineLengthsIn(workspace), missingTargets, retired: retired.map((rule) => rule.index), external, installed, checkTargets };
}

/**
 * What every file the prefilter keeps has: a needle, a class name a registry string may hold, an old Django app's
 * label; or a place in an old Django app's folder (its bare model names).
 */
function scanGateOf(map: ImportMap, needles: readonly string[], djangoModels: DjangoModelReferences): ScanGate {
  const strings = [...needles, ...registryRenames(map).keys()];
  if (!djangoModels.oldLabels.size) return { strings };
  return { strings: [...strings, ...djangoModels.oldLabels], folders: djangoModels.oldFolders };
}

/** The line length the project formats each file to, read once per folder. */
function lineLengthsIn(workspace: Workspace): (file: string) => number {
  const byFolder = new Map<string, number>();
  return (file) => {
    const folder = posix.dirname(file);
    let length = byFolder.get(folder);
    if (length === undefined) byFolder.set(folder, (length = pythonLineLength((f) => textOrUndefined(workspace, f), file)));
    return length;
  };
}

/** The Python files whose text defines a class of a name (a line `class <name>`, at any depth), found once per name. */
function classDefinitionsIn(workspace: Workspace): (name: string) => string[] {
  const found = new Map<string, string[]>();
  return (name) => {
    let files = found.get(name);
    if (!files) {
      const definition = new RegExp(`^[ \\t]*class[ \\t]+${escapeRegExp(name)}\\b`, 'm');
      files = workspace.files.filter((file) => /\.pyi?$/.test(file) && definition.test(textOrUndefined(workspace, file) ?? ''));
      found.set(name, files);
    }
    return files;
  };
}

/** Python: tree-sitter parsing, module resolution against the map's roots, import and string rewriting. */
export const pythonAdapter: LanguageAdapter<PythonPreparedMap> = {
  id: 'python',
  owns: (path) => path.endsWith('.py') || path.endsWith('.pyi'),
  prepare,
  // a map that renames names reads every file for who imports them (`namesImportedFromModules`)
  preparationReadsEveryFile: (map) => map.rules.some((rule) => rule.rename.size > 0),
  checkTargets: (prepared) => prepared.checkTargets(),
  movesDjangoModels: (prepared) => prepared.djangoModels.oldLabels.size > 0,
  consolidationReview: (prepared, workspace) => adminRegistrationConflicts(prepared.map, prepared.modules, workspace),
  // a worker loads the WASM parser alone: large files pay sooner than in TypeScript, whose workers load the compiler
  // (67 files of SQLAlchemy, 2.2 M characters: 1.39 -> 1.23 s in two threads; 346 TypeScript files of 6 K, 2.2 M
  // characters: 2.59 -> 2.75 s; 1,333 small Python files, 1.9 M characters: no gain)
  poolThresholds: { ...defaultPoolThresholds, largeFiles: { characters: 2_000_000, averageFile: 8_000 } },
  planRewrite: (file: SourceFile, prepared: PythonPreparedMap) => planPythonRewrite(file, prepared),
  syntaxError: async (_path, text) => {
    const tree = await parsePython(text);
    try {
      const error = firstSyntaxError(tree);
      return error && { line: error.line, column: error.column, message: error.text };
    } finally {
      tree.delete();
    }
  },
  moduleFile: (prepared, id) => prepared.modules.getFile(id),
  moduleNames: (prepared) => prepared.modules.moduleNames(),
  moduleExists: (prepared, id) => prepared.modules.exists(id) || prepared.installed.find(id) !== undefined || prepared.map.rules.some((rule) => rule.external && rule.to === id),
  warnings: (prepared) => [
    ...prepared.retired.map((index) => `${prepared.map.file}:${prepared.map.lineOf(['rewrite', index, 'from']) ?? 1}: rewrite[${index}].from: '${prepared.map.rules.find((rule) => rule.index === index)?.from}' is not in the repository (deleted already?): its importers are rewritten from the map and the submodules of its 'to'`),
    ...prepared.external.map(({ index, module, where, checked }) => `${prepared.map.file}:${prepared.map.lineOf(['rewrite', index, 'to']) ?? 1}: rewrite[${index}].to: '${module}' is ${where ? `installed, not in the repository (${where})` : "marked external (not in the repository nor its virtualenv)"}: ${checked ? 'names checked against its source' : 'its names are unchecked'}`),
    ...prepared.oldNamesMissing,
    ...prepared.missingTargets.map(({ index, module, target }) => `${prepared.map.file}:${prepared.map.lineOf(['rewrite', index, 'to']) ?? 1}: rewrite[${index}] (package): '${module}' has no counterpart '${target}': its importers are left on it`),
  ],
  pruneShim: (text) => prunePythonShim(text),
  packageMarker: '__init__.py',
  verify: async (prepared, trees) => [...(await verifyPythonImports(prepared.map.roots, trees)), ...(trees.mode === 'import' ? verifyPythonByImport(prepared.map.roots, trees, prepared.installed) : [])],
  importersOf: async (prepared, workspace, file) => {
    const module = prepared.modules.getModule(file);
    return module === undefined ? [] : importersOfModule(prepared.modules, workspace, module);
  },
  planShims: (prepared, workspace) => planPythonShims({ map: prepared.map, modules: prepared.modules, workspace }),
  moveRules: pythonMoveRules,
  planMoves: (prepared, moves, workspace) => planPythonMoves(prepared.map, moves, workspace),
};

import * as path from 'node:path';
import { mentionsAny, needlePattern } from '../needles';
import { findOldModule, isRelativeOrAbsolute } from './old-module';
import type { TypeScriptPreparedMap } from './prepared-map';
import type { UsageKind } from './resolve';
import { stripSourceExtension } from './module-files';

const QUOTES = [`'`, `"`, '`'];
/**
 * `require(x)` / `import(x)` whose argument is not one plain literal (a variable, `'./m/' + x`, a template with `${}`):
 * the rewrite lists it for review when the file names an old module.
 */
const COMPUTED_LOAD = /\b(?:import|require)\s*\(\s*(?!\)|'[^'\n]*'\s*[,)]|"[^"\n]*"\s*[,)]|`[^`$]*`\s*[,)])/;

/**
 * Whether a file can need an edit, without parsing it: some string literal that contains a needle must name an old
 * module the way the rewrite resolves it (same resolver, same cache). A file whose needles occur only in identifiers,
 * comments or unrelated strings (`<UserCard />`, `'./user-card'`) is not parsed; parsing is the cost, reading the floor.
 * When in doubt (an escape inside the literal), the file is kept.
 *
 * @example
 * mayNeedEdit(prepared, 'src/app.ts', `import { User } from '@/models/user';`)   // true
 * mayNeedEdit(prepared, 'src/card.ts', `export const UserCard = 1;`)             // false
 */
export function mayNeedEdit(prepared: TypeScriptPreparedMap, file: string, text: string): boolean {
  if (!mentionsAny(text, prepared.needles)) return false;
  const importer = path.resolve(prepared.cwd, file);
  const spellings = spellingsOf(prepared);
  const tried = new Set<string>();
  const seen = withoutImportsThatStay(prepared, importer, text);
  // every occurrence (overlapping needles lie in the same literal, which one of them finds)
  for (const match of seen.matchAll(needlePattern(prepared.needles))) {
    for (const literal of literalsAround(seen, match.index!, match[0])) {
      if (tried.has(literal)) continue;
      tried.add(literal);
      if (literal.includes('\\')) return true;
      const spelled = spellings.spells(literal, importer);
      if (!spelled && !prepared.hasPathPackages) continue;
      // the canonical twin of an old module, named alike (`@/models/user` for the old `src/legacy/user`)
      if (spelled && prepared.mappedTargets?.leadsElsewhere(literal, importer)) continue;
      if (findOldModule(prepared, literal, importer, 'import') || findOldModule(prepared, literal, importer, 'require')) return true;
      // spelled like an old module but resolving to nothing: the rewrite lists it for review
      if (spelled && spellsUnresolvedOldModule(prepared, literal, importer, 'import')) return true;
    }
  }
  return mayLoadComputedModule(prepared, text);
}

/**
 * Whether a file's `require(x)` / `import(x)` of a computed name is worth a review line: its text names an old module
 * (a needle) and holds such a call. The prefilter keeps these files and the rewrite lists their calls by this one
 * test, so a file's review lines never depend on whether it was parsed for another reason.
 */
export function mayLoadComputedModule(prepared: Pick<TypeScriptPreparedMap, 'needles'>, text: string): boolean {
  return loadsComputedModule(text) && mentionsAny(text, prepared.needles);
}

/** Whether `text` holds a `require(x)` / `import(x)` of a computed name (see COMPUTED_LOAD). */
export function loadsComputedModule(text: string): boolean {
  return COMPUTED_LOAD.test(text);
}

/** `import { a, type b as c } from '…'` and `export { … } from '…'`: the braces' contents, the quote, the specifier. */
const NAMED_IMPORT = /\b(?:import|export)(?:\s+type)?\s*\{([^{}]*)\}\s*from\s*(['"])([^'"\n]+)\2/g;

/**
 * The text with the specifier blanked out of each import or re-export that needs no edit: it takes names in braces
 * only (no default, no namespace, no comment among them), it names an old module for sure — a relative path to its
 * file, an alias that every tsconfig governing the file maps to it (told without the compiler), or the bare id of an
 * entry that no tsconfig maps (and that no other entry names by its file) — and that module stays where it is with
 * every one of those names (the importers of what a name-level entry leaves behind, once the moved names are
 * migrated). Anything else is kept.
 */
function withoutImportsThatStay(prepared: TypeScriptPreparedMap, importer: string, text: string): string {
  if (prepared.hasPathPackages || !text.includes('{')) return text;
  const { map } = prepared;
  const oldIds = oldIdsByStem(prepared);
  const spellings = spellingsOf(prepared);
  return text.replace(NAMED_IMPORT, (statement, names: string, quote: string, specifier: string) => {
    // a specifier spelled like no old module is passed over by the needle loop anyway: no need to resolve it
    if (names.includes('/') || !spellings.spells(specifier, importer)) return statement;
    const id = isRelativeOrAbsolute(specifier) ? oldIdAt(oldIds, importer, specifier) : (mappedOldId(prepared, importer, specifier) ?? surelyBareOldId(prepared, importer, specifier));
    if (id === undefined || map.moveOfModule(id)) return statement;
    const imported = names
      .split(',')
      .map((name) => name.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!.trim())
      .filter(Boolean);
    if (imported.some((name) => name === 'default' || map.moveOfName(id, name))) return statement;
    const at = statement.lastIndexOf(`${quote}${specifier}${quote}`) + 1;
    return `${statement.slice(0, at)}${' '.repeat(specifier.length)}${statement.slice(at + specifier.length)}`;
  });
}

/** The old module a relative specifier names: `x/` a folder (its index), `x/index` a file, each only as written. */
function oldIdAt(oldIds: OldIds, importer: string, specifier: string): string | undefined {
  const target = path.resolve(path.dirname(importer), specifier.endsWith('/') ? specifier : stripSourceExtension(specifier));
  return specifier.endsWith('/') ? oldIds.folders.get(target) : (oldIds.files.get(target) ?? oldIds.folders.get(target));
}

/** The old module an alias surely names: every tsconfig that may govern the importer maps it to that module's file. */
function mappedOldId(prepared: TypeScriptPreparedMap, importer: string, specifier: string): string | undefined {
  const file = prepared.mappedTargets?.oldFileOf(specifier, importer);
  return file === undefined ? undefined : prepared.oldFiles.get(file);
}

/** A bare specifier that is an entry's own bare id, which no tsconfig governing the importer maps, and whose file (when in the repository) no other entry names. */
function surelyBareOldId(prepared: TypeScriptPreparedMap, importer: string, specifier: string): string | undefined {
  if (!prepared.bareIds.has(specifier) || !prepared.map.rules.some((rule) => rule.from === specifier && !rule.package)) return undefined;
  if (!prepared.mappedTargets?.mapsNothing(specifier, importer)) return undefined;
  for (const [file, id] of prepared.oldFiles) if (id === specifier && [...prepared.moduleFiles.values()].includes(file)) return undefined;
  return specifier;
}

interface OldIds {
  /** by the file's path without its extension */
  files: Map<string, string>;
  /** by the folder of an index file */
  folders: Map<string, string>;
}

const oldIdsCache = new WeakMap<TypeScriptPreparedMap, OldIds>();

/** Each old path module's id by its file's stem, and by its folder for an index file. */
function oldIdsByStem(prepared: TypeScriptPreparedMap): OldIds {
  let ids = oldIdsCache.get(prepared);
  if (!ids) {
    ids = { files: new Map(), folders: new Map() };
    for (const [file, id] of prepared.oldFiles) {
      const stem = stripSourceExtension(file);
      ids.files.set(stem, id);
      if (path.basename(stem) === 'index') ids.folders.set(path.dirname(stem), id);
    }
    oldIdsCache.set(prepared, ids);
  }
  return ids;
}

/** What a specifier must look like to name an old module, checked before asking the resolver (the costly part). */
interface Spellings {
  spells(literal: string, importer: string): boolean;
}

/**
 * A specifier that looks like an old module's (its name, an alias key, a path to its file) but that nothing answers
 * from `importer` under its tsconfig: it may well load the old module at run time (a bundler's or jest's alias).
 */
export function spellsUnresolvedOldModule(prepared: TypeScriptPreparedMap, specifier: string, importer: string, usage: UsageKind): boolean {
  // a path has a `/`; a lone word (`'user'`) is a string far more often than a module
  return specifier.includes('/') && spellingsOf(prepared).spells(specifier, importer) && prepared.resolver.unresolved(specifier, importer, usage);
}

const spellingsCache = new WeakMap<TypeScriptPreparedMap, Spellings>();

function spellingsOf(prepared: TypeScriptPreparedMap): Spellings {
  let spellings = spellingsCache.get(prepared);
  if (!spellings) {
    spellings = oldModuleSpellings(prepared);
    spellingsCache.set(prepared, spellings);
  }
  return spellings;
}

/**
 * A relative specifier names an old module only if it points at its file or folder (extension and `/index` aside); any
 * other specifier (alias, `baseUrl`, package `imports`) ends with the old module's name, or is an alias key or bare id
 * the needles list. (Package entries over folders can be reached by any file name under them: the prefilter resolves
 * every literal that holds a needle then.)
 */
function oldModuleSpellings(prepared: TypeScriptPreparedMap): Spellings {
  const oldIds = oldIdsByStem(prepared);
  const stems = new Set([...oldIds.files.keys(), ...oldIds.folders.keys()]);
  const names = new Set([...stems].map((stem) => path.basename(stem)));
  const exact = new Set(prepared.needles);
  // a sub-path of a bare id is another module, unless the entry is a package entry (it covers them all)
  const bareOld = prepared.map.rules.filter((rule) => prepared.bareIds.has(rule.from));
  return {
    spells(literal, importer) {
      if (exact.has(literal) || bareOld.some((rule) => literal === rule.from || (rule.package && literal.startsWith(`${rule.from}/`)))) return true;
      const stem = stripSourceExtension(literal.replace(/\/+$/, '')).replace(/\/index$/, '');
      const name = stem.slice(stem.lastIndexOf('/') + 1);
      if (!isRelativeOrAbsolute(literal)) return names.has(name);
      // resolving costs more than the test it can skip: a path whose last part names no old module is none (`.` and `..` aside)
      if (name !== '.' && name !== '..' && name !== '' && !names.has(name)) return false;
      return stems.has(path.resolve(path.dirname(importer), stem));
    },
  };
}

/** The contents of the one-line string literals that may enclose the needle found at `at` (one per quote kind). */
function literalsAround(text: string, at: number, needle: string): string[] {
  // a needle that is itself a literal (`'.'`, the spelling of an index module from inside its folder)
  if (QUOTES.includes(needle[0]!) && needle.endsWith(needle[0]!)) return [needle.slice(1, -1)];
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at + needle.length);
  const lineEnd = newline < 0 ? text.length : newline;
  const literals: string[] = [];
  for (const quote of QUOTES) {
    const open = text.lastIndexOf(quote, at - 1);
    if (open < lineStart) continue;
    const close = text.indexOf(quote, at + needle.length);
    if (close < 0 || close >= lineEnd) continue;
    const literal = text.slice(open + 1, close);
    if (!/\s/.test(literal)) literals.push(literal);
  }
  return literals;
}

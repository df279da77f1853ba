import { ImportMapError } from '../core/errors';
import { formatKeyPath, type LoadedImportMap } from './load';
import type { ImportMap, LanguageId, ModuleTarget, NameTarget, RewriteRule, TableId, TableRename } from './types';

const separators: Record<LanguageId, string> = { python: '.', typescript: '/' };

/** Python: dotted identifiers. TypeScript: a path or package specifier, without controls, line breaks, `*` or quotes. */
const moduleIdGrammar: Record<LanguageId, { pattern: RegExp; what: string }> = {
  python: { pattern: /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*(\.[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*)*$/u, what: 'a Python module name (dotted identifiers)' },
  typescript: { pattern: /^[^\0-\x1f\x7f\u2028\u2029*"'`\\\s](?:[^\0-\x1f\x7f\u2028\u2029*"'`\\]*[^\0-\x1f\x7f\u2028\u2029*"'`\\\s])?$/u, what: 'a module specifier (a path or package name, without quotes, `*`, backslashes or line breaks)' },
};

function checkModuleId(loaded: LoadedImportMap, path: Array<string | number>, id: string): void {
  const { pattern, what } = moduleIdGrammar[loaded.raw.language];
  if (!pattern.test(id)) fail(loaded, path, `${JSON.stringify(id)} is not ${what}`);
}

/** Normalises a validated map: rules, chains and conflicts; lookups answer the transitive result. */
export function resolveImportMap(loaded: LoadedImportMap, written = loaded.raw.rewrite?.length ?? 0): ImportMap {
  const { raw, file, lineOf } = loaded;
  const separator = separators[raw.language];
  // a module id lands in generated code (shims, comments): one that is not a module name is refused here
  for (const [index, entry] of (raw.rewrite ?? []).entries()) {
    if (index >= written) break;
    for (const key of ['from', 'to'] as const) checkModuleId(loaded, ['rewrite', index, key], entry[key]);
  }
  for (const [index, entry] of (raw.shims ?? []).entries()) checkModuleId(loaded, ['shims', index, 'module'], entry.module);
  const rules = (raw.rewrite ?? []).map((entry, index): RewriteRule => {
    const names = entry.names ? new Set(entry.names) : undefined;
    const rename = new Map(Object.entries(entry.rename ?? {}));
    if (names) {
      for (const old of rename.keys()) {
        if (!names.has(old)) fail(loaded, ['rewrite', index, 'rename', old], `'${old}' is renamed but not listed in names`);
      }
    }
    for (const [old, renamed] of rename) {
      // `rename: { Booking: Booking }` renames nothing: said, not silently counted as a rename
      if (old === renamed) fail(loaded, ['rewrite', index, 'rename', old], `renames '${old}' to itself`);
    }
    if (entry.from === entry.to && rename.size === 0) fail(loaded, ['rewrite', index, 'to'], `'${entry.from}' is mapped onto itself`);
    const derived = index >= written;
    // derived entries come from `relocate` (importers follow a moved file) or `barrels: follow` (a barrel renames in place)
    const origin = !derived ? '' : entry.from === entry.to ? ' (barrel follows)' : ' (relocated)';
    const label = `${entry.from}${names ? ` [${[...names].join(', ')}]` : ''} -> ${entry.to}${origin}`;
    return { index, label, from: entry.from, to: entry.to, names, rename, package: entry.package ?? false, external: entry.external ?? false, barrels: entry.barrels ?? raw.defaults?.barrels ?? 'keep', derived };
  });

  const nameRules = new Map<string, RewriteRule>(); // `${module}\0${name}`
  const moduleRules = new Map<string, RewriteRule>();
  const packageRules: RewriteRule[] = [];
  for (const rule of rules) {
    if (rule.names) {
      for (const name of rule.names) {
        const key = `${rule.from}\0${name}`;
        const other = nameRules.get(key);
        if (other) conflict(loaded, rule, other, `'${name}' of '${rule.from}'`);
        nameRules.set(key, rule);
      }
    } else {
      const table = rule.package ? packageRules : undefined;
      const other = table ? table.find((r) => r.from === rule.from) : moduleRules.get(rule.from);
      if (other) conflict(loaded, rule, other, `module '${rule.from}'`);
      if (table) table.push(rule);
      else moduleRules.set(rule.from, rule);
    }
  }
  packageRules.sort((a, b) => b.from.length - a.from.length);

  const within = (module: string, prefix: string): boolean => module === prefix || module.startsWith(prefix + separator);

  const directModuleMove = (module: string): ModuleTarget | undefined => {
    const exact = moduleRules.get(module);
    if (exact) return { module: exact.to, rule: exact };
    const pkg = packageRules.find((rule) => within(module, rule.from));
    if (pkg) return { module: pkg.to + module.slice(pkg.from.length), rule: pkg };
    return undefined;
  };

  const directNameMove = (module: string, name: string): NameTarget | undefined => {
    const named = nameRules.get(`${module}\0${name}`);
    if (named) return { module: named.to, name: named.rename.get(name) ?? name, rule: named };
    const whole = directModuleMove(module);
    if (whole) return { module: whole.module, name: whole.rule.rename.get(name) ?? name, rule: whole.rule };
    return undefined;
  };

  const follow = <T extends { rule: RewriteRule }>(first: T | undefined, step: (current: T) => T | undefined, key: (t: T) => string): T | undefined => {
    if (!first) return undefined;
    const seen = new Set<string>([key(first)]);
    let current = first;
    for (;;) {
      const next = step(current);
      if (!next) return current;
      if (seen.has(key(next))) fail(loaded, ['rewrite', next.rule.index, 'to'], `cycle: '${key(next)}' is mapped back onto itself through ${[...seen].join(' -> ')}`);
      seen.add(key(next));
      current = { ...next, rule: first.rule };
    }
  };

  const moveOfName = (module: string, name: string): NameTarget | undefined =>
    follow(directNameMove(module, name), (t) => directNameMove(t.module, t.name), (t) => `${t.module}${separator}${t.name}`);
  const moveOfModule = (module: string): ModuleTarget | undefined =>
    follow(directModuleMove(module), (t) => directModuleMove(t.module), (t) => t.module);

  // surface cycles at load time, not in the middle of a run
  for (const rule of rules) {
    if (rule.names) for (const name of rule.names) moveOfName(rule.from, name);
    else moveOfModule(rule.from);
  }

  const movedNamesByModule = new Map<string, string[]>();
  for (const rule of rules) {
    if (!rule.names) continue;
    movedNamesByModule.set(rule.from, [...(movedNamesByModule.get(rule.from) ?? []), ...rule.names]);
  }

  const roots = raw.root === undefined ? ['.'] : Array.isArray(raw.root) ? raw.root : [raw.root];
  return {
    file,
    language: raw.language,
    roots: roots.map(normaliseRoot),
    rules,
    shims: (raw.shims ?? []).map((shim) => ({ ...shim, remove_after: shim.remove_after ?? raw.defaults?.remove_after })),
    relocate: raw.relocate ?? [],
    tables: resolveTables(loaded),
    migrations: raw.migrations ?? {},
    separator,
    moveOfName,
    moveOfModule,
    hasNameMoves: (module) => movedNamesByModule.has(module),
    movedNames: (module) => movedNamesByModule.get(module) ?? [],
    oldModules: () => [...new Set(rules.map((rule) => rule.from))],
    lineOf,
    error: (path, detail) => new ImportMapError(file, lineOf(path), formatKeyPath(path), detail),
    extend: (entries) => (entries.length ? resolveImportMap({ ...loaded, raw: { ...raw, rewrite: [...(raw.rewrite ?? []), ...entries] } }, written) : resolveImportMap(loaded, written)),
  };
}

/** `schema.table` or `table`; `public.` (PostgreSQL's default schema) is the same as no schema. */
const tableId = (qualified: string): TableId => {
  const dot = qualified.indexOf('.');
  if (dot < 0 || qualified.slice(0, dot) === 'public') return { schema: undefined, name: qualified.slice(dot + 1) };
  return { schema: qualified.slice(0, dot), name: qualified.slice(dot + 1) };
};

const sameTable = (a: TableId, b: TableId): boolean => a.schema === b.schema && a.name === b.name;

/** `tables:` entries: a rename stays in its schema, each table is renamed once, and no entry chains onto another. */
function resolveTables(loaded: LoadedImportMap): TableRename[] {
  const renames: TableRename[] = [];
  for (const [index, entry] of (loaded.raw.tables ?? []).entries()) {
    if (entry.merge) fail(loaded, ['tables', index, 'merge'], 'merge is not supported yet: rename the tables, then copy the rows by hand');
    const from = tableId(entry.from);
    const written = tableId(entry.to);
    // `to` may leave out the schema: the table stays where it is
    const to = { schema: entry.to.includes('.') ? written.schema : from.schema, name: written.name };
    if (to.schema !== from.schema) fail(loaded, ['tables', index, 'to'], `moves '${entry.from}' to another schema ('${to.schema ?? 'public, the default schema'}'): only renames within a schema are supported`);
    if (sameTable(from, to)) fail(loaded, ['tables', index, 'to'], `'${entry.from}' is renamed to itself`);
    for (const other of renames) {
      if (sameTable(other.from, from)) fail(loaded, ['tables', index, 'from'], `'${entry.from}' is already renamed by tables[${other.index}]`);
      if (sameTable(other.to, to)) fail(loaded, ['tables', index, 'to'], `'${entry.to}' is also the new name of tables[${other.index}]`);
      if (sameTable(other.to, from) || sameTable(other.from, to)) fail(loaded, ['tables', index, 'from'], `chains onto tables[${other.index}]: write each table's final name once`);
    }
    renames.push({ index, from, to });
  }
  return renames;
}

function normaliseRoot(root: string): string {
  const cleaned = root.replace(/\\/g, '/').replace(/\/+$/, '').replace(/^\.\//, '');
  return cleaned === '' ? '.' : cleaned;
}

function conflict(loaded: LoadedImportMap, rule: RewriteRule, other: RewriteRule, what: string): never {
  fail(loaded, ['rewrite', rule.index, 'from'], `${what} is already sent to '${other.to}' by rewrite[${other.index}]; two entries cannot move it`);
}

function fail(loaded: LoadedImportMap, path: Array<string | number>, detail: string): never {
  throw new ImportMapError(loaded.file, loaded.lineOf(path), formatKeyPath(path), detail);
}

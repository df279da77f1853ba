import picomatch from 'picomatch';
import type { AuditModel, Collision, DanglingReference, DuplicateGroup } from './types';
import type { FileScan, ScannedReference } from '../schema/orm/types';
import type { ModuleGraph } from './modules';

/** SQL tables and Mongo collections never collide with each other. */
function store(model: AuditModel): 'mongo' | 'sql' {
  return model.orm === 'mongoose' ? 'mongo' : 'sql';
}

/** The schema a model's table lives in, with the default schema spelled out folded into "unqualified". */
export function schemaKey(schema: string | null | undefined, defaultSchema: string): string | null {
  return schema === undefined || schema === null || schema === defaultSchema ? null : schema;
}

/** Same (schema, table) mapped by more than one class. Proxy models share their parent's table by design and are left out. */
export function findDuplicates(models: readonly AuditModel[], defaultSchema: string): DuplicateGroup[] {
  const groups = new Map<string, DuplicateGroup>();
  for (const model of models) {
    if (model.proxy) continue;
    const schema = schemaKey(model.schema, defaultSchema);
    const key = `${store(model)}\0${schema ?? ''}\0${model.table}`;
    const group = groups.get(key) ?? { schema, table: model.table, models: [] };
    group.models.push(model);
    groups.set(key, group);
  }
  return [...groups.values()].filter((g) => g.models.length > 1).sort((a, b) => a.table.localeCompare(b.table) || (a.schema ?? '').localeCompare(b.schema ?? ''));
}

/** One table name in several schemas; one class name mapping several tables. */
export function findCollisions(models: readonly AuditModel[], defaultSchema: string): Collision[] {
  const out: Collision[] = [];
  const byTable = new Map<string, AuditModel[]>();
  const byClass = new Map<string, AuditModel[]>();
  for (const model of models) {
    if (model.proxy) continue;
    const tableKey = `${store(model)}\0${model.table}`;
    byTable.set(tableKey, [...(byTable.get(tableKey) ?? []), model]);
    byClass.set(model.class, [...(byClass.get(model.class) ?? []), model]);
  }
  for (const list of byTable.values()) {
    const schemas = [...new Set(list.map((m) => schemaKey(m.schema, defaultSchema)))];
    if (schemas.length > 1) {
      out.push({ kind: 'schema', table: list[0]!.table, schemas: schemas.sort((a, b) => (a ?? '').localeCompare(b ?? '')), models: list });
    }
  }
  for (const [name, list] of byClass) {
    const tables = [...new Set(list.map((m) => qualified(schemaKey(m.schema, defaultSchema), m.table)))];
    if (tables.length > 1) out.push({ kind: 'class-name', class: name, tables: tables.sort(), models: list });
  }
  return out.sort((a, b) => a.kind.localeCompare(b.kind) || (a.kind === 'schema' ? a.table : a.class).localeCompare(b.kind === 'schema' ? b.table : b.class));
}

export function qualified(schema: string | null, table: string): string {
  return schema ? `${schema}.${table}` : table;
}

/** Django's own apps: references into them are not dangling even though no scanned model defines them. */
const djangoContribApps = new Set(['auth', 'contenttypes', 'sites', 'admin', 'sessions', 'flatpages', 'redirects']);

/**
 * Foreign keys to a table and relationships to a class that no model defines.
 * A foreign key without a schema matches the table in any schema; one with a schema must match it.
 * Class references imported from outside the audited directory are not checked.
 */
export function findDangling(scans: readonly FileScan[], models: readonly AuditModel[], graph: ModuleGraph, defaultSchema: string): DanglingReference[] {
  const tables = new Map<string, Set<string | null>>();
  const classNames = new Set<string>();
  const djangoApps = new Set<string>();
  const djangoModels = new Set<string>();
  for (const model of models) {
    if (!tables.has(model.table)) tables.set(model.table, new Set());
    tables.get(model.table)!.add(schemaKey(model.schema, defaultSchema));
    classNames.add(model.class);
    for (const alias of model.aliases ?? []) classNames.add(alias);
    if (model.appLabel) djangoApps.add(model.appLabel);
    if (model.appLabel) djangoModels.add(`${model.appLabel}.${model.class}`);
  }
  const out: DanglingReference[] = [];
  const byClass = modelsByFileAndClass(models);
  for (const scan of scans) {
    if (scan.failure) continue;
    for (const ref of scan.references) {
      // a Django model's bare `"Invoice"` names a model of its own app
      const found = ref.appLabel === undefined && ref.class !== undefined ? byClass.get(`${scan.file}\0${ref.from}`) : undefined;
      const holder = found?.orm === 'django' ? found : undefined;
      const labelled = holder?.appLabel ? { ...ref, appLabel: holder.appLabel } : ref;
      const dangling = checkReference(labelled, scan, tables, classNames, { apps: djangoApps, models: djangoModels }, graph, defaultSchema);
      if (!dangling) continue;
      out.push({
        file: scan.file,
        line: ref.line,
        class: ref.from,
        kind: ref.kind,
        target: dangling,
        text: ref.text,
        suggestions: dangling.includes('.') && ref.table === undefined ? suggestLabels(dangling, [...djangoModels]) : suggest(ref.table ?? ref.class ?? '', ref.table !== undefined ? [...tables.keys()] : [...classNames]),
      });
    }
  }
  return out;
}

function checkReference(
  ref: ScannedReference,
  scan: FileScan,
  tables: Map<string, Set<string | null>>,
  classNames: Set<string>,
  django: { apps: Set<string>; models: Set<string> },
  graph: ModuleGraph,
  defaultSchema: string,
): string | undefined {
  if (ref.table !== undefined) {
    const schemas = tables.get(ref.table);
    const wanted = schemaKey(ref.schema, defaultSchema);
    if (!schemas) return qualified(wanted, ref.table);
    if (ref.schema !== undefined && !schemas.has(wanted)) return qualified(wanted, ref.table);
    return undefined;
  }
  const name = ref.class;
  if (!name) return undefined;
  if (ref.appLabel !== undefined && django.apps.has(ref.appLabel)) {
    // an audited app: the model must be one of its own (Django's fields.E300 otherwise)
    return django.models.has(`${ref.appLabel}.${name}`) ? undefined : `${ref.appLabel}.${name}`;
  }
  if (classNames.has(name)) return undefined;
  if (ref.appLabel !== undefined) {
    // 'auth.User' and apps that are not part of the audited code are someone else's models
    if (djangoContribApps.has(ref.appLabel) || django.apps.size > 0) return undefined;
    return `${ref.appLabel}.${name}`;
  }
  // a class imported from a package outside the audited directory is not ours to check
  for (const resolved of graph.importsOf(scan.file)) {
    const names = resolved.imp.locals ?? (Array.isArray(resolved.imp.names) ? resolved.imp.names : []);
    if (names.includes(name) && !resolved.file) return undefined;
    if (resolved.imp.names === '*' && !resolved.file) return undefined;
  }
  return name;
}

/** Each model by its file and class: the model a reference's holder is. */
export function modelsByFileAndClass(models: readonly AuditModel[]): Map<string, AuditModel> {
  return new Map(models.map((model) => [`${model.file}\0${model.class}`, model]));
}

/** For a Django label no app answers (`legacy.Invoice`): the model of that name in another app, else names alike. */
function suggestLabels(label: string, known: readonly string[]): string[] {
  const name = label.slice(label.lastIndexOf('.') + 1);
  const classOf = (known: string): string => known.slice(known.lastIndexOf('.') + 1);
  const same = known.filter((k) => classOf(k) === name).sort();
  const alike = suggest(name, known.map(classOf)).flatMap((c) => known.filter((k) => classOf(k) === c).sort());
  return [...new Set([...same, ...alike])].slice(0, 3);
}

/** Up to three known names that look like what a dangling reference meant (`users` -> `api_users`). */
function suggest(target: string, known: readonly string[]): string[] {
  if (!target) return [];
  const lower = target.toLowerCase();
  const singular = lower.replace(/s$/, '');
  const scored: Array<[number, string]> = [];
  for (const name of known) {
    const candidate = name.toLowerCase();
    if (candidate === lower) continue;
    let score = Infinity;
    if (candidate.endsWith(`_${lower}`) || candidate.startsWith(`${lower}_`) || candidate.endsWith(lower) || candidate.startsWith(lower)) score = 1;
    else if (candidate.replace(/s$/, '') === singular) score = 0;
    else {
      const distance = levenshtein(candidate, lower);
      if (distance <= Math.max(1, Math.floor(lower.length / 4))) score = 1 + distance;
    }
    if (score < Infinity) scored.push([score, name]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]))
    .slice(0, 3)
    .map(([, name]) => name);
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The rule that picks the canonical model of a duplicate group, and why. */
export interface CanonicalChoice {
  canonical: AuditModel;
  runnerUp: AuditModel;
  /** one line: "matches --prefer 'db/models/**'", "37 columns vs 12", "2 relationships vs 0", "14 importers vs 3", "first by path" */
  reason: string;
}

/**
 * Picks the canonical model of a group: first the one whose file matches the earliest `prefer` glob, then a Django
 * model its own migrations manage over one declared `managed = False` (a view of the other's table), then more
 * columns, then more relationships (the fuller model of the table), then more importers, then the shorter path (a
 * stable, arbitrary tie-break).
 */
export function pickCanonical(models: readonly AuditModel[], prefer: readonly string[]): CanonicalChoice {
  const matchers = prefer.map((glob) => picomatch(glob, { dot: true }));
  const rank = (m: AuditModel): number => {
    const index = matchers.findIndex((match) => match(m.file));
    return index < 0 ? matchers.length : index;
  };
  const sorted = [...models].sort(
    (a, b) => rank(a) - rank(b) || Number(!!a.unmanaged) - Number(!!b.unmanaged) || b.columns - a.columns || b.relationships - a.relationships || b.importers - a.importers || a.file.length - b.file.length || a.file.localeCompare(b.file) || a.line - b.line,
  );
  const canonical = sorted[0]!;
  const runnerUp = sorted[1]!;
  let reason: string;
  if (rank(canonical) < rank(runnerUp)) reason = `matches --prefer '${prefer[rank(canonical)]}'${rank(runnerUp) < prefer.length ? ` (runner-up matches only '${prefer[rank(runnerUp)]}')` : ''}`;
  else if (!canonical.unmanaged && runnerUp.unmanaged) reason = `managed by its app's migrations (the runner-up is managed = False)`;
  else if (canonical.columns !== runnerUp.columns) reason = `more columns (${canonical.columns} vs ${runnerUp.columns})`;
  else if (canonical.relationships !== runnerUp.relationships) reason = `same columns (${canonical.columns}), more relationships (${canonical.relationships} vs ${runnerUp.relationships})`;
  else if (canonical.importers !== runnerUp.importers) reason = `same columns (${canonical.columns}), more importers (${canonical.importers} vs ${runnerUp.importers})`;
  else reason = `tie on columns (${canonical.columns}) and importers (${canonical.importers}): shorter path`;
  return { canonical, runnerUp, reason };
}

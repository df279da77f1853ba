import { escapeRegExp } from '../../core/regexp';
import type { TableId, TableRename } from '../../importmap/types';


/** `schema.table` as written in a map, an FK string or a message; the bare name for the default schema. */
export const qualifiedName = (table: TableId): string => (table.schema ? `${table.schema}.${table.name}` : table.name);

/** The summary's label of a table rename, e.g. `table users -> api_users`. */
export const tableRenameLabel = (rename: TableRename): string => `table ${qualifiedName(rename.from)} -> ${qualifiedName(rename.to)}`;

/** SQL that names tables: a string holding one of these and an old table name is listed for review, never rewritten. */
export const sqlShape = /\b(select\b[\s\S]*\bfrom|insert\s+into|update\s+["`\w.]+\s+set|delete\s+from|join|alter\s+table|truncate|create\s+(unique\s+)?(table|index)|drop\s+table|references)\b/i;

/** The rename whose old table a text (SQL) names as a whole word, schema-qualified where the rename is. */
export function mentionedRename(text: string, renames: readonly TableRename[]): TableRename | undefined {
  return renames.find((rename) => new RegExp(`(^|[^\\w.])${rename.from.schema ? `${escapeRegExp(rename.from.schema)}\\.` : ''}"?${escapeRegExp(rename.from.name)}"?(?!\\w)`).test(text));
}

/** PostgreSQL's default schema, which an unqualified name means. */
const defaultSchema = (schema: string | undefined): string | undefined => (schema === 'public' ? undefined : schema);

export const sameTable = (a: TableId, b: TableId): boolean => defaultSchema(a.schema) === defaultSchema(b.schema) && a.name === b.name;

export function renameOf(renames: readonly TableRename[], table: TableId): TableRename | undefined {
  return renames.find((rename) => sameTable(rename.from, table));
}

/**
 * The new name of a database object whose name embeds a renamed table (`ix_users_email` → `ix_api_users_email`,
 * `users_pkey`, `users_id_seq`): the old table name where it stands as a whole `_`-separated part. Left alone: a part
 * that belongs to the new name already (`ix_event_customer_reviews_x` holds `customer_reviews`: renaming twice
 * changes nothing) and, for an object of another table (a foreign key *to* the renamed one), that table's own name
 * (`station_users_user_id_fkey` names `station_users`, not `users`). The generated migrations apply the same rule
 * (`objectRenameRulePython`), so that model code and database agree.
 */
export function renamedObjectName(object: string, from: string, to: string, owner?: string): string | undefined {
  const spans = (name: string): Array<[number, number]> => [...object.matchAll(new RegExp(`(^|_)(${escapeRegExp(name)})(?=_|$)`, 'g'))].map((m) => [m.index + m[1]!.length, m.index + m[0].length]);
  const keep = [...spans(to), ...(owner && owner !== from ? spans(owner) : [])];
  const renamed = object.replace(new RegExp(`(^|_)${escapeRegExp(from)}(?=_|$)`, 'g'), (whole, lead: string, offset: number) => {
    const at = offset + lead.length;
    return keep.some(([start, end]) => start <= at && at < end) ? whole : `${lead}${to}`;
  });
  return renamed === object ? undefined : renamed;
}

/** The same rule in Python, for the generated migrations (kept next to the TypeScript one so that they agree). */
export const objectRenameRulePython = `def _renamed(name, old, new, owner=None):
    """\`name\` with the table \`old\` (a whole \`_\` part) replaced by \`new\`, \`owner\` kept."""
    if not name:
        return None
    part = r"(^|_)(%s)(?=_|$)"
    keep = [m.span(2) for m in re.finditer(part % re.escape(new), name)]
    if owner and owner != old:
        keep += [m.span(2) for m in re.finditer(part % re.escape(owner), name)]

    def swap(match):
        if any(start <= match.start(2) < end for start, end in keep):
            return match.group(0)
        return match.group(1) + new

    renamed = re.sub(part % re.escape(old), swap, name)
    return renamed if renamed != name else None`;

import type { TableId, TableRename } from '../../importmap/types';

/** `schema.table` as written in a map, an FK string or a message; the bare name for the default schema. */
export const qualifiedName = (table: TableId): string => (table.schema ? `${table.schema}.${table.name}` : table.name);

export const sameTable = (a: TableId, b: TableId): boolean => a.schema === b.schema && a.name === b.name;

export function renameOf(renames: readonly TableRename[], table: TableId): TableRename | undefined {
  return renames.find((rename) => sameTable(rename.from, table));
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The new name of a database object whose name embeds a renamed table (`ix_users_email` → `ix_api_users_email`,
 * `users_pkey`, `users_id_seq`): the old table name where it stands as a whole `_`-separated part. `owner` is the table
 * the object belongs to when that is another table (a foreign key *to* the renamed one): its own name is left alone
 * (`station_users_user_id_fkey` names `station_users`, not `users`). The generated migrations apply the same rule
 * (`objectRenameRulePython`), so that model code and database agree.
 */
export function renamedObjectName(object: string, from: string, to: string, owner?: string): string | undefined {
  const ownerSpan = owner && owner !== from ? new RegExp(`(^|_)${escape(owner)}(?=_|$)`).exec(object) : null;
  const [start, end] = ownerSpan ? [ownerSpan.index + ownerSpan[1]!.length, ownerSpan.index + ownerSpan[0].length] : [-1, -1];
  const renamed = object.replace(new RegExp(`(^|_)${escape(from)}(?=_|$)`, 'g'), (whole, lead: string, offset: number) => {
    const at = offset + lead.length;
    return at >= start && at < end ? whole : `${lead}${to}`;
  });
  return renamed === object ? undefined : renamed;
}

/** The same rule in Python, for the generated migrations (kept next to the TypeScript one so that they agree). */
export const objectRenameRulePython = `def _renamed(name, old, new, owner=None):
    """\`name\` with the table \`old\` (a whole \`_\` part) replaced by \`new\`, \`owner\` kept."""
    if not name:
        return None
    keep = (-1, -1)
    if owner and owner != old:
        found = re.search(r"(^|_)%s(?=_|$)" % re.escape(owner), name)
        if found:
            keep = (found.start() + len(found.group(1)), found.end())

    def swap(match):
        at = match.start() + len(match.group(1))
        return match.group(0) if keep[0] <= at < keep[1] else match.group(1) + new

    renamed = re.sub(r"(^|_)%s(?=_|$)" % re.escape(old), swap, name)
    return renamed if renamed != name else None`;

import type { IndexSchema, Origin } from '../model';

/** `CREATE [UNIQUE] INDEX name ON table (a, b)`: the one kind of raw SQL the replays understand. */
const createIndexSql = /^\s*create\s+(unique\s+)?index\s+(?:if\s+not\s+exists\s+)?"?(\w+)"?\s+on\s+"?(?:(\w+)"?\."?)?(\w+)"?\s*\(([^)]*)\)\s*;?\s*$/i;

/** The index a raw `CREATE INDEX` statement makes, with the table it is on; undefined for any other SQL. */
export function createIndexStatement(sql: string, origin: Origin): { schema?: string; table: string; index: IndexSchema } | undefined {
  const found = createIndexSql.exec(sql);
  if (!found) return undefined;
  return { ...(found[3] ? { schema: found[3] } : {}), table: found[4]!, index: { name: found[2]!, columns: found[5]!.split(',').map((c) => c.trim().replace(/"/g, '')), unique: !!found[1], origin } };
}

/** The tables among `tables` that raw SQL names (a word match: what an unresolved step may touch). */
export function tablesNamedIn(tables: Iterable<string>, sql: string): string[] {
  return [...tables].filter((key) => new RegExp(`\\b${key.replace(/\./g, '\\.')}\\b`).test(sql));
}

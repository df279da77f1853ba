import type { Node } from '../languages/python/syntax';
import { normaliseType } from './column-types';
import { serverDefaultValue } from './server-defaults';
import { calleeName, keywordArg, kids, stringValue } from './orm/python/nodes';

/** What a `Column(...)` / `sa.Column(...)` / `mapped_column(...)` call says about its column. */
export interface ColumnCall {
  name?: string;
  type?: string;
  nullable?: boolean;
  primaryKey: boolean;
  unique: boolean;
  index: boolean;
  /** `default=` / `server_default=` as written */
  default?: string;
  serverDefault?: string;
  /** `server_default=` as the database holds it, normalised (undefined: absent, or an expression not understood) */
  serverDefaultValue?: string;
  /** `ForeignKey("schema.table.col")` targets */
  foreignKeys: Array<{ schema?: string; table: string; column: string; name?: string }>;
}


/** `"users.id"` / `"identity.users.id"` as a foreign key target. */
export function foreignKeyTarget(text: string): { schema?: string; table: string; column: string } | undefined {
  const parts = text.split('.');
  if (parts.length === 2) return { table: parts[0]!, column: parts[1]! };
  if (parts.length === 3) return { schema: parts[0]!, table: parts[1]!, column: parts[2]! };
  return undefined;
}

export const isColumnCall = (node: Node): boolean => node.type === 'call' && ['Column', 'mapped_column'].includes(calleeName(node));

export function readColumnCall(call: Node): ColumnCall {
  const out: ColumnCall = { primaryKey: false, unique: false, index: false, foreignKeys: [] };
  const args = kids(call.childForFieldName('arguments'));
  for (const [position, arg] of args.entries()) {
    if (arg.type === 'keyword_argument') {
      const key = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (!value) continue;
      if (key === 'nullable') out.nullable = value.type === 'true' ? true : value.type === 'false' ? false : undefined;
      else if (key === 'primary_key') out.primaryKey = value.type === 'true';
      else if (key === 'unique') out.unique = value.type === 'true';
      else if (key === 'index') out.index = value.type === 'true';
      else if (key === 'type_') out.type = normaliseType(value);
      else if (key === 'name') out.name = stringValue(value);
      else if (key === 'default') out.default = value.text;
      else if (key === 'server_default' && value.type !== 'none') {
        out.serverDefault = value.text;
        const normalised = serverDefaultValue(value);
        if (normalised !== undefined) out.serverDefaultValue = normalised;
      }
      continue;
    }
    if (position === 0 && stringValue(arg) !== undefined) {
      out.name = stringValue(arg);
      continue;
    }
    if (arg.type === 'call' && calleeName(arg) === 'ForeignKey') {
      const fkArgs = kids(arg.childForFieldName('arguments'));
      const first = fkArgs[0] ? stringValue(fkArgs[0]) : undefined;
      const target = first ? foreignKeyTarget(first) : undefined;
      const nameArg = keywordArg(fkArgs, 'name');
      if (target) out.foreignKeys.push({ ...target, ...(nameArg && stringValue(nameArg) ? { name: stringValue(nameArg)! } : {}) });
      continue;
    }
    if (out.type === undefined && (arg.type === 'call' || arg.type === 'identifier' || arg.type === 'attribute')) out.type = normaliseType(arg);
  }
  return out;
}

import type { Node } from '../languages/python/syntax';
import { keywordArg, kids, lastSegment } from './orm/python/nodes';

const names: Record<string, string> = {
  string: 'varchar', varchar: 'varchar', unicode: 'varchar', char: 'char',
  text: 'text', unicodetext: 'text',
  integer: 'integer', int: 'integer', biginteger: 'bigint', bigint: 'bigint', smallinteger: 'smallint', smallint: 'smallint',
  boolean: 'boolean', bool: 'boolean',
  datetime: 'datetime', timestamp: 'datetime', date: 'date', time: 'time', interval: 'interval',
  numeric: 'numeric', decimal: 'numeric', float: 'float', real: 'float',
  json: 'json', jsonb: 'jsonb', uuid: 'uuid', enum: 'enum', largebinary: 'blob', binary: 'blob', blob: 'blob',
};

/**
 * A SQLAlchemy type expression (`sa.String(length=255)`, `String(255)`, `postgresql.JSONB`, `sa.Numeric(10, 2)`,
 * `DateTime(timezone=True)`) as one comparable string: `varchar(255)`, `numeric(10,2)`, `datetime(tz)`.
 */
export function normaliseType(node: Node): string | undefined {
  const callee = node.type === 'call' ? node.childForFieldName('function') : node;
  if (!callee || (callee.type !== 'identifier' && callee.type !== 'attribute')) return undefined;
  const raw = lastSegment(callee.text);
  const name = names[raw.toLowerCase()] ?? raw.toLowerCase();
  if (node.type !== 'call') return name;
  const args = kids(node.childForFieldName('arguments'));
  const keyword = (key: string): string | undefined => keywordArg(args, key)?.text;
  const numbers = args.filter((a) => a.type === 'integer').map((a) => a.text);
  if (name === 'varchar' || name === 'char') {
    const length = keyword('length') ?? numbers[0];
    return length ? `${name}(${length})` : name;
  }
  if (name === 'numeric') {
    const precision = keyword('precision') ?? numbers[0];
    const scale = keyword('scale') ?? numbers[1];
    return precision ? `numeric(${precision}${scale ? `,${scale}` : ''})` : name;
  }
  if (name === 'datetime' && keyword('timezone') === 'True') return 'datetime(tz)';
  return name;
}

/** The type a `Mapped[...]` annotation implies when `mapped_column()` names none (SQLAlchemy 2.0's type map). */
export function typeOfAnnotation(inner: string): string | undefined {
  const map: Record<string, string> = { int: 'integer', str: 'varchar', bool: 'boolean', float: 'float', datetime: 'datetime', 'datetime.datetime': 'datetime', date: 'date', 'datetime.date': 'date', Decimal: 'numeric', dict: 'json', bytes: 'blob' };
  return map[inner.trim()];
}

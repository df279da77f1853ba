import type { Node } from '../languages/python/syntax';
import { argumentsOf, calleeName, stringValue } from './orm/python/nodes';

const timestampFunctions = new Set(['now', 'current_timestamp', 'localtimestamp', 'sysdate']);

/** SQL default text as the database gives it back: outer parentheses and quotes off, `now()` = CURRENT_TIMESTAMP. */
function normaliseSql(sql: string): string {
  let text = sql.trim();
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/^\((.*)\)$/s, '$1').replace(/^"?'(.*)'"?$/s, '$1').trim();
  }
  const lower = text.toLowerCase();
  if (lower === 'now()' || lower === 'current_timestamp' || lower === 'current_timestamp()') return 'CURRENT_TIMESTAMP';
  if (lower === 'true') return '1';
  if (lower === 'false') return '0';
  return /^\w+\(\)$/.test(text) ? lower : text;
}

/**
 * A `server_default=` value (`"0"`, `sa.text("'active'")`, `func.now()`, `sa.false()`) as the text the database
 * holds, normalised so that two spellings of one default compare equal; undefined for an expression not understood.
 */
export function serverDefaultValue(node: Node): string | undefined {
  const literal = stringValue(node);
  if (literal !== undefined) return normaliseSql(literal);
  if (node.type === 'integer' || node.type === 'float') return node.text;
  if (node.type !== 'call') return undefined;
  const callee = calleeName(node);
  const args = argumentsOf(node);
  if (callee === 'text' || callee === 'literal_column') {
    const sql = args[0] ? stringValue(args[0]) : undefined;
    return sql === undefined ? undefined : normaliseSql(sql);
  }
  if (callee === 'true' || callee === 'false') return callee === 'true' ? '1' : '0';
  if (!/\bfunc\./.test(node.childForFieldName('function')?.text ?? '')) return undefined;
  if (timestampFunctions.has(callee.toLowerCase())) return 'CURRENT_TIMESTAMP';
  // `func.gen_random_uuid()`: the call the database holds, as `text("gen_random_uuid()")` spells it
  return args.length ? undefined : `${callee.toLowerCase()}()`;
}

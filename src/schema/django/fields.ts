import type { Node } from '../../languages/python/syntax';
import { argumentsOf, calleeName, keywordArg, kids, positionalArgs, stringList, stringValue } from '../orm/python/nodes';
import type { Origin } from '../model';
import { relationKinds, type CustomFields, type DjangoField, type DjangoIndex } from './types';

/** Field classes with no column of their own. */
const virtualFields = new Set(['GenericForeignKey', 'GenericRelation']);

const boolean = (node: Node | undefined): boolean | undefined => (node?.type === 'true' ? true : node?.type === 'false' ? false : undefined);
const integer = (node: Node | undefined): number | undefined => (node?.type === 'integer' ? Number(node.text) : undefined);

/** `models.CharField(...)`, `ForeignKey(...)`, a project field class: a call whose class names a field. */
export function isFieldCall(node: Node | null | undefined, customKinds: CustomFields): node is Node {
  if (node?.type !== 'call') return false;
  const kind = calleeName(node);
  return !virtualFields.has(kind) && (kind.endsWith('Field') || relationKinds.has(kind) || customKinds.has(kind));
}

/** A relation's `to`: a string (`"shop.Customer"`), a class (`Customer`) or `settings.AUTH_USER_MODEL`. */
function targetText(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const text = stringValue(node);
  if (text !== undefined) return text;
  return node.type === 'identifier' || node.type === 'attribute' ? node.text : undefined;
}

/**
 * One field call as plain facts. `customKinds` maps a project's own field classes (`class MoneyField(DecimalField)`)
 * to the Django field they build on and the options they fix.
 */
export function readField(name: string, call: Node, origin: Origin, customKinds: CustomFields): DjangoField {
  const written = calleeName(call);
  const custom = customKinds.get(written);
  const kind = custom?.kind ?? written;
  const args = argumentsOf(call);
  const keyword = (key: string): Node | undefined => keywordArg(args, key);
  const field: DjangoField = { name, kind, null: boolean(keyword('null')) ?? false, primaryKey: boolean(keyword('primary_key')) ?? false, unique: boolean(keyword('unique')) ?? false, origin };
  const dbIndex = boolean(keyword('db_index'));
  if (dbIndex !== undefined) field.dbIndex = dbIndex;
  const dbColumn = keyword('db_column') && stringValue(keyword('db_column')!);
  if (dbColumn) field.dbColumn = dbColumn;
  const maxLength = integer(keyword('max_length')) ?? custom?.defaults.maxLength;
  if (maxLength !== undefined) field.maxLength = maxLength;
  const maxDigits = integer(keyword('max_digits')) ?? custom?.defaults.maxDigits;
  if (maxDigits !== undefined) field.maxDigits = maxDigits;
  const decimalPlaces = integer(keyword('decimal_places')) ?? custom?.defaults.decimalPlaces;
  if (decimalPlaces !== undefined) field.decimalPlaces = decimalPlaces;
  if (relationKinds.has(kind)) {
    const to = targetText(keyword('to') ?? positionalArgs(args)[0]);
    if (to) field.to = to;
    if (boolean(keyword('db_constraint')) === false) field.noConstraint = true;
    const toField = keyword('to_field') && stringValue(keyword('to_field')!);
    if (toField) field.toField = toField;
    const through = targetText(keyword('through'));
    if (through) field.through = through;
    const dbTable = keyword('db_table') && stringValue(keyword('db_table')!);
    if (dbTable) field.dbTable = dbTable;
    const relatedName = keyword('related_name') && stringValue(keyword('related_name')!);
    if (relatedName) field.relatedName = relatedName;
  }
  return field;
}

/** `("a", "b")`, `(("a", "b"), ("c",))`, `[["a", "b"]]`, `{("a", "b")}`: unique_together / index_together. */
export function readTogether(node: Node, origin: Origin): DjangoIndex[] {
  const items = kids(node);
  if (items.length && items.every((item) => stringValue(item) !== undefined)) return [{ fields: stringList(node), origin }];
  return items.filter((item) => ['tuple', 'list'].includes(item.type)).map((item) => ({ fields: stringList(item), origin: { ...origin, line: item.startPosition.row + 1 } }));
}

/** `models.Index(fields=[...], name=...)` (descending `-field` as its field) or `UniqueConstraint(fields=..., name=...)`. */
export function readIndexCall(call: Node, origin: Origin): DjangoIndex & { kind: string; conditional: boolean } {
  const args = argumentsOf(call);
  const fields = stringList(keywordArg(args, 'fields')).map((f) => f.replace(/^-/, ''));
  const name = keywordArg(args, 'name') && stringValue(keywordArg(args, 'name')!);
  return { kind: calleeName(call), fields, ...(name ? { name } : {}), conditional: !!keywordArg(args, 'condition') || !!keywordArg(args, 'expressions') || positionalArgs(args).length > 0, origin };
}

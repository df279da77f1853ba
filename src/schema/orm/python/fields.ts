import type { ScannedReference } from '../types';
import { type Node } from '../../../languages/python/syntax';
import { kids, lastSegment, stringValue } from './nodes';

export interface MetaFacts {
  dbTable?: string;
  /** Peewee's `table_name`, Tortoise's `table` */
  tableName?: string;
  abstract?: boolean;
  proxy?: boolean;
  /** Django `managed = False`: a model whose table no migration of its own creates */
  unmanaged?: boolean;
  appLabel?: string;
}

const columnCalls = new Set(['Column', 'mapped_column']);
const relationshipCalls = new Set(['relationship', 'relation', 'dynamic_loader']);
export const djangoRelationFields = new Set([
  'ForeignKey',
  'OneToOneField',
  'ManyToManyField',
  'ParentalKey',
  'ParentalManyToManyField',
  'TreeForeignKey',
  'TreeOneToOneField',
  'TreeManyToManyField',
  'GenericForeignKey',
  'GenericRelation',
]);
/** Django fields with no column of their own. */
export const djangoVirtualFields = new Set(['ManyToManyField', 'ParentalManyToManyField', 'TreeManyToManyField', 'GenericForeignKey', 'GenericRelation']);

export function classifyValue(value: Node): 'column' | 'relationship' | undefined {
  if (value.type !== 'call') return undefined;
  const callee = lastSegment(value.childForFieldName('function')?.text ?? '');
  if (columnCalls.has(callee)) return 'column';
  if (relationshipCalls.has(callee)) return 'relationship';
  return undefined;
}

export function isMappedAnnotation(annotation: Node): boolean {
  const inner = kids(annotation)[0];
  if (!inner) return false;
  const head = inner.type === 'generic_type' || inner.type === 'subscript' ? kids(inner)[0] : inner;
  return !!head && lastSegment(head.text) === 'Mapped';
}

export function readDjangoMeta(node: Node): MetaFacts {
  const meta: MetaFacts = {};
  const body = node.childForFieldName('body');
  for (const statement of body ? kids(body) : []) {
    const assignment = statement.type === 'expression_statement' ? kids(statement)[0] : undefined;
    if (assignment?.type !== 'assignment') continue;
    const name = assignment.childForFieldName('left')?.text;
    const right = assignment.childForFieldName('right');
    if (!right) continue;
    if (name === 'db_table') meta.dbTable = stringValue(right);
    if (name === 'table_name' || name === 'table') meta.tableName = stringValue(right);
    if (name === 'app_label') meta.appLabel = stringValue(right);
    if (name === 'abstract') meta.abstract = right.type === 'true';
    if (name === 'proxy') meta.proxy = right.type === 'true';
    if (name === 'managed') meta.unmanaged = right.type === 'false';
  }
  return meta;
}

/** `{"schema": "x"}` or `(Index(...), {"schema": "x"})`. */
export function readTableArgs(value: Node): { schema: string | null; extendExisting: boolean } {
  let dict: Node | undefined;
  if (value.type === 'dictionary') dict = value;
  else if (value.type === 'tuple' || value.type === 'parenthesized_expression') {
    const items = kids(value);
    const last = items[items.length - 1];
    if (last?.type === 'dictionary') dict = last;
  } else if (value.type === 'call' && value.childForFieldName('function')?.text === 'dict') {
    const args = value.childForFieldName('arguments');
    let schema: string | null = null;
    let extendExisting = false;
    for (const arg of kids(args)) {
      if (arg.type !== 'keyword_argument') continue;
      const key = arg.childForFieldName('name')?.text;
      const v = arg.childForFieldName('value');
      if (key === 'schema' && v) schema = stringValue(v) ?? null;
      if (key === 'extend_existing') extendExisting = v?.type === 'true';
    }
    return { schema, extendExisting };
  }
  let schema: string | null = null;
  let extendExisting = false;
  for (const pair of dict ? kids(dict) : []) {
    if (pair.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const v = pair.childForFieldName('value');
    const keyText = key ? stringValue(key) : undefined;
    if (keyText === 'schema' && v) schema = stringValue(v) ?? null;
    if (keyText === 'extend_existing') extendExisting = v?.type === 'true';
  }
  return { schema, extendExisting };
}

/** `Table("name", metadata, Column(...), ..., schema="s")`, also `sa.Table` / `db.Table`. */
export function readTableCall(value: Node): { name: string; schema: string | null; columns: number } | undefined {
  if (value.type !== 'call') return undefined;
  if (lastSegment(value.childForFieldName('function')?.text ?? '') !== 'Table') return undefined;
  const args = kids(value.childForFieldName('arguments'));
  const first = args[0];
  const name = first ? stringValue(first) : undefined;
  if (name === undefined) return undefined;
  let schema: string | null = null;
  let columns = 0;
  for (const arg of args.slice(1)) {
    if (arg.type === 'keyword_argument') {
      if (arg.childForFieldName('name')?.text === 'schema') schema = stringValue(arg.childForFieldName('value')!) ?? null;
    } else if (classifyValue(arg) === 'column') {
      columns++;
    }
  }
  return { name, schema, columns };
}

/** Every `ForeignKey("schema.table.col")` and `ForeignKeyConstraint([...], ["table.col"])` below `node`. */
export function foreignKeysIn(node: Node, from: string): ScannedReference[] {
  const out: ScannedReference[] = [];
  for (const call of [node, ...node.descendantsOfType('call')]) {
    if (!call || call.type !== 'call') continue;
    const callee = lastSegment(call.childForFieldName('function')?.text ?? '');
    const args = kids(call.childForFieldName('arguments'));
    let targets: Node[] = [];
    if (callee === 'ForeignKey') targets = args.slice(0, 1).concat(keywordValues(args, 'column'));
    else if (callee === 'ForeignKeyConstraint') {
      const refcolumns = args[1] ?? keywordValues(args, 'refcolumns')[0];
      if (refcolumns && (refcolumns.type === 'list' || refcolumns.type === 'tuple')) targets = kids(refcolumns).slice(0, 1);
    }
    for (const target of targets) {
      const text = stringValue(target);
      if (!text) continue; // ForeignKey(User.id): a class attribute, checked by Python itself
      const parts = text.split('.');
      if (parts.length < 2) continue;
      const table = parts[parts.length - 2]!;
      const schema = parts.length > 2 ? parts.slice(0, -2).join('.') : undefined;
      out.push({ from, line: call.startPosition.row + 1, kind: 'foreign-key', table, ...(schema ? { schema } : {}), text: `${callee}(${JSON.stringify(text)})` });
    }
  }
  return out;
}

/** `relationship("Customer")`, `relationship("models.Customer")`, `Mapped[List["Customer"]] = relationship()`, `secondary="t"`. */
export function relationshipTargets(call: Node, from: string, annotation?: Node): ScannedReference[] {
  const out: ScannedReference[] = [];
  const args = kids(call.childForFieldName('arguments'));
  const line = call.startPosition.row + 1;
  const first = args[0] && args[0].type !== 'keyword_argument' ? args[0] : keywordValues(args, 'argument')[0];
  let target = first ? stringValue(first) : undefined;
  if (target === undefined && !first && annotation) {
    const strings = annotation.descendantsOfType('string');
    const last = strings[strings.length - 1];
    if (last) target = stringValue(last);
  }
  if (target && /^[A-Za-z_][\w.]*$/.test(target)) {
    out.push({ from, line, kind: 'relationship', class: lastSegment(target), text: `relationship(${JSON.stringify(target)})` });
  }
  const secondary = keywordValues(args, 'secondary')[0];
  const secondaryText = secondary ? stringValue(secondary) : undefined;
  if (secondaryText && /^[A-Za-z_][\w.]*$/.test(secondaryText)) {
    const parts = secondaryText.split('.');
    out.push({
      from,
      line,
      kind: 'foreign-key',
      table: parts[parts.length - 1]!,
      ...(parts.length > 1 ? { schema: parts.slice(0, -1).join('.') } : {}),
      text: `secondary=${JSON.stringify(secondaryText)}`,
    });
  }
  return out;
}

/** `ForeignKey("app.Model")`, `ForeignKey(to="Model")`; identifiers and settings.AUTH_USER_MODEL are left to Python. */
export function djangoTarget(call: Node): { class: string; appLabel?: string } | undefined {
  const args = kids(call.childForFieldName('arguments'));
  const first = args[0] && args[0].type !== 'keyword_argument' ? args[0] : keywordValues(args, 'to')[0];
  const text = first ? stringValue(first) : undefined;
  if (!text || text === 'self' || !/^[A-Za-z_][\w.]*$/.test(text)) return undefined;
  const dot = text.lastIndexOf('.');
  return dot < 0 ? { class: text } : { class: text.slice(dot + 1), appLabel: text.slice(0, dot) };
}

function keywordValues(args: Node[], keyword: string): Node[] {
  return args.filter((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === keyword).flatMap((a) => kids(a).slice(1));
}

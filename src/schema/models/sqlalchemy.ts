import { parsePython, type Node } from '../../languages/python/syntax';
import { typeOfAnnotation } from '../column-types';
import { foreignKeyTarget, isColumnCall, readColumnCall } from '../columns';
import { emptySchema, newTable, serverDefaultOf, tableKey, type ColumnSchema, type Origin, type SchemaModel, type TableSchema } from '../model';
import { readTableArgs } from '../orm/python/fields';
import { calleeName, keywordArg, kids, lastSegment, stringValue } from '../orm/python/nodes';

/** A mapped attribute of a model class and the column it maps (inventory). */
export interface ModelField {
  /** the attribute on the class, as the mapper names it */
  name: string;
  /** the database column */
  column: string;
  type?: string;
  nullable: boolean;
  primaryKey: boolean;
  unique: boolean;
  index: boolean;
  default?: string;
  serverDefault?: ColumnSchema['serverDefault'];
  foreignKey?: string;
  origin: Origin;
}

export interface ModelRelation {
  name: string;
  /** the class it points to */
  target: string;
  secondary?: string;
  uselist?: boolean;
  backPopulates?: string;
  backref?: string;
  origin: Origin;
}

/** One mapped class as the inventory describes it. */
export interface ModelDescription {
  name: string;
  file: string;
  line: number;
  table: string;
  bases: string[];
  fields: ModelField[];
  relations: ModelRelation[];
}

function readRelationship(name: string, call: Node, annotation: { inner: string } | undefined, origin: Origin): ModelRelation {
  const list = kids(call.childForFieldName('arguments'));
  const keyword = (key: string): Node | undefined => keywordArg(list, key);
  const first = list.find((a) => a.type !== 'keyword_argument');
  // relationship("Customer") / relationship(Customer) / Mapped[List["Customer"]] = relationship()
  let target = first ? stringValue(first) ?? first.text : annotation ? annotation.inner.replace(/^(?:typing\.)?(?:List|list|Set|set)\[(.+)\]$/, '$1') : '';
  target = lastSegment(target.replace(/["']/g, ''));
  const secondary = keyword('secondary');
  const uselist = keyword('uselist');
  const backPopulates = keyword('back_populates');
  const backref = keyword('backref');
  return {
    name,
    target,
    ...(secondary ? { secondary: stringValue(secondary) ?? secondary.text } : {}),
    ...(uselist ? { uselist: uselist.type === 'true' } : {}),
    ...(backPopulates && stringValue(backPopulates) ? { backPopulates: stringValue(backPopulates)! } : {}),
    ...(backref ? { backref: stringValue(backref) ?? backref.text } : {}),
    origin,
  };
}

interface ClassInfo {
  name: string;
  file: string;
  node: Node;
  bases: string[];
  tablename?: string;
  abstract: boolean;
}

const assignmentOf = (statement: Node): Node | undefined => (statement.type === 'expression_statement' ? kids(statement).find((k) => k.type === 'assignment') : undefined);

/** `Mapped[Optional[int]]` → { inner: 'int', optional: true }; undefined for what is no `Mapped[...]`. */
function mappedAnnotation(annotation: Node | null | undefined): { inner: string; optional: boolean } | undefined {
  const text = annotation?.text.replace(/\s+/g, '');
  const found = text ? /^(?:\w+\.)?Mapped\[(.+)\]$/.exec(text) : null;
  if (!found) return undefined;
  let inner = found[1]!.replace(/^["']|["']$/g, '');
  let optional = false;
  const wrapped = /^(?:typing\.)?Optional\[(.+)\]$/.exec(inner);
  if (wrapped) [inner, optional] = [wrapped[1]!, true];
  if (/\|None$|^None\|/.test(inner)) [inner, optional] = [inner.replace(/\|None$|^None\|/, ''), true];
  return { inner, optional };
}

class ModelReader {
  readonly schema = emptySchema();
  /** by class name: one name may be defined in several modules (duplicates are what remodel consolidates) */
  private readonly classes = new Map<string, ClassInfo[]>();

  /** `preferred`: files of the models the migrations' metadata loads, which win where two models map one table */
  constructor(private readonly preferred: (file: string) => boolean) {}

  private setTable(table: TableSchema, file: string): void {
    const key = tableKey(table.schema, table.name);
    const existing = this.schema.tables.get(key);
    if (existing && this.preferred(existing.origin.file) && !this.preferred(file)) return;
    this.schema.tables.set(key, table);
  }

  collect(file: string, root: Node): void {
    for (const statement of kids(root)) {
      const node = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (node?.type === 'class_definition') {
        const name = node.childForFieldName('name')?.text ?? '';
        const bases = kids(node.childForFieldName('superclasses')).filter((b) => b.type !== 'keyword_argument').map((b) => lastSegment(b.text));
        const body = node.childForFieldName('body');
        let tablename: string | undefined;
        let abstract = false;
        for (const inner of kids(body)) {
          const assignment = assignmentOf(inner);
          const left = assignment?.childForFieldName('left')?.text;
          const right = assignment?.childForFieldName('right');
          if (left === '__tablename__' && right) tablename = stringValue(right);
          if (left === '__abstract__' && right?.type === 'true') abstract = true;
        }
        this.classes.set(name, [...(this.classes.get(name) ?? []), { name, file, node, bases, ...(tablename !== undefined ? { tablename } : {}), abstract }]);
      }
      // `users_roles = Table("users_roles", metadata, Column(...), schema=...)`
      const assignment = assignmentOf(statement);
      const value = assignment?.childForFieldName('right');
      if (value?.type === 'call' && calleeName(value) === 'Table') this.tableCall(file, value);
    }
  }

  origin(file: string, node: Node): Origin {
    return { file, line: node.startPosition.row + 1 };
  }

  tableCall(file: string, call: Node): void {
    const list = kids(call.childForFieldName('arguments'));
    const name = list[0] ? stringValue(list[0]) : undefined;
    if (name === undefined) return;
    const schemaArg = keywordArg(list, 'schema');
    const table = newTable(schemaArg ? stringValue(schemaArg) : undefined, name, this.origin(file, call));
    for (const item of list.slice(1)) {
      if (isColumnCall(item)) this.column(table, file, item, undefined, undefined);
      else if (item.type === 'call') this.tableArgItem(table, file, item);
    }
    this.setTable(table, file);
  }

  /** Every class with a table: its columns, those of its mixins and abstract bases, and `__table_args__`. */
  build(): SchemaModel {
    for (const info of [...this.classes.values()].flat()) {
      if (!info.tablename || info.abstract) continue;
      const body = info.node.childForFieldName('body')!;
      let schemaName: string | undefined;
      const tableArgs: Node[] = [];
      for (const inner of kids(body)) {
        const assignment = assignmentOf(inner);
        if (assignment?.childForFieldName('left')?.text !== '__table_args__') continue;
        const value = assignment.childForFieldName('right')!;
        schemaName = readTableArgs(value).schema ?? undefined;
        if (value.type === 'tuple' || value.type === 'parenthesized_expression') tableArgs.push(...kids(value).filter((k) => k.type === 'call'));
      }
      const table = newTable(schemaName, info.tablename, this.origin(info.file, info.node));
      for (const source of this.lineage(info)) this.columnsOf(table, source);
      for (const item of tableArgs) this.tableArgItem(table, info.file, item);
      this.setTable(table, info.file);
      (this.schema.classes ??= []).push({ name: info.name, table: tableKey(table.schema, table.name), origin: table.origin });
    }
    return this.schema;
  }

  /** Every mapped class (duplicates included: the inventory describes each), with its fields and relations. */
  describe(): ModelDescription[] {
    const out: ModelDescription[] = [];
    for (const info of [...this.classes.values()].flat()) {
      if (!info.tablename || info.abstract) continue;
      const table = newTable(undefined, info.tablename, this.origin(info.file, info.node));
      const fields: ModelField[] = [];
      const relations: ModelRelation[] = [];
      for (const source of this.lineage(info)) this.columnsOf(table, source, fields, relations);
      const schemaName = this.tableArgsSchema(info);
      out.push({
        name: info.name,
        file: info.file,
        line: info.node.startPosition.row + 1,
        table: tableKey(schemaName, info.tablename),
        bases: info.bases,
        fields,
        relations,
      });
    }
    return out;
  }

  tableArgsSchema(info: ClassInfo): string | undefined {
    for (const inner of kids(info.node.childForFieldName('body'))) {
      const assignment = assignmentOf(inner);
      if (assignment?.childForFieldName('left')?.text === '__table_args__') return readTableArgs(assignment.childForFieldName('right')!).schema ?? undefined;
    }
    return undefined;
  }

  /** The class and the bases that give it columns (mixins, abstract bases), bases first. */
  lineage(info: ClassInfo, seen = new Set<string>()): ClassInfo[] {
    seen.add(info.name);
    const out: ClassInfo[] = [];
    for (const base of info.bases) {
      const candidates = this.classes.get(base) ?? [];
      const found = candidates.find((c) => c.file === info.file) ?? candidates.find((c) => this.preferred(c.file)) ?? candidates[0];
      if (!found || seen.has(base) || (found.tablename && !found.abstract)) continue;
      out.push(...this.lineage(found, seen));
    }
    return [...out, info];
  }

  columnsOf(table: TableSchema, info: ClassInfo, fields?: ModelField[], relations?: ModelRelation[]): void {
    for (const inner of kids(info.node.childForFieldName('body'))) {
      const assignment = assignmentOf(inner);
      if (!assignment) continue;
      const attribute = assignment.childForFieldName('left')?.text ?? '';
      const annotation = mappedAnnotation(assignment.childForFieldName('type'));
      const value = assignment.childForFieldName('right');
      if (value?.type === 'call' && ['relationship', 'relation'].includes(calleeName(value))) relations?.push(readRelationship(attribute, value, annotation, this.origin(info.file, assignment)));
      if (value && isColumnCall(value)) {
        this.column(table, info.file, value, attribute, annotation);
        const read = readColumnCall(value);
        const column = table.columns.get(read.name ?? attribute);
        if (column) fields?.push({ ...column, name: attribute, column: column.name, unique: read.unique, index: read.index, ...(read.default ? { default: read.default } : {}), ...(read.foreignKeys[0] ? { foreignKey: `${read.foreignKeys[0].schema ? `${read.foreignKeys[0].schema}.` : ''}${read.foreignKeys[0].table}.${read.foreignKeys[0].column}` } : {}) });
        continue;
      }
      else if (!value && annotation && typeOfAnnotation(annotation.inner)) {
        // `name: Mapped[str]`: a column SQLAlchemy 2.0 makes from the annotation alone
        table.columns.set(attribute, { name: attribute, type: typeOfAnnotation(annotation.inner)!, nullable: annotation.optional, primaryKey: false, origin: this.origin(info.file, assignment) });
        fields?.push({ ...table.columns.get(attribute)!, name: attribute, column: attribute, unique: false, index: false });
      }
    }
  }

  column(table: TableSchema, file: string, call: Node, attribute: string | undefined, annotation: { inner: string; optional: boolean } | undefined): void {
    const read = readColumnCall(call);
    const name = read.name ?? attribute;
    if (!name) return;
    const origin = this.origin(file, call);
    const type = read.type ?? (annotation ? typeOfAnnotation(annotation.inner) : undefined);
    // nullable: as written; else not for a primary key; else, for mapped_column, as the annotation says
    const nullable = read.nullable ?? (read.primaryKey ? false : calleeName(call) === 'mapped_column' && annotation ? annotation.optional : true);
    table.columns.set(name, { name, ...(type ? { type } : {}), nullable, primaryKey: read.primaryKey, ...serverDefaultOf(read), origin });
    if (read.unique && !read.index) table.uniques.push({ columns: [name], unique: true, origin });
    if (read.index) table.indexes.push({ name: `ix_${table.schema ? `${table.schema}_` : ''}${table.name}_${name}`, columns: [name], unique: read.unique, derivedName: true, origin });
    for (const fk of read.foreignKeys) table.foreignKeys.push({ ...(fk.name ? { name: fk.name } : {}), columns: [name], target: { ...(fk.schema ? { schema: fk.schema } : {}), table: fk.table, columns: [fk.column] }, origin });
  }

  tableArgItem(table: TableSchema, file: string, item: Node): void {
    const list = kids(item.childForFieldName('arguments'));
    const pos = list.filter((a) => a.type !== 'keyword_argument');
    const nameArg = keywordArg(list, 'name');
    const name = nameArg ? stringValue(nameArg) : undefined;
    const origin = this.origin(file, item);
    const columnName = (node: Node): string | undefined => stringValue(node) ?? (node.type === 'attribute' ? lastSegment(node.text) : undefined);
    switch (calleeName(item)) {
      case 'Index':
        table.indexes.push({ ...(pos[0] && stringValue(pos[0]) ? { name: stringValue(pos[0])! } : {}), columns: pos.slice(1).flatMap((p) => columnName(p) ?? []), unique: keywordArg(list, 'unique')?.type === 'true', origin });
        return;
      case 'UniqueConstraint':
        table.uniques.push({ ...(name ? { name } : {}), columns: pos.flatMap((p) => columnName(p) ?? []), unique: true, origin });
        return;
      case 'ForeignKeyConstraint': {
        const local = kids(pos[0]).flatMap((k) => stringValue(k) ?? []);
        const remote = kids(pos[1]).flatMap((k) => (stringValue(k) ? [foreignKeyTarget(stringValue(k)!)] : []));
        const first = remote[0];
        if (first) table.foreignKeys.push({ ...(name ? { name } : {}), columns: local, target: { ...(first.schema ? { schema: first.schema } : {}), table: first.table, columns: remote.flatMap((r) => (r ? [r.column] : [])) }, origin });
        return;
      }
      default:
        return;
    }
  }
}

/** Every SQLAlchemy model class of the files, described for the inventory. */
export async function describeSqlalchemyModels(files: ReadonlyArray<{ file: string; text: string }>): Promise<ModelDescription[]> {
  const reader = new ModelReader(() => false);
  const trees: Array<{ delete(): void }> = [];
  try {
    for (const { file, text } of files) {
      if (!/\b(Column|mapped_column|Table|relationship)\(/.test(text)) continue;
      const tree = await parsePython(text);
      trees.push(tree);
      reader.collect(file, tree.rootNode);
    }
    return reader.describe();
  } finally {
    for (const tree of trees) tree.delete();
  }
}

/** The schema SQLAlchemy's declarative models describe (1.4 `Column`, 2.0 `Mapped[...]`/`mapped_column`, `Table(...)`, mixins). */
export async function readSqlalchemyModels(files: ReadonlyArray<{ file: string; text: string }>, preferred: (file: string) => boolean = () => false): Promise<SchemaModel> {
  const reader = new ModelReader(preferred);
  // the trees are read again in build(): kept until then
  const trees: Array<{ delete(): void }> = [];
  for (const { file, text } of files) {
    if (!/\b(Column|mapped_column|Table)\(/.test(text)) continue;
    const tree = await parsePython(text);
    try {
      reader.collect(file, tree.rootNode);
      trees.push(tree);
    } catch (error) {
      tree.delete();
      throw error;
    }
  }
  try {
    return reader.build();
  } finally {
    for (const tree of trees.splice(0)) tree.delete();
  }
}

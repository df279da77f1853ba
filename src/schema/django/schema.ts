import { emptySchema, newTable, type ColumnSchema, type SchemaModel, type TableSchema } from '../model';
import { isManyToMany, isOneToOne, isRelation, modelKey, reverseAccessorOf, type DjangoField, type DjangoIndex, type DjangoModel, type DjangoSettings } from './types';

/** Column types as the rest of remodel normalises them (schema/column-types.ts), per Django field class. */
const fieldTypes: Record<string, string> = {
  AutoField: 'integer', BigAutoField: 'bigint', SmallAutoField: 'smallint',
  IntegerField: 'integer', BigIntegerField: 'bigint', SmallIntegerField: 'smallint',
  PositiveIntegerField: 'integer', PositiveBigIntegerField: 'bigint', PositiveSmallIntegerField: 'smallint',
  TextField: 'text', BooleanField: 'boolean', NullBooleanField: 'boolean',
  DateTimeField: 'datetime', DateField: 'date', TimeField: 'time', DurationField: 'interval',
  FloatField: 'float', JSONField: 'jsonb', UUIDField: 'uuid', BinaryField: 'blob', GenericIPAddressField: 'inet', IPAddressField: 'inet',
};
/** Character fields and the length Django gives them when `max_length` is not written. */
const charFields: Record<string, number | undefined> = { CharField: undefined, SlugField: 50, EmailField: 254, URLField: 200, FileField: 100, ImageField: 100, FilePathField: 100 };

/** `db_index` when not written: a relation's column and a SlugField are indexed. */
const indexedByDefault = (field: DjangoField): boolean => isRelation(field) || field.kind === 'SlugField';

function columnType(field: DjangoField): string | undefined {
  if (field.kind in charFields) {
    const length = field.maxLength ?? charFields[field.kind];
    return length === undefined ? 'varchar' : `varchar(${length})`;
  }
  if (field.kind === 'DecimalField') return field.maxDigits !== undefined ? `numeric(${field.maxDigits}${field.decimalPlaces !== undefined ? `,${field.decimalPlaces}` : ''})` : 'numeric';
  return fieldTypes[field.kind];
}

type ModelRef = DjangoModel | { app: string; name: string };

/** How Django names and types what a model maps: tables, columns, relation targets and their key types. */
function djangoNames(models: readonly DjangoModel[], settings: DjangoSettings) {
  const byKey = new Map(models.map((model) => [modelKey(model.app, model.name), model]));
  const resolve = (to: string, from: DjangoModel): ModelRef => {
    const target = to === 'self' ? `${from.app}.${from.name}` : /AUTH_USER_MODEL$/.test(to) ? settings.authUserModel : to;
    const dot = target.lastIndexOf('.');
    if (dot >= 0) return byKey.get(modelKey(target.slice(0, dot), target.slice(dot + 1))) ?? { app: target.slice(0, dot), name: target.slice(dot + 1) };
    return byKey.get(modelKey(from.app, target)) ?? models.find((m) => m.name === target) ?? { app: from.app, name: target };
  };
  // a proxy's table is its concrete parent's
  const concrete = (model: ModelRef): ModelRef => {
    let current = model;
    for (let depth = 0; 'proxy' in current && current.proxy && current.parent && depth < 20; depth++) current = byKey.get(current.parent) ?? current;
    return current;
  };
  const tableOf = (model: ModelRef): string => {
    const target = concrete(model);
    return ('dbTable' in target && target.dbTable) || `${target.app}_${target.name.toLowerCase()}`;
  };
  const primaryKey = (model: ModelRef): DjangoField | undefined => {
    const target = concrete(model);
    return 'fields' in target ? [...target.fields.values()].find((f) => f.primaryKey) : undefined;
  };
  const columnOf = (field: DjangoField): string => field.dbColumn ?? (isRelation(field) ? `${field.name}_id` : field.name);
  /** The field a relation points at: `to_field`, else the target's primary key (undefined outside the project). */
  const referenced = (target: ModelRef, toField?: string): DjangoField | undefined => {
    const owner = concrete(target);
    return toField && 'fields' in owner ? owner.fields.get(toField) ?? primaryKey(owner) : primaryKey(owner);
  };
  // a relation's column has the type of the field it points at (an AutoField's `serial` is an `integer` there)
  const keyType = (target: ModelRef, depth = 0, toField?: string): string | undefined => {
    const owner = concrete(target);
    const key = referenced(owner, toField);
    if (!key || !('fields' in owner)) return 'integer'; // a model outside the project: Django's default key
    return depth > 10 ? undefined : typeOf(key, owner, depth + 1);
  };
  const typeOf = (field: DjangoField, owner: DjangoModel, depth = 0): string | undefined => (isRelation(field) ? keyType(resolve(field.to ?? '', owner), depth, field.toField) : columnType(field));
  return { resolve, tableOf, referenced, columnOf, keyType, typeOf };
}

/**
 * The tables Django's schema editor builds for these models (DESIGN §5: database names): `<app>_<model>` or `db_table`,
 * a relation's column `<name>_id` with its index and foreign key, one-to-one as unique, many-to-many join tables,
 * `Meta.indexes`, `unique_together`, `index_together` and unique constraints. The models side and the replayed
 * migrations both go through here, so that the comparison is of like with like.
 */
export function djangoSchema(models: readonly DjangoModel[], settings: DjangoSettings): SchemaModel {
  const { resolve, tableOf, referenced, columnOf, keyType, typeOf } = djangoNames(models, settings);
  const schema = emptySchema();
  const put = (table: TableSchema): void => void schema.tables.set(table.name, table);
  for (const model of models) {
    if (model.abstract || model.proxy || !model.managed) continue;
    const table = newTable(undefined, tableOf(model), model.origin);
    const columnByField = new Map<string, string>();
    for (const field of model.fields.values()) {
      if (isManyToMany(field)) {
        const target = resolve(field.to ?? '', model);
        if (!field.through) put(joinTable(model, field, { table: tableOf(model), keyType: keyType(model) }, { model: target, table: tableOf(target), keyType: keyType(target) }, settings));
        continue;
      }
      const name = columnOf(field);
      columnByField.set(field.name, name);
      const type = typeOf(field, model);
      const column: ColumnSchema = { name, ...(type ? { type } : {}), nullable: field.primaryKey ? false : field.null, primaryKey: field.primaryKey, origin: field.origin };
      table.columns.set(name, column);
      const unique = field.unique || isOneToOne(field);
      if (unique && !field.primaryKey) table.uniques.push({ columns: [name], unique: true, origin: field.origin });
      else if (!unique && !field.primaryKey && (field.dbIndex ?? indexedByDefault(field))) table.indexes.push({ columns: [name], unique: false, origin: field.origin });
      if (isRelation(field) && !field.noConstraint) {
        const target = resolve(field.to ?? '', model);
        const key = referenced(target, field.toField);
        table.foreignKeys.push({ columns: [name], target: { table: tableOf(target), columns: [key ? columnOf(key) : 'id'] }, origin: field.origin });
      }
    }
    const columns = (index: DjangoIndex): string[] => index.fields.map((f) => columnByField.get(f) ?? f);
    for (const index of [...model.indexes, ...model.indexTogether]) table.indexes.push({ ...(index.name ? { name: index.name } : {}), columns: columns(index), unique: false, origin: index.origin });
    for (const unique of [...model.uniqueTogether, ...model.uniqueConstraints]) table.uniques.push({ ...(unique.name ? { name: unique.name } : {}), columns: columns(unique), unique: true, origin: unique.origin });
    put(table);
    (schema.classes ??= []).push({ name: model.name, table: table.name, origin: model.origin, model: modelKey(model.app, model.name) });
  }
  return schema;
}

/** The table Django creates for a many-to-many field without `through`: two keys, unique together, both indexed. */
function joinTable(model: DjangoModel, field: DjangoField, source: { table: string; keyType?: string | undefined }, destination: { model: { app: string; name: string }; table: string; keyType?: string | undefined }, settings: DjangoSettings): TableSchema {
  const target = destination.model;
  const self = target.app === model.app && target.name.toLowerCase() === model.name.toLowerCase();
  const from = `${self ? 'from_' : ''}${model.name.toLowerCase()}_id`;
  const to = `${self ? 'to_' : ''}${target.name.toLowerCase()}_id`;
  const table = newTable(undefined, field.dbTable ?? `${source.table}_${field.name}`, field.origin);
  const origin = field.origin;
  const idType = settings.autoField(model.app) === 'BigAutoField' ? 'bigint' : 'integer';
  table.columns.set('id', { name: 'id', type: idType, nullable: false, primaryKey: true, origin });
  table.columns.set(from, { name: from, ...(source.keyType ? { type: source.keyType } : {}), nullable: false, primaryKey: false, origin });
  table.columns.set(to, { name: to, ...(destination.keyType ? { type: destination.keyType } : {}), nullable: false, primaryKey: false, origin });
  table.uniques.push({ columns: [from, to], unique: true, origin });
  table.indexes.push({ columns: [from], unique: false, origin }, { columns: [to], unique: false, origin });
  table.foreignKeys.push({ columns: [from], target: { table: source.table, columns: ['id'] }, origin }, { columns: [to], target: { table: destination.table, columns: ['id'] }, origin });
  return table;
}

/** A Django model as the inventory describes it: its table, each field's column, its relations and their direction. */
export interface DjangoModelDescription {
  model: DjangoModel;
  table: string;
  fields: Array<{ name: string; column: string; type?: string; nullable: boolean; primaryKey: boolean; unique: boolean; index: boolean; foreignKey?: string }>;
  relations: Array<{ name: string; target: string; kind: 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many'; reverseOf?: string }>;
}

/** Every concrete model and proxy, with the reverse side of each relation (`related_name`, else `<model>_set`). */
export function describeDjangoModels(models: readonly DjangoModel[], settings: DjangoSettings): DjangoModelDescription[] {
  const { resolve, tableOf, referenced, columnOf, typeOf } = djangoNames(models, settings);
  const described = new Map<DjangoModel, DjangoModelDescription>();
  for (const model of models) {
    if (model.abstract) continue;
    const fields = [...model.fields.values()].filter((f) => !isManyToMany(f)).map((field) => {
      const type = typeOf(field, model);
      const target = isRelation(field) ? resolve(field.to ?? '', model) : undefined;
      const key = target ? referenced(target, field.toField) : undefined;
      const unique = !field.primaryKey && (field.unique || isOneToOne(field));
      return { name: field.name, column: columnOf(field), ...(type ? { type } : {}), nullable: field.primaryKey ? false : field.null, primaryKey: field.primaryKey, unique, index: !unique && !field.primaryKey && (field.dbIndex ?? indexedByDefault(field)), ...(target ? { foreignKey: `${tableOf(target)}.${key ? columnOf(key) : 'id'}` } : {}) };
    });
    const relations = [...model.fields.values()].filter(isRelation).map((field) => ({ name: field.name, target: resolve(field.to ?? '', model).name, kind: isManyToMany(field) ? ('many-to-many' as const) : isOneToOne(field) ? ('one-to-one' as const) : ('many-to-one' as const) }));
    described.set(model, { model, table: tableOf(model), fields, relations });
  }
  for (const model of models) {
    for (const field of model.fields.values()) {
      if (!isRelation(field) || model.abstract) continue;
      const target = resolve(field.to ?? '', model);
      const other = 'fields' in target ? described.get(target) : undefined;
      const name = reverseAccessorOf(model, field);
      // a many-to-many to its own model is symmetrical: no reverse accessor
      if (!other || name.endsWith('+') || (isManyToMany(field) && other.model === model)) continue;
      other.relations.push({ name, target: model.name, kind: isManyToMany(field) ? 'many-to-many' : isOneToOne(field) ? 'one-to-one' : 'one-to-many', reverseOf: field.name });
    }
  }
  return [...described.values()];
}

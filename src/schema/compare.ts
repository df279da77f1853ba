import { columnExpression, createTableOp, py, saTypeExpression } from './alembic-ops';
import { tableKey, type ColumnSchema, type ForeignKeySchema, type IndexSchema, type Origin, type SchemaModel, type TableSchema } from './model';

export type DriftKind =
  | 'missing-table'
  | 'extra-table'
  | 'missing-column'
  | 'extra-column'
  | 'type-mismatch'
  | 'nullable-mismatch'
  | 'default-mismatch'
  | 'missing-index'
  | 'extra-index'
  | 'missing-unique'
  | 'extra-unique'
  | 'missing-fk'
  | 'extra-fk'
  | 'fk-target-mismatch'
  | 'duplicate-model'
  | 'unresolved';

/** One difference between the models and the migrations (DESIGN §5): "missing" = on the model, not in the migrations. */
export interface DriftFinding {
  kind: DriftKind;
  table: string;
  column?: string;
  columns?: string[];
  model?: Origin;
  migration?: Origin;
  detail: string;
  renamed_from?: string;
  fix?: string;
  unsure: boolean;
}

/** An unresolved step names every table it may touch in its `table`, a duplicate model every table its classes map: joined so. */
const tablesSeparator = ', ';

/** The tables a finding is about: one, each an unresolved step may touch (none for a step that names none), or each a duplicate model's classes map. */
export function tablesOf(finding: DriftFinding): string[] {
  return finding.kind === 'unresolved' || finding.kind === 'duplicate-model' ? finding.table.split(tablesSeparator).filter(Boolean) : [finding.table];
}

const sameColumns = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((c, i) => c === b[i]);
const indexKey = (index: IndexSchema): string => `${index.unique ? 'unique ' : ''}${index.columns.join(',')}`;

/** Types that compare equal: a length-less VARCHAR matches any length (the model did not say). */
function sameType(model: string | undefined, migration: string | undefined): boolean {
  if (!model || !migration || model === migration) return true;
  const base = (type: string): string => type.replace(/\(.*$/, '');
  if (base(model) === base(migration) && (!model.includes('(') || !migration.includes('('))) return true;
  return false;
}

type ServerDefault = ColumnSchema['serverDefault'];

/** Server defaults that the database holds the same (both normalised where understood, else as written). */
function sameServerDefault(model: ServerDefault, migration: ServerDefault): boolean {
  if (!model || !migration) return !model && !migration;
  if (model.value !== undefined && migration.value !== undefined) return model.value === migration.value;
  return model.written === migration.written;
}

const describeDefault = (value: ServerDefault): string => (value ? value.value ?? value.written : 'none');

/** The Django operation `makemigrations` would write for each kind: the fix of a Django finding. */
const djangoOperation: Partial<Record<DriftKind, string>> = {
  'missing-table': 'CreateModel', 'extra-table': 'DeleteModel', 'missing-column': 'AddField', 'extra-column': 'RemoveField',
  'type-mismatch': 'AlterField', 'nullable-mismatch': 'AlterField', 'default-mismatch': 'AlterField', 'fk-target-mismatch': 'AlterField',
  'missing-index': 'AddIndex or AlterField(db_index=True)', 'extra-index': 'RemoveIndex or AlterField(db_index=False)',
  'missing-unique': 'AlterUniqueTogether, AddConstraint or AlterField(unique=True)', 'extra-unique': 'AlterUniqueTogether, RemoveConstraint or AlterField(unique=False)',
  'missing-fk': 'AlterField', 'extra-fk': 'AlterField',
};

/** A Django CreateModel / DeleteModel carries the table's indexes; AddField / RemoveField the column's foreign key (and its own index: see compareTable). */
function foldIntoOperations(findings: DriftFinding[], moved: ReadonlySet<string>): DriftFinding[] {
  const tables = new Set(findings.filter((f) => (f.kind === 'missing-table' || f.kind === 'extra-table') && !moved.has(f.table)).map((f) => f.table));
  const columns = new Set(findings.filter((f) => f.kind === 'missing-column' || f.kind === 'extra-column').map((f) => `${f.table}\0${f.column}`));
  const carried = (f: DriftFinding): boolean => (/^(missing|extra)-(index|unique|fk)$/.test(f.kind) && tables.has(f.table)) || (/^(missing|extra)-fk$/.test(f.kind) && (f.columns ?? []).some((c) => columns.has(`${f.table}\0${c}`)));
  return findings.filter((f) => !carried(f));
}

/**
 * Compares the schema the models describe with the one the migrations build (both from the code), both ways. A table
 * that an unresolved step touches (on either side) gets `unsure` findings. `migrations` says which tool writes the
 * fixes: Alembic ops, or the Django operations `makemigrations` would write.
 */
export function compareSchemas(models: SchemaModel, migrations: SchemaModel, tool: 'alembic' | 'django' = 'alembic'): DriftFinding[] {
  const all = compareBothWays(models, migrations, tool);
  if (tool === 'alembic') return all;
  return foldIntoOperations(all, new Set(movedTables(models, migrations).map(([table]) => table))).map((f) => (f.kind in djangoOperation ? { ...f, fix: `manage.py makemigrations (${djangoOperation[f.kind]})` } : f));
}

/** Django: a model whose table differs between the sides (`db_table`, AlterModelTable): [model's table, migrations' table]. */
function movedTables(models: SchemaModel, migrations: SchemaModel): Array<[string, string]> {
  const migrated = new Map((migrations.classes ?? []).filter((c) => c.model).map((c) => [c.model!, c.table]));
  return (models.classes ?? []).flatMap((c) => {
    const other = c.model ? migrated.get(c.model) : undefined;
    return other !== undefined && other !== c.table && !migrations.tables.has(c.table) && !models.tables.has(other) ? [[c.table, other] as [string, string]] : [];
  });
}

function compareBothWays(models: SchemaModel, migrations: SchemaModel, tool: 'alembic' | 'django'): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const unresolved = [...models.unresolved, ...migrations.unresolved];
  const unsureTables = new Set(unresolved.flatMap((u) => u.tables));
  const anyUnsure = unresolved.some((u) => !u.tables.length);
  const push = (finding: Omit<DriftFinding, 'unsure'>): void => void findings.push({ ...finding, unsure: anyUnsure || unsureTables.has(finding.table) });
  const moved = tool === 'django' ? movedTables(models, migrations) : [];
  const movedAway = new Set(moved.flatMap((pair) => pair));

  for (const [key, model] of models.tables) {
    const migrated = migrations.tables.get(key);
    if (!migrated) {
      push({ kind: 'missing-table', table: key, model: model.origin, detail: `${key} is a model's table that no migration creates`, fix: createTableOp(model) });
      // as Alembic lists them: the new table's indexes are ops of their own (create_table carries its constraints)
      if (!movedAway.has(key)) compareIndexes(key, model.indexes, [], 'index', model, model, push);
      continue;
    }
    compareTable(key, model, migrated, { models, migrations, tool }, push);
  }
  for (const [key, migrated] of migrations.tables) {
    if (key === 'alembic_version' || models.tables.has(key)) continue;
    push({ kind: 'extra-table', table: key, migration: migrated.origin, detail: `${key} is created by the migrations but mapped by no model`, fix: `op.drop_table(${py(migrated.name)})` });
    if (!movedAway.has(key)) compareIndexes(key, [], migrated.indexes, 'index', migrated, migrated, push);
  }
  // a Django model on another table: the table is missing and extra, and its columns are compared across the two
  for (const [table, other] of moved) compareTable(table, models.tables.get(table)!, migrations.tables.get(other)!, { models, migrations, tool }, push);
  findings.push(...duplicateModels(models));
  for (const step of models.unresolved) {
    findings.push({ kind: 'unresolved', table: step.tables.join(tablesSeparator), model: step.origin, detail: step.detail, unsure: true });
  }
  for (const step of migrations.unresolved) {
    findings.push({ kind: 'unresolved', table: step.tables.join(tablesSeparator), migration: step.origin, detail: `${step.detail}: the replay cannot follow this step`, unsure: true });
  }
  return findings.sort((a, b) => a.table.localeCompare(b.table) || a.kind.localeCompare(b.kind) || (a.column ?? '').localeCompare(b.column ?? ''));
}

/** One class name mapped in two modules: which one a string reference (`relationship("Name")`) means is a coin toss. */
function duplicateModels(models: SchemaModel): DriftFinding[] {
  const byName = new Map<string, NonNullable<SchemaModel['classes']>>();
  for (const model of models.classes ?? []) byName.set(model.name, [...(byName.get(model.name) ?? []), model]);
  return [...byName].flatMap(([name, classes]) => {
    if (new Set(classes.map((c) => c.origin.file)).size < 2) return [];
    const [first, ...others] = classes;
    return [{
      kind: 'duplicate-model' as const,
      table: [...new Set(classes.map((c) => c.table))].join(tablesSeparator),
      model: first!.origin,
      detail: `${name} is defined in ${classes.length} modules: ${classes.map((c) => `${c.origin.file}:${c.origin.line} (table ${c.table})`).join(', ')}`,
      fix: `keep one ${name}; rewrite the importers of ${others.map((c) => c.origin.file).join(', ')} with an import map (remodel audit drafts it)`,
      unsure: false,
    }];
  });
}

/** Both sides, and the tool that writes the migrations. */
interface Sides {
  models: SchemaModel;
  migrations: SchemaModel;
  tool: 'alembic' | 'django';
}

function compareTable(key: string, model: TableSchema, migrated: TableSchema, sides: Sides, push: (f: Omit<DriftFinding, 'unsure'>) => void): void {
  const name = model.name;
  for (const [column, modelColumn] of model.columns) {
    const migratedColumn = migrated.columns.get(column);
    if (!migratedColumn) {
      push({ kind: 'missing-column', table: key, column, model: modelColumn.origin, migration: migrated.origin, detail: `${key}.${column} is on the model, no migration adds it`, fix: `op.add_column(${py(name)}, ${columnExpression(modelColumn)})` });
      continue;
    }
    if (!sameType(modelColumn.type, migratedColumn.type)) {
      push({ kind: 'type-mismatch', table: key, column, model: modelColumn.origin, migration: migratedColumn.origin, detail: `migration: ${migratedColumn.type}, model: ${modelColumn.type}`, fix: `op.alter_column(${py(name)}, ${py(column)}, type_=${saTypeExpression(modelColumn.type) ?? '...'}${saTypeExpression(migratedColumn.type) ? `, existing_type=${saTypeExpression(migratedColumn.type)}` : ''})` });
    }
    if (!modelColumn.primaryKey && !migratedColumn.primaryKey && modelColumn.nullable !== migratedColumn.nullable) {
      push({ kind: 'nullable-mismatch', table: key, column, model: modelColumn.origin, migration: migratedColumn.origin, detail: `migration: ${migratedColumn.nullable ? 'NULL' : 'NOT NULL'}, model: ${modelColumn.nullable ? 'NULL' : 'NOT NULL'}`, fix: `op.alter_column(${py(name)}, ${py(column)}, nullable=${modelColumn.nullable ? 'True' : 'False'})` });
    }
    if (!sameServerDefault(modelColumn.serverDefault, migratedColumn.serverDefault)) {
      push({ kind: 'default-mismatch', table: key, column, model: modelColumn.origin, migration: migratedColumn.origin, detail: `server default: migration ${describeDefault(migratedColumn.serverDefault)}, model ${describeDefault(modelColumn.serverDefault)}`, fix: `op.alter_column(${py(name)}, ${py(column)}, server_default=${modelColumn.serverDefault?.written ?? 'None'})` });
    }
  }
  for (const [column, migratedColumn] of migrated.columns) {
    if (model.columns.has(column)) continue;
    push({ kind: 'extra-column', table: key, column, model: model.origin, migration: migratedColumn.origin, detail: `${key}.${column} is added by the migrations but not on the model`, fix: `op.drop_column(${py(name)}, ${py(column)})` });
  }
  // Django: a field's own index or unique constraint comes and goes with its AddField / RemoveField
  const carried = (index: IndexSchema): boolean => sides.tool === 'django' && index.name === undefined && index.columns.length === 1 && (!model.columns.has(index.columns[0]!) || !migrated.columns.has(index.columns[0]!));
  compareIndexes(key, model.indexes.filter((i) => !carried(i)), migrated.indexes.filter((i) => !carried(i)), 'index', model, migrated, push);
  compareIndexes(key, model.uniques.filter((i) => !carried(i)), migrated.uniques.filter((i) => !carried(i)), 'unique', model, migrated, push);
  compareForeignKeys(key, model, migrated, sides, push);
}

function compareIndexes(key: string, modelIndexes: readonly IndexSchema[], migratedIndexes: readonly IndexSchema[], what: 'index' | 'unique', model: TableSchema, migrated: TableSchema, push: (f: Omit<DriftFinding, 'unsure'>) => void): void {
  // one for one (two indexes on one column are two), by name where both sides name it, else by columns
  const named = (index: IndexSchema): boolean => index.name !== undefined && !index.derivedName;
  const pairedModel = new Set<IndexSchema>();
  const pairedMigrated = new Set<IndexSchema>();
  for (const byName of [true, false]) {
    for (const index of modelIndexes) {
      if (pairedModel.has(index)) continue;
      const other = migratedIndexes.find((o) => !pairedMigrated.has(o) && indexKey(o) === indexKey(index) && (byName ? named(o) && named(index) && o.name === index.name : !(named(o) && named(index))));
      if (!other) continue;
      pairedModel.add(index);
      pairedMigrated.add(other);
    }
  }
  for (const index of modelIndexes) {
    if (pairedModel.has(index)) continue;
    push({ kind: what === 'index' ? 'missing-index' : 'missing-unique', table: key, columns: index.columns, model: index.origin, migration: migrated.origin, detail: `${what === 'index' ? `${index.unique ? 'unique ' : ''}index` : 'unique constraint'} ${index.name ?? ''} on (${index.columns.join(', ')}) is on the model, not in the migrations`.replace('  ', ' '), fix: what === 'index' ? `op.create_index(${py(index.name ?? '')}, ${py(model.name)}, ${JSON.stringify(index.columns)})` : `op.create_unique_constraint(None, ${py(model.name)}, ${JSON.stringify(index.columns)})` });
  }
  for (const index of migratedIndexes) {
    if (pairedMigrated.has(index)) continue;
    push({ kind: what === 'index' ? 'extra-index' : 'extra-unique', table: key, columns: index.columns, model: model.origin, migration: index.origin, detail: `${what === 'index' ? 'index' : 'unique constraint'} ${index.name ?? ''} on (${index.columns.join(', ')}) is in the migrations, not on the model`.replace('  ', ' '), fix: what === 'index' ? `op.drop_index(${py(index.name ?? '')}, table_name=${py(migrated.name)})` : `op.drop_constraint(${py(index.name ?? '')}, ${py(migrated.name)}, type_="unique")` });
  }
}

function compareForeignKeys(key: string, model: TableSchema, migrated: TableSchema, { models, migrations, tool }: Sides, push: (f: Omit<DriftFinding, 'unsure'>) => void): void {
  const target = (fk: ForeignKeySchema): string => `${tableKey(fk.target.schema, fk.target.table)}.${fk.target.columns.join(',')}`;
  const matched = new Set<ForeignKeySchema>();
  for (const fk of model.foreignKeys) {
    const same = migrated.foreignKeys.find((other) => !matched.has(other) && sameColumns(other.columns, fk.columns) && target(other) === target(fk));
    if (same) {
      matched.add(same);
      continue;
    }
    const moved = migrated.foreignKeys.find((other) => !matched.has(other) && sameColumns(other.columns, fk.columns));
    if (moved) {
      matched.add(moved);
      const modelTarget = tableKey(fk.target.schema, fk.target.table);
      // Django: the target's own table differs between the sides (AlterModelTable, a db_table): the foreign keys
      // follow that one change, which is the target's missing-table / extra-table pair
      const movedTarget = tableKey(moved.target.schema, moved.target.table);
      if (tool === 'django' && !migrations.tables.has(modelTarget) && !models.tables.has(movedTarget) && sameColumns(fk.target.columns, moved.target.columns)) continue;
      const earlier = migrations.renamedFrom.get(modelTarget) ?? [];
      const renamedFrom = earlier.includes(moved.target.table) ? moved.target.table : undefined;
      push({
        kind: 'fk-target-mismatch',
        table: key,
        column: fk.columns.join(', '),
        columns: fk.columns,
        model: fk.origin,
        migration: moved.origin,
        detail: `migration: ${target(moved)}, model: ${target(fk)}`,
        ...(renamedFrom ? { renamed_from: renamedFrom } : {}),
        fix: `op.drop_constraint(...); op.create_foreign_key(None, ${py(model.name)}, ${py(fk.target.table)}, ${JSON.stringify(fk.columns)}, ${JSON.stringify(fk.target.columns)})`,
      });
      continue;
    }
    push({ kind: 'missing-fk', table: key, column: fk.columns.join(', '), columns: fk.columns, model: fk.origin, migration: migrated.origin, detail: `foreign key (${fk.columns.join(', ')}) -> ${target(fk)} is on the model, not in the migrations`, fix: `op.create_foreign_key(None, ${py(model.name)}, ${py(fk.target.table)}, ${JSON.stringify(fk.columns)}, ${JSON.stringify(fk.target.columns)})` });
  }
  for (const fk of migrated.foreignKeys) {
    if (matched.has(fk)) continue;
    push({ kind: 'extra-fk', table: key, column: fk.columns.join(', '), columns: fk.columns, model: model.origin, migration: fk.origin, detail: `foreign key (${fk.columns.join(', ')}) -> ${target(fk)} is in the migrations, not on the model`, fix: `op.drop_constraint(${py(fk.name ?? '')}, ${py(migrated.name)}, type_="foreignkey")` });
  }
}

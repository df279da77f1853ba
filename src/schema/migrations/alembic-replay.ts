import type { Workspace } from '../../core/types';
import { parsePython, type Node } from '../../languages/python/syntax';
import { normaliseType } from '../column-types';
import { foreignKeyTarget, isColumnCall, readColumnCall } from '../columns';
import { newTable, serverDefaultOf, tableKey, emptySchema, type Origin, type SchemaModel, type TableSchema } from '../model';
import { argumentsOf, calleeName, keywordArg, kids, positionalArgs, stringList, stringValue } from '../orm/python/nodes';
import { serverDefaultValue } from '../server-defaults';
import { alembicHeads, type AlembicScripts } from './alembic';
import { createIndexStatement, tablesNamedIn } from './raw-sql';
import { renamedObjectName } from '../tables/names';

/** Revisions from the base to the heads: a revision after every one it revises (merges included). */
function ordered(revisions: ReturnType<typeof alembicHeads>['revisions']): typeof revisions {
  const done = new Set<string>();
  const out: typeof revisions = [];
  const pending = [...revisions].sort((a, b) => a.file.localeCompare(b.file));
  while (pending.length) {
    const next = pending.findIndex((r) => r.down.every((d) => done.has(d) || !revisions.some((x) => x.id === d)));
    if (next < 0) break; // a cycle: what is left cannot be ordered
    const [revision] = pending.splice(next, 1);
    done.add(revision!.id);
    out.push(revision!);
  }
  return out;
}


/** A name argument: a string, or `op.f("name")`. */
function nameOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'call' && calleeName(node) === 'f') return nameOf(positionalArgs(argumentsOf(node))[0]);
  return stringValue(node);
}


class Replay {
  readonly schema = emptySchema();
  constructor(readonly file: string) {}

  origin(node: Node): Origin {
    return { file: this.file, line: node.startPosition.row + 1 };
  }

  table(schemaName: string | undefined, name: string): TableSchema | undefined {
    return this.schema.tables.get(tableKey(schemaName, name));
  }

  run(call: Node, batch?: { table: string; schema?: string }): void {
    const op = calleeName(call);
    const list = argumentsOf(call);
    const pos = positionalArgs(list);
    // in a batch block the table is implied: the arguments shift by one
    const tableArg = batch ? undefined : pos[0];
    const rest = batch ? pos : pos.slice(1);
    const schemaName = batch?.schema ?? (keywordArg(list, 'schema') ? stringValue(keywordArg(list, 'schema')!) : undefined);
    const tableName = batch?.table ?? (tableArg ? stringValue(tableArg) : undefined);
    const at = this.origin(call);
    const t = tableName ? this.table(schemaName, tableName) : undefined;
    switch (op) {
      case 'create_table': {
        if (!tableName) return this.unresolved(call, 'create_table with a computed name', []);
        const table = newTable(schemaName, tableName, at);
        this.schema.tables.set(tableKey(schemaName, tableName), table);
        for (const item of rest) this.tableItem(table, item);
        return;
      }
      case 'drop_table':
        if (tableName) this.schema.tables.delete(tableKey(schemaName, tableName));
        return;
      case 'rename_table': {
        const to = stringValue(rest[0] ?? call) ?? (keywordArg(list, 'new_table_name') ? stringValue(keywordArg(list, 'new_table_name')!) : undefined);
        if (!t || !to) return this.unresolved(call, 'rename_table of a table the replay does not know', tableName ? [tableName] : []);
        const oldKey = tableKey(schemaName, t.name);
        this.schema.tables.delete(oldKey);
        const newKey = tableKey(schemaName, to);
        this.schema.renamedFrom.set(newKey, [...(this.schema.renamedFrom.get(oldKey) ?? []), t.name]);
        this.schema.renamedFrom.delete(oldKey);
        t.name = to;
        this.schema.tables.set(newKey, t);
        // foreign keys follow a renamed table, as in the database
        for (const other of this.schema.tables.values()) for (const fk of other.foreignKeys) if (fk.target.table === oldKey.split('.').pop() && (fk.target.schema ?? undefined) === schemaName) fk.target.table = to;
        return;
      }
      case '_rename_objects': {
        // the table's indexes and constraints named after the old table get the new name, as the helper does at
        // run time (a foreign key's name is not compared)
        const [old, renamedTo] = [stringValue(rest[0] ?? call), stringValue(rest[1] ?? call)];
        if (!t || !old || !renamedTo) return this.unresolved(call, '_rename_objects the replay cannot read', tableName ? [tableName] : []);
        for (const index of [...t.indexes, ...t.uniques]) {
          const name = index.name === undefined ? undefined : renamedObjectName(index.name, old, renamedTo);
          if (name) index.name = name;
        }
        return;
      }
      case 'add_column': {
        const column = rest.find(isColumnCall);
        if (!t || !column) return this.unresolved(call, 'add_column the replay cannot read', tableName ? [tableName] : []);
        this.column(t, column);
        return;
      }
      case 'drop_column': {
        const name = stringValue(rest[0] ?? call);
        if (t && name) t.columns.delete(name);
        return;
      }
      case 'alter_column': {
        const name = stringValue(rest[0] ?? call) ?? (keywordArg(list, 'column_name') ? stringValue(keywordArg(list, 'column_name')!) : undefined);
        const column = name ? t?.columns.get(name) : undefined;
        if (!t || !column) return this.unresolved(call, 'alter_column of a column the replay does not know', tableName ? [tableName] : []);
        const nullable = keywordArg(list, 'nullable');
        if (nullable?.type === 'true' || nullable?.type === 'false') column.nullable = nullable.type === 'true';
        const type = keywordArg(list, 'type_');
        if (type) column.type = normaliseType(type);
        const serverDefault = keywordArg(list, 'server_default');
        if (serverDefault?.type === 'none') delete column.serverDefault;
        else if (serverDefault) Object.assign(column, serverDefaultOf({ serverDefault: serverDefault.text, serverDefaultValue: serverDefaultValue(serverDefault) }));
        const renamed = keywordArg(list, 'new_column_name');
        const newName = renamed ? stringValue(renamed) : undefined;
        if (newName) {
          t.columns.delete(column.name);
          column.name = newName;
          t.columns.set(newName, column);
        }
        column.origin = at;
        return;
      }
      case 'create_index': {
        const name = nameOf(pos[0]);
        const target = batch ? t : this.table(schemaName, stringValue(pos[1] ?? call) ?? keywordString(list, 'table_name') ?? '');
        const columns = stringList(batch ? pos[1] : pos[2] ?? keywordArg(list, 'columns'));
        if (!target) return this.unresolved(call, 'create_index on a table the replay does not know', []);
        target.indexes.push({ ...(name ? { name } : {}), columns, unique: keywordArg(list, 'unique')?.type === 'true', origin: at });
        return;
      }
      case 'drop_index': {
        const name = nameOf(pos[0]);
        const tables = t ? [t] : [...this.schema.tables.values()];
        for (const table of tables) table.indexes = table.indexes.filter((index) => index.name !== name);
        return;
      }
      case 'create_unique_constraint': {
        const name = nameOf(pos[0]);
        const target = batch ? t : this.table(schemaName, stringValue(pos[1] ?? call) ?? '');
        const columns = stringList(batch ? pos[1] : pos[2]);
        if (!target) return this.unresolved(call, 'create_unique_constraint on a table the replay does not know', []);
        target.uniques.push({ ...(name ? { name } : {}), columns, unique: true, origin: at });
        return;
      }
      case 'create_foreign_key': {
        const name = nameOf(pos[0]);
        const source = batch ? t : this.table(keywordString(list, 'source_schema'), stringValue(pos[1] ?? call) ?? '');
        const referent = stringValue((batch ? pos[1] : pos[2]) ?? call);
        const local = stringList(batch ? pos[2] : pos[3]);
        const remote = stringList(batch ? pos[3] : pos[4]);
        if (!source || !referent) return this.unresolved(call, 'create_foreign_key the replay cannot read', []);
        const referentSchema = keywordString(list, 'referent_schema');
        source.foreignKeys.push({ ...(name ? { name } : {}), columns: local, target: { ...(referentSchema ? { schema: referentSchema } : {}), table: referent, columns: remote }, origin: at });
        return;
      }
      case 'drop_constraint': {
        const name = nameOf(pos[0]);
        const target = batch ? t : this.table(schemaName, stringValue(pos[1] ?? call) ?? '');
        if (!target) return;
        target.uniques = target.uniques.filter((u) => u.name !== name);
        target.foreignKeys = target.foreignKeys.filter((f) => f.name !== name);
        return;
      }
      case 'create_primary_key':
      case 'create_check_constraint':
      case 'bulk_insert':
        return;
      case 'execute': {
        const sql = pos[0] ? stringValue(pos[0]) : undefined;
        const index = sql ? createIndexStatement(sql, at) : undefined;
        const target = index ? this.table(index.schema, index.table) : undefined;
        // a schema is no table: nothing for the comparison to follow
        if (sql && /^\s*create\s+schema\b/i.test(sql)) return;
        if (index && target) {
          target.indexes.push(index!.index);
          return;
        }
        return this.unresolved(call, `op.execute(${(sql ?? pos[0]?.text ?? '').slice(0, 60)})`, tablesNamedIn(this.schema.tables.keys(), sql ?? ''));
      }
      default:
        return this.unresolved(call, `op.${op}()`, tableName ? [tableName] : []);
    }
  }

  unresolved(node: Node, detail: string, tables: string[]): void {
    this.schema.unresolved.push({ origin: this.origin(node), detail, tables });
  }

  column(table: TableSchema, call: Node): void {
    const read = readColumnCall(call);
    if (!read.name) return;
    const origin = this.origin(call);
    table.columns.set(read.name, { name: read.name, ...(read.type ? { type: read.type } : {}), nullable: read.nullable ?? !read.primaryKey, primaryKey: read.primaryKey, ...serverDefaultOf(read), origin });
    if (read.unique && !read.index) table.uniques.push({ columns: [read.name], unique: true, origin });
    if (read.index) table.indexes.push({ name: `ix_${table.name}_${read.name}`, columns: [read.name], unique: read.unique, derivedName: true, origin });
    for (const fk of read.foreignKeys) table.foreignKeys.push({ ...(fk.name ? { name: fk.name } : {}), columns: [read.name], target: { ...(fk.schema ? { schema: fk.schema } : {}), table: fk.table, columns: [fk.column] }, origin });
  }

  /** An item of `create_table`: a column or a table-level constraint. */
  tableItem(table: TableSchema, item: Node): void {
    if (isColumnCall(item)) return this.column(table, item);
    if (item.type !== 'call') return;
    const list = argumentsOf(item);
    const pos = positionalArgs(list);
    const name = nameOf(keywordArg(list, 'name'));
    const origin = this.origin(item);
    switch (calleeName(item)) {
      case 'PrimaryKeyConstraint':
        for (const column of pos.flatMap((p) => stringValue(p) ?? [])) {
          const found = table.columns.get(column);
          if (found) [found.primaryKey, found.nullable] = [true, false];
        }
        return;
      case 'UniqueConstraint':
        table.uniques.push({ ...(name ? { name } : {}), columns: pos.flatMap((p) => stringValue(p) ?? []), unique: true, origin });
        return;
      case 'ForeignKeyConstraint': {
        const local = stringList(pos[0]);
        const remote = stringList(pos[1]).map(foreignKeyTarget);
        const first = remote[0];
        if (first) table.foreignKeys.push({ ...(name ? { name } : {}), columns: local, target: { ...(first.schema ? { schema: first.schema } : {}), table: first.table, columns: remote.flatMap((r) => (r ? [r.column] : [])) }, origin });
        return;
      }
      case 'Index':
        table.indexes.push({ ...(nameOf(pos[0]) ? { name: nameOf(pos[0])! } : {}), columns: pos.slice(1).flatMap((p) => stringValue(p) ?? []), unique: keywordArg(list, 'unique')?.type === 'true', origin });
        return;
      default:
        return;
    }
  }
}

const keywordString = (list: readonly Node[], name: string): string | undefined => {
  const value = keywordArg(list, name);
  return value ? stringValue(value) : undefined;
};

/** The statements of `upgrade()` in order, `with op.batch_alter_table(...) as b:` blocks opened. */
function* operations(body: Node, batch?: { name: string; table: string; schema?: string }): Generator<{ call: Node; batch?: { table: string; schema?: string } }> {
  for (const statement of kids(body)) {
    if (statement.type === 'expression_statement') {
      const call = kids(statement)[0];
      if (call?.type !== 'call') continue;
      const receiver = call.childForFieldName('function')?.childForFieldName('object')?.text;
      if (receiver === 'op') yield { call };
      else if (batch && receiver === batch.name) yield { call, batch };
      // the helper remodel writes into a table-rename revision (`_rename_objects(table, old, new)`)
      else if (!batch && call.childForFieldName('function')?.text === '_rename_objects') yield { call };
    } else if (statement.type === 'with_statement') {
      const item = statement.descendantsOfType('with_item')[0];
      const value = item?.childForFieldName('value');
      const call = value?.type === 'as_pattern' ? kids(value)[0] : value;
      const alias = value?.type === 'as_pattern' ? value.childForFieldName('alias')?.text ?? kids(value)[1]?.text : undefined;
      const body = statement.childForFieldName('body');
      if (call?.type === 'call' && calleeName(call) === 'batch_alter_table' && alias && body) {
        const list = argumentsOf(call);
        const table = stringValue(positionalArgs(list)[0] ?? call);
        const schemaName = keywordString(list, 'schema');
        if (table) yield* operations(body, { name: alias, table, ...(schemaName ? { schema: schemaName } : {}) });
      } else if (body) yield* operations(body, batch);
    } else if (statement.type === 'if_statement' || statement.type === 'for_statement') {
      // a step under a condition or in a loop: the replay cannot tell whether or how often it runs
      if (statement.descendantsOfType('call').some((call) => call?.childForFieldName('function')?.childForFieldName('object')?.text === 'op')) yield { call: statement };
    }
  }
}

/**
 * Replays an Alembic history into a schema, from the code alone: every revision's `upgrade()` from the base to the
 * head, in order. What it cannot follow (op.execute, a step under an `if`) becomes an `unresolved` entry naming the
 * tables it touches.
 */
export async function replayAlembic(workspace: Workspace, scripts: AlembicScripts): Promise<SchemaModel> {
  const { revisions } = alembicHeads(workspace, scripts);
  let schema: SchemaModel = emptySchema();
  for (const revision of ordered(revisions)) {
    const replay = new Replay(revision.file);
    replay.schema.tables = schema.tables;
    replay.schema.renamedFrom = schema.renamedFrom;
    replay.schema.unresolved = schema.unresolved;
    const tree = await parsePython(workspace.read(revision.file));
    try {
      const upgrade = kids(tree.rootNode).find((node) => node.type === 'function_definition' && node.childForFieldName('name')?.text === 'upgrade');
      const body = upgrade?.childForFieldName('body');
      if (!body) continue;
      for (const { call, batch } of operations(body)) {
        if (call.type !== 'call') replay.unresolved(call, `a step under ${call.type === 'if_statement' ? 'an if' : 'a loop'}`, []);
        else replay.run(call, batch);
      }
    } finally {
      tree.delete();
    }
    schema = replay.schema;
  }
  return schema;
}

import { posix } from 'node:path';
import { UsageError } from '../../core/errors';
import type { Workspace } from '../../core/types';
import { parsePython, type Node } from '../../languages/python/syntax';
import type { Origin, SchemaModel } from '../model';
import { createIndexStatement, tablesNamedIn } from '../migrations/raw-sql';
import { argumentsOf, calleeName, keywordArg, kids, positionalArgs, stringValue } from '../orm/python/nodes';
import { isFieldCall, readField, readIndexCall, readTogether } from './fields';
import type { DjangoApp } from './project';
import { djangoSchema } from './schema';
import { modelKey, type CustomFields, type DjangoField, type DjangoModel, type DjangoSettings, type FieldDeclaration } from './types';

/** A migration read into plain facts: its node key `app.name`, what it depends on, its operations. */
interface Migration {
  key: string;
  app: string;
  file: string;
  dependencies: string[];
  replaces: string[];
  runBefore: string[];
  /** the `operations` list's items, as nodes of the file's tree (the tree lives until the replay ends) */
  operations: Node[];
  /** the module's top-level functions, for RunPython */
  functions: Map<string, Node>;
  /** the module's top-level import statements, as written */
  imports: string[];
}

const tuplePair = (node: Node): [string, string] | undefined => {
  const items = kids(node).map(stringValue);
  return items.length === 2 && items[0] !== undefined && items[1] !== undefined ? [items[0], items[1]] : undefined;
};

function readMigration(app: DjangoApp, file: string, root: Node): Migration | undefined {
  const functions = new Map<string, Node>();
  const imports: string[] = [];
  let body: Node | undefined;
  for (const statement of kids(root)) {
    if (statement.type === 'import_statement' || statement.type === 'import_from_statement') imports.push(statement.text);
    const node = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (node?.type === 'function_definition') functions.set(node.childForFieldName('name')?.text ?? '', node);
    if (node?.type === 'class_definition' && node.childForFieldName('name')?.text === 'Migration') body = node.childForFieldName('body') ?? undefined;
  }
  if (!body) return undefined;
  const name = posix.basename(file, '.py');
  const out: Migration = { key: `${app.label}.${name}`, app: app.label, file, dependencies: [], replaces: [], runBefore: [], operations: [], functions, imports };
  for (const statement of kids(body)) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : statement;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left')?.text;
    const right = assignment.childForFieldName('right');
    if (!right) continue;
    const pairs = (): string[] => kids(right).flatMap((item) => {
      const pair = tuplePair(item);
      return pair ? [`${pair[0]}.${pair[1]}`] : []; // swappable_dependency(settings.AUTH_USER_MODEL): an app outside the project
    });
    if (left === 'dependencies') out.dependencies = pairs();
    else if (left === 'replaces') out.replaces = pairs();
    else if (left === 'run_before') out.runBefore = pairs();
    else if (left === 'operations') out.operations = kids(right);
  }
  return out;
}

/**
 * The migrations in the order Django applies them to a new database: each after its dependencies (`__first__`,
 * `__latest__` resolved), a squashed migration instead of those it replaces. Two leaves in one app is Django's own
 * "Conflicting migrations" error.
 */
function ordered(migrations: Migration[]): Migration[] {
  const replaced = new Set(migrations.flatMap((m) => m.replaces));
  const live = migrations.filter((m) => !replaced.has(m.key));
  const byKey = new Map(live.map((m) => [m.key, m]));
  // a dependency on a replaced migration means the squashed one
  const replacedBy = new Map(migrations.flatMap((m) => m.replaces.map((r) => [r, m.key] as const)));
  const resolveKey = (key: string): string | undefined => {
    const [app, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    const ofApp = live.filter((m) => m.app === app).map((m) => m.key).sort();
    if (name === '__first__') return ofApp[0];
    if (name === '__latest__') return ofApp[ofApp.length - 1];
    return byKey.has(key) ? key : replacedBy.get(key);
  };
  const after = new Map<string, Set<string>>(live.map((m) => [m.key, new Set(m.dependencies.flatMap((d) => resolveKey(d) ?? []))]));
  for (const m of live) for (const before of m.runBefore) after.get(resolveKey(before) ?? '')?.add(m.key);
  for (const app of new Set(live.map((m) => m.app))) {
    const leaves = live.filter((m) => m.app === app && ![...after].some(([key, deps]) => key.startsWith(`${app}.`) && deps.has(m.key)));
    if (leaves.length > 1) throw new UsageError(`${posix.dirname(leaves[0]!.file)}: conflicting migrations ${leaves.map((m) => m.key.slice(app.length + 1)).sort().join(', ')} in app '${app}'; merge them first (manage.py makemigrations --merge)`);
  }
  const out: Migration[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (key: string): void => {
    if (state.get(key) === 'done' || state.get(key) === 'visiting') return;
    state.set(key, 'visiting');
    for (const dep of [...(after.get(key) ?? [])].sort()) visit(dep);
    state.set(key, 'done');
    out.push(byKey.get(key)!);
  };
  for (const key of [...byKey.keys()].sort()) visit(key);
  return out;
}

/** An operation's argument by keyword, else by position (`AddField(model_name, name, field)`). */
function arg(call: Node, position: number, name: string): Node | undefined {
  const args = argumentsOf(call);
  return keywordArg(args, name) ?? positionalArgs(args)[position];
}

class DjangoReplay {
  readonly models = new Map<string, DjangoModel>();
  readonly unresolved: SchemaModel['unresolved'] = [];
  private file = '';
  private app = '';
  private imports: readonly string[] = [];

  constructor(private readonly customKinds: CustomFields) {}

  origin(node: Node): Origin {
    return { file: this.file, line: node.startPosition.row + 1 };
  }

  run(migration: Migration): void {
    this.file = migration.file;
    this.app = migration.app;
    this.imports = migration.imports;
    for (const operation of migration.operations) this.operation(operation, migration);
  }

  model(nameNode: Node | undefined): DjangoModel | undefined {
    const name = nameNode ? stringValue(nameNode) : undefined;
    return name ? this.models.get(modelKey(this.app, name)) : undefined;
  }

  field(name: string, call: Node): DjangoField {
    return { ...readField(name, call, this.origin(call), this.customKinds), declaration: this.declaration(call) };
  }

  declaration(call: Node): FieldDeclaration {
    const args = argumentsOf(call);
    const to = args.findIndex((arg) => arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'to' && stringValue(arg.childForFieldName('value')!) !== undefined);
    return { callee: call.childForFieldName('function')?.text ?? '', arguments: args.map((arg) => arg.text), ...(to < 0 ? {} : { to }), imports: this.imports };
  }


  operation(call: Node, migration: Migration): void {
    if (call.type !== 'call') return this.cannot(call, call.text.slice(0, 60), []);
    const op = calleeName(call);
    const at = this.origin(call);
    switch (op) {
      case 'CreateModel': {
        const name = stringValue(arg(call, 0, 'name') ?? call);
        if (!name) return this.cannot(call, 'CreateModel without a literal name', []);
        const model: DjangoModel = { app: this.app, name, fields: new Map(), abstract: false, proxy: false, managed: true, indexes: [], uniqueTogether: [], indexTogether: [], uniqueConstraints: [], origin: at };
        for (const item of kids(arg(call, 1, 'fields'))) {
          const [fieldName, fieldCall] = kids(item);
          const fieldText = fieldName ? stringValue(fieldName) : undefined;
          if (fieldText && isFieldCall(fieldCall, this.customKinds)) model.fields.set(fieldText, this.field(fieldText, fieldCall));
        }
        this.options(model, arg(call, 2, 'options'));
        const bases = kids(arg(call, 3, 'bases')).flatMap((b) => stringValue(b) ?? []);
        if (bases[0]?.includes('.')) model.parent = bases[0].toLowerCase();
        this.models.set(modelKey(this.app, name), model);
        return;
      }
      case 'DeleteModel': {
        const model = this.model(arg(call, 0, 'name'));
        if (model) this.models.delete(modelKey(model.app, model.name));
        return;
      }
      case 'RenameModel': {
        const model = this.model(arg(call, 0, 'old_name'));
        const newName = stringValue(arg(call, 1, 'new_name') ?? call);
        if (!model || !newName) return this.cannot(call, 'RenameModel of a model the replay does not know', []);
        const oldKey = modelKey(model.app, model.name);
        this.models.delete(oldKey);
        model.name = newName;
        this.models.set(modelKey(model.app, newName), model);
        // relations that pointed at the old name follow, as Django's state does
        for (const other of this.models.values()) {
          for (const field of other.fields.values()) if (field.to && field.to.toLowerCase() === oldKey) field.to = `${model.app}.${newName}`;
          if (other.parent === oldKey) other.parent = modelKey(model.app, newName);
        }
        return;
      }
      case 'AlterModelTable': {
        const model = this.model(arg(call, 0, 'name'));
        const table = arg(call, 1, 'table');
        if (!model) return this.cannot(call, 'AlterModelTable of a model the replay does not know', []);
        const name = table ? stringValue(table) : undefined;
        if (name) model.dbTable = name;
        else delete model.dbTable;
        return;
      }
      case 'AlterModelOptions':
      case 'AlterModelManagers':
      case 'AlterOrderWithRespectTo': // a column Django adds: `_order`
        if (op === 'AlterOrderWithRespectTo') return this.cannot(call, 'AlterOrderWithRespectTo', []);
        return; // no database change
      case 'AlterUniqueTogether':
      case 'AlterIndexTogether': {
        const model = this.model(arg(call, 0, 'name'));
        const value = arg(call, 1, op === 'AlterUniqueTogether' ? 'unique_together' : 'index_together');
        if (!model) return this.cannot(call, `${op} of a model the replay does not know`, []);
        const together = value && value.type !== 'none' ? readTogether(value, at) : [];
        if (op === 'AlterUniqueTogether') model.uniqueTogether = together;
        else model.indexTogether = together;
        return;
      }
      case 'AddField':
      case 'AlterField': {
        const model = this.model(arg(call, 0, 'model_name'));
        const name = stringValue(arg(call, 1, 'name') ?? call);
        const fieldCall = arg(call, 2, 'field');
        if (!model || !name || !isFieldCall(fieldCall, this.customKinds)) return this.cannot(call, `${op} the replay cannot read`, model ? [this.table(model)] : []);
        model.fields.set(name, { ...this.field(name, fieldCall), origin: at });
        return;
      }
      case 'RemoveField': {
        const model = this.model(arg(call, 0, 'model_name'));
        const name = stringValue(arg(call, 1, 'name') ?? call);
        if (model && name) model.fields.delete(name);
        return;
      }
      case 'RenameField': {
        const model = this.model(arg(call, 0, 'model_name'));
        const [oldName, newName] = [stringValue(arg(call, 1, 'old_name') ?? call), stringValue(arg(call, 2, 'new_name') ?? call)];
        const field = oldName ? model?.fields.get(oldName) : undefined;
        if (!model || !field || !oldName || !newName) return this.cannot(call, 'RenameField of a field the replay does not know', model ? [this.table(model)] : []);
        // keep the declaration order: the renamed field stays where it was
        model.fields = new Map([...model.fields].map(([key, value]) => (key === oldName ? [newName, { ...value, name: newName }] : [key, value])));
        for (const list of [model.uniqueTogether, model.indexTogether, model.indexes, model.uniqueConstraints]) for (const index of list) index.fields = index.fields.map((f) => (f === oldName ? newName : f));
        return;
      }
      case 'AddIndex':
      case 'AddConstraint': {
        const model = this.model(arg(call, 0, 'model_name'));
        const value = arg(call, 1, op === 'AddIndex' ? 'index' : 'constraint');
        if (!model || value?.type !== 'call') return this.cannot(call, `${op} the replay cannot read`, model ? [this.table(model)] : []);
        const index = readIndexCall(value, at);
        if (index.conditional || !index.fields.length) return this.cannot(call, `${op} with a condition or expressions`, [this.table(model)]);
        if (op === 'AddIndex') model.indexes.push(index);
        else if (index.kind === 'UniqueConstraint') model.uniqueConstraints.push(index);
        return; // a CheckConstraint: nothing the comparison looks at
      }
      case 'RemoveIndex':
      case 'RemoveConstraint': {
        const model = this.model(arg(call, 0, 'model_name'));
        const name = stringValue(arg(call, 1, 'name') ?? call);
        if (!model) return;
        model.indexes = model.indexes.filter((i) => i.name !== name);
        model.uniqueConstraints = model.uniqueConstraints.filter((i) => i.name !== name);
        return;
      }
      case 'SeparateDatabaseAndState': {
        // the state operations are what Django believes the schema is: what the models are compared with
        for (const operation of kids(arg(call, 1, 'state_operations'))) this.operation(operation, migration);
        return;
      }
      case 'RunSQL': {
        const sql = arg(call, 0, 'sql');
        const text = sql ? stringValue(sql) : undefined;
        const state = arg(call, 2, 'state_operations');
        if (state) for (const operation of kids(state)) this.operation(operation, migration);
        // `RunSQL(migrations.RunSQL.noop, reverse)` or an empty statement: nothing runs forward
        if (isNoop(sql, 'RunSQL') || text?.trim() === '') return;
        const index = text ? createIndexStatement(text, at) : undefined;
        const target = index ? [...this.models.values()].find((m) => this.table(m) === index.table) : undefined;
        if (index && target) {
          target.indexes.push({ fields: index.index.columns, ...(index.index.name ? { name: index.index.name } : {}), origin: at });
          return;
        }
        return this.cannot(call, `RunSQL(${(text ?? sql?.text ?? '').slice(0, 60)})`, this.tablesIn(text ?? sql?.text ?? ''));
      }
      case 'RunPython': {
        // the tables it may touch: the models its function asks the app registry for
        const code = arg(call, 0, 'code');
        // `RunPython(migrations.RunPython.noop, reverse)`: Django's own do-nothing, forward
        if (isNoop(code, 'RunPython')) return;
        const body = code ? migration.functions.get(code.text)?.text ?? code.text : '';
        const tables = [...body.matchAll(/get_model\(\s*['"](\w+)['"]\s*,\s*['"](\w+)['"]/g)].flatMap((m) => {
          const model = this.models.get(modelKey(m[1]!, m[2]!));
          return model ? [this.table(model)] : [];
        });
        return this.cannot(call, `RunPython(${code?.text ?? ''})`, [...new Set(tables)]);
      }
      default:
        return this.cannot(call, `migrations.${op}()`, []);
    }
  }

  options(model: DjangoModel, options: Node | undefined): void {
    if (options?.type !== 'dictionary') return;
    for (const pair of kids(options)) {
      if (pair.type !== 'pair') continue;
      const key = stringValue(pair.childForFieldName('key')!);
      const value = pair.childForFieldName('value');
      if (!key || !value) continue;
      const origin = this.origin(pair);
      if (key === 'db_table') {
        const table = stringValue(value);
        if (table) model.dbTable = table;
      } else if (key === 'abstract') model.abstract = value.type === 'true';
      else if (key === 'proxy') model.proxy = value.type === 'true';
      else if (key === 'managed') model.managed = value.type !== 'false';
      else if (key === 'unique_together') model.uniqueTogether = readTogether(value, origin);
      else if (key === 'index_together') model.indexTogether = readTogether(value, origin);
      else if (key === 'indexes' || key === 'constraints') {
        for (const item of kids(value)) {
          if (item.type !== 'call') continue;
          const index = readIndexCall(item, this.origin(item));
          if (index.conditional || !index.fields.length) this.cannot(item, `${index.kind} with a condition or expressions`, [this.table(model)]);
          else if (key === 'indexes') model.indexes.push(index);
          else if (index.kind === 'UniqueConstraint') model.uniqueConstraints.push(index);
        }
      }
    }
  }

  table(model: DjangoModel): string {
    return model.dbTable ?? `${model.app}_${model.name.toLowerCase()}`;
  }

  tablesIn(sql: string): string[] {
    return tablesNamedIn([...this.models.values()].map((model) => this.table(model)), sql);
  }

  cannot(node: Node, detail: string, tables: string[]): void {
    this.unresolved.push({ origin: this.origin(node), detail, tables });
  }
}

/** Django's migration state after every migration: its models, and each app's latest migration (its name). */
export interface DjangoState {
  models: ReadonlyMap<string, DjangoModel>;
  latest: ReadonlyMap<string, string>;
  unresolved: SchemaModel['unresolved'];
}

/**
 * Django's migrations replayed, every app together in dependency order, from the files alone: the state Django builds
 * (what the replay cannot follow, RunSQL and RunPython, is an `unresolved` entry with the tables it may touch).
 */
export async function replayDjangoState(workspace: Workspace, apps: readonly DjangoApp[], customKinds: CustomFields): Promise<DjangoState> {
  const trees: Array<{ delete(): void }> = [];
  try {
    const migrations: Migration[] = [];
    for (const app of apps) {
      for (const file of app.migrations) {
        const tree = await parsePython(workspace.read(file));
        trees.push(tree);
        const migration = readMigration(app, file, tree.rootNode);
        if (migration) migrations.push(migration);
      }
    }
    const replay = new DjangoReplay(customKinds);
    const latest = new Map<string, string>();
    for (const migration of ordered(migrations)) {
      replay.run(migration);
      latest.set(migration.app, migration.key.slice(migration.app.length + 1));
    }
    return { models: replay.models, latest, unresolved: replay.unresolved };
  } finally {
    for (const tree of trees) tree.delete();
  }
}

/** The schema Django's migrations build on a new database (see `replayDjangoState`). */
export async function replayDjango(workspace: Workspace, apps: readonly DjangoApp[], settings: DjangoSettings, customKinds: CustomFields): Promise<SchemaModel> {
  const state = await replayDjangoState(workspace, apps, customKinds);
  const schema = djangoSchema([...state.models.values()], settings);
  schema.unresolved.push(...state.unresolved);
  return schema;
}

/** `migrations.RunPython.noop`, `RunPython.noop` (and RunSQL's): the operation's own do-nothing. */
function isNoop(node: Node | undefined, operation: 'RunPython' | 'RunSQL'): boolean {
  return node !== undefined && new RegExp(`^(?:[A-Za-z_]\\w*\\.)*${operation}\\.noop$`).test(node.text.replace(/\s+/g, ''));
}

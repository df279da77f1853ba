import type { FileScan, ScannedImport, ScannedModel, ScannedReference } from '../../audit/types';
import { firstSyntaxError, parsePython, type Node } from './parser';

/**
 * ORM model scanners for Python: SQLAlchemy (declarative classes, `Table(...)`, Flask-SQLAlchemy
 * `db.Model`) and Django (`models.Model`), with the file's imports for the audit's importer count.
 *
 * Scanning is two-phase: each file is parsed on its own into class facts, then bases are resolved
 * across files by class name (same file first) so that mixins, abstract bases and indirect Django
 * bases are handled as the ORMs handle them.
 *
 * @example
 * const scans = await scanPythonModels([{ file: 'models/booking.py', text }]);
 * scans[0].models; // [{ class: 'Booking', orm: 'sqlalchemy', table: 'bookings', schema: null, ... }]
 */
export async function scanPythonModels(files: ReadonlyArray<{ file: string; text: string }>): Promise<FileScan[]> {
  const facts: PythonFileFacts[] = [];
  for (const { file, text } of files) facts.push(await readPythonFile(file, text));
  return resolveModels(facts);
}

/** The imports of one Python file (every `import` / `from ... import` statement, at any depth). */
export async function findPythonImports(text: string): Promise<ScannedImport[]> {
  const tree = await parsePython(text);
  try {
    return collectImports(tree.rootNode);
  } finally {
    tree.delete();
  }
}

// ---------------------------------------------------------------------------------------------
// phase 1: facts of one file

interface MetaFacts {
  dbTable?: string;
  abstract?: boolean;
  proxy?: boolean;
  appLabel?: string;
}

interface ClassFacts {
  name: string;
  line: number;
  /** base expressions as written: `Base`, `models.Model`, `db.Model` */
  bases: string[];
  tablename?: string;
  /** `__tablename__` is assigned something other than a string literal */
  dynamicTablename: boolean;
  /** `__table_args__` names a schema; `undefined` when there is no `__table_args__` */
  tableArgs?: { schema: string | null; extendExisting: boolean };
  /** `__table__ = Table("name", ..., schema=...)` */
  table?: { name: string; schema: string | null; columns: number };
  abstract: boolean;
  columns: number;
  relationships: number;
  primaryKey: boolean;
  djangoColumns: number;
  djangoRelationships: number;
  meta: MetaFacts;
  references: ScannedReference[];
  djangoReferences: ScannedReference[];
}

interface PythonFileFacts {
  file: string;
  mentionsDjango: boolean;
  classes: ClassFacts[];
  tables: ScannedModel[];
  tableReferences: ScannedReference[];
  imports: ScannedImport[];
  definitions: string[];
  failure?: { line: number; error: string };
}

async function readPythonFile(file: string, text: string): Promise<PythonFileFacts> {
  const empty: PythonFileFacts = { file, mentionsDjango: false, classes: [], tables: [], tableReferences: [], imports: [], definitions: [] };
  let tree;
  try {
    tree = await parsePython(text);
  } catch (error) {
    return { ...empty, failure: { line: 1, error: `cannot parse: ${String(error)}` } };
  }
  try {
    const syntaxError = firstSyntaxError(tree);
    if (syntaxError) {
      return { ...empty, failure: { line: syntaxError.line, error: `${syntaxError.text} at ${syntaxError.line}:${syntaxError.column}` } };
    }
    const root = tree.rootNode;
    const facts: PythonFileFacts = { ...empty, mentionsDjango: /\bdjango\b/.test(text), imports: collectImports(root) };
    for (const statement of topLevelStatements(root)) {
      const definition = unwrapDecorated(statement);
      if (definition.type === 'class_definition') {
        const name = definition.childForFieldName('name')?.text;
        if (name) facts.definitions.push(name);
        facts.classes.push(readClass(definition));
      } else if (definition.type === 'function_definition') {
        const name = definition.childForFieldName('name')?.text;
        if (name) facts.definitions.push(name);
      } else if (definition.type === 'expression_statement') {
        const assignment = kids(definition)[0];
        if (assignment?.type !== 'assignment') continue;
        const left = assignment.childForFieldName('left');
        for (const target of left ? assignedNames(left) : []) facts.definitions.push(target);
        const right = assignment.childForFieldName('right');
        const variable = left?.type === 'identifier' ? left.text : undefined;
        if (right && variable) {
          const table = readTableCall(right);
          if (table) {
            facts.tables.push({
              class: variable,
              orm: 'sqlalchemy-table',
              line: right.startPosition.row + 1,
              table: table.name,
              schema: table.schema,
              derivedTable: false,
              columns: table.columns,
              relationships: 0,
            });
            facts.tableReferences.push(...foreignKeysIn(right, variable));
          }
        }
      }
    }
    return facts;
  } finally {
    tree.delete();
  }
}

/** Module-level statements, looking into `if`/`try`/`with` blocks (conditional definitions). */
function topLevelStatements(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (block: Node): void => {
    for (const statement of kids(block)) {
      if (['if_statement', 'try_statement', 'with_statement', 'else_clause', 'elif_clause', 'except_clause', 'finally_clause'].includes(statement.type)) {
        for (const child of kids(statement)) if (child.type === 'block' || child.type.endsWith('_clause')) visit(child);
      } else {
        out.push(statement);
      }
    }
  };
  visit(root);
  return out;
}

function readClass(node: Node): ClassFacts {
  const facts: ClassFacts = {
    name: node.childForFieldName('name')?.text ?? '?',
    line: node.startPosition.row + 1,
    bases: [],
    dynamicTablename: false,
    abstract: false,
    columns: 0,
    relationships: 0,
    primaryKey: false,
    djangoColumns: 0,
    djangoRelationships: 0,
    meta: {},
    references: [],
    djangoReferences: [],
  };
  const superclasses = node.childForFieldName('superclasses');
  for (const base of superclasses ? kids(superclasses) : []) {
    if (base.type === 'identifier' || base.type === 'attribute') facts.bases.push(base.text);
    // keyword arguments (metaclass=...) and calls (declarative_base()) are not bases we can follow
  }
  const body = node.childForFieldName('body');
  for (const statement of body ? kids(body) : []) {
    const inner = unwrapDecorated(statement);
    if (inner.type === 'class_definition' && inner.childForFieldName('name')?.text === 'Meta') {
      facts.meta = readDjangoMeta(inner);
      continue;
    }
    if (inner.type === 'function_definition') {
      // @declared_attr def owner_id(cls): return Column(ForeignKey("users.id"))
      if (statement.type === 'decorated_definition' && /declared_attr/.test(statement.text)) {
        const returned = inner.descendantsOfType('return_statement')[0];
        const value = returned ? kids(returned)[0] : undefined;
        const fname = inner.childForFieldName('name')?.text;
        if (value && fname && fname !== '__tablename__' && fname !== '__table_args__') {
          const kind = classifyValue(value);
          if (kind === 'column') facts.columns++;
          if (kind === 'relationship') facts.relationships++;
          if (kind === 'relationship') facts.references.push(...relationshipTargets(value, facts.name));
          facts.references.push(...foreignKeysIn(value, facts.name));
        }
      }
      continue;
    }
    if (inner.type !== 'expression_statement') continue;
    const assignment = kids(inner)[0];
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    const annotation = assignment.childForFieldName('type');
    const name = left?.type === 'identifier' ? left.text : undefined;
    if (!name) continue;
    if (name === '__tablename__') {
      const value = right ? stringValue(right) : undefined;
      if (value !== undefined) facts.tablename = value;
      else facts.dynamicTablename = true;
      continue;
    }
    if (name === '__abstract__') {
      facts.abstract = right?.type === 'true';
      continue;
    }
    if (name === '__table_args__') {
      facts.tableArgs = right ? readTableArgs(right) : { schema: null, extendExisting: false };
      if (right) facts.references.push(...foreignKeysIn(right, facts.name));
      continue;
    }
    if (name === '__table__' && right) {
      const table = readTableCall(right);
      if (table) {
        facts.table = table;
        facts.references.push(...foreignKeysIn(right, facts.name));
      }
      continue;
    }
    // SQLAlchemy: classic Column / 2.0 Mapped[...] + mapped_column / relationship
    const kind = right ? classifyValue(right) : undefined;
    const mapped = annotation ? isMappedAnnotation(annotation) : false;
    if (kind === 'relationship') {
      facts.relationships++;
      facts.references.push(...relationshipTargets(right!, facts.name, annotation ?? undefined));
    } else if (kind === 'column' || (mapped && (!right || kind === undefined))) {
      facts.columns++;
      if (right && /primary_key\s*=\s*True/.test(right.text)) facts.primaryKey = true;
    }
    if (right && (kind === 'column' || kind === 'relationship')) facts.references.push(...foreignKeysIn(right, facts.name));
    // Django fields
    if (right?.type === 'call') {
      const field = lastSegment(right.childForFieldName('function')?.text ?? '');
      if (djangoRelationFields.has(field)) {
        facts.djangoRelationships++;
        if (!djangoVirtualFields.has(field)) facts.djangoColumns++;
        const target = djangoTarget(right);
        if (target) facts.djangoReferences.push({ from: facts.name, line: right.startPosition.row + 1, kind: 'relationship', ...target, text: right.text.split('\n')[0]! });
      } else if (/Field$/.test(field) && !djangoVirtualFields.has(field)) {
        facts.djangoColumns++;
      }
    }
  }
  return facts;
}

const columnCalls = new Set(['Column', 'mapped_column']);
const relationshipCalls = new Set(['relationship', 'relation', 'dynamic_loader']);
const djangoRelationFields = new Set([
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
const djangoVirtualFields = new Set(['ManyToManyField', 'ParentalManyToManyField', 'TreeManyToManyField', 'GenericForeignKey', 'GenericRelation']);

function classifyValue(value: Node): 'column' | 'relationship' | undefined {
  if (value.type !== 'call') return undefined;
  const callee = lastSegment(value.childForFieldName('function')?.text ?? '');
  if (columnCalls.has(callee)) return 'column';
  if (relationshipCalls.has(callee)) return 'relationship';
  return undefined;
}

function isMappedAnnotation(annotation: Node): boolean {
  const inner = kids(annotation)[0];
  if (!inner) return false;
  const head = inner.type === 'generic_type' || inner.type === 'subscript' ? kids(inner)[0] : inner;
  return !!head && lastSegment(head.text) === 'Mapped';
}

function readDjangoMeta(node: Node): MetaFacts {
  const meta: MetaFacts = {};
  const body = node.childForFieldName('body');
  for (const statement of body ? kids(body) : []) {
    const assignment = statement.type === 'expression_statement' ? kids(statement)[0] : undefined;
    if (assignment?.type !== 'assignment') continue;
    const name = assignment.childForFieldName('left')?.text;
    const right = assignment.childForFieldName('right');
    if (!right) continue;
    if (name === 'db_table') meta.dbTable = stringValue(right);
    if (name === 'app_label') meta.appLabel = stringValue(right);
    if (name === 'abstract') meta.abstract = right.type === 'true';
    if (name === 'proxy') meta.proxy = right.type === 'true';
  }
  return meta;
}

/** `{"schema": "x"}` or `(Index(...), {"schema": "x"})`. */
function readTableArgs(value: Node): { schema: string | null; extendExisting: boolean } {
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
function readTableCall(value: Node): { name: string; schema: string | null; columns: number } | undefined {
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
function foreignKeysIn(node: Node, from: string): ScannedReference[] {
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
function relationshipTargets(call: Node, from: string, annotation?: Node): ScannedReference[] {
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
function djangoTarget(call: Node): { class: string; appLabel?: string } | undefined {
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

// ---------------------------------------------------------------------------------------------
// imports

function collectImports(root: Node): ScannedImport[] {
  const out: ScannedImport[] = [];
  for (const node of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (!node) continue;
    const line = node.startPosition.row + 1;
    const moduleLevel = node.parent?.type === 'module';
    if (node.type === 'import_statement') {
      // case: import a.b.c / import a.b as c
      for (const name of node.childrenForFieldName('name')) {
        if (!name) continue;
        const dotted = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
        if (dotted) out.push({ line, specifier: dotted, level: 0, names: undefined, reexport: false });
      }
      continue;
    }
    const moduleNode = node.childForFieldName('module_name');
    if (!moduleNode) continue;
    let level = 0;
    let specifier = moduleNode.text;
    if (moduleNode.type === 'relative_import') {
      // case: from . import x / from ..pkg import y
      const prefix = kids(moduleNode).find((c) => c.type === 'import_prefix');
      level = prefix ? prefix.text.length : 0;
      specifier = kids(moduleNode).find((c) => c.type === 'dotted_name')?.text ?? '';
    }
    if (kids(node).some((c) => c.type === 'wildcard_import')) {
      // case: from a import *
      out.push({ line, specifier, level, names: '*', reexport: moduleLevel });
      continue;
    }
    // case: from a.b import X, Y as Z
    const names: string[] = [];
    const locals: string[] = [];
    for (const name of node.childrenForFieldName('name')) {
      if (!name) continue;
      const original = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
      const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : original;
      if (original) {
        names.push(original);
        locals.push(local ?? original);
      }
    }
    out.push({ line, specifier, level, names, ...(locals.some((l, i) => l !== names[i]) ? { locals } : {}), reexport: moduleLevel });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// phase 2: resolve bases across files

const djangoBaseNames = new Set([
  'AbstractUser',
  'AbstractBaseUser',
  'PermissionsMixin',
  'TimeStampedModel',
  'TitleDescriptionModel',
  'MPTTModel',
  'PolymorphicModel',
  'ClusterableModel',
  'Page',
]);

interface ClassRef {
  file: PythonFileFacts;
  facts: ClassFacts;
}

function resolveModels(files: PythonFileFacts[]): FileScan[] {
  const byName = new Map<string, ClassRef[]>();
  for (const file of files) {
    for (const facts of file.classes) {
      const list = byName.get(facts.name) ?? [];
      list.push({ file, facts });
      byName.set(facts.name, list);
    }
  }
  const lookup = (base: string, from: PythonFileFacts): ClassRef | undefined => {
    const candidates = byName.get(lastSegment(base));
    if (!candidates?.length) return undefined;
    const head = base.split('.')[0]!;
    const local = candidates.find((c) => c.file === from);
    if (local && !base.includes('.')) return local;
    // a base imported from a module (`from django.contrib.syndication.views import Feed`) is only
    // a scanned class when that module is one of the scanned files
    const source = importSourceOf(from.imports, head);
    if (source) return candidates.find((c) => moduleMatches(c.file.file, source));
    return local ?? candidates[0];
  };
  const localBases = (ref: ClassRef, seen = new Set<ClassFacts>()): ClassRef[] => {
    const out: ClassRef[] = [];
    for (const base of ref.facts.bases) {
      const found = lookup(base, ref.file);
      if (!found || found.facts === ref.facts || seen.has(found.facts)) continue;
      seen.add(found.facts);
      out.push(found);
    }
    return out;
  };

  const djangoMemo = new Map<ClassFacts, boolean>();
  const isDjango = (ref: ClassRef, depth = 0): boolean => {
    const memo = djangoMemo.get(ref.facts);
    if (memo !== undefined) return memo;
    if (depth > 20) return false;
    djangoMemo.set(ref.facts, false);
    let result = false;
    for (const base of ref.facts.bases) {
      const segment = lastSegment(base);
      if (ref.file.mentionsDjango && (base === 'models.Model' || base === 'Model' || base.endsWith('.models.Model') || djangoBaseNames.has(segment))) {
        result = true;
        break;
      }
      const found = lookup(base, ref.file);
      if (found && found.facts !== ref.facts && isDjango(found, depth + 1)) {
        result = true;
        break;
      }
    }
    djangoMemo.set(ref.facts, result);
    return result;
  };
  /** true for a class that maps its own table (a concrete SQLAlchemy model) */
  const isConcreteSqlalchemy = (ref: ClassRef): boolean =>
    !ref.facts.abstract && (ref.facts.tablename !== undefined || ref.facts.table !== undefined || ref.facts.dynamicTablename);
  const isFlaskBase = (base: string): boolean => /^\w+\.Model$/.test(base) && base !== 'models.Model';
  const reachesFlaskModel = (ref: ClassRef, depth = 0): boolean =>
    depth < 20 && ref.facts.bases.some((b) => isFlaskBase(b) || (() => {
      const found = lookup(b, ref.file);
      return !!found && found.facts !== ref.facts && !isConcreteSqlalchemy(found) && reachesFlaskModel(found, depth + 1);
    })());

  /** columns, relationships, references and table args inherited from mixins / abstract bases */
  const inherited = (ref: ClassRef, django: boolean, seen = new Set<ClassFacts>([ref.facts])) => {
    let columns = 0;
    let relationships = 0;
    let tableArgs: ClassFacts['tableArgs'];
    const references: ScannedReference[] = [];
    for (const base of localBases(ref, seen)) {
      if (django ? !(isDjango(base) && base.facts.meta.abstract) : isConcreteSqlalchemy(base)) continue;
      const own = django
        ? { columns: base.facts.djangoColumns, relationships: base.facts.djangoRelationships }
        : { columns: base.facts.columns, relationships: base.facts.relationships };
      const deeper = inherited(base, django, seen);
      columns += own.columns + deeper.columns;
      relationships += own.relationships + deeper.relationships;
      tableArgs ??= base.facts.tableArgs ?? deeper.tableArgs;
      const refs = django ? base.facts.djangoReferences : base.facts.references;
      references.push(...refs.map((r) => ({ ...r, from: ref.facts.name })), ...deeper.references);
    }
    return { columns, relationships, tableArgs, references };
  };

  const djangoTable = (ref: ClassRef, depth = 0): { table: string; derived: boolean } => {
    const { facts, file } = ref;
    if (facts.meta.proxy && depth < 20) {
      const parent = localBases(ref).find((b) => isDjango(b) && !b.facts.meta.abstract);
      if (parent) return djangoTable(parent, depth + 1);
    }
    if (facts.meta.dbTable) return { table: facts.meta.dbTable, derived: false };
    return { table: `${facts.meta.appLabel ?? djangoAppLabel(file.file)}_${facts.name.toLowerCase()}`, derived: true };
  };

  return files.map((file): FileScan => {
    const scan: FileScan = {
      file: file.file,
      language: 'python',
      models: [...file.tables],
      references: [...file.tableReferences],
      imports: file.imports,
      definitions: file.definitions,
      ...(file.failure ? { failure: file.failure } : {}),
    };
    for (const facts of file.classes) {
      const ref: ClassRef = { file, facts };
      if (isDjango(ref)) {
        if (facts.meta.abstract) continue;
        const { table, derived } = djangoTable(ref);
        const more = inherited(ref, true);
        scan.models.push({
          class: facts.name,
          orm: 'django',
          appLabel: facts.meta.appLabel ?? djangoAppLabel(file.file),
          line: facts.line,
          table,
          schema: null,
          derivedTable: derived,
          columns: facts.djangoColumns + more.columns,
          relationships: facts.djangoRelationships + more.relationships,
          ...(facts.meta.proxy ? { proxy: true, note: 'proxy model: maps its parent table' } : {}),
        });
        scan.references.push(...facts.djangoReferences, ...more.references);
        continue;
      }
      if (facts.abstract) continue;
      if (facts.tablename !== undefined || facts.table) {
        const more = inherited(ref, false);
        const args = facts.tableArgs ?? more.tableArgs;
        const schema = facts.table ? facts.table.schema : (args?.schema ?? null);
        const notes = [args?.extendExisting ? 'extend_existing=True (hides a mapper conflict)' : ''].filter(Boolean);
        scan.models.push({
          class: facts.name,
          orm: 'sqlalchemy',
          line: facts.line,
          table: facts.table ? facts.table.name : facts.tablename!,
          schema,
          derivedTable: false,
          columns: facts.columns + more.columns + (facts.table?.columns ?? 0),
          relationships: facts.relationships + more.relationships,
          ...(notes.length ? { note: notes.join('; ') } : {}),
        });
        scan.references.push(...facts.references, ...more.references);
        continue;
      }
      // Flask-SQLAlchemy names the table after the class when a db.Model subclass has a primary key of its own
      if (!facts.dynamicTablename && facts.primaryKey && reachesFlaskModel(ref) && !localBases(ref).some(isConcreteSqlalchemy)) {
        const more = inherited(ref, false);
        scan.models.push({
          class: facts.name,
          orm: 'flask-sqlalchemy',
          line: facts.line,
          table: flaskTableName(facts.name),
          schema: facts.tableArgs?.schema ?? more.tableArgs?.schema ?? null,
          derivedTable: true,
          columns: facts.columns + more.columns,
          relationships: facts.relationships + more.relationships,
        });
        scan.references.push(...facts.references, ...more.references);
      }
    }
    return scan;
  });
}

/** Where a file's imports bind `name`: the module (dotted, without leading dots) and the import's relative level. */
function importSourceOf(imports: readonly ScannedImport[], name: string): { module: string; level: number } | undefined {
  for (const imp of imports) {
    if (imp.names === undefined) {
      // case: import a.b  (binds `a`)
      if (imp.specifier.split('.')[0] === name) return { module: imp.specifier, level: 0 };
    } else if (Array.isArray(imp.names)) {
      const index = (imp.locals ?? imp.names).indexOf(name);
      if (index >= 0) {
        // `from pkg import models` binds a submodule or a name of pkg: either way the class lives under pkg
        return { module: imp.specifier, level: imp.level };
      }
    }
  }
  return undefined;
}

/** True when `file` could be the module an import names (by dotted suffix; relative imports by their tail). */
function moduleMatches(file: string, source: { module: string; level: number }): boolean {
  const module = file.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/').join('.');
  if (!source.module) return source.level > 0;
  return module === source.module || module.endsWith(`.${source.module}`) || module.startsWith(`${source.module}.`) || module.includes(`.${source.module}.`);
}

/**
 * The Django app label of a models file: the folder holding `models.py`, or the folder holding the
 * `models/` package. Other files fall back to their own folder (the AppConfig is not read).
 */
export function djangoAppLabel(file: string): string {
  const parts = file.split('/');
  parts.pop();
  const modelsIndex = parts.lastIndexOf('models');
  if (modelsIndex > 0) return parts[modelsIndex - 1]!;
  return parts[parts.length - 1] ?? '';
}

/** Flask-SQLAlchemy's `camel_to_snake_case`: `CustomerReview` -> `customer_review`, `APIKey` -> `api_key`. */
export function flaskTableName(name: string): string {
  return name
    .replace(/((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))/g, '_$1')
    .toLowerCase()
    .replace(/^_+/, '');
}

// ---------------------------------------------------------------------------------------------
// small helpers

function kids(node: Node | null | undefined): Node[] {
  if (!node) return [];
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

function unwrapDecorated(node: Node): Node {
  return node.type === 'decorated_definition' ? (node.childForFieldName('definition') ?? node) : node;
}

function assignedNames(left: Node): string[] {
  if (left.type === 'identifier') return [left.text];
  if (left.type === 'pattern_list' || left.type === 'tuple_pattern') return kids(left).filter((k) => k.type === 'identifier').map((k) => k.text);
  return [];
}

/** The value of a plain string literal (or implicit concatenation of them); undefined for f-strings and other expressions. */
function stringValue(node: Node): string | undefined {
  if (node.type === 'concatenated_string') {
    const parts = kids(node).map(stringValue);
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  if (node.type !== 'string') return undefined;
  if (kids(node).some((c) => c.type === 'interpolation')) return undefined;
  return kids(node)
    .filter((c) => c.type === 'string_content' || c.type === 'escape_sequence')
    .map((c) => c.text)
    .join('');
}

function lastSegment(dotted: string): string {
  const dot = dotted.lastIndexOf('.');
  return dot < 0 ? dotted : dotted.slice(dot + 1);
}

import type { ScannedImport, ScannedModel, ScannedReference } from '../types';
import { firstSyntaxError, parsePython, type Node } from '../../../languages/python/syntax';
import { classifyValue, djangoRelationFields, djangoTarget, djangoVirtualFields, foreignKeysIn, isMappedAnnotation, readDjangoMeta, readTableArgs, readTableCall, relationshipTargets, type MetaFacts } from './fields';
import { collectImports } from './imports';
import { assignedNames, kids, lastSegment, stringValue, unwrapDecorated } from './nodes';

// ---------------------------------------------------------------------------------------------
// phase 1: facts of one file

export interface ClassFacts {
  name: string;
  line: number;
  /** base expressions as written: `Base`, `models.Model`, `db.Model` */
  bases: string[];
  /** class keywords: `class Hero(SQLModel, table=True)` gives { table: 'True' } */
  keywords: Record<string, string>;
  /** fields of the Peewee / Tortoise kind (`CharField(...)`, `fields.CharField(...)`) */
  ormFields: number;
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

export interface PythonFileFacts {
  file: string;
  mentionsDjango: boolean;
  /** the other ORMs a file imports: their `Model` bases mean different things */
  orms: { sqlmodel: boolean; peewee: boolean; tortoise: boolean };
  classes: ClassFacts[];
  tables: ScannedModel[];
  tableReferences: ScannedReference[];
  imports: ScannedImport[];
  definitions: string[];
  failure?: { line: number; error: string };
}

export async function readPythonFile(file: string, text: string): Promise<PythonFileFacts> {
  const empty: PythonFileFacts = { file, mentionsDjango: false, orms: { sqlmodel: false, peewee: false, tortoise: false }, classes: [], tables: [], tableReferences: [], imports: [], definitions: [] };
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
    const facts: PythonFileFacts = { ...empty, mentionsDjango: /\bdjango\b/.test(text), orms: { sqlmodel: /^\s*(from|import)\s+sqlmodel\b/m.test(text), peewee: /^\s*(from|import)\s+peewee\b/m.test(text), tortoise: /^\s*(from|import)\s+tortoise\b/m.test(text) }, imports: collectImports(root) };
    const imperative: ImperativeMapping[] = [];
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
        const mapping = imperativeMapping(assignment?.type === 'assignment' ? assignment.childForFieldName('right') : assignment);
        if (mapping) imperative.push(mapping);
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
    mapTablesToClasses(facts, imperative);
    return facts;
  } finally {
    tree.delete();
  }
}

/** `registry.map_imperatively(User, user_table, properties={...})` (or SQLAlchemy 1.3's `mapper(User, user_table)`). */
interface ImperativeMapping {
  class: string;
  table: string;
  /** the `relationship(...)` calls of its `properties` */
  relationships: Node[];
}

function imperativeMapping(call: Node | null | undefined): ImperativeMapping | undefined {
  if (call?.type !== 'call' || !/^(map_imperatively|mapper)$/.test(lastSegment(call.childForFieldName('function')?.text ?? ''))) return undefined;
  const [mapped, table] = kids(call.childForFieldName('arguments'));
  if (mapped?.type !== 'identifier' || table?.type !== 'identifier') return undefined;
  const relationships = call.descendantsOfType('call').filter((inner): inner is Node => inner !== null && lastSegment(inner.childForFieldName('function')?.text ?? '') === 'relationship');
  return { class: mapped.text, table: table.text, relationships };
}

/**
 * A `Table(...)` mapped onto a class of the file imperatively is that class's model (the class its importers use, the
 * name a map renames), at the class's line; the mapping's relationships are its own.
 */
function mapTablesToClasses(facts: PythonFileFacts, mappings: readonly ImperativeMapping[]): void {
  for (const mapping of mappings) {
    const model = facts.tables.find((table) => table.class === mapping.table && table.orm === 'sqlalchemy-table');
    const mapped = facts.classes.find((candidate) => candidate.name === mapping.class);
    if (!model || !mapped) continue;
    Object.assign(model, { class: mapping.class, orm: 'sqlalchemy', line: mapped.line, relationships: mapping.relationships.length });
    for (const reference of facts.tableReferences) if (reference.from === mapping.table) reference.from = mapping.class;
    facts.tableReferences.push(...mapping.relationships.flatMap((call) => relationshipTargets(call, mapping.class)));
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
    keywords: {},
    ormFields: 0,
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
    else if (base.type === 'keyword_argument') facts.keywords[base.childForFieldName('name')?.text ?? ''] = base.childForFieldName('value')?.text ?? '';
    // calls (declarative_base()) are not bases we can follow
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
    // Peewee / Tortoise fields: CharField(...), fields.ForeignKeyField(...)
    if (right?.type === 'call' && /Field$/.test(lastSegment(right.childForFieldName('function')?.text ?? ''))) facts.ormFields++;
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
        // shown as the SQLAlchemy references are: the call with its target only (`ForeignKey("shop.Customer")`)
        if (target) facts.djangoReferences.push({ from: facts.name, line: right.startPosition.row + 1, kind: 'relationship', ...target, text: `${field}(${JSON.stringify(target.appLabel ? `${target.appLabel}.${target.class}` : target.class)})` });
      } else if (/Field$/.test(field) && !djangoVirtualFields.has(field)) {
        facts.djangoColumns++;
      }
    }
  }
  return facts;
}

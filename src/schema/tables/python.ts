import type { Edit, FileResult, NeedsReview } from '../../core/types';
import type { TableId, TableRename } from '../../importmap/types';
import { firstSyntaxError, parsePython, type Node } from '../../languages/python/syntax';
import { readTableArgs } from '../orm/python/fields';
import { argumentsOf, calleeName, keywordArg, kids, positionalArgs, stringValue } from '../orm/python/nodes';
import { mentionedRename, qualifiedName, renamedObjectName, renameOf, sameTable, sqlShape, tableRenameLabel } from './names';

/** Calls whose first argument, or `name=`, names a database object (index, constraint). */
const namedObjects = new Set(['Index', 'UniqueConstraint', 'PrimaryKeyConstraint', 'ForeignKeyConstraint', 'CheckConstraint']);

class TableRewrite {
  readonly edits: Edit[] = [];
  readonly needsReview: NeedsReview[] = [];
  readonly stats: Record<string, { imports: number; references: number; strings: number }> = {};
  /** string nodes this rewrite read as table or object names (edited or not): not raw SQL */
  private readonly claimed = new Set<number>();

  constructor(
    readonly file: string,
    readonly renames: readonly TableRename[],
  ) {}

  /** Replaces a plain string literal's content; one with escapes or parts goes to review instead. */
  private replaceString(node: Node, value: string, rename: TableRename, what: string): void {
    this.claimed.add(node.startIndex);
    const parts = kids(node).filter((c) => c.type !== 'string_start' && c.type !== 'string_end');
    const content = parts[0];
    if (node.type !== 'string' || parts.length !== 1 || content?.type !== 'string_content' || content.text !== stringValue(node)) {
      this.review(node, `${what} names table '${qualifiedName(rename.from)}' in a string remodel cannot edit safely: rename it to '${qualifiedName(rename.to)}' by hand`);
      return;
    }
    this.edits.push({ start: content.startIndex, end: content.endIndex, text: value });
    (this.stats[tableRenameLabel(rename)] ??= { imports: 0, references: 0, strings: 0 }).strings++;
  }

  private review(node: Node, reason: string): void {
    this.needsReview.push({ file: this.file, line: node.startPosition.row + 1, reason });
  }

  /** A table name as written (`users`, `identity.users`) in the default schema or `schema`. */
  tableName(node: Node, schema: string | undefined, what: string): TableRename | undefined {
    const text = stringValue(node);
    if (text === undefined) return undefined;
    this.claimed.add(node.startIndex);
    const rename = renameOf(this.renames, { schema, name: text });
    if (rename) this.replaceString(node, rename.to.name, rename, what);
    return rename;
  }

  /** `"users.id"` / `"identity.users.id"` (ForeignKey), `"users"` / `"identity.users"` (secondary). */
  qualifiedReference(node: Node, withColumn: boolean, what: string): void {
    const text = stringValue(node);
    if (text === undefined) return;
    this.claimed.add(node.startIndex);
    const parts = text.split('.');
    const tableParts = withColumn ? parts.slice(0, -1) : parts;
    if (tableParts.length < 1 || tableParts.length > 2 || !tableParts.every((p) => /^[A-Za-z_]\w*$/.test(p))) return;
    const table: TableId = tableParts.length === 2 ? { schema: tableParts[0], name: tableParts[1]! } : { schema: undefined, name: tableParts[0]! };
    const rename = renameOf(this.renames, table);
    if (!rename) return;
    const renamed = [...(table.schema ? [table.schema] : []), rename.to.name, ...(withColumn ? [parts[parts.length - 1]!] : [])].join('.');
    this.replaceString(node, renamed, rename, what);
  }

  /** An index or constraint name that embeds a renamed table it belongs to (or, for a foreign key, refers to). */
  objectName(node: Node, table: TableId | undefined, referred: TableId[], what: string): void {
    const text = stringValue(node);
    if (text === undefined) return;
    this.claimed.add(node.startIndex);
    for (const rename of this.renames) {
      const own = table !== undefined && sameTable(rename.from, table);
      const refers = referred.some((t) => sameTable(t, rename.from));
      if (!own && !refers) continue;
      const renamed = renamedObjectName(text, rename.from.name, rename.to.name, own ? undefined : table?.name);
      if (renamed) this.replaceString(node, renamed, rename, what);
      return;
    }
  }

  /** Every string left that reads as SQL naming an old table: listed for review, never rewritten. */
  rawSql(root: Node): void {
    for (const node of root.descendantsOfType('string')) {
      if (!node || this.claimed.has(node.startIndex)) continue;
      const text = node.text;
      const rename = sqlShape.test(text) ? mentionedRename(text, this.renames) : undefined;
      if (rename) this.review(node, `raw SQL names table '${qualifiedName(rename.from)}' (renamed to '${qualifiedName(rename.to)}'): not rewritten; update it by hand`);
    }
  }
}


/** The tables a `ForeignKey(...)` / `ForeignKeyConstraint(...)` call refers to. */
function referredTables(call: Node): TableId[] {
  const args = argumentsOf(call);
  const strings = calleeName(call) === 'ForeignKey' ? [positionalArgs(args)[0], keywordArg(args, 'column')] : kids(positionalArgs(args)[1] ?? keywordArg(args, 'refcolumns'));
  return strings.flatMap((node) => {
    const parts = node ? stringValue(node)?.split('.') : undefined;
    if (!parts || parts.length < 2) return [];
    return [parts.length === 3 ? { schema: parts[0], name: parts[1]! } : { schema: undefined, name: parts[0]! }];
  });
}

/** The schema of a class-level table: `__table_args__ = {"schema": ...}` (or a tuple ending with that dict). */
function classSchema(body: Node): string | undefined {
  for (const statement of kids(body)) {
    const assignment = statement.type === 'expression_statement' ? kids(statement)[0] : undefined;
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== '__table_args__') continue;
    const value = assignment.childForFieldName('right');
    if (value) return readTableArgs(value).schema ?? undefined;
  }
  return undefined;
}

/**
 * Renames tables in one Python file's models: SQLAlchemy `__tablename__`, `Table("users", …, schema=…)`,
 * `ForeignKey("users.id")`, `ForeignKeyConstraint(…, ["users.id"])`, `relationship(secondary="users")`, index and
 * constraint names that embed a renamed table; Django `Meta.db_table`. Raw SQL naming an old table is listed for
 * review. Edits are splices of string contents, nothing else is reprinted.
 */
export async function planPythonTableRenames(file: string, text: string, renames: readonly TableRename[]): Promise<FileResult> {
  const tree = await parsePython(text);
  try {
    const syntax = firstSyntaxError(tree);
    if (syntax) return { kind: 'failed', file, line: syntax.line, column: syntax.column, error: `does not parse: ${syntax.text}` };
    const rw = new TableRewrite(file, renames);
    visit(rw, tree.rootNode, undefined);
    rw.rawSql(tree.rootNode);
    if (!rw.edits.length) return { kind: 'unchanged', file, needsReview: rw.needsReview, notes: [] };
    return { kind: 'changed', file, edits: rw.edits.sort((a, b) => a.start - b.start), needsReview: rw.needsReview, notes: [], stats: rw.stats };
  } finally {
    tree.delete();
  }
}

/** Walks the tree; `table` is the table of the enclosing model class or `Table(...)` call, for object names. */
function visit(rw: TableRewrite, node: Node, table: TableId | undefined): void {
  if (node.type === 'class_definition') {
    const body = node.childForFieldName('body');
    if (body) visitClass(rw, body);
    return;
  }
  if (node.type === 'call') {
    visitCall(rw, node, table);
    return;
  }
  for (const child of kids(node)) visit(rw, child, table);
}

function visitClass(rw: TableRewrite, body: Node): void {
  const schema = classSchema(body);
  let table: TableId | undefined;
  for (const statement of kids(body)) {
    const assignment = statement.type === 'expression_statement' ? kids(statement)[0] : undefined;
    const target = assignment?.type === 'assignment' ? assignment.childForFieldName('left')?.text : undefined;
    const value = assignment?.childForFieldName('right');
    if (target === '__tablename__' && value) {
      const name = stringValue(value);
      if (name !== undefined) table = { schema, name };
      rw.tableName(value, schema, '__tablename__');
    }
  }
  for (const statement of kids(body)) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    // Django: class Meta: db_table = "users"
    if (definition?.type === 'class_definition' && definition.childForFieldName('name')?.text === 'Meta') {
      for (const inner of kids(definition.childForFieldName('body'))) {
        const assignment = inner.type === 'expression_statement' ? kids(inner)[0] : undefined;
        const value = assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === 'db_table' ? assignment.childForFieldName('right') : undefined;
        if (value) rw.tableName(value, undefined, 'Meta.db_table');
      }
      continue;
    }
    visit(rw, statement, table);
  }
}

function visitCall(rw: TableRewrite, call: Node, table: TableId | undefined): void {
  const callee = calleeName(call);
  const args = argumentsOf(call);
  let inner = table;
  if (callee === 'Table') {
    const first = positionalArgs(args)[0];
    const schemaNode = keywordArg(args, 'schema');
    const schema = schemaNode ? stringValue(schemaNode) : undefined;
    const name = first ? stringValue(first) : undefined;
    if (first && name !== undefined) {
      inner = { schema, name };
      rw.tableName(first, schema, 'Table(...)');
    }
  } else if (callee === 'ForeignKey') {
    for (const node of [positionalArgs(args)[0], keywordArg(args, 'column')]) if (node) rw.qualifiedReference(node, true, 'ForeignKey(...)');
  } else if (callee === 'ForeignKeyConstraint') {
    for (const node of kids(positionalArgs(args)[1] ?? keywordArg(args, 'refcolumns'))) rw.qualifiedReference(node, true, 'ForeignKeyConstraint(...)');
  } else if (callee === 'relationship' || callee === 'relation') {
    const secondary = keywordArg(args, 'secondary');
    if (secondary) rw.qualifiedReference(secondary, false, 'relationship(secondary=...)');
  }
  if (namedObjects.has(callee)) {
    const nameNode = keywordArg(args, 'name') ?? (callee === 'Index' ? positionalArgs(args)[0] : undefined);
    const referred = callee === 'ForeignKeyConstraint' ? referredTables(call) : [];
    if (nameNode) rw.objectName(nameNode, table, referred, `${callee}(name=...)`);
  } else if (callee === 'Column' || callee === 'mapped_column') {
    // Column(ForeignKey("users.id", name="fk_orders_user_id_users"))
    for (const fk of args.filter((a) => a.type === 'call' && calleeName(a) === 'ForeignKey')) {
      const nameNode = keywordArg(argumentsOf(fk), 'name');
      if (nameNode) rw.objectName(nameNode, table, referredTables(fk), 'ForeignKey(name=...)');
    }
  }
  for (const child of args) visit(rw, child, inner);
  const fn = call.childForFieldName('function');
  if (fn) visit(rw, fn, table);
}

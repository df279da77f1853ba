import type { Edit, FileResult, NeedsReview } from '../../core/types';
import type { TableId, TableRename } from '../../importmap/types';
import { firstSyntaxError, parseSource } from '../../languages/typescript/syntax';
import { ts } from '../../languages/typescript/ts';
import { typeormTableName } from '../orm/typescript/naming';
import { mentionedRename, qualifiedName, renameOf, sqlShape, tableRenameLabel } from './names';

type Stats = Record<string, { imports: number; references: number; strings: number }>;

const isString = (node: ts.Node | undefined): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral => !!node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));

function property(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const member of object.properties) {
    if (ts.isPropertyAssignment(member) && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) && member.name.text === name) return member.initializer;
  }
  return undefined;
}

const stringProperty = (object: ts.ObjectLiteralExpression, name: string): string | undefined => {
  const value = property(object, name);
  return isString(value) ? value.text : undefined;
};

/** The decorator a call expression is (`@Entity(...)`), by its callee's last name. */
function decoratorName(call: ts.CallExpression): string | undefined {
  if (!ts.isDecorator(call.parent)) return undefined;
  const callee = call.expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** Decorators whose first argument, or `name` / `tableName` option, is a table: TypeORM, MikroORM, sequelize-typescript. */
const tableDecorators = new Set(['Entity', 'ViewEntity', 'JoinTable', 'Table']);

/**
 * Renames tables in one TypeScript/JavaScript file's models: TypeORM `@Entity("users")`, `@Entity({ name, schema })`,
 * `@Entity()` (the table TypeORM derives from the class name gets written down), `@JoinTable({ name })`; MikroORM
 * `@Entity({ tableName })`; Sequelize `tableName: "users"` options and `references: { model: "users" }`. SQL in a
 * string or template naming an old table is listed for review, never rewritten.
 */
export function planTypeScriptTableRenames(file: string, text: string, renames: readonly TableRename[]): FileResult {
  const source = parseSource(file, text);
  const syntax = firstSyntaxError(source);
  if (syntax) return { kind: 'failed', file, line: syntax.line, column: syntax.column, error: `does not parse: ${syntax.message}` };
  const edits: Edit[] = [];
  const needsReview: NeedsReview[] = [];
  const stats: Stats = {};
  const claimed = new Set<ts.Node>();
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const quote = (text.match(/'/g)?.length ?? 0) >= (text.match(/"/g)?.length ?? 0) ? "'" : '"';
  const count = (rename: TableRename): void => void ((stats[tableRenameLabel(rename)] ??= { imports: 0, references: 0, strings: 0 }).strings++);

  const table = (literal: ts.Expression | undefined, schema: string | undefined): void => {
    if (!isString(literal)) return;
    claimed.add(literal);
    const rename = renameOf(renames, { schema, name: literal.text });
    if (!rename) return;
    edits.push({ start: literal.getStart(source) + 1, end: literal.getEnd() - 1, text: rename.to.name });
    count(rename);
  };

  const options = (object: ts.Expression | undefined, keys: readonly string[]): void => {
    if (!object || !ts.isObjectLiteralExpression(object)) return;
    const schema = stringProperty(object, 'schema');
    for (const key of keys) table(property(object, key), schema);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const decorator = decoratorName(node);
      if (decorator && tableDecorators.has(decorator)) {
        const [first, second] = node.arguments;
        if (isString(first)) table(first, second && ts.isObjectLiteralExpression(second) ? stringProperty(second, 'schema') : undefined);
        else options(first, ['name', 'tableName']);
        if (decorator === 'Entity' && node.arguments.length === 0) derivedEntity(node);
      }
    } else if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
      const key = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined;
      // Sequelize: `{ tableName: 'users', schema }` (define / init options), `references: { model: 'users' }`
      if (key === 'tableName') table(node.initializer, stringProperty(node.parent, 'schema'));
      if (key === 'model' && ts.isPropertyAssignment(node.parent.parent) && ts.isIdentifier(node.parent.parent.name) && node.parent.parent.name.text === 'references') table(node.initializer, stringProperty(node.parent, 'schema'));
    }
    ts.forEachChild(node, visit);
  };

  // `@Entity()` on `class UserProfile`: TypeORM's table is `user_profile`; a rename writes the new name down
  const derivedEntity = (call: ts.CallExpression): void => {
    const cls = call.parent.parent;
    if (!ts.isClassDeclaration(cls) || !cls.name) return;
    const rename = renameOf(renames, { schema: undefined, name: typeormTableName(cls.name.text) });
    if (!rename) return;
    const at = call.arguments.pos;
    edits.push({ start: at, end: at, text: `${quote}${rename.to.name}${quote}` });
    count(rename);
  };

  visit(source);
  rawSql(source, text, renames, claimed, (node) => needsReview.push({ file, line: lineOf(node), reason: sqlReason(node, renames) }));
  if (!edits.length) return { kind: 'unchanged', file, needsReview, notes: [] };
  return { kind: 'changed', file, edits: edits.sort((a, b) => a.start - b.start), needsReview, notes: [], stats };
}

function sqlReason(node: ts.Node, renames: readonly TableRename[]): string {
  const rename = mentionedRename(node.getText(), renames)!;
  return `raw SQL names table '${qualifiedName(rename.from)}' (renamed to '${qualifiedName(rename.to)}'): not rewritten; update it by hand`;
}

/** Strings and templates that read as SQL naming an old table (other than the ones read as table names). */
function rawSql(source: ts.SourceFile, _text: string, renames: readonly TableRename[], claimed: ReadonlySet<ts.Node>, report: (node: ts.Node) => void): void {
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && !claimed.has(node)) {
      const text = node.getText(source);
      if (sqlShape.test(text) && mentionedRename(text, renames)) report(node);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/**
 * Prisma: `@@map("users")` in a model block follows the rename; a model without one maps the table of its own name,
 * so a rename of that table writes `@@map("new")` down. `@@schema("x")` (multiSchema) says which schema.
 */
export function planPrismaTableRenames(file: string, text: string, renames: readonly TableRename[]): FileResult {
  const edits: Edit[] = [];
  const stats: Stats = {};
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  for (const block of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [whole, model, body] = block as unknown as [string, string, string];
    const bodyStart = block.index! + whole.indexOf('{') + 1;
    const schema = /@@schema\(\s*"([^"]+)"\s*\)/.exec(body)?.[1];
    const map = /@@map\(\s*(?:name:\s*)?"([^"]*)"\s*\)/.exec(body);
    const current: TableId = { schema, name: map ? map[1]! : model };
    const rename = renameOf(renames, current);
    if (!rename) continue;
    if (map) {
      const start = bodyStart + map.index + map[0].indexOf('"') + 1;
      edits.push({ start, end: start + map[1]!.length, text: rename.to.name });
    } else {
      const close = block.index! + whole.length - 1;
      const indent = /^([ \t]+)\S/m.exec(body)?.[1] ?? '  ';
      edits.push({ start: close, end: close, text: `${eol}${indent}@@map("${rename.to.name}")${eol}` });
    }
    (stats[tableRenameLabel(rename)] ??= { imports: 0, references: 0, strings: 0 }).strings++;
  }
  if (!edits.length) return { kind: 'unchanged', file, needsReview: [], notes: [] };
  return { kind: 'changed', file, edits, needsReview: [], notes: [], stats };
}

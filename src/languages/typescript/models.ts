import { parseSource } from './syntax';
import { ts } from './ts';
import type { FileScan, ScannedImport, ScannedModel, ScannedReference } from '../../audit/types';

/**
 * ORM model scanners for TypeScript and JavaScript, on the `typescript` parser alone (no Program):
 * TypeORM `@Entity`, Sequelize `define` / `Model.init` / sequelize-typescript `@Table`,
 * Drizzle `pgTable` / `mysqlTable` / `sqliteTable` / `pgSchema(...).table`, Mongoose `model(...)`;
 * plus every import, re-export and `require` of the file for the audit's importer count.
 *
 * Columns inherited from a base class (`abstract class Base { @PrimaryGeneratedColumn() id }`) are
 * added by resolving `extends` across the scanned files by class name.
 *
 * @example
 * const [scan] = scanTypeScriptModels([{ file: 'src/entities/user.ts', text }]);
 * scan.models; // [{ class: 'User', orm: 'typeorm', table: 'user', derivedTable: true, ... }]
 */
export function scanTypeScriptModels(files: ReadonlyArray<{ file: string; text: string }>): FileScan[] {
  const facts = files.map(({ file, text }) => readFile(file, text));
  const classes = new Map<string, ClassFacts[]>();
  for (const f of facts) for (const c of f.classes) classes.set(c.name, [...(classes.get(c.name) ?? []), c]);
  const inherited = (c: ClassFacts, seen = new Set<ClassFacts>()): { columns: number; relationships: number; references: ScannedReference[] } => {
    const base = c.extends ? classes.get(c.extends)?.find((b) => b.file === c.file) ?? classes.get(c.extends)?.[0] : undefined;
    if (!base || seen.has(base) || base.isEntity) return { columns: 0, relationships: 0, references: [] };
    seen.add(base);
    const deeper = inherited(base, seen);
    return {
      columns: base.columns + deeper.columns,
      relationships: base.relationships + deeper.relationships,
      references: [...base.references, ...deeper.references],
    };
  };
  return facts.map((f) => {
    for (const c of f.classes) {
      if (!c.model) continue;
      const more = inherited(c);
      c.model.columns += more.columns;
      c.model.relationships += more.relationships;
      f.scan.references.push(...more.references.map((r) => ({ ...r, from: c.name })));
    }
    return f.scan;
  });
}

interface ClassFacts {
  file: string;
  name: string;
  extends?: string;
  isEntity: boolean;
  columns: number;
  relationships: number;
  references: ScannedReference[];
  model?: ScannedModel;
}

const typeormColumns = new Set([
  'Column',
  'PrimaryColumn',
  'PrimaryGeneratedColumn',
  'CreateDateColumn',
  'UpdateDateColumn',
  'DeleteDateColumn',
  'VersionColumn',
  'ObjectIdColumn',
  'ViewColumn',
  'TreeLevelColumn',
]);
const typeormRelations = new Set(['OneToOne', 'OneToMany', 'ManyToOne', 'ManyToMany']);
const sequelizeTsRelations = new Set(['BelongsTo', 'HasMany', 'HasOne', 'BelongsToMany']);
const sequelizeAssociations = new Set(['belongsTo', 'hasMany', 'hasOne', 'belongsToMany']);
const drizzleTables = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable', 'gelTable']);
const drizzleSchemas = new Set(['pgSchema', 'mysqlSchema']);

function readFile(file: string, text: string): { scan: FileScan; classes: ClassFacts[] } {
  const scan: FileScan = { file, language: 'typescript', models: [], references: [], imports: [], definitions: [] };
  const classes: ClassFacts[] = [];
  let source: ts.SourceFile;
  try {
    source = parseSource(file, text);
  } catch (error) {
    scan.failure = { line: 1, error: `cannot parse: ${String(error)}` };
    return { scan, classes };
  }
  const diagnostics = (source as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const firstError = diagnostics.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (firstError) {
    const { line, character } = source.getLineAndCharacterOfPosition(firstError.start ?? 0);
    scan.failure = { line: line + 1, error: `${ts.flattenDiagnosticMessageText(firstError.messageText, ' ')} at ${line + 1}:${character + 1}` };
    return { scan, classes };
  }
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const mentions = {
    sequelize: /sequelize/i.test(text),
    mongoose: /mongoose/.test(text),
    drizzle: /drizzle-orm/.test(text),
  };

  // Drizzle schema objects (`const auth = pgSchema('auth')`) and Mongoose schemas (`const UserSchema = new Schema({...}, { collection })`)
  const drizzleSchemaVars = new Map<string, string>();
  const mongooseSchemas = new Map<string, { columns: number; collection?: string; refs: Array<{ line: number; model: string }> }>();
  /** Sequelize / Drizzle / Mongoose models by their variable name, for associations and relations */
  const modelsByVariable = new Map<string, ScannedModel>();
  const associations: Array<{ owner: string; node: ts.CallExpression; first: ts.Expression }> = [];

  const visit = (node: ts.Node): void => {
    // ---- imports, re-exports, requires
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      // case: import X, { A, B as C } from '...'; import * as ns from '...'; import '...'
      const clause = node.importClause;
      const names: string[] = [];
      const locals: string[] = [];
      let whole = !clause;
      if (clause?.name) {
        names.push('default');
        locals.push(clause.name.text);
      }
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) whole = true;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          names.push((element.propertyName ?? element.name).text);
          locals.push(element.name.text);
        }
      }
      scan.imports.push(importRecord(lineOf(node), node.moduleSpecifier.text, whole ? undefined : names, locals, false));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      // case: export * from '...'; export { A, B as C } from '...'; export * as ns from '...'
      const clause = node.exportClause;
      if (!clause) scan.imports.push(importRecord(lineOf(node), node.moduleSpecifier.text, '*', [], true));
      else if (ts.isNamespaceExport(clause)) {
        scan.imports.push(importRecord(lineOf(node), node.moduleSpecifier.text, undefined, [], true));
        scan.definitions.push(clause.name.text);
      } else {
        const names = clause.elements.map((e) => (e.propertyName ?? e.name).text);
        const locals = clause.elements.map((e) => e.name.text);
        scan.imports.push(importRecord(lineOf(node), node.moduleSpecifier.text, names, locals, true));
      }
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      // case: import x = require('...')
      scan.imports.push(importRecord(lineOf(node), node.moduleReference.expression.text, undefined, [], false));
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const isDynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      if (isRequire || isDynamic) {
        // case: const { A } = require('...'); require('...'); await import('...')
        const specifier = (node.arguments[0] as ts.StringLiteralLike).text;
        const parent = node.parent;
        if (isRequire && ts.isVariableDeclaration(parent) && ts.isObjectBindingPattern(parent.name)) {
          const names = parent.name.elements.map((e) => (e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName.text : ts.isIdentifier(e.name) ? e.name.text : '?'));
          scan.imports.push(importRecord(lineOf(node), specifier, names, [], false));
        } else {
          scan.imports.push(importRecord(lineOf(node), specifier, undefined, [], false));
        }
      }
    }

    // ---- exported names
    if (node.parent === source) collectExports(node, scan, source);

    // ---- classes: TypeORM @Entity, sequelize-typescript @Table, bases with columns
    if (ts.isClassDeclaration(node) && node.name) {
      const facts = readClass(node, file, lineOf, mentions.sequelize);
      classes.push(facts);
      if (facts.model) {
        scan.models.push(facts.model);
        scan.references.push(...facts.references);
      }
    }

    // ---- calls: Drizzle tables, Sequelize define / init / associations, Mongoose models and schemas
    if (ts.isCallExpression(node)) readCall(node);
    if (ts.isNewExpression(node) && mentions.mongoose) readMongooseSchema(node);
    ts.forEachChild(node, visit);
  };

  const variableOf = (node: ts.Node): string | undefined => {
    let parent = node.parent;
    while (parent && (ts.isAsExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isSatisfiesExpression(parent))) parent = parent.parent;
    if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
    return undefined;
  };

  const readMongooseSchema = (node: ts.NewExpression): void => {
    const callee = node.expression.getText(source);
    if (callee !== 'Schema' && !callee.endsWith('.Schema')) return;
    const variable = variableOf(node);
    const [fields, options] = node.arguments ?? [];
    if (!variable || !fields || !ts.isObjectLiteralExpression(fields)) return;
    const refs: Array<{ line: number; model: string }> = [];
    for (const literal of descendants(fields).filter(ts.isPropertyAssignment)) {
      if (propertyName(literal.name) === 'ref' && ts.isStringLiteralLike(literal.initializer)) refs.push({ line: lineOf(literal), model: literal.initializer.text });
    }
    const collection = options && ts.isObjectLiteralExpression(options) ? stringProperty(options, 'collection') : undefined;
    mongooseSchemas.set(variable, { columns: fields.properties.length, ...(collection ? { collection } : {}), refs });
  };

  const readCall = (node: ts.CallExpression): void => {
    const callee = node.expression;
    const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (!calleeName) return;
    const [first, second, third] = node.arguments;
    const variable = variableOf(node);

    // case: pgSchema('auth') held in a variable
    if (drizzleSchemas.has(calleeName) && first && ts.isStringLiteralLike(first) && variable) {
      drizzleSchemaVars.set(variable, first.text);
      return;
    }
    // case: pgTable('users', {...}) / auth.table('users', {...}) / pgSchema('auth').table('users', {...})
    const isSchemaTable =
      calleeName === 'table' &&
      ts.isPropertyAccessExpression(callee) &&
      ((ts.isIdentifier(callee.expression) && drizzleSchemaVars.has(callee.expression.text)) ||
        (ts.isCallExpression(callee.expression) && drizzleSchemas.has(callee.expression.expression.getText(source).split('.').pop()!)));
    if ((drizzleTables.has(calleeName) || isSchemaTable) && first && ts.isStringLiteralLike(first) && second && mentions.drizzle) {
      let schema: string | null = null;
      if (isSchemaTable && ts.isPropertyAccessExpression(callee)) {
        const holder = callee.expression;
        if (ts.isIdentifier(holder)) schema = drizzleSchemaVars.get(holder.text) ?? null;
        else if (ts.isCallExpression(holder) && holder.arguments[0] && ts.isStringLiteralLike(holder.arguments[0])) schema = holder.arguments[0].text;
      }
      const columnsObject = objectOf(second);
      const name = variable ?? first.text;
      const model: ScannedModel = {
        class: name,
        orm: 'drizzle',
        line: lineOf(node),
        table: first.text,
        schema,
        derivedTable: false,
        columns: columnsObject ? columnsObject.properties.length : 0,
        relationships: 0,
      };
      scan.models.push(model);
      modelsByVariable.set(name, model);
      // case: .references(() => users.id)
      for (const call of descendants(second).filter(ts.isCallExpression)) {
        if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'references') continue;
        const target = returnedExpression(call.arguments[0]);
        if (target && ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression)) {
          scan.references.push({ from: name, line: lineOf(call), kind: 'relationship', class: target.expression.text, text: call.getText(source).split('\n')[0]! });
        }
      }
      return;
    }
    // case: relations(users, ({ one, many }) => ({ posts: many(posts) }))
    if (calleeName === 'relations' && mentions.drizzle && first && ts.isIdentifier(first) && second) {
      const model = modelsByVariable.get(first.text);
      const body = returnedExpression(second);
      const object = body ? objectOf(body) : undefined;
      for (const property of object?.properties ?? []) {
        if (model) model.relationships++;
        const call = ts.isPropertyAssignment(property) ? property.initializer : undefined;
        if (call && ts.isCallExpression(call) && call.arguments[0] && ts.isIdentifier(call.arguments[0])) {
          scan.references.push({ from: first.text, line: lineOf(property), kind: 'relationship', class: call.arguments[0].text, text: call.getText(source).split('\n')[0]! });
        }
      }
      return;
    }
    // case: sequelize.define('User', {...}, { tableName, freezeTableName, schema })
    if (calleeName === 'define' && mentions.sequelize && ts.isPropertyAccessExpression(callee) && first && ts.isStringLiteralLike(first) && second && ts.isObjectLiteralExpression(second)) {
      const options = third && ts.isObjectLiteralExpression(third) ? third : undefined;
      const model = sequelizeModel(variable ?? first.text, first.text, second, options, lineOf(node));
      scan.models.push(model);
      modelsByVariable.set(model.class, model);
      scan.references.push(...sequelizeReferences(second, model.class, lineOf));
      return;
    }
    // case: User.init({...}, { sequelize, tableName })
    if (calleeName === 'init' && mentions.sequelize && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && first && ts.isObjectLiteralExpression(first) && second && ts.isObjectLiteralExpression(second)) {
      const className = callee.expression.text;
      const modelName = stringProperty(second, 'modelName') ?? className;
      const model = sequelizeModel(className, modelName, first, second, lineOf(node));
      scan.models.push(model);
      modelsByVariable.set(className, model);
      const facts = classes.find((c) => c.name === className);
      if (facts) facts.model = model;
      scan.references.push(...sequelizeReferences(first, className, lineOf));
      return;
    }
    // case: User.belongsTo(Team) / this.hasMany(models.Post)
    if (sequelizeAssociations.has(calleeName) && mentions.sequelize && ts.isPropertyAccessExpression(callee) && first) {
      let owner: string | undefined;
      if (ts.isIdentifier(callee.expression)) owner = callee.expression.text;
      else if (callee.expression.kind === ts.SyntaxKind.ThisKeyword) owner = enclosingClassName(node);
      if (owner) associations.push({ owner, node, first });
      return;
    }
    // case: mongoose.model('User', UserSchema, 'people') / model<IUser>('User', schema)
    if (calleeName === 'model' && mentions.mongoose && first && ts.isStringLiteralLike(first) && second) {
      const schemaFacts = ts.isIdentifier(second) ? mongooseSchemas.get(second.text) : undefined;
      const explicit = third && ts.isStringLiteralLike(third) ? third.text : schemaFacts?.collection;
      const name = variable ?? first.text;
      const model: ScannedModel = {
        class: name,
        orm: 'mongoose',
        line: lineOf(node),
        table: explicit ?? mongooseCollectionName(first.text),
        schema: null,
        derivedTable: explicit === undefined,
        columns: schemaFacts?.columns ?? 0,
        relationships: schemaFacts?.refs.length ?? 0,
        ...(name !== first.text ? { aliases: [first.text] } : {}),
        ...(explicit === undefined ? { note: 'collection name derived by an approximation of mongoose pluralize()' } : {}),
      };
      scan.models.push(model);
      for (const ref of schemaFacts?.refs ?? []) scan.references.push({ from: name, line: ref.line, kind: 'relationship', class: ref.model, text: `ref: '${ref.model}'` });
      if (!variable && ts.isBinaryExpression(node.parent) && node.parent.left.getText(source) === 'module.exports') scan.defaultExport = name;
      if (!variable && ts.isExportAssignment(node.parent)) scan.defaultExport = name;
    }
  };

  const sequelizeModel = (name: string, modelName: string, attributes: ts.ObjectLiteralExpression, options: ts.ObjectLiteralExpression | undefined, line: number): ScannedModel => {
    const tableName = options ? stringProperty(options, 'tableName') : undefined;
    const freeze = options ? booleanProperty(options, 'freezeTableName') : false;
    const underscored = options ? booleanProperty(options, 'underscored') : false;
    const schema = options ? (stringProperty(options, 'schema') ?? null) : null;
    const derived = tableName === undefined;
    const table = tableName ?? (freeze ? modelName : sequelizeTableName(modelName, underscored));
    return {
      class: name,
      orm: 'sequelize',
      line,
      table,
      schema,
      derivedTable: derived,
      columns: attributes.properties.length,
      relationships: 0,
      ...(name !== modelName ? { aliases: [modelName] } : {}),
      ...(derived && !freeze ? { note: 'table name derived by an approximation of Sequelize pluralize()' } : {}),
    };
  };

  const enclosingClassName = (node: ts.Node): string | undefined => {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) if (ts.isClassDeclaration(n)) return n.name?.text;
    return undefined;
  };

  visit(source);
  // associations are often declared (static associate) before the Model.init that creates the model
  for (const { owner, node, first } of associations) {
    const model = modelsByVariable.get(owner) ?? scan.models.find((m) => m.class === owner);
    if (!model) continue;
    model.relationships++;
    const target = ts.isIdentifier(first) ? first.text : ts.isPropertyAccessExpression(first) ? first.name.text : undefined;
    if (target) scan.references.push({ from: model.class, line: lineOf(node), kind: 'relationship', class: target, text: node.getText(source).split('\n')[0]! });
  }
  return { scan, classes };
}

function readClass(node: ts.ClassDeclaration, file: string, lineOf: (n: ts.Node) => number, sequelize: boolean): ClassFacts {
  const name = node.name!.text;
  const heritage = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  const facts: ClassFacts = {
    file,
    name,
    ...(heritage ? { extends: ts.isIdentifier(heritage) ? heritage.text : ts.isPropertyAccessExpression(heritage) ? heritage.name.text : undefined } : {}),
    isEntity: false,
    columns: 0,
    relationships: 0,
    references: [],
  };
  if (facts.extends === undefined) delete facts.extends;
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member)) continue;
    for (const decorator of decoratorsOf(member)) {
      const { name: decoratorName, args } = decoratorCall(decorator);
      if (typeormColumns.has(decoratorName) || (sequelize && decoratorName === 'Column')) facts.columns++;
      else if (typeormRelations.has(decoratorName) || (sequelize && sequelizeTsRelations.has(decoratorName))) {
        facts.relationships++;
        // case: @ManyToOne(() => User) / @ManyToOne('User') / @BelongsTo(() => User)
        const target = args[0];
        const returned = target ? returnedExpression(target) : undefined;
        const className = target && ts.isStringLiteralLike(target) ? target.text : returned && ts.isIdentifier(returned) ? returned.text : undefined;
        if (className) facts.references.push({ from: name, line: lineOf(member), kind: 'relationship', class: className, text: decorator.expression.getText().split('\n')[0]! });
      }
    }
  }
  for (const decorator of decoratorsOf(node)) {
    const { name: decoratorName, args } = decoratorCall(decorator);
    if (decoratorName === 'Entity') {
      // case: @Entity() / @Entity('name') / @Entity({ name, schema }) / @Entity('name', { schema })
      facts.isEntity = true;
      let table: string | undefined;
      let schema: string | null = null;
      for (const arg of args) {
        if (ts.isStringLiteralLike(arg)) table = arg.text;
        else if (ts.isObjectLiteralExpression(arg)) {
          table = stringProperty(arg, 'name') ?? table;
          schema = stringProperty(arg, 'schema') ?? null;
        }
      }
      facts.model = {
        class: name,
        orm: 'typeorm',
        line: lineOf(node),
        table: table ?? typeormTableName(name),
        schema,
        derivedTable: table === undefined,
        columns: facts.columns,
        relationships: facts.relationships,
      };
    } else if (decoratorName === 'Table' && sequelize) {
      // case: sequelize-typescript @Table({ tableName, modelName, freezeTableName, schema })
      facts.isEntity = true;
      const options = args.find(ts.isObjectLiteralExpression);
      const tableName = options ? stringProperty(options, 'tableName') : undefined;
      const modelName = (options && stringProperty(options, 'modelName')) ?? name;
      const freeze = options ? booleanProperty(options, 'freezeTableName') : false;
      const underscored = options ? booleanProperty(options, 'underscored') : false;
      facts.model = {
        class: name,
        orm: 'sequelize',
        line: lineOf(node),
        table: tableName ?? (freeze ? modelName : sequelizeTableName(modelName, underscored)),
        schema: (options && stringProperty(options, 'schema')) ?? null,
        derivedTable: tableName === undefined,
        columns: facts.columns,
        relationships: facts.relationships,
        ...(tableName === undefined && !freeze ? { note: 'table name derived by an approximation of Sequelize pluralize()' } : {}),
      };
    }
  }
  return facts;
}

function sequelizeReferences(attributes: ts.ObjectLiteralExpression, from: string, lineOf: (n: ts.Node) => number): ScannedReference[] {
  const out: ScannedReference[] = [];
  // case: references: { model: 'users', key: 'id' } (a table name) / references: { model: User }
  for (const property of descendants(attributes).filter(ts.isPropertyAssignment)) {
    if (propertyName(property.name) !== 'references' || !ts.isObjectLiteralExpression(property.initializer)) continue;
    const model = property.initializer.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyName(p.name) === 'model');
    if (!model) continue;
    if (ts.isStringLiteralLike(model.initializer)) {
      out.push({ from, line: lineOf(property), kind: 'foreign-key', table: model.initializer.text, text: `references: { model: '${model.initializer.text}' }` });
    } else if (ts.isObjectLiteralExpression(model.initializer)) {
      const tableName = stringProperty(model.initializer, 'tableName');
      const schema = stringProperty(model.initializer, 'schema');
      if (tableName) out.push({ from, line: lineOf(property), kind: 'foreign-key', table: tableName, ...(schema ? { schema } : {}), text: `references: { model: { tableName: '${tableName}' } }` });
    }
  }
  return out;
}

function collectExports(node: ts.Node, scan: FileScan, source: ts.SourceFile): void {
  const exported = ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  if (exported) {
    if ((ts.isClassDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node)) && node.name) {
      if (isDefault) scan.defaultExport = node.name.text;
      else scan.definitions.push(node.name.text);
    } else if (ts.isVariableStatement(node)) {
      for (const declaration of node.declarationList.declarations) if (ts.isIdentifier(declaration.name)) scan.definitions.push(declaration.name.text);
    }
  } else if (ts.isExportAssignment(node) && ts.isIdentifier(node.expression)) {
    scan.defaultExport = node.expression.text;
  } else if (ts.isExportDeclaration(node) && !node.moduleSpecifier && node.exportClause && ts.isNamedExports(node.exportClause)) {
    for (const element of node.exportClause.elements) {
      if (element.name.text === 'default') scan.defaultExport = (element.propertyName ?? element.name).text;
      else scan.definitions.push(element.name.text);
    }
  } else if (ts.isExpressionStatement(node) && ts.isBinaryExpression(node.expression) && node.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = node.expression.left.getText(source);
    const right = node.expression.right;
    if (left === 'module.exports') {
      if (ts.isIdentifier(right)) scan.defaultExport = right.text;
      else if (ts.isObjectLiteralExpression(right)) {
        for (const p of right.properties) if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) scan.definitions.push(p.name.text);
      }
    } else {
      const match = /^(?:module\.)?exports\.(\w+)$/.exec(left);
      if (match) scan.definitions.push(match[1]!);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// naming rules

/** TypeORM's DefaultNamingStrategy.tableName: the class name in snake_case (`UserProfile` -> `user_profile`, `APIKey` -> `api_key`). */
export function typeormTableName(className: string): string {
  return className
    .replace(/([A-Z])([A-Z])([a-z])/g, '$1_$2$3')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** Sequelize's default table name: the pluralised model name (case kept), snake_cased first when `underscored`. Approximate: English rules only. */
export function sequelizeTableName(modelName: string, underscored = false): string {
  const plural = pluralize(modelName);
  return underscored ? plural.replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase() : plural;
}

/** Mongoose's default collection name: the lowercased, pluralised model name. Approximate: common English rules only. */
export function mongooseCollectionName(modelName: string): string {
  const lower = modelName.toLowerCase();
  return /s$/.test(lower) && !/(ss|us)$/.test(lower) ? lower : pluralize(lower);
}

const uncountable = new Set(['data', 'equipment', 'information', 'rice', 'money', 'species', 'series', 'fish', 'sheep', 'deer', 'news', 'metadata', 'media', 'feedback', 'staff']);
const irregular: Record<string, string> = { person: 'people', man: 'men', woman: 'women', child: 'children', mouse: 'mice', goose: 'geese', tooth: 'teeth', foot: 'feet', ox: 'oxen' };

/** English pluralisation as ORMs approximate it: `Category` -> `Categories`, `Box` -> `Boxes`, `Person` -> `People`. */
export function pluralize(word: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(word);
  if (!match) return word;
  const [, head, tail] = match as unknown as [string, string, string];
  // last camel-case word: `UserCategory` -> `Category`
  const lastWord = /([A-Z]?[a-z]+|[A-Z]+)$/.exec(tail)?.[0] ?? tail;
  const prefix = head + tail.slice(0, tail.length - lastWord.length);
  const lower = lastWord.toLowerCase();
  const keepCase = (plural: string): string =>
    lastWord === lastWord.toUpperCase() && lastWord.length > 1 ? plural.toUpperCase() : lastWord[0] === lastWord[0]!.toUpperCase() ? plural[0]!.toUpperCase() + plural.slice(1) : plural;
  if (uncountable.has(lower)) return word;
  if (irregular[lower]) return prefix + keepCase(irregular[lower]);
  let plural: string;
  if (/(s|x|z|ch|sh)$/.test(lower)) plural = `${lower}es`;
  else if (/[^aeiou]y$/.test(lower)) plural = `${lower.slice(0, -1)}ies`;
  else if (/(?:[^f]fe|[lr]f)$/.test(lower)) plural = lower.replace(/fe?$/, 'ves');
  else plural = `${lower}s`;
  return prefix + keepCase(plural);
}

// ---------------------------------------------------------------------------------------------
// AST helpers

function importRecord(line: number, specifier: string, names: string[] | '*' | undefined, locals: string[], reexport: boolean): ScannedImport {
  const record: ScannedImport = { line, specifier, level: 0, names, reexport };
  if (Array.isArray(names) && locals.length === names.length && locals.some((l, i) => l !== names[i])) record.locals = locals;
  return record;
}

function decoratorsOf(node: ts.Node): readonly ts.Decorator[] {
  return ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
}

function decoratorCall(decorator: ts.Decorator): { name: string; args: readonly ts.Expression[] } {
  const expression = decorator.expression;
  const callee = ts.isCallExpression(expression) ? expression.expression : expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return { name, args: ts.isCallExpression(expression) ? expression.arguments : [] };
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

function stringProperty(object: ts.ObjectLiteralExpression, key: string): string | undefined {
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && propertyName(p.name) === key && ts.isStringLiteralLike(p.initializer)) return p.initializer.text;
  }
  return undefined;
}

function booleanProperty(object: ts.ObjectLiteralExpression, key: string): boolean {
  return object.properties.some((p) => ts.isPropertyAssignment(p) && propertyName(p.name) === key && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
}

/** `() => X` -> X, `(t) => ({...})` -> the object, `function () { return X }` -> X, anything else -> itself. */
function returnedExpression(node: ts.Node | undefined): ts.Expression | undefined {
  if (!node) return undefined;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    if (ts.isBlock(node.body)) {
      const statement = node.body.statements.find(ts.isReturnStatement);
      return statement?.expression;
    }
    return unwrapParens(node.body);
  }
  return ts.isExpression(node as ts.Expression) ? (node as ts.Expression) : undefined;
}

function objectOf(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  const value = returnedExpression(node);
  return value && ts.isObjectLiteralExpression(value) ? value : undefined;
}

function unwrapParens(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? unwrapParens(node.expression) : node;
}

function descendants(node: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const walk = (n: ts.Node): void => {
    out.push(n);
    ts.forEachChild(n, walk);
  };
  ts.forEachChild(node, walk);
  return out;
}

// ---------------------------------------------------------------------------------------------
// tsconfig

/** The `baseUrl` and `paths` that govern a folder, from its `tsconfig.json` / `jsconfig.json` (following `extends` of relative files). */
export interface CompilerPaths {
  /** absolute folder that `paths` targets are relative to */
  base: string;
  /** absolute baseUrl, when set */
  baseUrl?: string;
  paths: Record<string, string[]>;
}

/** Reads `configFile` (absolute) and what it extends; undefined when it cannot be read. */
export function readCompilerPaths(configFile: string, depth = 0): CompilerPaths | undefined {
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error || !read.config || depth > 5) return undefined;
  const config = read.config as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } };
  const dir = configFile.replace(/[\\/][^\\/]*$/, '');
  let inheritedPaths: CompilerPaths | undefined;
  if (typeof config.extends === 'string' && config.extends.startsWith('.')) {
    const target = ts.sys.resolvePath(`${dir}/${config.extends}`);
    inheritedPaths = readCompilerPaths(target.endsWith('.json') ? target : `${target}.json`, depth + 1);
  }
  const options = config.compilerOptions ?? {};
  const baseUrl = typeof options.baseUrl === 'string' ? ts.sys.resolvePath(`${dir}/${options.baseUrl}`) : inheritedPaths?.baseUrl;
  const ownPaths = options.paths && typeof options.paths === 'object' ? (options.paths as Record<string, string[]>) : undefined;
  return {
    base: ownPaths ? (baseUrl ?? dir) : (inheritedPaths?.base ?? baseUrl ?? dir),
    ...(baseUrl ? { baseUrl } : {}),
    paths: ownPaths ?? inheritedPaths?.paths ?? {},
  };
}

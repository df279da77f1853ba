import { parseSource } from '../../../languages/typescript/syntax';
import { ts } from '../../../languages/typescript/ts';
import type { FileScan, ScannedModel } from '../types';
import { ClassFacts, readClass, sequelizeReferences } from './classes';
import { mongooseCollectionName, sequelizeTableName } from './naming';
import { booleanProperty, descendants, importRecord, objectOf, propertyName, returnedExpression, stringProperty } from './nodes';

const sequelizeAssociations = new Set(['belongsTo', 'hasMany', 'hasOne', 'belongsToMany']);
const drizzleTables = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable', 'gelTable']);
const drizzleSchemas = new Set(['pgSchema', 'mysqlSchema']);

export function readFile(file: string, text: string): { scan: FileScan; classes: ClassFacts[] } {
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
    mikro: /['"]@mikro-orm\//.test(text),
    objection: /['"]objection['"]/.test(text),
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
      const facts = readClass(node, file, lineOf, mentions);
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

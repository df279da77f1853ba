import { ts } from '../../../languages/typescript/ts';
import type { ScannedModel, ScannedReference } from '../types';
import { sequelizeTableName, typeormTableName } from './naming';
import { booleanProperty, decoratorCall, decoratorsOf, descendants, propertyName, returnedExpression, stringProperty } from './nodes';

export interface ClassFacts {
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

const mikroColumns = new Set(['Property', 'PrimaryKey', 'SerializedPrimaryKey', 'Enum', 'Formula']);

/** Objection: `static tableName = 'users'` or `static get tableName() { return 'users'; }` */
function objectionTable(node: ts.ClassDeclaration): string | undefined {
  for (const member of node.members) {
    const isStatic = ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (!isStatic || !member.name || propertyName(member.name) !== 'tableName') continue;
    if (ts.isPropertyDeclaration(member) && member.initializer && ts.isStringLiteralLike(member.initializer)) return member.initializer.text;
    if (ts.isGetAccessorDeclaration(member)) {
      const returned = member.body?.statements.find(ts.isReturnStatement)?.expression;
      if (returned && ts.isStringLiteralLike(returned)) return returned.text;
    }
  }
  return undefined;
}

/** Which ORMs a file imports (their decorators and bases share names: `@Entity` is TypeORM's and MikroORM's). */
export interface OrmMentions {
  sequelize: boolean;
  mikro: boolean;
  objection: boolean;
}

export function readClass(node: ts.ClassDeclaration, file: string, lineOf: (n: ts.Node) => number, mentions: OrmMentions): ClassFacts {
  const sequelize = mentions.sequelize;
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
      if (typeormColumns.has(decoratorName) || (sequelize && decoratorName === 'Column') || (mentions.mikro && mikroColumns.has(decoratorName))) facts.columns++;
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
          // MikroORM names the option `tableName` (or `collection`), TypeORM `name`
          table = (mentions.mikro ? (stringProperty(arg, 'tableName') ?? stringProperty(arg, 'collection')) : stringProperty(arg, 'name')) ?? table;
          schema = stringProperty(arg, 'schema') ?? null;
        }
      }
      facts.model = {
        class: name,
        // both derive `user_profile` from `UserProfile` (TypeORM's DefaultNamingStrategy, MikroORM's UnderscoreNamingStrategy)
        orm: mentions.mikro ? 'mikro-orm' : 'typeorm',
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
  const objection = mentions.objection && facts.extends !== undefined ? objectionTable(node) : undefined;
  if (objection !== undefined && !facts.model) {
    facts.isEntity = true;
    facts.model = { class: name, orm: 'objection', line: lineOf(node), table: objection, schema: null, derivedTable: false, columns: facts.columns, relationships: facts.relationships };
  }
  return facts;
}

export function sequelizeReferences(attributes: ts.ObjectLiteralExpression, from: string, lineOf: (n: ts.Node) => number): ScannedReference[] {
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

import type { Origin } from '../model';

/** One Django field as a model class or a migration declares it: what decides its column, index and constraint. */
export interface DjangoField {
  name: string;
  /** the field class: `CharField`, `ForeignKey`, `ManyToManyField`, ... */
  kind: string;
  null: boolean;
  primaryKey: boolean;
  unique: boolean;
  /** `db_index=` as written; undefined: the field's own default (true for a foreign key) */
  dbIndex?: boolean;
  dbColumn?: string;
  maxLength?: number;
  maxDigits?: number;
  decimalPlaces?: number;
  /** a relation's target as written: `"shop.Customer"`, `"Customer"`, `"self"`, `settings.AUTH_USER_MODEL` */
  to?: string;
  /** `to_field=`: the target's field the relation points at (its primary key when absent) */
  toField?: string;
  /** `db_constraint=False`: a relation without a foreign key constraint */
  noConstraint?: boolean;
  /** many-to-many: the explicit `through` model and the join table's `db_table` */
  through?: string;
  dbTable?: string;
  /** the reverse accessor's name on the target (`related_name=`) */
  relatedName?: string;
  origin: Origin;
  /** a migration's field call as written (the replay's fields only) */
  declaration?: FieldDeclaration;
}

/** A migration's field call as written: what an operation that restates the field (a state-only AlterField) copies. */
export interface FieldDeclaration {
  /** the field class as called (`models.ForeignKey`) */
  callee: string;
  /** each argument's text (`on_delete=models.CASCADE`) */
  arguments: string[];
  /** which argument is `to=` with a string literal, when the target is written so */
  to?: number;
  /** the migration's top-level imports, which the call's names may need */
  imports: readonly string[];
}

export interface DjangoIndex {
  fields: string[];
  name?: string;
  origin: Origin;
}

/** A model as Django's migration state knows it (from the migrations replayed, or from the model classes read). */
export interface DjangoModel {
  app: string;
  name: string;
  /** in declaration order */
  fields: Map<string, DjangoField>;
  dbTable?: string;
  abstract: boolean;
  proxy: boolean;
  managed: boolean;
  /** the bases as the class statement writes them (models only; a migration's state has none) */
  bases?: string[];
  /** multi-table inheritance and proxies: the concrete parent (`app.model`) */
  parent?: string;
  indexes: DjangoIndex[];
  uniqueTogether: DjangoIndex[];
  indexTogether: DjangoIndex[];
  /** `UniqueConstraint(fields=...)` without a condition */
  uniqueConstraints: DjangoIndex[];
  origin: Origin;
}

/** What the project's settings say that the schema depends on. */
export interface DjangoSettings {
  /** `app.Model` that `settings.AUTH_USER_MODEL` names */
  authUserModel: string;
  /** the field class of implicit primary keys, per app label (AppConfig.default_auto_field) and project-wide */
  autoField: (app: string) => string;
}

export const modelKey = (app: string, name: string): string => `${app}.${name.toLowerCase()}`;

export const relationKinds = new Set(['ForeignKey', 'OneToOneField', 'ManyToManyField', 'ParentalKey', 'ParentalManyToManyField', 'TreeForeignKey', 'TreeOneToOneField', 'TreeManyToManyField']);
export const isManyToMany = (field: DjangoField): boolean => /ManyToManyField$/.test(field.kind);
export const isOneToOne = (field: DjangoField): boolean => /OneToOneField$/.test(field.kind);
export const isRelation = (field: DjangoField): boolean => relationKinds.has(field.kind);

/** `app.model` a relation's target names, from the model that holds it (`"self"`, `"Booking"`: its own app). */
export function relationKey(model: Pick<DjangoModel, 'app' | 'name'>, to: string): string {
  if (to === 'self') return modelKey(model.app, model.name);
  const dot = to.lastIndexOf('.');
  return dot < 0 ? modelKey(model.app, to) : modelKey(to.slice(0, dot), to.slice(dot + 1));
}

/** The reverse accessor a relation gives its target: `related_name`, else `<model>` (one-to-one) or `<model>_set`. */
export function reverseAccessorOf(model: Pick<DjangoModel, 'name'>, field: DjangoField): string {
  return field.relatedName ?? (isOneToOne(field) ? model.name.toLowerCase() : `${model.name.toLowerCase()}_set`);
}

/** A project's own field class (`class MoneyField(models.DecimalField)`): the Django field it builds on, and the
 * options its `__init__` fixes (`kwargs.setdefault("max_digits", 12)`). */
export interface CustomField {
  kind: string;
  defaults: Partial<Pick<DjangoField, 'maxLength' | 'maxDigits' | 'decimalPlaces'>>;
}
export type CustomFields = ReadonlyMap<string, CustomField>;

/** What the ORM readers find in source files: the model facts audit, drift and table renames share. */

/** The ORM dialects the readers recognise. */
export type Orm =
  | 'sqlalchemy' // declarative class with __tablename__
  | 'sqlalchemy-table' // Table("name", metadata, ...)
  | 'flask-sqlalchemy' // db.Model subclass without __tablename__ (name derived from the class)
  | 'django'
  | 'sqlmodel' // class X(SQLModel, table=True)
  | 'peewee'
  | 'tortoise'
  | 'typeorm'
  | 'mikro-orm'
  | 'objection'
  | 'prisma'
  | 'sequelize'
  | 'drizzle'
  | 'mongoose';

export type AuditLanguage = 'python' | 'typescript' | 'prisma';

/** One model as a scanner found it in one file (file-relative facts only). */
export interface ScannedModel {
  /** class name; for Table()/Drizzle/Sequelize define: the variable or model name */
  class: string;
  orm: Orm;
  /** 1-based line of the class / call */
  line: number;
  /** the table (or Mongo collection) it maps */
  table: string;
  /** the schema it names, or null for the connection's default schema */
  schema: string | null;
  /** true when the table name is not written in the code but derived by the ORM's naming rule */
  derivedTable: boolean;
  columns: number;
  relationships: number;
  /** Django proxy models map their parent's table: never a duplicate */
  proxy?: boolean;
  /** Django `managed = False`: its table is created by someone else's migrations */
  unmanaged?: boolean;
  /** a short note on an approximation made for this model */
  note?: string;
  /** Django: the app label the default table name is built from */
  appLabel?: string;
  /** other names that references may use for this model (Mongoose / Sequelize model names) */
  aliases?: string[];
}

/** A reference from one model to a table or a class, found in the source. */
export interface ScannedReference {
  /** the model that holds the reference */
  from: string;
  line: number;
  kind: 'foreign-key' | 'relationship';
  /** target table (with its schema when written), for foreign keys */
  table?: string;
  schema?: string;
  /** target class name, for relationships */
  class?: string;
  /** for Django 'app_label.Model' references */
  appLabel?: string;
  /** the reference as written */
  text: string;
}

/** One import statement (or require / re-export), unresolved. */
export interface ScannedImport {
  line: number;
  /** Python: dotted module, without the leading dots of a relative import; TS: the specifier */
  specifier: string;
  /** Python: number of leading dots of a relative import (0 = absolute) */
  level: number;
  /** imported names (original names, not aliases); `'*'` for star imports; `undefined` when the module itself is imported */
  names: string[] | '*' | undefined;
  /** the local (or, for a re-export, exported) names, parallel to `names`, when any differs from the original */
  locals?: string[];
  /** true when this statement re-exports what it imports (TS `export ... from`, Python module-level from-import) */
  reexport: boolean;
}

/** What a scanner reports for one file. */
export interface FileScan {
  /** path relative to the audited directory, `/`-separated */
  file: string;
  language: AuditLanguage;
  models: ScannedModel[];
  references: ScannedReference[];
  imports: ScannedImport[];
  /** names the module defines at top level (classes, functions, variables), public or not */
  definitions: string[];
  /** TS: the class/variable that `export default` names */
  defaultExport?: string;
  /** a file that does not parse: reported, its models skipped */
  failure?: { line: number; error: string };
}

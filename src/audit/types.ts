/** The ORM dialects the audit recognises. */
export type Orm =
  | 'sqlalchemy' // declarative class with __tablename__
  | 'sqlalchemy-table' // Table("name", metadata, ...)
  | 'flask-sqlalchemy' // db.Model subclass without __tablename__ (name derived from the class)
  | 'django'
  | 'typeorm'
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

/** A model in the report: what its scanner found, where, and who uses it. */
export interface AuditModel extends ScannedModel {
  /** path relative to the audited directory */
  file: string;
  language: AuditLanguage;
  /** how many other files import this model (by name, through re-exports, or its whole module) */
  importers: number;
  /** how many string references of other models point at it (`relationship("Booking")`, `ForeignKey("bookings.id")`) */
  referencedBy: number;
  /** module id: Python dotted path relative to its import root, TS path without extension */
  module: string;
}

export interface DuplicateGroup {
  schema: string | null;
  table: string;
  models: AuditModel[];
  /** the model the documented rule picks (see `pickCanonical`), and why */
  canonical?: { file: string; class: string; reason: string };
}

export type Collision =
  | { kind: 'schema'; table: string; schemas: Array<string | null>; models: AuditModel[] }
  | { kind: 'class-name'; class: string; tables: string[]; models: AuditModel[] };

export interface DanglingReference {
  file: string;
  line: number;
  /** the model holding the reference */
  class: string;
  kind: 'foreign-key' | 'relationship';
  /** what it points at, as `schema.table`, `table` or a class name */
  target: string;
  text: string;
  /** models whose table or class name looks like what was meant */
  suggestions: string[];
}

export interface AuditFailure {
  file: string;
  line: number;
  error: string;
}

export interface AuditReport {
  /** the audited directory, absolute */
  root: string;
  models: AuditModel[];
  duplicates: DuplicateGroup[];
  collisions: Collision[];
  dangling: DanglingReference[];
  orphans: AuditModel[];
  failures: AuditFailure[];
  /** Python import roots found, relative to the audited directory ('.' = the directory itself) */
  pythonRoots: string[];
  /** facts about each file that holds models, for the draft import map (not rendered) */
  modules: Record<string, ModuleFacts>;
  stats: { files: number; scanned: number; models: number };
}

export interface ModuleFacts {
  /** module id (see AuditModel.module) */
  module: string;
  /** Python: the import root the module id is relative to */
  root?: string;
  /** public top-level names the module defines (Python) or exports (TS) */
  definitions: string[];
  /** names other files import from this module */
  imported: string[];
  /** TS: the name `export default` / `module.exports =` gives */
  defaultExport?: string;
}

export interface AuditOptions {
  /** the directory to audit (default: process.cwd()) */
  dir?: string;
  /** the schema that an unqualified table lives in; a model naming it explicitly is grouped with unqualified ones (default 'public') */
  defaultSchema?: string;
  /** override file discovery: paths relative to `dir` */
  files?: string[];
  /** globs (relative to `dir`) whose models win the canonical pick of a duplicate group, in order */
  prefer?: string[];
}

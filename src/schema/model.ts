/** Where a schema fact comes from: a model's or a migration's file and line. */
export interface Origin {
  file: string;
  line: number;
}

export interface ColumnSchema {
  name: string;
  /** normalised: `varchar(255)`, `text`, `integer`, `bigint`, `numeric(10,2)`, `json`, `jsonb`, `datetime`, ...; undefined when not known */
  type?: string;
  nullable: boolean;
  primaryKey: boolean;
  /** the server default: as written, and as the database holds it when that can be told */
  serverDefault?: { written: string; value?: string };
  origin: Origin;
}

export interface IndexSchema {
  name?: string;
  /** the name is the one remodel derives (`index=True`: `ix_<table>_<column>`), not one the code writes */
  derivedName?: boolean;
  columns: string[];
  unique: boolean;
  origin: Origin;
}

export interface ForeignKeySchema {
  name?: string;
  columns: string[];
  target: { schema?: string; table: string; columns: string[] };
  origin: Origin;
}

export interface TableSchema {
  schema?: string;
  name: string;
  columns: Map<string, ColumnSchema>;
  indexes: IndexSchema[];
  uniques: IndexSchema[];
  foreignKeys: ForeignKeySchema[];
  origin: Origin;
}

/** A database schema as one side (the models, or the migrations replayed) describes it, keyed by `schema.table`. */
export interface SchemaModel {
  tables: Map<string, TableSchema>;
  /** earlier names of each table (the migrations' renames), by current key */
  renamedFrom: Map<string, string[]>;
  /** the models' side: each mapped class with its table (one class name in two modules is a duplicate-model) */
  classes?: Array<{ name: string; table: string; origin: Origin; /** Django: `app.model`, the model's identity across both sides */ model?: string }>;
  /** steps that could not be followed (op.execute, RunSQL), with the tables they touch when that can be told */
  unresolved: Array<{ origin: Origin; detail: string; tables: string[] }>;
}

export const tableKey = (schema: string | undefined, name: string): string => (schema && schema !== 'public' ? `${schema}.${name}` : name);

export const emptySchema = (): SchemaModel => ({ tables: new Map(), renamedFrom: new Map(), unresolved: [] });

export function newTable(schema: string | undefined, name: string, origin: Origin): TableSchema {
  return { ...(schema && schema !== 'public' ? { schema } : {}), name, columns: new Map(), indexes: [], uniques: [], foreignKeys: [], origin };
}

/** A column call's server default as the schema records it. */
export const serverDefaultOf = (read: { serverDefault?: string; serverDefaultValue?: string }): Pick<ColumnSchema, 'serverDefault'> =>
  read.serverDefault === undefined ? {} : { serverDefault: { written: read.serverDefault, ...(read.serverDefaultValue !== undefined ? { value: read.serverDefaultValue } : {}) } };

import type { AuditLanguage, ScannedModel } from '../schema/orm/types';

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

/** A reference from one model to another, resolved: a foreign key to its table or a relationship to its class. */
export interface ModelLink {
  from: { file: string; class: string };
  to: { file: string; class: string };
  kind: 'foreign-key' | 'relationship';
  /** the reference as written */
  text: string;
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
  /** every reference that resolves to a model of the report */
  links: ModelLink[];
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

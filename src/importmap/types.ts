import type { ImportMapError } from '../core/errors';
import type { RawMigrations, RawRelocateEntry, RawRewriteEntry, RawShimEntry } from './schema';

export type LanguageId = 'python' | 'typescript';

/** One `rewrite` entry, normalised. */
export interface RewriteRule {
  /** index in the map's `rewrite` list */
  index: number;
  /** `models.booking -> db.models.core` (with `[names]` for a name-level move) */
  label: string;
  from: string;
  to: string;
  /** the names that move; `undefined` for a whole-module move */
  names: ReadonlySet<string> | undefined;
  rename: ReadonlyMap<string, string>;
  package: boolean;
  /** `to` is installed rather than in the repository (Python): accepted without looking for it */
  external: boolean;
  /** whether a barrel that re-exports a renamed name keeps the old public name or follows the rename */
  barrels: 'keep' | 'follow';
  /** derived by remodel (a `relocate` entry's importers), not written in the map: its target need not exist yet */
  derived: boolean;
}

/** A table in one schema: `schema` undefined is the default schema (PostgreSQL's `public`). */
export interface TableId {
  schema: string | undefined;
  name: string;
}

/** One `tables` entry, normalised: both sides in the same schema. */
export interface TableRename {
  index: number;
  from: TableId;
  to: TableId;
}

/** Where an old (module, name) ends up after every chained entry. */
export interface NameTarget {
  module: string;
  name: string;
  /** the first entry that moved it (the one stats are counted under) */
  rule: RewriteRule;
}

export interface ModuleTarget {
  module: string;
  rule: RewriteRule;
}

/** A validated, chain-resolved import map. */
export interface ImportMap {
  /** the map's path as the user named it */
  file: string;
  language: LanguageId;
  /** import roots (Python) or the resolution root (TypeScript), relative to the repository root, `/`-separated */
  roots: string[];
  rules: RewriteRule[];
  shims: RawShimEntry[];
  relocate: RawRelocateEntry[];
  tables: TableRename[];
  migrations: RawMigrations;
  /** the separator of module identifiers: `.` for Python, `/` for TypeScript */
  separator: string;
  /** where `name` imported from `module` now lives, or undefined when it stays */
  moveOfName(module: string, name: string): NameTarget | undefined;
  /** the module that replaces `module` as a whole (whole-module and package moves), or undefined */
  moveOfModule(module: string): ModuleTarget | undefined;
  /** true when some names of `module` move by a name-level entry (the module itself stays) */
  hasNameMoves(module: string): boolean;
  /** the names that a name-level entry moves out of `module` */
  movedNames(module: string): string[];
  /** every module the map names as old: what the text prefilter looks for */
  oldModules(): string[];
  /** the line of a key path in the map's source, for errors */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
  /** the error for a key of this map: its file, the key's line and path (`rewrite[3].rename`), and what is wrong */
  error(path: ReadonlyArray<string | number>, detail: string): ImportMapError;
  /** the same map with rules added after the written ones (marked `derived`), chains and conflicts resolved again */
  extend(entries: readonly RawRewriteEntry[]): ImportMap;
}

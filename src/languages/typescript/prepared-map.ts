import type { FileMove, Workspace } from '../../core/types';
import type { PreparedMap } from '../types';
import type { ResolutionConfig } from './config';
import type { SkeletonQueue } from './import-skeleton';
import type { MappedTargets } from './mapped-targets';
import type { ResolverSet } from './resolve';

/** Names a module exports, as far as its own text tells (`open` when it also has `export * from`). */
export interface ExportedNames {
  names: Set<string>;
  open: boolean;
  /** the names it exports only as types (interfaces, type aliases, `export type`, JSDoc typedefs) */
  types: Set<string>;
}

/** A bare id that names no file of the repository: installed in a node_modules, or nowhere at all. */
export type BareIdPlace = 'installed' | 'nowhere';

/** The TypeScript adapter's per-run state: resolution, the files behind every module id of the map. */
export interface TypeScriptPreparedMap extends PreparedMap {
  /** absolute repository root */
  cwd: string;
  /** the configuration that governs the map's root folder */
  config: ResolutionConfig;
  /** module resolution for each importing file under its own governing tsconfig (`resolver.configFor(file)`) */
  resolver: ResolverSet;
  /** absolute file of an old path module -> its id as the map names it */
  oldFiles: Map<string, string>;
  /** module id (old or new, path ids only) -> absolute file */
  moduleFiles: Map<string, string>;
  /** module ids that are bare package specifiers, matched as text */
  bareIds: Set<string>;
  /** package entries over folders: matched by the module id of the resolved file */
  hasPathPackages: boolean;
  workspace: Workspace;
  /** exports of a module file, read on demand and cached */
  exportsOf(file: string): ExportedNames | undefined;
  /** the files the map's `relocate` entries move (empty when it has none) */
  moves: FileMove[];
  /** old module ids whose file is no longer in the tree: their importers are matched by where the file was */
  retired: string[];
  /** where a bare id leads when that can be told without the compiler (`placeOfBareId`), else undefined */
  bareIdPlace(id: string): BareIdPlace | undefined;
  /**
   * checks the names each entry moves against its target's exports (parsed; an installed package's type declarations,
   * found then): once, before the first file is planned or the shims are
   */
  checkTargets(): void;
  /** rewrite entries whose bare `to` resolves to no declarations here (not installed): their names are unchecked (complete once `checkTargets` ran) */
  uncheckedTargets: number[];
  /** warnings for the names entries take that their old modules do not export (complete once `checkTargets` ran) */
  oldNamesMissing: string[];
  /** where `paths`/`baseUrl` lead, told without the compiler (the prefilter's); absent when only the compiler can tell */
  mappedTargets?: MappedTargets;
  /** the import skeletons of the files the prefilter kept, parsed meanwhile (import-skeleton.ts) */
  skeletons: SkeletonQueue;
}

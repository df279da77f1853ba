import type { ScanGate } from '../workspace/read-ahead';
import type { SourceFile, Workspace } from '../core/types';
import type { RawRewriteEntry } from '../importmap/schema';
import type { ImportMap, LanguageId } from '../importmap/types';
import type { FileMove } from '../core/types';
import type { PoolThresholds } from '../workspace/pool';
import type { FileResult, NeedsReview, Note } from '../core/types';

/** What an adapter prepares once per map and run: module resolution, validated targets. */
export interface PreparedMap {
  map: ImportMap;
  /** strings whose absence from a file's text proves that the map needs no edit there */
  needles: string[];
  /** a sharper prefilter than the needles, when the language can tell more from path and text without parsing */
  mayNeedEdit?(path: string, text: string): boolean;
  /** what every file the prefilter (and the scan's reports) keeps has: lets a worker read ahead (`workspace/read-ahead.ts`) */
  scanGate?: ScanGate;
}

/** Files a shim transform writes (whole new text per file), with what it wants a human to know. */
export interface ShimPlan {
  files: Array<{ path: string; text: string }>;
  needsReview: NeedsReview[];
  notes: Note[];
  /** Django models the shims leave their old apps without: the plan moves their migration state, or lists them */
  djangoModelsLeaving?: DjangoModelLeaving[];
}

/** A Django model that a shim leaves its old app without, though the app's migrations created it. */
export interface DjangoModelLeaving {
  /** the old app's label and the model's name there */
  label: string;
  name: string;
  /** the canonical model: its module, its file when in the repository, its class */
  target: { module: string; file?: string; name: string };
  /** what to say at its CreateModel when no migration can move its state */
  review: NeedsReview;
}

/** What moving files means for one language: the moved texts (own imports recomputed) and files the destination needs. */
export interface MovePlan {
  moved: Array<{ from: string; to: string; text: string }>;
  created: Array<{ path: string; text: string }>;
  /** files that stay where they are but name a moved path (configs, `/// <reference path>`): their new texts */
  edited: Array<{ path: string; text: string }>;
  needsReview: NeedsReview[];
  notes: Note[];
}

/** How a shim goes: its file deleted, its whole package deleted, its shim section cut out, or kept (and why). */
export type PruneAction = { kind: 'delete' } | { kind: 'delete-package' } | { kind: 'edit'; text: string } | { kind: 'keep'; why: string };

/** The repository as it stands and as the plan leaves it: its files and their texts (undefined: not there). */
export interface TreeView {
  files: readonly string[];
  read(path: string): string | undefined;
}

/** What `--verify` compares: the tree before and after the plan, the files the plan writes, where each came from. */
export interface PlannedTrees {
  cwd: string;
  before: TreeView;
  after: TreeView;
  /** every file the plan writes or creates (after paths), and the files it deletes (before paths) */
  changed: readonly string[];
  /** after path -> before path of each moved file */
  movedFrom: ReadonlyMap<string, string>;
  /** `static`: the compiler's and the resolver's view; `import`: the project's interpreter imports the changed modules too */
  mode: 'static' | 'import';
}

/** A problem the plan would bring: in `file` (after path) at `line`, not there before. */
export interface VerifyProblem {
  file: string;
  line: number;
  message: string;
}

/** The contract every language implements (DESIGN.md §4). */
export interface LanguageAdapter<P extends PreparedMap = PreparedMap> {
  id: LanguageId;
  /** true for the files this adapter rewrites */
  owns(path: string): boolean;
  /** validates the map against the repository (a `to` module exists) and builds caches; throws ImportMapError */
  prepare(map: ImportMap, workspace: Workspace): Promise<P>;
  /** whether `prepare` reads every file of the language for this map: a read-ahead worker would find nothing left to read */
  preparationReadsEveryFile?(map: ImportMap): boolean;
  /**
   * the plan allows the adapter a thread of its own for this map (more than one thread, a tree where the read-ahead
   * worker pays): it starts it when it first needs it; the function returned stops it once the plan is made
   */
  useHelperThread?(prepared: P): () => Promise<void>;
  /**
   * the checks of the map that need a target parsed (the names an entry moves are defined there): run once, before the
   * first file is planned, so that a plan that has nothing to change parses no target; throws ImportMapError
   */
  checkTargets?(prepared: P): Promise<void>;
  /** whether a module id of the map names a module in the repository (undefined: cannot tell, e.g. a bare specifier) */
  moduleExists?(prepared: P, id: string): boolean | undefined;
  /** the repository file (relative) that defines a module id of the map, or undefined (a bare specifier, a missing file) */
  moduleFile?(prepared: P, id: string): string | undefined;
  /** the file (relative, possibly under node_modules) a module id of the map resolves to from the map's root */
  resolvedFileOf?(prepared: P, id: string): string | undefined;
  /** every module the language knows under the map's roots (lint configs list the ones an old module is not in) */
  moduleNames?(prepared: P): string[];
  /** every specifier that names a module id of the map from files in `folder` (lint configs forbid them as text) */
  spellingsOf?(prepared: P, id: string, folder: string): string[];
  /** whether the map moves names out of a Django app's modules (its models): the plan then checks Django's relations */
  movesDjangoModels?(prepared: P): boolean;
  /** what the consolidation breaks beyond imports, read from the repository as it is on disk (Django: a model the map makes registered twice with the admin) */
  consolidationReview?(prepared: P, onDisk: Workspace): NeedsReview[];
  /** what preparing the map found worth a warning (not an error: the plan goes on without it) */
  warnings?(prepared: P): string[];
  /** when the default pool starts for this language's candidates (default: `defaultPoolThresholds`) */
  poolThresholds?: PoolThresholds;
  /** the first syntax error of a text remodel generated (a shim, a migration, a moved file), or undefined when it parses */
  syntaxError?(path: string, text: string): Promise<{ line: number; column: number; message: string } | undefined>;
  /** every edit the map implies for one file; never throws for a bad file (returns `failed`) */
  planRewrite(file: SourceFile, prepared: P): Promise<FileResult>;
  /** the deprecation shims of the map's `shims:` entries, over the workspace as rewritten so far; throws ImportMapError for a shim it must refuse */
  planShims?(prepared: P, workspace: Workspace): Promise<ShimPlan>;
  /** prune: what removing a shim nothing uses does to its file (the whole file, its package, or only its shim section) */
  pruneShim?(text: string): PruneAction;
  /** the file that makes a folder a package (Python: `__init__.py`): prune removes an empty one that a relocated file left alone */
  packageMarker?: string;
  /** `--verify`: the problems the plan brings into the files of this language (new ones only, compared with before) */
  verify?(prepared: P, trees: PlannedTrees): Promise<VerifyProblem[]>;
  /** prune: the files that still import or name the module a file defines */
  importersOf?(prepared: P, workspace: Workspace, file: string): Promise<string[]>;
  /** rewrite entries that send the importers of relocated files to their new place, for modules the map does not already move or shim */
  moveRules?(map: ImportMap, moves: readonly FileMove[], workspace: Workspace): RawRewriteEntry[];
  /** the relocated files' new texts (their own relative imports recomputed) and the files their destination needs */
  planMoves?(prepared: P, moves: readonly FileMove[], workspace: Workspace): Promise<MovePlan>;
}

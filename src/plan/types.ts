import type { EntryStats, NeedsReview, Note } from '../core/types';

/** One file the plan writes: modified, created (`before === null`), deleted (`after === null`) or moved (`movedFrom`). */
export interface FileChange {
  /** path relative to the repository root, `/`-separated; the destination for a move */
  path: string;
  movedFrom?: string;
  before: string | null;
  after: string | null;
  /** the encoding `before`/`after` are written in on disk, when not UTF-8 (a PEP 263 declaration) */
  encoding?: string;
  /** octal file mode as git prints it (100644, 100755) */
  mode: string;
  /** which transforms produced this change */
  sources: string[];
  /** for a rewritten importer: the first line it changes and the map entries (labels) that change it */
  rewrite?: { line: number; entries: string[] };
}

export interface PlanSummary {
  filesScanned: number;
  filesParsed: number;
  entries: Record<string, EntryStats & { files: number }>;
}

/** Every edit remodel would make, computed without touching disk. */
export interface Plan {
  /** absolute repository root */
  cwd: string;
  changes: FileChange[];
  needsReview: NeedsReview[];
  notes: Note[];
  failures: Array<{ file: string; line: number; column: number; error: string }>;
  summary: PlanSummary;
  timings: Record<string, number>;
  /** every shim the maps declare, where it stands in the repository, and the map entries whose importers use it */
  shims?: ShimStatus[];
  /** folders the plan moves whole: apply carries along what the plan does not list in them (untracked, ignored files) */
  folderMoves?: Array<{ from: string; to: string }>;
}

/** A shim of a map, as `check` reports it. */
export interface ShimStatus {
  module: string;
  /** the shim file, when the module's file is one (holds remodel's shim marker) */
  file?: string;
  /** YYYY-MM-DD after which it should be gone */
  removeAfter?: string;
  /** where the map declares it */
  map: string;
  line: number;
  /** labels of the rewrite entries that move its module's names: a file still rewritten for one of them still uses the shim */
  entries: string[];
  /** the names that moved out, when the module stays for the others (a name-level shim) */
  movedNames?: string[];
}

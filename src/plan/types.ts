/** A text splice at UTF-16 offsets of the original text; edits of one file never overlap. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Something remodel left untouched on purpose, for a human to look at. */
export interface NeedsReview {
  file: string;
  line: number;
  reason: string;
}

/** Something remodel did differently from the obvious rewrite, and wants the user to know. */
export interface Note {
  file: string;
  line: number;
  message: string;
}

/** What one rewrite-map entry did in one file (summed over files in the report). */
export interface EntryStats {
  imports: number;
  references: number;
  strings: number;
}

/** The outcome of planning one file: data, never an exception escaping (LibCST style). */
export type FileResult =
  | {
      kind: 'changed';
      file: string;
      edits: Edit[];
      needsReview: NeedsReview[];
      notes: Note[];
      /** keyed by the map entry's label, e.g. `models.booking -> db.models.core` */
      stats: Record<string, EntryStats>;
    }
  | { kind: 'unchanged'; file: string; needsReview: NeedsReview[]; notes: Note[] }
  | { kind: 'failed'; file: string; line: number; column: number; error: string };

/** One file the plan writes: modified, created (`before === null`), deleted (`after === null`) or moved (`movedFrom`). */
export interface FileChange {
  /** path relative to the repository root, `/`-separated; the destination for a move */
  path: string;
  movedFrom?: string;
  before: string | null;
  after: string | null;
  /** octal file mode as git prints it (100644, 100755) */
  mode: string;
  /** which transforms produced this change */
  sources: string[];
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
}

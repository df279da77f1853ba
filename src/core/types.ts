/** The words every layer shares: what a file is, what an edit is, what planning one file gives back. */

/** A source file as the pipeline hands it to an adapter. */
export interface SourceFile {
  /** path relative to the repository root, `/`-separated */
  path: string;
  /** the file's text, BOM included (offsets are UTF-16 code units of this string) */
  text: string;
}

/** The repository as an adapter sees it: every discovered file, and the root. */
export interface Workspace {
  /** absolute repository root */
  cwd: string;
  /** every discovered file, repository-relative, `/`-separated, sorted */
  files: readonly string[];
  /** a set view of `files` */
  has(path: string): boolean;
  /** reads a repository-relative file as the plan has it so far (cached per run) */
  read(path: string): string;
  /** true when the file exists after the steps planned so far (created, not moved away) */
  exists(path: string): boolean;
  /** where a file was moved in this plan, or undefined */
  movedTo(path: string): string | undefined;
}

/** One file a `relocate` entry moves (a folder entry expands to one per file): the `move-files` transform's unit. */
export interface FileMove {
  from: string;
  to: string;
  /** index of the `relocate` entry */
  entry: number;
  /** true when the entry moves a folder */
  folder: boolean;
}

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
  /** set where remodel cannot tell whether the place uses an old module at all (a computed import): `check` warns, never fails, on it */
  unsure?: true;
  /** set where the old module is only mentioned in prose (a docstring, a message): no import depends on it */
  prose?: true;
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


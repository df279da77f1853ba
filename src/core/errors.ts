/** Base of every error remodel knows how to report in one line (the CLI exits 2 on these). */
export class RemodelError extends Error {
  override name = 'RemodelError';
}

/** Bad command-line usage or options. */
export class UsageError extends RemodelError {
  override name = 'UsageError';
}

/** An import map that cannot be loaded, validated or resolved; names the file, line and key path. */
export class ImportMapError extends RemodelError {
  override name = 'ImportMapError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly keyPath: string | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${keyPath ? `${keyPath}: ` : ''}${detail}`);
  }
}

/** A source file that does not parse; the run goes on, the file stays untouched. */
export class ParseError extends RemodelError {
  override name = 'ParseError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
  }
}

/** A path that would leave the repository root, or a file that changed since the plan was made. */
export class WorkspaceError extends RemodelError {
  override name = 'WorkspaceError';
}

/** `apply` stopped part-way on an I/O failure: every file is either as it was or as planned (atomic writes). */
export class PartialApplyError extends RemodelError {
  constructor(
    readonly done: number,
    readonly total: number,
    detail: string,
  ) {
    super(`${detail}; wrote ${done} of ${total} files; run apply again`);
  }
}

/** `apply` stopped at a file boundary on SIGINT / SIGTERM: every file is either as it was or as planned. */
export class InterruptedError extends RemodelError {
  override name = 'InterruptedError';
  constructor(
    readonly signal: string,
    readonly done: number,
    readonly total: number,
  ) {
    super(`interrupted by ${signal}: wrote ${done} of ${total} files; run apply again`);
  }
}

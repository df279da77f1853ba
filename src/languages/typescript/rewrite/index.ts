import { normaliseEdits } from '../../../core/edits';
import { firstSyntaxError, parseSource, syntaxErrorAfter } from '../syntax';
import type { FileResult } from '../../../core/types';
import type { SourceFile } from '../../../core/types';
import { type TypeScriptPreparedMap } from '../prepared-map';
import { FileRewrite } from './context';
import { flushPending } from './deferred-imports';
import { flushDroppedExports } from './names';
import { isNamespaceImport, visitDeep, visitStatement } from './forms';

/** Visits every syntax form, then writes the deferred imports and export drops once. */
function run(rw: FileRewrite): FileResult {
  const statements = rw.sourceFile.statements;
  for (const statement of statements) if (!isNamespaceImport(statement)) visitStatement(rw, statement);
  for (const statement of statements) if (isNamespaceImport(statement)) visitStatement(rw, statement);
  visitDeep(rw, rw.sourceFile);
  flushPending(rw);
  flushDroppedExports(rw);
  const edits = normaliseEdits(rw.edits);
  if (!edits) {
    return {
      kind: 'unchanged',
      file: rw.file.path,
      needsReview: [{ file: rw.file.path, line: 1, reason: 'remodel planned overlapping edits here (a remodel bug); the file is left untouched' }],
      notes: rw.notes,
    };
  }
  if (edits.length === 0) return { kind: 'unchanged', file: rw.file.path, needsReview: rw.needsReview, notes: rw.notes };
  // the safety net: a result that would not parse is a remodel bug, and the file stays as it is
  const broken = syntaxErrorAfter(rw.file.path, rw.text, edits);
  if (broken) return { kind: 'failed', file: rw.file.path, line: broken.line, column: broken.column, error: `the rewrite would not parse (${broken.message}); file left untouched, please report this` };
  return { kind: 'changed', file: rw.file.path, edits, needsReview: rw.needsReview, notes: rw.notes, stats: rw.stats };
}

/**
 * Plans every edit the map implies for one TypeScript/JavaScript file: import and export declarations,
 * `import()`, `require`, `import x = require()`, `import('x').T` types, test-runner module strings, and
 * scope-aware renames of references. Never throws for a bad file.
 *
 * @example
 * planTypeScriptRewrite({ path: 'src/app.ts', text: "import { Booking } from './models/booking';\n" }, prepared)
 * // { kind: 'changed', edits: [{ start: 25, end: 41, text: './db/models/core' }], ... }
 */
export function planTypeScriptRewrite(file: SourceFile, prepared: TypeScriptPreparedMap): FileResult {
  const sourceFile = parseSource(file.path, file.text);
  const syntaxError = firstSyntaxError(sourceFile);
  if (syntaxError) return { kind: 'failed', file: file.path, line: syntaxError.line, column: syntaxError.column, error: syntaxError.message };
  try {
    return run(new FileRewrite(file, sourceFile, prepared));
  } catch (error) {
    // a bug in remodel must not stop the run: the file stays untouched and says why
    return { kind: 'failed', file: file.path, line: 1, column: 1, error: `internal error: ${(error as Error).message}` };
  }
}

import * as path from 'node:path';
import { normaliseEdits } from '../../../core/edits';
import { relativePosix } from '../../../core/paths';
import { ts } from '../ts';
import type { ImportSkeleton } from '../import-skeleton';
import { loadsComputedModule, mayLoadComputedModule, mayNeedEdit } from '../prefilter';
import { firstSyntaxError, mayImportInJsDoc, parseSource, syntaxErrorAfter } from '../syntax';
import type { Edit, EntryStats, FileResult, NeedsReview, Note } from '../../../core/types';
import type { SourceFile } from '../../../core/types';
import { type TypeScriptPreparedMap } from '../prepared-map';
import { blockFileName, isComponentFile, scriptBlocks } from '../components';
import { FileRewrite } from './context';
import { isIdentifierName } from './text';
import { flushPending } from './deferred-imports';
import { flushDroppedExports } from './names';
import { isNamespaceImport, visitDeep, visitStatement } from './forms';

/** Visits every syntax form, then writes the deferred imports and export drops once. */
function run(rw: FileRewrite): FileResult {
  const statements = rw.sourceFile.statements;
  for (const statement of statements) if (!isNamespaceImport(statement)) visitStatement(rw, statement);
  for (const statement of statements) if (isNamespaceImport(statement)) visitStatement(rw, statement);
  visitDeep(rw, rw.sourceFile);
  const config = rw.prepared.resolver.configFor(rw.absolute);
  if (config.degraded && config.configFile) {
    const name = relativePosix(rw.prepared.cwd, config.configFile);
    rw.review(rw.sourceFile.statements[0] ?? rw.sourceFile, `resolved under ${name}, which could not be read in full (${config.degraded}): the compiler may resolve this file's imports otherwise`, true);
  }
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
  const broken = edits.every((edit) => cannotBreakSyntax(rw.text, edit)) ? undefined : syntaxErrorAfter(rw.sourceFile.fileName, rw.text, edits);
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
export function planTypeScriptRewrite(file: SourceFile, prepared: TypeScriptPreparedMap, options: PlanOptions = {}): FileResult {
  if (isComponentFile(file.path)) return planComponentRewrite(file, prepared);
  return (options.skeleton && planFromImportSkeleton(file, prepared, options.skeleton)) || planScript(file, file.path, prepared, false);
}

export interface PlanOptions {
  /** the file's import skeleton (the skeleton worker's): planned from it when it can be, else parsed whole */
  skeleton?: ImportSkeleton;
}

/** One script: a module file, or a component's `<script>` block (`parseName` gives its language, `App.vue.ts`). */
function planScript(file: SourceFile, parseName: string, prepared: TypeScriptPreparedMap, component: boolean): FileResult {
  const sourceFile = parseSource(parseName, file.text, { jsDoc: mayImportInJsDoc(file.text) });
  const syntaxError = firstSyntaxError(sourceFile);
  if (syntaxError) return { kind: 'failed', file: file.path, line: syntaxError.line, column: syntaxError.column, error: syntaxError.message };
  return runGuarded(new FileRewrite(file, sourceFile, prepared, component));
}

function runGuarded(rw: FileRewrite): FileResult {
  try {
    return run(rw);
  } catch (error) {
    // a bug in remodel must not stop the run: the file stays untouched and says why
    return { kind: 'failed', file: rw.file.path, line: 1, column: 1, error: `internal error: ${(error as Error).message}` };
  }
}

/**
 * The plan of a file whose edits all lie in its import and export-from statements (and the top-level statements that
 * name a needle), made without parsing the rest (parsing is most of a rewrite's cost, and most changed files only
 * change a specifier): oxc checks the whole file's syntax and finds those statements, the compiler parses them alone
 * (import-skeleton.ts), and the rewrite runs on that tree as on the file's. Undefined — the file is then parsed
 * whole — when the rest may need an edit or a review line (the prefilter's own test, on the rest; a computed load),
 * when the rewrite reads past those statements (names in scope, the file's exports), when the file's tsconfig could
 * not be read in full (its review line names the first statement), or when anything fails: the compiler's full parse
 * has the last word on those. `__tests__/typescript/import-skeleton.test.ts` holds it to the full parse's plan.
 */
export function planFromImportSkeleton(file: SourceFile, prepared: TypeScriptPreparedMap, skeleton: ImportSkeleton): FileResult | undefined {
  if (prepared.resolver.configFor(path.resolve(prepared.cwd, file.path)).degraded) return undefined;
  // the rest may need an edit or a review line; a computed `require(x)` there gets one when the file names an old module
  if (mayNeedEdit(prepared, file.path, skeleton.rest) || (loadsComputedModule(skeleton.rest) && mayLoadComputedModule(prepared, file.text))) return undefined;
  const sourceFile = parseSource(file.path, skeleton.imports, { jsDoc: mayImportInJsDoc(file.text) });
  if (firstSyntaxError(sourceFile)) return undefined;
  const rw = new FileRewrite(file, sourceFile, prepared);
  const result = runGuarded(rw);
  return rw.readsBody || result.kind === 'failed' ? undefined : result;
}

/**
 * A Vue or Svelte component: each `<script>` block is planned as a script of its own, its edits and lines shifted to
 * where the block sits. The template is not read, so names it may use keep their local names (aliased imports).
 */
function planComponentRewrite(file: SourceFile, prepared: TypeScriptPreparedMap): FileResult {
  const edits: Edit[] = [];
  const needsReview: NeedsReview[] = [];
  const notes: Note[] = [];
  const stats: Record<string, EntryStats> = {};
  for (const block of scriptBlocks(file.text)) {
    const shift = (line: number): number => line + block.line - 1;
    const result = planScript({ path: file.path, text: file.text.slice(block.start, block.end) }, blockFileName(file.path, block), prepared, true);
    if (result.kind === 'failed') return { ...result, line: shift(result.line) };
    needsReview.push(...result.needsReview.map((item) => ({ ...item, line: shift(item.line) })));
    notes.push(...result.notes.map((item) => ({ ...item, line: shift(item.line) })));
    if (result.kind !== 'changed') continue;
    edits.push(...result.edits.map((edit) => ({ ...edit, start: edit.start + block.start, end: edit.end + block.start })));
    for (const [label, counts] of Object.entries(result.stats)) {
      const sum = (stats[label] ??= { imports: 0, references: 0, strings: 0 });
      sum.imports += counts.imports;
      sum.references += counts.references;
      sum.strings += counts.strings;
    }
  }
  if (!edits.length) return { kind: 'unchanged', file: file.path, needsReview, notes };
  return { kind: 'changed', file: file.path, edits, needsReview, notes, stats };
}

/**
 * Edits that cannot make a file unparsable, so the safety net's second parse can be spared (most changed files have
 * only these): a module specifier's content between its own quotes replaced by text without quotes, backslashes,
 * line breaks or `${`, and one identifier replaced by another that is no reserved word.
 */
function cannotBreakSyntax(text: string, edit: Edit): boolean {
  const quote = text[edit.start - 1];
  if ((quote === "'" || quote === '"') && text[edit.end] === quote && !/['"`\\\r\n]|\$\{/.test(edit.text) && !/['"\\\r\n]/.test(text.slice(edit.start, edit.end))) return true;
  return isIdentifierName(text.slice(edit.start, edit.end)) && isIdentifierName(edit.text) && ts.identifierToKeywordKind(ts.factory.createIdentifier(edit.text)) === undefined;
}

import { findImports, type PythonImport } from '../imports';
import { rewriteDottedStrings } from '../strings';
import { rewriteUses, takeBackIdleRetargets } from './chains';
import { dropIdleAncestorImports } from './idle-imports';
import { decideFrom, emitFrom, rewriteWildcard } from './import-from';
import { rewriteImport } from './import-statement';
import { claimUnmovedBindings } from './names';
import { keepSelfDocumentingOutput, reviewDynamicImports } from './strings-in-code';
import { rewriteRegistryNames } from './registry-names';
import { rewriteDjangoModelReferences } from './django-references';
import type { FromDecision, PythonContext } from './types';
import { PythonFileRewrite } from './file-rewrite';
import { applyEdits, positionsIn } from '../../../core/edits';
import type { Edit, FileResult } from '../../../core/types';
import type { SourceFile } from '../../../core/types';
import { firstSyntaxError, hasLoneCr, ParserAbortError, parsePython, reparsePython, withLoneCrAsLf, type LineRange, type Tree } from '../syntax';
import { FileRewrite } from './recorder';
import { keepImportOrder } from '../import-order';
import { wrapGrownImports } from './wrap-imports';
import { submodulesNoLongerImported } from './package-attributes';



/**
 * Plans every edit one import map implies for one Python file. A file with lines that end in a lone CR (classic Mac
 * line ends, or some mixed in), which Python reads as lines, is planned as the same text with LF there, offset for
 * offset; a file of CR line ends alone gets its edits written back with CR.
 */
export async function planPythonRewrite(file: SourceFile, ctx: PythonContext): Promise<FileResult> {
  if (hasLoneCr(file.text)) {
    const result = await planLfRewrite({ ...file, text: withLoneCrAsLf(file.text) }, ctx);
    const crOnly = !file.text.includes('\n');
    return result.kind === 'changed' && crOnly ? { ...result, edits: result.edits.map((edit) => ({ ...edit, text: edit.text.replace(/\n/g, '\r') })) } : result;
  }
  return planLfRewrite(file, ctx);
}

async function planLfRewrite(file: SourceFile, ctx: PythonContext): Promise<FileResult> {
  let tree: Tree;
  try {
    tree = await parsePython(file.text);
  } catch (error) {
    if (error instanceof ParserAbortError) return { kind: 'failed', file: file.path, line: 1, column: 1, error: `${error.message}; left untouched` };
    throw error;
  }
  try {
    const syntax = firstSyntaxError(tree);
    if (syntax) return { kind: 'failed', file: file.path, line: syntax.line, column: syntax.column, error: `does not parse: ${syntax.text}` };
    if (isRetiredDuplicate(file.path, ctx)) return { kind: 'unchanged', file: file.path, needsReview: [], notes: [] };
    const out = new FileRewrite(file);
    const rw = new PythonFileRewrite(file, ctx, out, tree.rootNode);
    await run(rw);
    out.flushAddedLines();
    if (!out.edits.length) return { kind: 'unchanged', file: file.path, needsReview: out.needsReview, notes: out.notes };
    const ordered = await keepImportOrder(file.text, tree.rootNode, out.edits, ctx.importOrder, out.eol);
    const { unkept } = ordered;
    // isort's layout, where the project keeps one, wraps what it rewrote; else a grown import wraps as black has it
    const edits = ctx.importOrder ? ordered.edits : wrapGrownImports(file.text, ordered.edits, new Set(rw.imports.map((s) => s.node.startPosition.row)), ctx.lineLength(file.path));
    const sorter = ctx.importOrder?.config.sorter === 'ruff' ? ["ruff's import sorting", '`ruff check --select I --fix`'] : ['isort', 'isort'];
    for (const line of unkept) out.notes.push({ file: file.path, line, message: `imports left as rewritten: this block is not laid out the way remodel reproduces ${sorter[0]} (run ${sorter[1]} on this file)` });
    const broken = await syntaxErrorAfter(file.text, edits, tree);
    if (broken) return { kind: 'failed', file: file.path, line: broken.line, column: broken.column, error: `the rewrite would not parse (${broken.text}); file left untouched, please report this` };
    if (file.path.endsWith('__init__.py')) out.notes.push(...submodulesNoLongerImported(file.path, file.text, applyEdits(file.text, edits), ctx));
    return { kind: 'changed', file: file.path, edits, needsReview: out.needsReview, notes: out.notes, stats: out.stats };
  } finally {
    tree.delete();
  }
}


/**
 * An old module that the map replaces as a whole by another module is a duplicate on its way out (it becomes a shim,
 * or moves aside): its own text is left as it was. A module that moves *to* its canonical place (a package renamed
 * by a relocation, like `prefect.orion` -> `prefect.server`) lives on, and is rewritten like any importer.
 */
export function isRetiredDuplicate(path: string, ctx: PythonContext): boolean {
  const module = ctx.modules.getModule(path);
  if (module === undefined || ctx.map.hasNameMoves(module)) return false;
  const target = ctx.map.moveOfModule(module);
  if (!target || target.rule.derived) return false;
  const destination = ctx.relocated.get(path);
  return destination === undefined || ctx.modules.moduleForPath(destination) !== target.module;
}


/**
 * The safety net: a rewritten file must parse as its original did. Given the original's tree, only what the edits
 * touched is parsed again (the tree is spent: edited in place).
 */
export async function syntaxErrorAfter(text: string, edits: readonly Edit[], original?: Tree): Promise<ReturnType<typeof firstSyntaxError>> {
  let after: string;
  try {
    after = applyEdits(text, edits);
  } catch (error) {
    return { line: 1, column: 1, text: error instanceof Error ? error.message : String(error) };
  }
  const tree = original ? await reparsePython(original, text, edits, after) : await parsePython(after);
  try {
    // the original parsed cleanly: Python 3's own rules need checking only on the rows the edits wrote
    return firstSyntaxError(tree, original ? rowsWritten(after, edits) : undefined);
  } finally {
    tree.delete();
  }
}

/** The rows of the rewritten text `after` that the edits wrote (each edit's first to last row, in `after`). */
function rowsWritten(after: string, edits: readonly Edit[]): LineRange[] {
  const rowOf = positionsIn(after);
  const ranges: LineRange[] = [];
  let shift = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const start = edit.start + shift;
    ranges.push({ start: rowOf(start).row, end: rowOf(start + edit.text.length).row });
    shift += edit.text.length - (edit.end - edit.start);
  }
  return ranges;
}

/** Decides every import statement first (claims), then rewrites them, then their uses, strings and dynamic imports. */
async function run(rw: PythonFileRewrite): Promise<void> {
  const root = rw.root;
  rw.imports.push(...findImports(root));
  const decisions = new Map<PythonImport, FromDecision>();
  for (const statement of rw.imports) {
    if (statement.kind !== 'from') continue;
    const decision = await decideFrom(rw, statement);
    if (decision) decisions.set(statement, decision);
  }
  claimUnmovedBindings(rw, decisions);
  for (const statement of rw.imports) {
    if (statement.kind === 'import') await rewriteImport(rw, statement);
    else if (statement.wildcard) await rewriteWildcard(rw, statement);
    else {
      const decision = decisions.get(statement);
      if (decision) emitFrom(rw, statement, decision);
    }
  }
  if (rw.bindings.size || rw.renames.size) {
    await rewriteUses(rw);
    takeBackIdleRetargets(rw);
    dropIdleAncestorImports(rw);
    if (rw.file.text.includes('=}') || /=\s*[!:}]/.test(rw.file.text)) keepSelfDocumentingOutput(rw, root);
  }
  await rewriteDottedStrings(root, rw.map, (module, name) => rw.oldModuleDefines(module, name), rw.out);
  rewriteRegistryNames(rw, root);
  rewriteDjangoModelReferences(rw, root);
  if (/\bimport_module\b|\b__import__\b/.test(rw.file.text)) reviewDynamicImports(rw, root);
}

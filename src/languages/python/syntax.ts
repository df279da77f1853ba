import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Node, Parser, Tree } from 'web-tree-sitter';
import { positionsIn } from '../../core/edits';
import type { Edit } from '../../core/types';

export type { Node, Tree };

type Binding = typeof import('web-tree-sitter');

interface PythonParser {
  parser: Parser;
}

let pythonParser: Promise<PythonParser> | undefined;

/**
 * web-tree-sitter as a fresh module, with a WASM instance of its own: after an abort (the parser ran out of its 2 GiB
 * of WASM memory) the old instance answers every call with `Aborted()`, so the next file needs a new one.
 */
function freshBinding(): Binding {
  const entry = require.resolve('web-tree-sitter');
  for (const key of Object.keys(require.cache)) if (key.startsWith(dirname(entry))) delete require.cache[key];
  return require(entry) as Binding;
}

/** One tree-sitter parser per thread, its WASM loaded lazily on first use. */
function getParser(): Promise<PythonParser> {
  pythonParser ??= (async () => {
    const binding = freshBinding();
    // an abort is reported as this file's failure: Emscripten's own lines on stderr would only repeat it
    await binding.Parser.init({ printErr: () => undefined });
    // bytes, not a path: web-tree-sitter would otherwise load `fs` through a dynamic import() (breaks under jest's VM)
    const language = await binding.Language.load(readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')));
    const parser = new binding.Parser();
    parser.setLanguage(language);
    return { parser };
  })();
  return pythonParser;
}

/** The parser of the latest parse: its trees' nodes belong to its WASM instance. */
let current: PythonParser | undefined;

/** The parser gave up on a file (its WASM ran out of memory): that file fails, and the next one gets a new parser. */
export class ParserAbortError extends Error {}

const loneCr = /\r(?!\n)/g;

/** Whether a text has a line ending in a lone CR (classic Mac, or mixed in), which Python reads as a line end. */
export const hasLoneCr = (text: string): boolean => text.includes('\r') && /\r(?!\n)/.test(text);

/** The text as Python reads its lines, for tree-sitter (which takes a lone CR for a space): LF there, offsets unchanged. */
export const withLoneCrAsLf = (text: string): string => (hasLoneCr(text) ? text.replace(loneCr, '\n') : text);

/** Parses Python text; offsets of the result are UTF-16 code units of `text`. */
export async function parsePython(text: string): Promise<Tree> {
  current = await getParser();
  let tree: Tree | null;
  try {
    tree = current.parser.parse(withLoneCrAsLf(text));
  } catch (error) {
    // Emscripten's abort(): a WebAssembly.RuntimeError, after which this instance is dead
    if (!(error instanceof Error) || error.name !== 'RuntimeError') throw error;
    pythonParser = undefined;
    throw new ParserAbortError(`the parser gave up on this file (${error.message.split('.')[0]}, out of WASM memory)`);
  }
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/**
 * Parses `after` — `before` with `edits` applied — reusing `tree`, the parse of `before`: tree-sitter re-reads only
 * what the edits touched (an import-only rewrite re-parses a few statements, not the file). `tree` is edited in
 * place and must not be read afterwards. The result is the tree a full parse of `after` gives.
 */
export async function reparsePython(tree: Tree, before: string, edits: readonly Edit[], after: string): Promise<Tree> {
  if (hasLoneCr(before) || hasLoneCr(after)) return parsePython(after);
  const pointAt = positionsIn(before);
  // from the last edit back: each one's offsets in `before` are still right in the text edited so far
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    const start = pointAt(edit.start);
    const lastBreak = edit.text.lastIndexOf('\n');
    const newEnd = lastBreak === -1 ? { row: start.row, column: start.column + edit.text.length } : { row: start.row + edit.text.split('\n').length - 1, column: edit.text.length - lastBreak - 1 };
    tree.edit({ startIndex: edit.start, oldEndIndex: edit.end, newEndIndex: edit.start + edit.text.length, startPosition: start, oldEndPosition: pointAt(edit.end), newEndPosition: newEnd });
  }
  const parser = await getParser();
  // a tree from a parser that has since been replaced (after an abort) cannot be reused
  if (parser !== current) return parsePython(after);
  try {
    const reparsed = parser.parser.parse(after, tree);
    if (reparsed) return reparsed;
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'RuntimeError') throw error;
    pythonParser = undefined;
    throw new ParserAbortError(`the parser gave up on this file (${error.message.split('.')[0]}, out of WASM memory)`);
  }
  throw new Error('tree-sitter returned no tree');
}

/** 0-based rows, `end` included. */
export interface LineRange {
  start: number;
  end: number;
}

/**
 * The first syntax error of a tree, as a 1-based line and column, or undefined when it parsed cleanly. Beyond what
 * tree-sitter marks (it recovers, and its grammar also takes Python 2): a `print`/`exec` statement, a statement
 * indented otherwise than its siblings and a body with no statement, which Python 3 refuses. With `only`, these are
 * looked for on these rows alone (a rewrite's: the rest was checked before it), tree-sitter's own errors everywhere.
 */
export function firstSyntaxError(tree: Tree, only?: LineRange[]): { line: number; column: number; text: string } | undefined {
  if (!tree.rootNode.hasError) return python3Error(tree.rootNode, only);
  const stack: Node[] = [tree.rootNode];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.isError || node.isMissing) {
      return { line: node.startPosition.row + 1, column: node.startPosition.column + 1, text: node.isMissing ? `missing ${node.type}` : 'syntax error' };
    }
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child?.hasError || child?.isMissing || child?.isError) stack.push(child);
    }
  }
  return { line: 1, column: 1, text: 'syntax error' };
}

export function isImportPart(node: Node): boolean {
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type === 'import_statement' || n.type === 'import_from_statement') return true;
    if (n.type === 'expression_statement' || n.type === 'block') return false;
  }
  return false;
}

/** The content node of a plain (no f-string, no bytes, no escapes) string literal. */
export function plainStringContent(node: Node): { node: Node; text: string } | undefined {
  if (node.type !== 'string') return undefined;
  const start = node.namedChildren[0];
  if (!start || start.type !== 'string_start' || /[bfBF]/.test(start.text)) return undefined;
  const parts = node.namedChildren.filter((c) => c?.type !== 'string_start' && c?.type !== 'string_end');
  if (parts.length !== 1 || parts[0]?.type !== 'string_content' || parts[0].namedChildren.length) return undefined;
  return { node: parts[0], text: parts[0].text };
}

/**
 * Where a value stands among a call's arguments: the callee as written (`mock.patch.object`), its position in the
 * argument list and, for `name=value`, the keyword. Undefined when the node is no argument of a call.
 */
export function argumentOf(value: Node): { callee: string; position: number; keyword: string | undefined } | undefined {
  const keyword = value.parent?.type === 'keyword_argument' && value.parent.childForFieldName('value')?.id === value.id ? value.parent : undefined;
  const argument = keyword ?? value;
  const list = argument.parent;
  const call = list?.type === 'argument_list' ? list.parent : undefined;
  const callee = call?.type === 'call' ? call.childForFieldName('function')?.text : undefined;
  if (!list || callee === undefined) return undefined;
  const position = list.namedChildren.findIndex((child) => child?.id === argument.id);
  return { callee, position, keyword: keyword?.childForFieldName('name')?.text };
}

export function isDunderAllEntry(node: Node): boolean {
  const list = node.parent;
  if (!list || (list.type !== 'list' && list.type !== 'tuple')) return false;
  const assignment = list.parent;
  if (!assignment || (assignment.type !== 'assignment' && assignment.type !== 'augmented_assignment')) return false;
  return assignment.childForFieldName('left')?.text === '__all__';
}

/** The string entries of module-level `__all__ = [...]` / `__all__ += (...)` assignments. */
export function dunderAllNames(module: Node): Set<string> {
  return new Set(findDunderAll(module) ?? []);
}

/** The module's `__all__` entries in order (assignments and `+=`), or undefined when it has no `__all__`. */
export function findDunderAll(module: Node): string[] | undefined {
  let names: string[] | undefined;
  for (const statement of module.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (!assignment || (assignment.type !== 'assignment' && assignment.type !== 'augmented_assignment')) continue;
    if (assignment.childForFieldName('left')?.text !== '__all__') continue;
    names ??= [];
    for (const entry of assignment.childForFieldName('right')?.namedChildren ?? []) {
      const content = entry ? plainStringContent(entry) : undefined;
      if (content && !names.includes(content.text)) names.push(content.text);
    }
  }
  return names;
}

/** Statements that hold blocks, and their clauses: the walk below descends into them and nothing else. */
const holdsBlocks = /^(?:if_statement|for_statement|while_statement|try_statement|with_statement|match_statement|function_definition|class_definition|decorated_definition|\w+_clause)$/;

/**
 * Python 2 statements, unexpected indents and empty bodies, which tree-sitter accepts and Python 3 does not: a walk
 * over the statements alone (never into expressions), each body's statements that begin their own line compared by
 * column.
 * With `only`, the bodies that do not reach those rows are not looked at (the root's always is).
 */
function python3Error(root: Node, only?: LineRange[]): { line: number; column: number; text: string } | undefined {
  const at = (node: Node, text: string) => ({ line: node.startPosition.row + 1, column: node.startPosition.column + 1, text });
  // a header ending on the row before a written one may have lost its body to the edits (`expected an indented block`)
  const reaches = (node: Node): boolean => !only || only.some((range) => node.startPosition.row <= range.end && node.endPosition.row + 1 >= range.start);
  const checkBody = (body: Node, header: Node | undefined): ReturnType<typeof python3Error> => {
    let column: number | undefined = body === root ? 0 : undefined;
    let previousEnd = header ? header.startPosition.row : -1;
    const children = body.namedChildren;
    // tree-sitter gives a header followed by nothing (or by comments alone) an empty block, without an error
    if (header && !children.some((child) => child && child.type !== 'comment')) return at(header, 'expected an indented block');
    for (const child of children) {
      if (!child) continue;
      // each read of a node's type or end is a call into the parser's WASM: read once
      const { row, column: startColumn } = child.startPosition;
      const type = child.type;
      // the first row's column cannot tell a byte-order mark (tree-sitter counts it) from a space: not judged there
      const ownLine = row > previousEnd && !(row === 0 && startColumn > 0);
      previousEnd = child.endPosition.row;
      if (type === 'comment') continue;
      if ((type === 'print_statement' || type === 'exec_statement') && reaches(child)) return at(child, `Python 2 ${type.replace('_', ' ')}`);
      if (ownLine) {
        column ??= startColumn;
        if (startColumn !== column) return at(child, 'unexpected indent');
      }
      if (holdsBlocks.test(type) && reaches(child)) {
        const found = descend(child);
        if (found) return found;
      }
    }
    return undefined;
  };
  const descend = (statement: Node): ReturnType<typeof python3Error> => {
    for (const part of statement.namedChildren) {
      if (!part) continue;
      const type = part.type;
      const found = type === 'block' ? (reaches(part) ? checkBody(part, statement) : undefined) : holdsBlocks.test(type) ? descend(part) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  return checkBody(root, undefined);
}

/**
 * A statement's whole lines with the comment lines right above it (each on its own line, no blank line between them
 * and the statement; not the trailing comment of the line before), as offsets `[start, end)`, `end` past its line end.
 */
export function statementLines(text: string, statement: Node): { start: number; end: number } {
  let start = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  for (let previous = statement.previousNamedSibling; previous?.type === 'comment'; previous = previous.previousNamedSibling) {
    const lineStart = text.lastIndexOf('\n', previous.startIndex - 1) + 1;
    if (text.slice(lineStart, previous.startIndex).trim() !== '' || !/^[ \t]*\r?\n$/.test(text.slice(previous.endIndex, start))) break;
    start = lineStart;
  }
  const newline = text.indexOf('\n', statement.endIndex);
  return { start, end: newline === -1 ? text.length : newline + 1 };
}

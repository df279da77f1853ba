import { applyEdits } from '../../../core/edits';
import { textOrUndefined } from '../../../core/read-text';
import type { Edit, Workspace } from '../../../core/types';
import { parsePython, type Node } from '../syntax';
import { isortConfig, type IsortConfig } from './config';
import { renderImports, type ImportedName, type ImportStatement, type Section, type StatementComments } from './render';
import { stdlibModules } from './stdlib';

/** The project's import order: its isort settings and where each module's imports go. */
export interface ImportOrder {
  config: IsortConfig;
  place(module: string): Section;
}

/** The project's import order from its isort config (the defaults when it has none); undefined when remodel cannot reproduce it. */
export function importOrderOf(workspace: Workspace): ImportOrder | undefined {
  const config = isortConfig((file) => textOrUndefined(workspace, file));
  if (!config) return undefined;
  // isort's src_paths: a top-level package or module found under one of them is first party
  const firstParty = new Set<string>();
  for (const file of workspace.files) {
    for (const src of config.srcPaths) {
      const prefix = src === '' || src === '.' ? '' : `${src.replace(/\/$/, '')}/`;
      if (!file.startsWith(prefix)) continue;
      const top = file.slice(prefix.length).split('/')[0]!;
      firstParty.add(top.endsWith('.py') ? top.slice(0, -3) : top);
    }
  }
  const known = (list: readonly string[], module: string): boolean => list.some((entry) => module === entry || module.startsWith(`${entry}.`));
  const place = (module: string): Section => {
    if (module.startsWith('.')) return 'LOCALFOLDER';
    const top = module.split('.')[0]!;
    if (top === '__future__') return 'FUTURE';
    if (known(config.knownFirstParty, module)) return 'FIRSTPARTY';
    if (known(config.knownThirdParty, module)) return 'THIRDPARTY';
    if (known(config.knownLocalFolder, module)) return 'LOCALFOLDER';
    if (known(config.knownStandardLibrary, module) || stdlibModules.has(top)) return 'STDLIB';
    return firstParty.has(top) ? 'FIRSTPARTY' : 'THIRDPARTY';
  };
  return { config, place };
}

const importTypes = new Set(['import_statement', 'import_from_statement', 'future_import_statement']);

/** A run of import statements of one block with nothing but blank lines and comments between them: what isort sorts as one. */
interface Region {
  /** the start of the first statement's line (its indentation included) */
  start: number;
  /** just past the line end of the last statement (and its comment) */
  end: number;
  indent: string;
  statements: Array<{ node: Node; comments: StatementComments }>;
  /** a comment inside a statement's parentheses: where isort puts it is not reproduced */
  unsupported: boolean;
}

function lineEndAfter(text: string, index: number): number {
  const newline = text.indexOf('\n', index);
  return newline === -1 ? text.length : newline + 1;
}

/** The import regions among one block's (or the module's) statements. */
function regionsIn(container: Node, text: string): Region[] {
  const regions: Region[] = [];
  let current: Region | undefined;
  let pending: string[] = [];
  let lastEnd = 0;
  const close = (): void => {
    current = undefined;
    pending = [];
  };
  for (const child of container.children) {
    if (!child) continue;
    if (importTypes.has(child.type)) {
      if (current && text.slice(lastEnd, child.startIndex).trim() !== '') close();
      if (!current) {
        const lineStart = text.lastIndexOf('\n', child.startIndex - 1) + 1;
        const indent = text.slice(lineStart, child.startIndex);
        if (indent.trim() !== '') {
          close(); // shares its line with other code (`if x: import a`)
          continue;
        }
        regions.push((current = { start: lineStart, end: 0, indent, statements: [], unsupported: false }));
      }
      const comments: StatementComments = { above: pending };
      current.statements.push({ node: child, comments });
      // a comment inside the parentheses: the one of a wrapped one-name import (`(\n    Name,  # why\n)`) or the one
      // after `(` (isort's place for a statement's comment); any other is not reproduced
      const inner = child.descendantsOfType('comment').filter((c): c is Node => c !== null);
      const names = child.childrenForFieldName('name');
      if (inner.length === 1 && (names.length === 1 || inner[0]!.startPosition.row === child.startPosition.row)) comments.inline = inner[0]!.text;
      else if (inner.length) current.unsupported = true;
      pending = [];
      lastEnd = child.endIndex;
      current.end = lineEndAfter(text, child.endIndex);
    } else if (child.type === 'comment' && current) {
      const last = current.statements[current.statements.length - 1]!;
      if (child.startPosition.row === last.node.endPosition.row && !pending.length && !last.comments.inline) {
        last.comments.inline = child.text;
        current.end = lineEndAfter(text, child.endIndex);
      } else pending.push(child.text);
      lastEnd = child.endIndex;
    } else close();
  }
  return regions;
}

/** Every import region of a file: the module's and each block's (isort sorts those inside `if`, `try:` and functions too). */
function regionsOf(root: Node, text: string): Region[] {
  const containers = [root, ...root.descendantsOfType('block').filter((b): b is Node => b !== null)];
  return containers.flatMap((container) => regionsIn(container, text));
}

const dotted = (node: Node | null | undefined): string => node?.namedChildren.map((c) => c?.text ?? '').join('.') ?? '';

function nameOf(node: Node): ImportedName {
  if (node.type !== 'aliased_import') return { name: dotted(node) };
  return { name: dotted(node.childForFieldName('name')), alias: node.childForFieldName('alias')?.text ?? '' };
}

/** One statement as isort reads it. */
function readStatement(node: Node, comments: StatementComments): ImportStatement | undefined {
  if (node.type === 'import_statement') return { kind: 'straight', modules: node.childrenForFieldName('name').flatMap((n) => (n ? [nameOf(n)] : [])), comments };
  const moduleNode = node.type === 'future_import_statement' ? undefined : node.childForFieldName('module_name');
  const module = node.type === 'future_import_statement' ? '__future__' : moduleNode?.type === 'relative_import' ? moduleNode.text.replace(/\s+/g, '') : dotted(moduleNode);
  const names = node.namedChildren.some((c) => c?.type === 'wildcard_import') ? [{ name: '*' }] : node.childrenForFieldName('name').flatMap((n) => (n ? [nameOf(n)] : []));
  return names.length ? { kind: 'from', module, names, comments, magicComma: hasMagicComma(node) } : undefined;
}

/** `from m import (a, b,)`: a comma right before the closing parenthesis (comments aside), which black and ruff keep wrapped. */
function hasMagicComma(node: Node): boolean {
  const tokens = node.children.filter((child): child is Node => child !== null && child.type !== 'comment');
  return tokens[tokens.length - 1]?.type === ')' && tokens[tokens.length - 2]?.type === ',';
}

function render(region: Region, order: ImportOrder, eol: string): string | undefined {
  if (region.unsupported) return undefined;
  const statements = region.statements.map(({ node, comments }) => readStatement(node, comments));
  if (statements.some((s) => s === undefined)) return undefined;
  // isort sorts an indented block as if at the left margin, the indentation counted in the line length
  const config = region.indent ? { ...order.config, lineLength: order.config.lineLength - region.indent.length } : order.config;
  const text = renderImports(statements as ImportStatement[], config, order.place, eol);
  return text === undefined ? undefined : `${text.split(eol).map((line) => (line ? `${region.indent}${line}` : line)).join(eol)}${eol}`;
}

/** A region's text at the left margin; undefined when a line is not indented as its first statement is. */
function dedent(text: string, indent: string): string | undefined {
  const lines = text.split('\n');
  if (lines.some((line) => line.trim() !== '' && !line.startsWith(indent))) return undefined;
  return lines.map((line) => line.slice(Math.min(indent.length, line.length - line.trimStart().length))).join('\n');
}

/**
 * Keeps a file as isort has it: when every import block of the original (the module's and each indented block's) is
 * exactly what isort writes under the project's settings, each block the rewrite changed is written again the same
 * way (a rewritten import moves to its place, one module's from-imports merge, `as` names go apart, a line that grew
 * too long wraps as the profile wraps) — as one edit replacing that block. A file isort would change already is left
 * in its own order. `unkept`: the first lines of changed blocks whose isort layout remodel cannot reproduce (comments
 * that isort would move between merged imports, say, or a file not in isort's order before), which the caller reports.
 */
export async function keepImportOrder(text: string, root: Node, edits: Edit[], order: ImportOrder | undefined, eol: string): Promise<{ edits: Edit[]; unkept: number[] }> {
  const unchanged = { edits, unkept: [] };
  // `# isort: skip_file`, `# isort: skip`, `# isort: off`: the file says where isort may not go
  if (!order || !edits.length || /#\s*isort\s*:\s*(skip|off|dont-add-imports|split)/.test(text)) return unchanged;
  const regions = regionsOf(root, text);
  if (!regions.length) return unchanged;
  // a file not laid out as remodel reproduces isort (not isort-clean, or a layout not reproduced): left in its own
  // order, the first block the rewrite touches named
  const touched = regions.find((region) => edits.some((e) => e.start < region.end && e.end >= region.start));
  if (!touched) return unchanged;
  if (regions.some((region) => render(region, order, eol) !== text.slice(region.start, region.end))) return { edits, unkept: [touched.statements[0]!.node.startPosition.row + 1] };
  let out = edits;
  const unkept: number[] = [];
  for (const region of regions) {
    const inside = out.filter((e) => e.start >= region.start && e.end <= region.end);
    if (!inside.length) continue;
    if (out.some((e) => !inside.includes(e) && e.start < region.end && e.end > region.start)) continue; // an edit across its edge
    const rewritten = applyEdits(text.slice(region.start, region.end), inside.map((e) => ({ ...e, start: e.start - region.start, end: e.end - region.start })));
    const after = dedent(rewritten, region.indent);
    if (after === undefined) continue;
    const tree = await parsePython(after);
    try {
      const regionsAfter = regionsIn(tree.rootNode, after);
      const onlyImports = tree.rootNode.namedChildren.every((c) => c !== null && (importTypes.has(c.type) || c.type === 'comment'));
      // the block must be the whole text: nothing (a comment line, say) outside the statements that a render would drop
      if (!onlyImports || regionsAfter.length !== 1 || regionsAfter[0]!.start !== 0 || regionsAfter[0]!.end !== after.length) continue;
      const rendered = render({ ...regionsAfter[0]!, indent: region.indent }, order, eol);
      if (rendered === undefined) unkept.push(region.statements[0]!.node.startPosition.row + 1);
      if (rendered === undefined || rendered === rewritten) continue;
      out = [...out.filter((e) => !inside.includes(e)), { start: region.start, end: region.end, text: rendered }];
    } finally {
      tree.delete();
    }
  }
  return { edits: out, unkept };
}

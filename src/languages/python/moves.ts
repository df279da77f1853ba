import { textOrUndefined } from '../../core/read-text';
import type { RawRewriteEntry } from '../../importmap/schema';
import type { ImportMap } from '../../importmap/types';
import type { Edit } from '../../core/types';
import { applyEdits } from '../../core/edits';
import type { FileMove } from '../../core/types';
import type { MovePlan } from '../types';
import type { Workspace } from '../../core/types';
import { findImports } from './imports';
import { PythonModuleIndex } from './modules';
import { parsePython } from './syntax';
import { MovedPaths } from '../../workspace/moved-paths';
import { planPythonPathReferences } from './path-references';
import { ownLocationReview } from '../own-location';

const isPython = (path: string): boolean => path.endsWith('.py');
const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.');

/** old module -> new module for every relocated Python file (a package's `__init__.py` moves the package name). */
function moduleMoves(modules: PythonModuleIndex, moves: readonly FileMove[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const move of moves.filter((m) => isPython(m.from))) {
    const from = modules.moduleForPath(move.from);
    const to = modules.moduleForPath(move.to);
    if (from && to) out.set(from, to);
  }
  return out;
}

/** A module's new name through the moves: itself, or a package of it, relocated. */
function throughMoves(module: string, moved: ReadonlyMap<string, string>): string {
  const direct = moved.get(module);
  if (direct) return direct;
  for (let dot = module.lastIndexOf('.'); dot > 0; dot = module.lastIndexOf('.', dot - 1)) {
    const pkg = moved.get(module.slice(0, dot));
    if (pkg) return pkg + module.slice(dot);
  }
  return module;
}

/**
 * Importers of a relocated module follow it, unless the map already sends the whole module elsewhere (a rewrite
 * entry): then the importers go where the map says. Names a name-level entry moves out of it go there; the others
 * follow the file. A shim on a relocated module takes its old path, serving each name from where it went.
 */
export function pythonMoveRules(map: ImportMap, moves: readonly FileMove[], workspace: Workspace): RawRewriteEntry[] {
  const modules = new PythonModuleIndex(workspace, map.roots);
  const entries: RawRewriteEntry[] = [];
  const seen = new Set<string>();
  for (const move of moves.filter((m) => isPython(m.from))) {
    const from = modules.moduleForPath(move.from);
    if (!from) continue;
    const to = modules.moduleForPath(move.to);
    if (!to) throw map.error(['relocate', move.entry, 'to'], `'${move.to}' is under no import root (${map.roots.join(', ')}): importers of ${from} could not follow it`);
    if (seen.has(from) || map.moveOfModule(from)) continue;
    seen.add(from);
    entries.push({ from, to });
  }
  return entries;
}

/**
 * Recomputes a moved file's own relative imports so that they still name the same modules; and the lines where it
 * reads `__file__` or `__package__` (code, not comments or strings: `importlib.resources.files(__package__)` finds
 * data files by it).
 */
async function adjustRelativeImports(text: string, from: string, to: string, modules: PythonModuleIndex, moved: ReadonlyMap<string, string>): Promise<{ text: string; ownLocation: Array<{ line: number; read: string }> }> {
  const tree = await parsePython(text);
  const edits: Edit[] = [];
  const ownLocation: Array<{ line: number; read: string }> = [];
  try {
    if (text.includes('__file__') || text.includes('__package__')) {
      for (const node of tree.rootNode.descendantsOfType('identifier')) {
        // `module.__file__` is another module's place, `f(__file__=x)` a keyword
        const field = node?.parent?.type === 'attribute' ? 'attribute' : node?.parent?.type === 'keyword_argument' ? 'name' : undefined;
        if ((node?.text === '__file__' || node?.text === '__package__') && !(field && node.parent?.childForFieldName(field)?.equals(node))) ownLocation.push({ line: node.startPosition.row + 1, read: node.text });
      }
    }
    for (const statement of findImports(tree.rootNode)) {
      if (statement.kind !== 'from' || statement.level === 0) continue;
      const target = modules.absolutize(from, statement.level, statement.module);
      if (target === undefined) continue;
      const now = throughMoves(target, moved);
      const spelled = modules.relativeSpelling(to, now) ?? now;
      if (spelled !== statement.moduleNode.text) edits.push({ start: statement.moduleNode.startIndex, end: statement.moduleNode.endIndex, text: spelled });
    }
  } finally {
    tree.delete();
  }
  return { text: applyEdits(text, edits), ownLocation };
}

/** Moved texts with their relative imports recomputed, and the `__init__.py` a new destination package needs. */
export async function planPythonMoves(map: ImportMap, moves: readonly FileMove[], workspace: Workspace): Promise<MovePlan> {
  const modules = new PythonModuleIndex(workspace, map.roots);
  const moved = moduleMoves(modules, moves);
  const plan: MovePlan = { moved: [], created: [], edited: [], needsReview: [], notes: [] };
  const destinations = new Set(moves.map((m) => m.to));
  const created = new Set<string>();
  for (const move of moves) {
    const text = workspace.read(move.from);
    if (!isPython(move.from)) {
      plan.moved.push({ from: move.from, to: move.to, text });
      continue;
    }
    const adjusted = await adjustRelativeImports(text, move.from, move.to, modules, moved);
    plan.moved.push({ from: move.from, to: move.to, text: adjusted.text });
    for (const { line, read } of adjusted.ownLocation) {
      const review = ownLocationReview(move, line, read);
      if (review) plan.needsReview.push(review);
    }
    if (!workspace.has(`${dirOf(move.from)}/__init__.py`)) continue;
    // the source sat in a regular package: so does the destination, up to the first folder that has one
    for (let dir = dirOf(move.to); dir !== '.' && modules.moduleForPath(`${dir}/__init__.py`); dir = dirOf(dir)) {
      const init = `${dir}/__init__.py`;
      if (workspace.exists(init) || destinations.has(init) || created.has(init)) break;
      created.add(init);
      plan.created.push({ path: init, text: '' });
    }
  }
  const movedTexts = new Map(plan.moved.map((item) => [item.to, item]));
  const references = planPythonPathReferences(new MovedPaths(moves, workspace.files), workspace, (module) => throughMoves(module, moved), (file) => movedTexts.get(file)?.text ?? textOrUndefined(workspace, file));
  for (const { path, text } of references) {
    const movedHere = movedTexts.get(path);
    if (movedHere) movedHere.text = text;
    else plan.edited.push({ path, text });
  }
  return plan;
}

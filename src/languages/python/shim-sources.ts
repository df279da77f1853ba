/** What a Python shim serves: the names an old module offers, where each now lives, and the module's own bindings. */
import type { ImportMap } from '../../importmap/types';
import type { Workspace } from '../../core/types';
import { findModuleBindings, findModuleExports } from './exports';
import { findImports } from './imports';
import type { PythonModuleIndex } from './modules';
import { findDunderAll, parsePython, type Node } from './syntax';

export interface MovedName {
  old: string;
  module: string;
  name: string;
  /** served from where the old module imported it, not moved by the map */
  reexport?: boolean;
  /** a public definition the old module's `__all__` leaves out: served, but not starred */
  unlisted?: boolean;
}

export interface ShimContext {
  map: ImportMap;
  modules: PythonModuleIndex;
  workspace: Workspace;
}


/**
 * A name an old module offers; `source` when it only re-exports what it imported from elsewhere; `unlisted` when it is a
 * public definition its `__all__` leaves out (`SEL_EMPTY = 0x1`: still imported by name, never starred).
 */
export interface OfferedName {
  name: string;
  source?: { module: string; name: string };
  unlisted?: boolean;
}

/**
 * The names an old module offers: its `__all__` when it has one (a shim always does), then its public top-level
 * definitions `__all__` leaves out (or, in a shim, the names its `_MOVED` table serves beyond it); else its public
 * top-level definitions and what it re-exports on purpose: names imported from its own package (relative or same top-level
 * package) or on a line marked `# noqa` (`from .forms import FORM_FIELD_OVERRIDES  # NOQA`). Incidental imports
 * (`from dataclasses import dataclass`) are not part of what its importers use.
 */
export async function offeredNames(text: string, file: string, modules: PythonModuleIndex): Promise<OfferedName[]> {
  const tree = await parsePython(text);
  try {
    const own = modules.moduleForPath(file)?.split('.')[0];
    const sources = new Map<string, { module: string; name: string }>();
    const reexports = new Set<string>();
    for (const statement of findImports(tree.rootNode)) {
      if (statement.kind !== 'from' || statement.wildcard || insideDefinition(statement.node)) continue;
      const module = modules.absolutize(file, statement.level, statement.module);
      if (module === undefined) continue;
      const line = text.slice(statement.node.startIndex, text.indexOf('\n', statement.node.startIndex) >>> 0);
      const deliberate = statement.level > 0 || module.split('.')[0] === own || /#\s*noqa/i.test(line);
      for (const item of statement.items) {
        sources.set(item.bound, { module, name: item.name });
        if (deliberate) reexports.add(item.bound);
      }
    }
    // a shim of ours: what it serves is in its _MOVED table
    const served: string[] = [];
    for (const [, name, module, original] of text.matchAll(/^ {4}"(\w+)": \("([\w.]+)", "(\w+)"\),$/gm)) {
      sources.set(name!, { module: module!, name: original! });
      served.push(name!);
    }
    // each name once (`@overload` stubs and an `if`/`else` pair define one name several times); the definitions inside
    // blocks too, not the assignments there (`except ImportError: yaml = None`: an import's fallback, incidental)
    const defined = new Set(topLevelBindings(tree.rootNode).filter((b) => !b.nested || b.how !== 'an assignment').map((b) => b.name));
    const all = findDunderAll(tree.rootNode);
    if (all) {
      const unlisted = [...new Set([...defined, ...served])].filter((name) => name && !name.startsWith('_') && !all.includes(name));
      return [...all.map((name) => ({ name, source: sources.get(name) })), ...unlisted.map((name) => ({ name, source: sources.get(name), unlisted: true }))];
    }
    const names: OfferedName[] = [...defined].map((name) => ({ name }));
    for (const [name, source] of sources) if (!defined.has(name) && reexports.has(name)) names.push({ name, source });
    return names.filter(({ name }) => name && !name.startsWith('_'));
  } finally {
    tree.delete();
  }
}

function insideDefinition(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition' || n.type === 'class_definition') return true;
  return false;
}

/**
 * Where each offered name is served from. A name the canonical module lacks fails the run (or, `unlisted`, is left out
 * and given to `dropped`); so does one the canonical module gets from the old module itself.
 */
export async function resolveMoved(ctx: ShimContext, module: string, names: readonly OfferedName[], fail: (key: string, detail: string) => never, dropped: (name: string) => void = () => undefined): Promise<MovedName[]> {
  const moved: MovedName[] = [];
  const missing: string[] = [];
  const circular = new Map<string, { names: string[]; through: string[] }>();
  for (const { name: old, source, unlisted } of names) {
    const target = ctx.map.moveOfName(module, old);
    const exports = target ? await exportsOf(ctx, target.module) : undefined;
    const chain = target && exports ? await importChain(ctx, target.module, target.name) : [];
    if (unlisted) {
      if (target && !chain.includes(module) && (exports === 'any' || exports?.has(target.name))) moved.push({ old, module: target.module, name: target.name, unlisted });
      else if (source) moved.push({ old, module: ctx.map.moveOfModule(source.module)?.module ?? source.module, name: source.name, reexport: true, unlisted });
      else dropped(old);
    } else if (chain.includes(module)) {
      const at = circular.get(target!.module) ?? { names: [], through: chain.slice(0, chain.indexOf(module)) };
      at.names.push(target!.name);
      circular.set(target!.module, at);
    } else if (target && (exports === 'any' || exports?.has(target.name))) moved.push({ old, module: target.module, name: target.name });
    // a name it only imported: served from where it came from, as before
    else if (source) moved.push({ old, module: ctx.map.moveOfModule(source.module)?.module ?? source.module, name: source.name, reexport: true });
    else missing.push(old);
  }
  if (missing.length) {
    const to = ctx.map.moveOfModule(module)?.module ?? 'its canonical module';
    fail('module', `${module} defines ${missing.join(', ')}, which ${to} lacks: a shim would drop ${missing.length === 1 ? 'it' : 'them'} (move ${missing.length === 1 ? 'it' : 'them'} first, or use a name-level entry)`);
  }
  for (const [target, { names: served, through }] of circular) {
    const them = served.length === 1 ? 'its definition' : 'their definitions';
    fail('module', `${target} gets ${served.join(', ')} from ${module} itself${through.length ? ` (through ${through.join(', ')})` : ''}: a shim would delete what it imports and import itself (move ${them} into ${target} first)`);
  }
  return moved;
}

/**
 * The modules of the repository a name passes through when `module` only imports it: a top-level from-import that binds
 * it, or else a star import of a module that offers it, followed until a module defines it (or leaves the repository).
 * Empty when `module` defines the name itself.
 */
async function importChain(ctx: ShimContext, module: string, name: string): Promise<string[]> {
  const chain: string[] = [];
  for (let current = module, wanted = name; ; ) {
    const file = moduleFile(ctx, current);
    if (file === undefined) return chain;
    const path = ctx.workspace.movedTo(file) ?? file;
    const source = await importSourceOf(ctx, ctx.workspace.read(path), path, wanted);
    if (!source || chain.includes(source.module)) return chain;
    chain.push(source.module);
    current = source.module;
    wanted = source.name;
  }
}

/** Where a module's top-level imports bind `name` from (the last binding wins, as at run time), if they do. */
async function importSourceOf(ctx: ShimContext, text: string, file: string, name: string): Promise<{ module: string; name: string } | undefined> {
  if (!text.includes('import')) return undefined;
  const tree = await parsePython(text);
  let explicit: { module: string; name: string } | undefined;
  const stars: string[] = [];
  try {
    for (const statement of findImports(tree.rootNode)) {
      if (statement.kind !== 'from' || insideDefinition(statement.node)) continue;
      const from = ctx.modules.absolutize(file, statement.level, statement.module);
      if (from === undefined) continue;
      if (statement.wildcard) stars.push(from);
      for (const item of statement.items) if (item.bound === name) explicit = { module: from, name: item.name };
    }
  } finally {
    tree.delete();
  }
  if (explicit) return explicit;
  if ((await findModuleBindings(text)).names.has(name)) return undefined;
  for (const star of stars.reverse()) {
    const offered = await exportsOf(ctx, star);
    if (offered === 'any' || offered?.has(name)) return { module: star, name };
  }
  return undefined;
}

async function exportsOf(ctx: ShimContext, module: string) {
  const file = moduleFile(ctx, module);
  return file === undefined ? undefined : findModuleExports(ctx.workspace.read(ctx.workspace.movedTo(file) ?? file));
}

/** A module's file: as the repository has it, else where this plan puts one (a relocation's destination). */
export function moduleFile(ctx: ShimContext, module: string): string | undefined {
  const file = ctx.modules.getFile(module);
  if (file !== undefined) return file;
  const path = module.replace(/\./g, '/');
  for (const root of ctx.map.roots) {
    const base = root === '.' ? path : `${root}/${path}`;
    const planned = [`${base}/__init__.py`, `${base}.py`].find((candidate) => ctx.workspace.exists(candidate));
    if (planned) return planned;
  }
  return undefined;
}

/** Every top-level binding of the module, following `if`/`try`/`with` blocks, with how it is made. */
export function topLevelBindings(root: Node): Array<{ name: string; line: number; how: string; isRemovedDefinition: boolean; nested: boolean }> {
  const out: Array<{ name: string; line: number; how: string; isRemovedDefinition: boolean; nested: boolean }> = [];
  const visit = (block: Node, nested: boolean): void => {
    for (const statement of block.namedChildren) {
      if (!statement) continue;
      const def = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      if (!def) continue;
      const line = statement.startPosition.row + 1;
      if (def.type === 'class_definition' || def.type === 'function_definition') {
        const name = def.childForFieldName('name')?.text;
        if (name) out.push({ name, line, how: nested ? `a ${def.type === 'class_definition' ? 'class' : 'def'} inside a block` : def.type === 'class_definition' ? 'class' : 'def', isRemovedDefinition: !nested, nested });
      } else if (def.type === 'expression_statement') {
        const assignment = def.namedChildren[0];
        const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
        if (left?.type === 'identifier') out.push({ name: left.text, line, how: 'an assignment', isRemovedDefinition: false, nested });
      } else if (['if_statement', 'try_statement', 'with_statement', 'else_clause', 'elif_clause', 'except_clause', 'finally_clause', 'block'].includes(def.type)) {
        visit(def, true);
      }
    }
  };
  visit(root, false);
  return out;
}

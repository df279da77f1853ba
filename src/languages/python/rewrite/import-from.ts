import type { NameTarget } from '../../../importmap/types';
import { type ImportFromStatement, type ImportItem } from '../imports';
import type { Node } from '../syntax';
import { aliasFor, claim, isNameMoveOf } from './names';
import { deleteStatement, itemText, ownLineComment, removeItems, suppressionsOf, touches, trailingComment } from './edits';
import { recordModuleBinding } from './import-statement';
import { onlyChainsThatStay } from './chains';
import { Destination, FromDecision, MovedItem } from './types';
import { PythonFileRewrite } from './file-rewrite';
import { lastPart, parentModule } from '../modules';
import { ownsItsLines } from './recorder';

/** Where a from-imported item goes, or undefined when it stays. */
export async function destinationOf(rw: PythonFileRewrite, module: string, item: ImportItem, statement: ImportFromStatement): Promise<Destination | undefined> {
  const submodule = `${module}.${item.name}`;
  const named = rw.map.moveOfName(module, item.name);
  const subMove = rw.map.moveOfModule(submodule);
  const isSubmodule = subMove !== undefined || (rw.ctx.modules.exists(submodule) && !isNameMoveOf(rw, module, item.name));
  // a relocated file's relative imports of relocated modules are recomputed by move-files, from both new places
  const movesAlong = (rule: { derived: boolean } | undefined): boolean => !!rule?.derived && statement.level > 0 && rw.ctx.relocated.has(rw.file.path);
  if (movesAlong(isSubmodule ? subMove?.rule : named?.rule)) return undefined;
  if (isSubmodule) {
    if (!subMove) return undefined;
    const target = subMove.module;
    if (target === rw.ctx.modules.getModule(rw.file.path)) {
      rw.out.review(item.node, `'${submodule}' would be imported into this very module (${target}) as itself; left as it is`);
      return undefined;
    }
    const parent = parentModule(target);
    const name = parent ? lastPart(target) : undefined;
    // `from app import edit_handlers` -> `from app import panels`, references renamed (unless taken or public)
    const alias = name ? aliasFor(rw, item, { module: parent, name, rule: subMove.rule }, statement) : item.bound;
    return { module: parent || target, name, alias, label: subMove.rule.label };
  }
  if (!named) return undefined;
  if (named.module === rw.ctx.modules.getModule(rw.file.path)) {
    rw.out.review(item.node, `'${item.name}' would be imported from this very module (${named.module}); left as it is`);
    return undefined;
  }
  if (!(await targetHasName(rw, named, statement, item))) return undefined;
  const alias = aliasFor(rw, item, named, statement);
  return { module: named.module, name: named.name, alias, label: named.rule.label };
}


export async function targetHasName(rw: PythonFileRewrite, target: NameTarget, statement: ImportFromStatement, item: ImportItem): Promise<boolean> {
  // a derived target (a relocated module, a barrel that follows a rename) has the name once the plan is applied
  if (target.rule.derived) return true;
  const exports = await rw.ctx.exportsOf(target.module);
  if (exports === undefined || exports === 'any' || exports.has(target.name) || rw.ctx.modules.exists(`${target.module}.${target.name}`)) return true;
  rw.out.review(item.node, `${target.module} has no name '${target.name}': the import of '${item.name}' is left on the old module`);
  void statement;
  return false;
}


export function spell(rw: PythonFileRewrite, statement: ImportFromStatement, module: string): string {
  if (statement.level > 0) return rw.ctx.modules.relativeSpelling(rw.file.path, module) ?? module;
  return module;
}


export async function decideFrom(rw: PythonFileRewrite, statement: ImportFromStatement): Promise<FromDecision | undefined> {
  const module = rw.ctx.modules.absolutize(rw.file.path, statement.level, statement.module);
  if (module === undefined || statement.wildcard) return undefined;
  const moved: MovedItem[] = [];
  const stays: ImportItem[] = [];
  for (const item of statement.items) {
    const bound = `${module}.${item.name}`;
    const keep = rw.map.moveOfModule(bound) !== undefined && (await onlyChainsThatStay(rw, rw.scopes.scopeOf(statement.node), item.bound, bound));
    const to = keep ? undefined : await destinationOf(rw, module, item, statement);
    if (to) moved.push({ item, to });
    else stays.push(item);
    if (rw.reachesOldModule(bound)) recordModuleBinding(rw, rw.scopes.scopeOf(statement.node), item, to ? (to.name ? `${to.module}.${to.name}` : to.module) : bound, bound, statement);
  }
  return { module, moved, stays };
}


export function emitFrom(rw: PythonFileRewrite, statement: ImportFromStatement, { module, moved, stays }: FromDecision): void {
  if (!moved.length) return;
  const removed: ImportItem[] = [];
  const itemsCommented = new Set<ImportItem>();
  const groups = new Map<string, MovedItem[]>();
  for (const entry of moved) {
    rw.out.count(entry.to.label, 'imports');
    const { to } = entry;
    const key = to.name === undefined ? `import|${to.module}|${to.alias ?? ''}` : `from|${to.module}|${to.name}|${to.alias ?? to.name}`;
    if (!claim(rw, statement, key)) {
      removed.push(entry.item);
      continue;
    }
    const group = to.name === undefined ? `import ${to.module}` : to.module;
    groups.set(group, [...(groups.get(group) ?? []), entry]);
  }
  const fromGroups = [...groups.entries()].filter(([key]) => !key.startsWith('import '));
  // a part split off keeps the statement's linter suppressions, and a statement with any comment keeps its own line
  const suppressed = suppressionsOf(rw.file.text, statement.node);
  const commented = /#/.test(statement.node.text) || trailingComment(rw.file.text, statement.node) !== undefined;
  // in place when nothing stays: the statement keeps its layout and comments, only module and names change
  const inPlace = !stays.length ? fromGroups.sort((a, b) => b[1].length - a[1].length)[0] : undefined;
  if (inPlace && groups.size === 1 && !removed.length && !commented) {
    // DESIGN §2: merged into an existing import of the target module in the same block, as isort would have it (a
    // statement with a comment keeps its own line: the comment has nowhere else to go)
    const [target, entries] = inPlace;
    const names = entries.map(movedItemText);
    if (mergeInto(rw, statement, target, names)) {
      deleteStatement(rw, statement.node);
      return;
    }
  }
  // where the module stays, names that go to that same module (`from pkg import other, old` -> `other, new`) change
  // where they stand, next to those that stay, instead of leaving for a second import of the module
  const inStatement = inPlace ?? (groups.has(module) ? ([module, groups.get(module)!] as const) : undefined);
  if (inPlace) {
    rw.out.edit(statement.moduleNode.startIndex, statement.moduleNode.endIndex, spell(rw, statement, inPlace[0]));
    if (groups.size === 1 && !removed.length) rw.retargetedFroms.set(statement, inPlace[0]);
  }
  for (const { item, to } of inStatement?.[1] ?? []) {
    if (to.name !== item.name || to.alias !== item.alias) rw.out.edit(item.node.startIndex, item.node.endIndex, itemText(to.name!, to.alias));
  }
  for (const [key, entries] of groups) {
    if (key === inStatement?.[0]) continue;
    removed.push(...entries.map((e) => e.item));
    const suffix = (comments: readonly string[]): string => [...new Set([...suppressed, ...comments])].map((c) => `  # ${c}`).join('');
    if (key.startsWith('import ')) {
      for (const { to } of entries) rw.out.addLineAfter(statement.node, `import ${to.module}${to.alias && to.alias !== to.module ? ` as ${to.alias}` : ''}${suffix([])}`);
      continue;
    }
    const names = entries.map(movedItemText);
    if (!suppressed.length && mergeInto(rw, statement, key, names)) continue;
    // a comment on a moving item's own line (`    SocialAccount,  # why`) moves with it
    const comments = ownsItsLines(rw.file.text, statement.node) ? entries.map(({ item }) => ownLineComment(rw.file.text, item)) : [];
    entries.forEach(({ item }, i) => comments[i] !== undefined && itemsCommented.add(item));
    rw.out.addLineAfter(statement.node, `from ${spell(rw, statement, key)} import ${names.join(', ')}${suffix(comments.filter((c): c is string => c !== undefined))}`);
  }
  if (removed.length === statement.items.length) deleteStatement(rw, statement.node);
  else removeItems(rw, statement.items, removed, itemsCommented);
}


/** A moved item's text in another import: `X as X` (an explicit re-export, PEP 484) stays explicit. */
const movedItemText = ({ item, to }: MovedItem): string => (item.alias === item.name && (to.alias ?? to.name) === to.name ? `${to.name} as ${to.name}` : itemText(to.name!, to.alias));


/** isort's order of imported names (`order_by_type`): CONSTANTS, then Classes, then functions and variables. */
const isortKey = (name: string): string => `${name.length > 1 && name === name.toUpperCase() ? 0 : /^[A-Z]/.test(name) ? 1 : 2}${name.toLowerCase()}`;

/**
 * Adds names to an untouched `from <module> import ...` (or one rewritten in place to name it) of the same block (no
 * import crosses into or out of an `if TYPE_CHECKING:` or a `try:`) with nothing but comments and other imports
 * between the two statements, none binding those names: the names are then bound where they were, before the same
 * code; drops names it already binds. Where its names are in isort's order on one line, each new one goes to its
 * place in that order; else they are appended. Never in a file that keeps one name per import.
 */
export function mergeInto(rw: PythonFileRewrite, statement: ImportFromStatement, module: string, names: string[]): boolean {
  if (rw.oneNamePerImport) return false;
  const bound = new Set(names.map((name) => name.slice(name.lastIndexOf(' ') + 1)));
  const existing = rw.imports.find(
    (other): other is ImportFromStatement =>
      other.kind === 'from' &&
      other !== statement &&
      !other.wildcard &&
      (retargetedTo(rw, other, statement) ?? (touches(rw, other.node) ? undefined : rw.ctx.modules.absolutize(rw.file.path, other.level, other.module))) === module &&
      other.node.parent?.id === statement.node.parent?.id &&
      onlyImportsBetween(rw, statement.node, other.node, bound),
  );
  if (!existing) return false;
  const present = new Set(existing.items.map((item) => itemText(item.name, item.alias)));
  const fresh = names.filter((name) => !present.has(name));
  if (!fresh.length) return true;
  const items = existing.items;
  const oneLine = items.every((item) => item.node.startPosition.row === items[0]!.node.startPosition.row);
  const keys = items.map((item) => isortKey(item.name));
  const sorted = keys.every((key, i) => i === 0 || keys[i - 1]! <= key);
  // a statement rewritten in place may have its names renamed: its order is not known from them
  if (oneLine && sorted && !rw.retargetedFroms.has(existing) && fresh.every((name) => !name.includes(' as '))) {
    for (const name of fresh) {
      const before = items.find((item) => isortKey(item.name) > isortKey(name));
      if (before) rw.out.edits.push({ start: before.node.startIndex, end: before.node.startIndex, text: `${name}, ` });
      else rw.out.edits.push({ start: items[items.length - 1]!.node.endIndex, end: items[items.length - 1]!.node.endIndex, text: `, ${name}` });
    }
    return true;
  }
  const last = items[items.length - 1]!;
  rw.out.edits.push({ start: last.node.endIndex, end: last.node.endIndex, text: fresh.map((n) => `, ${n}`).join('') });
  return true;
}


/**
 * The module a from-import rewritten in place now names, where `joining` (another rewritten import) may join it: not
 * in a project whose isort settings remodel reproduces (its import order merges them, laid out as isort does), nor
 * when both imported the same module before (the file kept them apart: so do we).
 */
function retargetedTo(rw: PythonFileRewrite, statement: ImportFromStatement, joining: ImportFromStatement): string | undefined {
  if (rw.ctx.importOrder) return undefined;
  const before = (entry: ImportFromStatement): string | undefined => rw.ctx.modules.absolutize(rw.file.path, entry.level, entry.module);
  return before(statement) === before(joining) ? undefined : rw.retargetedFroms.get(statement);
}


/** Whether only comments and imports binding none of `names` stand between two statements of one block. */
function onlyImportsBetween(rw: PythonFileRewrite, one: Node, other: Node, names: ReadonlySet<string>): boolean {
  const [first, second] = one.startIndex < other.startIndex ? [one, other] : [other, one];
  for (let node = first.nextNamedSibling; node && node.startIndex < second.startIndex; node = node.nextNamedSibling) {
    if (node.type === 'comment') continue;
    const imported = rw.imports.find((entry) => entry.node.id === node.id);
    if (!imported || (imported.kind === 'from' && imported.wildcard) || imported.items.some((item) => names.has(item.bound))) return false;
  }
  return true;
}


export async function rewriteWildcard(rw: PythonFileRewrite, statement: ImportFromStatement): Promise<void> {
  const module = rw.ctx.modules.absolutize(rw.file.path, statement.level, statement.module);
  if (module === undefined) return;
  if (rw.map.hasNameMoves(module)) {
    rw.out.review(statement.node, `star import from ${module}, whose names move in part (${rw.map.movedNames(module).join(', ')}): cannot tell which names the file uses`);
    return;
  }
  const whole = rw.map.moveOfModule(module);
  if (!whole) return;
  if (whole.module === rw.ctx.modules.getModule(rw.file.path)) {
    rw.out.review(statement.node, `star import from ${module}, which would be imported from this very module (${whole.module}); left as it is`);
    return;
  }
  if (whole.rule.rename.size) {
    rw.out.review(statement.node, `star import from ${module}, whose names are renamed on the way to ${whole.module}: uses of ${[...whole.rule.rename.keys()].join(', ')} would break`);
    return;
  }
  // the canonical module may offer more names than the old one: any that this file binds or uses would change meaning
  const [before, after] = [await rw.ctx.exportsOf(module), await rw.ctx.exportsOf(whole.module)];
  if (after === 'any' || after === undefined) {
    rw.out.review(statement.node, `star import from ${module}: cannot tell which names ${whole.module} would bring in`);
    return;
  }
  const extra = [...after].filter((name) => !name.startsWith('_') && (before === 'any' || !before?.has(name)));
  const clashes = extra.filter((name) => rw.scopes.module.bindings.has(name) || rw.scopes.usesName(name));
  if (clashes.length) {
    rw.out.review(statement.node, `star import from ${module}: ${whole.module} also offers ${clashes.join(', ')}, which this file defines or uses`);
    return;
  }
  rw.out.edit(statement.moduleNode.startIndex, statement.moduleNode.endIndex, spell(rw, statement, whole.module));
  rw.out.count(whole.rule.label, 'imports');
}

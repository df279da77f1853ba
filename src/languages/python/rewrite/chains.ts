import { type Node } from '../syntax';
import { escapeRegExp } from '../../../core/regexp';
import { type Scope } from '../scopes';
import { scopeKey } from './names';
import { annotationChains, isReadAsType, rewriteStringAnnotations } from './strings-in-code';
import { ModuleBinding } from './types';
import type { NameTarget } from '../../../importmap/types';
import { PythonFileRewrite } from './file-rewrite';
import { lastPart, parentModule } from '../modules';
import { argumentOf, isImportPart, plainStringContent } from '../syntax';

/** True while some unaliased `import root...` still binds `root` in the scope after the rewrite. */
export function rootStillBound(rw: PythonFileRewrite, root: string, scope: Scope): boolean {
  return rw.imports.some((statement) => {
    if (statement.kind !== 'import') return false;
    const s = rw.scopes.scopeOf(statement.node);
    if (s !== scope && s !== rw.scopes.module) return false;
    return statement.items.some((item) => !item.alias && !rw.rootAliases.has(rw.map.moveOfModule(item.name)?.module ?? '') && (rw.map.moveOfModule(item.name)?.module ?? item.name).split('.')[0] === root);
  });
}


/** True when the file (after this rewrite) has `import <module>` unaliased in `scope` or the module scope. */
export function importsModule(rw: PythonFileRewrite, module: string, scope: Scope): boolean {
  return rw.imports.some((statement) => {
    if (statement.kind !== 'import') return false;
    const s = rw.scopes.scopeOf(statement.node);
    if (s !== scope && s !== rw.scopes.module) return false;
    return statement.items.some((item) => !item.alias && (rw.map.moveOfModule(item.name)?.module ?? item.name) === module);
  });
}


/** A name in `scope` that refers to `module`, adding `import module` after `anchor` when none exists. */
export function referenceTo(rw: PythonFileRewrite, module: string, scope: Scope, anchor: Node, useScope: Scope = scope): string {
  for (const binding of rw.bindings.values()) {
    if (!binding.rootOnly && binding.module === module && (binding.scope === scope || binding.scope === rw.scopes.module)) {
      const name = [...rw.bindings.entries()].find(([, b]) => b === binding)![0].split('\0')[1]!;
      return name;
    }
  }
  const root = module.split('.')[0]!;
  // `def create(app): core.A()` -> `app.schemas.canon.A()` would mean the parameter
  const shadowed = boundBetween(rw, root, useScope);
  if (!shadowed && (importsModule(rw, module, scope) || rw.out.hasAddedLine(`import ${module}`))) return module;
  const rootBinding = rw.bindings.get(scopeKey(rw, scope, root)) ?? rw.bindings.get(scopeKey(rw, rw.scopes.module, root));
  const rootTaken = shadowed || ((scope.bindings.has(root) || rw.scopes.module.bindings.has(root)) && !rootBinding?.rootOnly);
  if (rootTaken) {
    const alias = `${lastPart(module)}_module`;
    rw.out.addLineAfter(anchor, `import ${module} as ${alias}`);
    return alias;
  }
  rw.out.addLineAfter(anchor, `import ${module}`);
  return module;
}


/** True when a scope from `scope` out to (not including) the module scope binds `name`. */
export function boundBetween(rw: PythonFileRewrite, name: string, scope: Scope): boolean {
  for (let s: Scope | undefined = scope; s && s !== rw.scopes.module; s = s.parent) if (s.bindings.has(name)) return true;
  return false;
}


/** Renamed names and attribute chains through module bindings (`models.booking.Booking`, `m.X`). */
export async function rewriteUses(rw: PythonFileRewrite): Promise<void> {
  for (const use of rw.scopes.uses) {
    const name = use.node.text;
    const owner = rw.scopes.resolve(name, use.scope, use.binds ? undefined : use.node.startIndex);
    const renamed = rw.renames.get(owner)?.get(name);
    const rename = renamed && !isImportPart(use.node) ? renamed : undefined;
    const binding = rw.bindings.get(scopeKey(rw, owner, name));
    if (binding) rewriteNameLookup(rw, use.node, binding);
    const rewritten = binding !== undefined && (await rewriteChain(rw, chainText(use.node), binding, owner, rename?.to));
    // a chain rewritten through the same binding (`schemas.core.A` -> `schemas.canon.A`), or through its new name
    // (`from pkg import old` -> `new`: `new.X`), still reads it; one through `import pkg.old` that now reads `pkg.new.A`
    // reads the `pkg` its canonical module's import binds, unless `pkg.new` is what that statement itself now imports
    const readsNoMore = rewritten && !use.binds && (binding.rootOnly ? !readsRetargetOf(rw, binding, use.node.startIndex) : rw.out.edits.some((edit) => edit.start === use.node.startIndex && edit.text.split('.')[0] !== name && edit.text.split('.')[0] !== rename?.to));
    if (binding && !isImportPart(use.node)) countChainUse(rw, binding, readsNoMore);
    if (rewritten) continue;
    if (rename) {
      rw.out.edit(use.node.startIndex, use.node.endIndex, rename.to);
      rw.out.count(rename.label, 'references');
    }
  }
  await rewriteAnnotationChains(rw);
  rewriteStringAnnotations(rw);
}

/** Chains through module bindings inside the strings type checkers read (`"Optional[models.booking.Booking]"`), as in code. */
async function rewriteAnnotationChains(rw: PythonFileRewrite): Promise<void> {
  // the walk over every string of the tree only where some string may spell a chain through a binding
  const names = [...new Set([...rw.bindings.keys()].map((key) => key.slice(key.indexOf('\0') + 1)))];
  if (!names.length || !new RegExp(`["'][^"']*\\b(?:${names.map(escapeRegExp).join('|')})\\.`).test(rw.file.text)) return;
  for (const string of rw.scopes.module.node.descendantsOfType('string')) {
    const content = string && plainStringContent(string);
    if (!string || !content || !content.text.includes('.') || !isReadAsType(string)) continue;
    const scope = rw.scopes.scopeOf(string);
    for (const { parts, offsets } of annotationChains(content.text)) {
      const owner = rw.scopes.resolve(parts[0]!, scope, string.startIndex);
      const binding = rw.bindings.get(scopeKey(rw, owner, parts[0]!));
      if (!binding) continue;
      const starts = offsets.map((offset) => content.node.startIndex + offset);
      const text: ChainText = { at: string, parts, starts, ends: starts.map((start, i) => start + parts[i]!.length), unbroken: parts.length };
      await rewriteChain(rw, text, binding, owner, rw.renames.get(owner)?.get(parts[0]!)?.to);
    }
  }
}


/** Whether the chain rewritten at `start` now reads a module that the binding's own `import a.old` was retargeted to. */
function readsRetargetOf(rw: PythonFileRewrite, binding: ModuleBinding, start: number): boolean {
  const targets = binding.statement.items.flatMap((item) => rw.retargets.get(item.name)?.target ?? []);
  return targets.length > 0 && rw.out.edits.some((edit) => edit.start === start && targets.some((target) => edit.text === target || edit.text.startsWith(`${target}.`)));
}

/** How many uses of a module binding its chains rewrote away, and how many still read the binding. */
function countChainUse(rw: PythonFileRewrite, binding: ModuleBinding, rewritten: boolean): void {
  const uses = rw.chainUses.get(binding) ?? { rewritten: 0, kept: 0 };
  rw.chainUses.set(binding, uses);
  if (rewritten) uses.rewritten++;
  else uses.kept++;
}

/** Calls that look a module's attribute up by a string: `getattr(m, "X")`, `mock.patch.object(m, "X")`, `monkeypatch.setattr(m, "X", v)`. */
const lookupCall = /^(?:getattr|hasattr|setattr|delattr)$|(?:^|\.)(?:patch\.object|setattr|delattr)$/;

/**
 * `getattr(station_models, "UserStationAssignment")` through a module binding: the name in the string follows its
 * rename when it lands in the module the binding now names (`getattr(identity, "StationUser")`); one that moved to
 * another module is listed (patching the old module's attribute no longer reaches the code that uses the name).
 */
function rewriteNameLookup(rw: PythonFileRewrite, id: Node, binding: ModuleBinding): void {
  const looked = lookedUpModule(rw, id, binding);
  if (!looked) return;
  const at = argumentOf(looked.node);
  if (!at || at.position !== 0 || at.keyword || !lookupCall.test(at.callee)) return;
  const string = looked.node.nextNamedSibling;
  const content = string ? plainStringContent(string) : undefined;
  if (!content || !/^[A-Za-z_]\w*$/.test(content.text)) return;
  const named = rw.map.moveOfName(looked.oldModule, content.text);
  if (!named) return;
  if (named.module !== looked.module) {
    rw.out.review(string!, `'${content.text}' is looked up by name on ${looked.oldModule}, but it moved to ${named.module}${named.name === content.text ? '' : ` as ${named.name}`}: rewrite by hand`);
    return;
  }
  if (named.name === content.text) return;
  rw.out.edit(content.node.startIndex, content.node.endIndex, named.name);
  rw.out.count(named.rule.label, 'references');
}

/**
 * The module object a name lookup may be handed through a binding: the bound module itself (`getattr(m, "X")`), or,
 * through `import a.b`, the module its chain spells out (`getattr(a.b, "X")`), before and after the rewrite.
 */
function lookedUpModule(rw: PythonFileRewrite, id: Node, binding: ModuleBinding): { node: Node; oldModule: string; module: string } | undefined {
  if (!binding.rootOnly) return { node: id, oldModule: binding.oldModule, module: binding.module };
  const { nodes, parts } = chainNodes(id);
  const at = nodes.findIndex((node, index) => index > 0 && argumentOf(node) !== undefined);
  if (at < 0) return undefined;
  const oldModule = parts.slice(0, at + 1).join('.');
  if (!rw.ctx.modules.exists(oldModule) && !rw.map.moveOfModule(oldModule)) return undefined;
  return { node: nodes[at]!, oldModule, module: rw.map.moveOfModule(oldModule)?.module ?? oldModule };
}

/** An attribute chain read from a module's old place: where its module walk ends, and the name it reaches there. */
interface Chain {
  text: ChainText;
  /** the deepest module the chain names (submodules walked down from the binding's old module) */
  module: string;
  depth: number;
  named: NameTarget | undefined;
  isSubmodule: boolean;
  /** the name went to a canonical module that lacks it: the chain has to keep reaching the old module */
  staysOnOldModule: boolean;
}

/**
 * The nodes of the chain that starts at `id`, each ending where its part does, and the parts: the attributes around it
 * (`a.b.C()`), or the names of a match pattern's dotted name (`case a.b.C():`, no attribute nodes there).
 */
function chainNodes(id: Node): { nodes: Node[]; parts: string[] } {
  if (id.parent?.type === 'dotted_name') {
    const nodes = id.parent.namedChildren.filter((n): n is Node => n?.type === 'identifier');
    return { nodes, parts: nodes.map((n) => n.text) };
  }
  const nodes: Node[] = [id];
  for (let n = id; ; ) {
    // `(a.b).C` reads C on a.b all the same
    let object = n;
    while (object.parent?.type === 'parenthesized_expression') object = object.parent;
    const attribute = object.parent;
    if (attribute?.type !== 'attribute' || attribute.childForFieldName('object')?.id !== object.id) break;
    nodes.push(attribute);
    n = attribute;
  }
  return { nodes, parts: nodes.map((n, i) => (i === 0 ? n.text : (partNode(n)?.text ?? ''))) };
}

/** The name a chain node adds: an attribute's, or a dotted name's own identifier. */
function partNode(node: Node): Node | null {
  return node.type === 'attribute' ? node.childForFieldName('attribute') : node;
}

/** Where a chain lies in the file's text: in code, or inside a string annotation (`"Optional[models.booking.Booking]"`). */
export interface ChainText {
  /** the node it is read at: reviews name it, its scope reads the chain */
  at: Node;
  parts: string[];
  /** where part i's own name starts, and where the chain's first i + 1 parts end */
  starts: number[];
  ends: number[];
  /** how many leading parts lie within one pair of parentheses or none (`(a.b).C`: all three; `(a).b.C`: one) */
  unbroken: number;
}

/** The chain that starts at the identifier `id`. */
function chainText(id: Node): ChainText {
  const { nodes, parts } = chainNodes(id);
  const broken = nodes.findIndex((node, i) => i > 0 && node.type === 'attribute' && node.childForFieldName('object')?.type === 'parenthesized_expression');
  return { at: id, parts, starts: nodes.map((node, i) => (i === 0 ? id.startIndex : partNode(node)!.startIndex)), ends: nodes.map((node) => node.endIndex), unbroken: broken < 0 ? nodes.length : broken };
}

async function chainFrom(rw: PythonFileRewrite, text: ChainText, oldModule: string): Promise<Chain> {
  const { parts } = text;
  // walk down submodules from the module the binding referred to before the rewrite
  let module = oldModule;
  let depth = 0;
  while (depth + 1 < parts.length) {
    const next = `${module}.${parts[depth + 1]}`;
    if (!(rw.ctx.modules.exists(next) || rw.map.moveOfModule(next) || rw.map.hasNameMoves(next))) break;
    module = next;
    depth++;
  }
  const attr = parts[depth + 1];
  const named = attr !== undefined ? rw.map.moveOfName(module, attr) : undefined;
  const isSubmodule = attr !== undefined && rw.ctx.modules.exists(`${module}.${attr}`);
  const staysOnOldModule = !!named && !isSubmodule && !(await rw.oldModuleDefines(named.module, named.name));
  return { text, module, depth, named, isSubmodule, staysOnOldModule };
}

/**
 * Whether a module binding about to be retargeted (`import a.b as m`, `from a import b`) serves only chains that must
 * stay on the old module (`m.legacy_helper`, a name the canonical module lacks): then it had better stay as it is,
 * not name the canonical module unused while its chains go through another import of the old one. A bare use of the
 * name (the module object), a chain that moves, or a string that may spell a chain (an annotation) keeps the retarget.
 */
export async function onlyChainsThatStay(rw: PythonFileRewrite, scope: Scope, name: string, oldModule: string): Promise<boolean> {
  if (new RegExp(`["'][^"'\\n]*\\b${name}\\.`).test(rw.file.text)) return false;
  let staying = 0;
  for (const use of rw.scopes.uses) {
    if (use.node.text !== name || isImportPart(use.node)) continue;
    if (rw.scopes.resolve(name, use.scope, use.binds ? undefined : use.node.startIndex) !== scope) continue;
    if (use.binds || !(await chainFrom(rw, chainText(use.node), oldModule)).staysOnOldModule) return false;
    staying++;
  }
  return staying > 0;
}

/** Rewrites an attribute chain through a module binding; `renamedTo` is the binding's new name. True when it edited. */
export async function rewriteChain(rw: PythonFileRewrite, text: ChainText, binding: ModuleBinding, owner: Scope, renamedTo?: string): Promise<boolean> {
  const { module, depth, named, isSubmodule, staysOnOldModule } = await chainFrom(rw, text, binding.oldModule);
  const { at, parts } = text;
  const start = text.starts[0]!;
  if (staysOnOldModule) {
    // the canonical module lacks it: the chain keeps reaching the old module, which stays imported for it
    const chain = parts.slice(0, depth + 2).join('.');
    // the chain through an alias (`mb.legacy_helper`) does not say which module it keeps: the message does
    const spelled = chain.startsWith(`${module}.`) ? '' : ` ${module}`;
    rw.out.review(at, `${named!.module} has no name '${named!.name}': '${chain}' is left on the old module${spelled}`);
    if (binding.rootOnly) {
      rw.chainsStaying.add(module);
      if (!rootStillBound(rw, binding.module, owner)) rw.out.addLineAfter(binding.statement.node, `import ${module}`);
      return false;
    }
    // a binding left on the old module (see `onlyChainsThatStay`) reaches it as it did
    if (binding.module === binding.oldModule) return false;
    const ref = referenceTo(rw, module, owner, binding.statement.node, rw.scopes.scopeOf(at));
    rw.out.edit(start, text.ends[depth]!, ref);
    return true;
  }
  let target: string | undefined;
  let label: string | undefined;
  let end = depth;
  if (named && !isSubmodule) {
    target = `${named.module}.${named.name}`;
    label = named.rule.label;
    end = depth + 1;
  } else {
    const whole = rw.map.moveOfModule(module);
    if (whole) {
      target = whole.module;
      label = whole.rule.label;
    }
  }
  const renamedNames = depth + 1 === parts.length ? rw.map.moveOfModule(module)?.rule.rename : undefined;
  if (renamedNames?.size && !isNameLookupArgument(text)) {
    const renames = [...renamedNames].map(([from, to]) => `${from} -> ${to}`).join(', ');
    rw.out.review(at, `'${parts.join('.')}' is used as a module object, and the map renames its names (${renames}): what reads them from it breaks; rewrite by hand`);
  }
  if (!target || !label) {
    // the import that bound this chain's first name moved away: keep the name bound for what still uses it
    if (binding.rootOnly && !rootStillBound(rw, binding.module, owner)) rw.out.addLineAfter(binding.statement.node, `import ${module}`);
    return false;
  }
  if (text.unbroken < depth + 1) {
    rw.out.review(at, `'${parts.slice(0, depth + 1).join('.')}' is spelled across parentheses: rewrite it by hand to reach ${target}`);
    if (binding.rootOnly && !rootStillBound(rw, binding.module, owner)) rw.out.addLineAfter(binding.statement.node, `import ${module}`);
    return false;
  }
  let replacement: string;
  if (binding.rootOnly) {
    rw.chainsMoving.add(module);
    const targetModule = end > depth ? parentModule(target) : target;
    const alias = rw.rootAliases.get(targetModule);
    if (alias) replacement = alias + target.slice(targetModule.length);
    else {
      if (!importsModule(rw, targetModule, owner)) referenceTo(rw, targetModule, owner, binding.statement.node, rw.scopes.scopeOf(at));
      replacement = target;
    }
  } else if (target === binding.module || target.startsWith(`${binding.module}.`)) {
    replacement = (renamedTo ?? parts[0]) + target.slice(binding.module.length);
    // no import added: what loaded the old submodule before (its package's `__init__`, another importer) now loads
    // the canonical one, as remodel rewrote it too
  } else {
    const targetModule = end > depth ? parentModule(target) : target;
    const ref = referenceTo(rw, targetModule, owner, binding.statement.node, rw.scopes.scopeOf(at));
    replacement = ref + target.slice(targetModule.length);
  }
  // the module's path and the name are edited apart: what lies between them (a line break, a comment) stays
  const path = end > depth ? replacement.slice(0, replacement.lastIndexOf('.')) : replacement;
  const name = end > depth ? replacement.slice(path.length + 1) : undefined;
  const pathEnd = text.ends[depth]!;
  const pathChanges = rw.file.text.slice(start, pathEnd) !== path;
  const nameChanges = name !== undefined && parts[end] !== name;
  if (!pathChanges && !nameChanges) return false;
  if (pathChanges) rw.out.edit(start, pathEnd, path);
  if (name !== undefined && nameChanges) rw.out.edit(text.starts[end]!, text.ends[end]!, name);
  rw.out.count(label, 'references');
  return true;
}

/** A chain in code handed to `getattr(m, "X")` and its kind, whose name `rewriteNameLookup` follows. */
function isNameLookupArgument(text: ChainText): boolean {
  if (text.at.type !== 'identifier') return false;
  const last = chainNodes(text.at).nodes.at(-1)!;
  const at = argumentOf(last);
  return !!at && at.position === 0 && !at.keyword && lookupCall.test(at.callee);
}

/**
 * An `import a.b` retargeted to its canonical module whose chains all stay on `a.b` (names the canonical module lacks)
 * served nothing: the statement is left as it was, and the `import a.b` added back for those chains is not added.
 */
export function takeBackIdleRetargets(rw: PythonFileRewrite): void {
  for (const [module, { edit, label, target, statements }] of rw.retargets) {
    // only the plain case: one such statement, its canonical import serving no other, no chain moving anywhere
    if (statements !== 1 || rw.sharedTargets.has(target) || !rw.chainsStaying.has(module) || rw.chainsMoving.has(module)) continue;
    rw.out.dropEdit(edit);
    rw.out.dropAddedLine(`import ${module}`);
    const stats = rw.out.stats[label];
    if (stats) stats.imports--;
  }
}

import type { ImportMap, NameTarget } from '../../importmap/types';
import { applyEdits, lineEnding } from '../../core/edits';
import type { Edit, EntryStats, FileResult, NeedsReview, Note } from '../../core/types';
import type { SourceFile } from '../../core/types';
import type { ModuleExports } from './exports';
import { findImports, type ImportFromStatement, type ImportItem, type ImportStatement, type PythonImport } from './imports';
import type { PythonModuleIndex } from './modules';
import { firstSyntaxError, parsePython, type Node } from './syntax';
import { analyzeScopes, type Scope, type ScopeAnalysis } from './scopes';
import { rewriteDottedStrings } from './strings';

/** What the Python adapter knows about the repository for one map. */
export interface PythonContext {
  map: ImportMap;
  modules: PythonModuleIndex;
  /** top-level names of a module (loaded lazily, cached), or undefined when the module is not in the repository */
  exportsOf(module: string): Promise<ModuleExports | undefined>;
  /** where this plan relocates a file, by its current path */
  relocated: ReadonlyMap<string, string>;
  /** `module\0name`: renamed names that other files import from a module (see namesImportedFromModules) */
  importedFrom: ReadonlySet<string>;
}

/** Where one imported item goes: `from <module> import <name> [as <alias>]`, or `import <module> as <alias>` when `name` is undefined. */
interface Destination {
  module: string;
  name: string | undefined;
  alias: string | undefined;
  label: string;
}

interface MovedItem {
  item: ImportItem;
  to: Destination;
}

interface FromDecision {
  module: string;
  moved: MovedItem[];
  stays: ImportItem[];
}

interface ModuleBinding {
  scope: Scope;
  /** the module the bound name refers to after the rewrite */
  module: string;
  /** the module it referred to before */
  oldModule: string;
  /** `import a.b` binds `a` and makes the dotted path spelled out in code */
  rootOnly: boolean;
  statement: PythonImport;
}

/** Collected edits and findings for one file; every rewrite step records into it (LibCST's "record, apply once"). */
class FileRewrite {
  readonly edits: Edit[] = [];
  readonly needsReview: NeedsReview[] = [];
  readonly notes: Note[] = [];
  readonly stats: Record<string, EntryStats> = {};
  /** `import X` statements to add after a given statement: key = statement id */
  readonly addedImports = new Map<number, { after: Node; lines: string[] }>();
  readonly eol: string;

  constructor(readonly file: SourceFile) {
    this.eol = lineEnding(file.text);
  }

  edit(start: number, end: number, text: string): void {
    if (this.file.text.slice(start, end) !== text) this.edits.push({ start, end, text });
  }

  count(label: string, key: keyof EntryStats): void {
    (this.stats[label] ??= { imports: 0, references: 0, strings: 0 })[key]++;
  }

  review(node: Node, reason: string): void {
    this.needsReview.push({ file: this.file.path, line: node.startPosition.row + 1, reason });
  }

  note(node: Node, message: string): void {
    this.notes.push({ file: this.file.path, line: node.startPosition.row + 1, message });
  }

  /** True when some anchor already gets this line (an `import x` added once serves the whole scope). */
  hasAddedLine(line: string): boolean {
    return [...this.addedImports.values()].some((entry) => entry.lines.includes(line));
  }

  addLineAfter(statement: Node, line: string): void {
    let entry = this.addedImports.get(statement.id);
    if (!entry) this.addedImports.set(statement.id, (entry = { after: statement, lines: [] }));
    if (!entry.lines.includes(line)) entry.lines.push(line);
  }

  /** Inserts added statements on their own lines after their anchor, with the anchor's indentation. */
  flushAddedLines(): void {
    const text = this.file.text;
    for (const { after, lines } of this.addedImports.values()) {
      const lineStart = text.lastIndexOf('\n', after.startIndex - 1) + 1;
      const prefix = text.slice(lineStart, after.startIndex);
      if (ownsItsLines(text, after)) {
        // after the anchor's last line (past a trailing comment), keeping its indentation
        let end = text.indexOf('\n', after.endIndex);
        if (end === -1) end = text.length;
        else if (text[end - 1] === '\r') end--;
        this.edits.push({ start: end, end, text: lines.map((l) => `${this.eol}${prefix}${l}`).join('') });
      } else {
        // the anchor shares its line with other code (`if x: import a`): chain with `;`
        this.edits.push({ start: after.endIndex, end: after.endIndex, text: lines.map((l) => `; ${l}`).join('') });
      }
    }
  }
}

/**
 * A statement with its lines to itself: nothing before it on its first line, no `;` and more code after it
 * (`import a; use(a)`), where a line added after it would have to come before the rest.
 */
function ownsItsLines(text: string, statement: Node): boolean {
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, statement.startIndex)) && !/^[ \t]*;/.test(text.slice(statement.endIndex));
}

const parentModule = (module: string): string => module.slice(0, Math.max(0, module.lastIndexOf('.')));
const lastPart = (module: string): string => module.slice(module.lastIndexOf('.') + 1);

/** Plans every edit one import map implies for one Python file. */
export async function planPythonRewrite(file: SourceFile, ctx: PythonContext): Promise<FileResult> {
  const tree = await parsePython(file.text);
  try {
    const syntax = firstSyntaxError(tree);
    if (syntax) return { kind: 'failed', file: file.path, line: syntax.line, column: syntax.column, error: `does not parse: ${syntax.text}` };
    if (isRetiredDuplicate(file.path, ctx)) return { kind: 'unchanged', file: file.path, needsReview: [], notes: [] };
    const out = new FileRewrite(file);
    await new PythonFileRewriter(file, ctx, out, tree.rootNode).run();
    out.flushAddedLines();
    if (!out.edits.length) return { kind: 'unchanged', file: file.path, needsReview: out.needsReview, notes: out.notes };
    const broken = await syntaxErrorAfter(file.text, out.edits);
    if (broken) return { kind: 'failed', file: file.path, line: broken.line, column: broken.column, error: `the rewrite would not parse (${broken.text}); file left untouched, please report this` };
    return { kind: 'changed', file: file.path, edits: out.edits, needsReview: out.needsReview, notes: out.notes, stats: out.stats };
  } finally {
    tree.delete();
  }
}

/**
 * An old module that the map replaces as a whole by another module is a duplicate on its way out (it becomes a shim,
 * or moves aside): its own text is left as it was. A module that moves *to* its canonical place (a package renamed
 * by a relocation, like `prefect.orion` -> `prefect.server`) lives on, and is rewritten like any importer.
 */
function isRetiredDuplicate(path: string, ctx: PythonContext): boolean {
  const module = ctx.modules.getModule(path);
  if (module === undefined || ctx.map.hasNameMoves(module)) return false;
  const target = ctx.map.moveOfModule(module);
  if (!target || target.rule.derived) return false;
  const destination = ctx.relocated.get(path);
  return destination === undefined || ctx.modules.moduleForPath(destination) !== target.module;
}

/** The safety net: a rewritten file must parse as its original did. */
async function syntaxErrorAfter(text: string, edits: readonly Edit[]): Promise<ReturnType<typeof firstSyntaxError>> {
  let after: string;
  try {
    after = applyEdits(text, edits);
  } catch (error) {
    return { line: 1, column: 1, text: error instanceof Error ? error.message : String(error) };
  }
  const tree = await parsePython(after);
  try {
    return firstSyntaxError(tree);
  } finally {
    tree.delete();
  }
}

class PythonFileRewriter {
  private readonly map: ImportMap;
  private readonly bindings = new Map<string, ModuleBinding>(); // `${scopeId}\0${name}`
  /** names renamed per binding scope: old -> new */
  private readonly renames = new Map<Scope, Map<string, { to: string; label: string }>>();
  private readonly imports: PythonImport[] = [];
  private readonly claimed = new Set<string>();
  /** modules imported aliased because their first name was taken: module -> alias */
  private readonly rootAliases = new Map<string, string>();

  private analysis: ScopeAnalysis | undefined;

  constructor(
    private readonly file: SourceFile,
    private readonly ctx: PythonContext,
    private readonly out: FileRewrite,
    private readonly root: Node,
  ) {
    this.map = ctx.map;
  }

  /** Scope analysis walks the whole tree: it runs only for files that need it (renames, module bindings). */
  private get scopes(): ScopeAnalysis {
    return (this.analysis ??= analyzeScopes(this.root));
  }

  /** Whether a module defines a name (true when that cannot be known, e.g. a module this plan creates). */
  private async oldModuleDefines(module: string, name: string): Promise<boolean> {
    if (this.ctx.modules.exists(`${module}.${name}`)) return true;
    const exports = await this.ctx.exportsOf(module);
    return exports === undefined || exports === 'any' || exports.has(name);
  }

  /** True when attribute chains through `module` can reach an old module: only such bindings are followed. */
  private reachesOldModule(module: string): boolean {
    if (this.map.moveOfModule(module) || this.map.hasNameMoves(module)) return true;
    return this.map.oldModules().some((old) => old.startsWith(`${module}.`));
  }

  async run(): Promise<void> {
    const root = this.root;
    this.imports.push(...findImports(root));
    const decisions = new Map<PythonImport, FromDecision>();
    for (const statement of this.imports) {
      if (statement.kind !== 'from') continue;
      const decision = await this.decideFrom(statement);
      if (decision) decisions.set(statement, decision);
    }
    this.claimUnmovedBindings(decisions);
    for (const statement of this.imports) {
      if (statement.kind === 'import') this.rewriteImport(statement);
      else if (statement.wildcard) await this.rewriteWildcard(statement);
      else {
        const decision = decisions.get(statement);
        if (decision) this.emitFrom(statement, decision);
      }
    }
    if (this.bindings.size || this.renames.size) {
      await this.rewriteUses();
      if (this.file.text.includes('=}') || /=\s*[!:}]/.test(this.file.text)) this.keepSelfDocumentingOutput(root);
    }
    await rewriteDottedStrings(root, this.map, (module, name) => this.oldModuleDefines(module, name), this.out);
    if (/\bimport_module\b|\b__import__\b/.test(this.file.text)) this.reviewDynamicImports(root);
  }

  /** Bindings no rewrite touches; a moved import that would bind the same again in the same block is dropped instead. */
  private claimUnmovedBindings(decisions: Map<PythonImport, FromDecision>): void {
    for (const statement of this.imports) {
      if (statement.kind === 'import') {
        for (const item of statement.items) if (!this.map.moveOfModule(item.name)) this.claim(statement, `import|${item.name}|${item.alias ?? ''}`);
        continue;
      }
      const decision = decisions.get(statement);
      if (!decision) continue;
      for (const item of decision.stays) this.claim(statement, `from|${decision.module}|${item.name}|${item.bound}`);
    }
  }

  /** Records a binding of a statement's block; false when the block already has it. */
  private claim(statement: PythonImport, key: string): boolean {
    const full = `${statement.node.parent?.id ?? 0}|${key}`;
    if (this.claimed.has(full)) return false;
    this.claimed.add(full);
    return true;
  }

  private scopeKey(scope: Scope, name: string): string {
    return `${scope.node.id}\0${name}`;
  }

  /** Where a from-imported item goes, or undefined when it stays. */
  private async destinationOf(module: string, item: ImportItem, statement: ImportFromStatement): Promise<Destination | undefined> {
    const submodule = `${module}.${item.name}`;
    const named = this.map.moveOfName(module, item.name);
    const subMove = this.map.moveOfModule(submodule);
    const isSubmodule = subMove !== undefined || (this.ctx.modules.exists(submodule) && !this.isNameMoveOf(module, item.name));
    // a relocated file's relative imports of relocated modules are recomputed by move-files, from both new places
    const movesAlong = (rule: { derived: boolean } | undefined): boolean => !!rule?.derived && statement.level > 0 && this.ctx.relocated.has(this.file.path);
    if (movesAlong(isSubmodule ? subMove?.rule : named?.rule)) return undefined;
    if (isSubmodule) {
      if (!subMove) return undefined;
      const target = subMove.module;
      const parent = parentModule(target);
      const name = parent ? lastPart(target) : undefined;
      // `from app import edit_handlers` -> `from app import panels`, references renamed (unless taken or public)
      const alias = name ? this.aliasFor(item, { module: parent, name, rule: subMove.rule }, statement) : item.bound;
      return { module: parent || target, name, alias, label: subMove.rule.label };
    }
    if (!named) return undefined;
    if (named.module === this.ctx.modules.getModule(this.file.path)) {
      this.out.review(item.node, `'${item.name}' would be imported from this very module (${named.module}); left as it is`);
      return undefined;
    }
    if (!(await this.targetHasName(named, statement, item))) return undefined;
    const alias = this.aliasFor(item, named, statement);
    return { module: named.module, name: named.name, alias, label: named.rule.label };
  }

  private isNameMoveOf(module: string, name: string): boolean {
    return this.map.movedNames(module).includes(name);
  }

  private async targetHasName(target: NameTarget, statement: ImportFromStatement, item: ImportItem): Promise<boolean> {
    // a derived target (a relocated module, a barrel that follows a rename) has the name once the plan is applied
    if (target.rule.derived) return true;
    const exports = await this.ctx.exportsOf(target.module);
    if (exports === undefined || exports === 'any' || exports.has(target.name) || this.ctx.modules.exists(`${target.module}.${target.name}`)) return true;
    this.out.review(item.node, `${target.module} has no name '${target.name}': the import of '${item.name}' is left on the old module`);
    void statement;
    return false;
  }

  /**
   * The alias of a moved item. A renamed, unaliased name renames its references, unless the new name is
   * already used in the file: then it is imported under its old name and the report says so.
   */
  private aliasFor(item: ImportItem, target: NameTarget, statement: PythonImport): string | undefined {
    if (item.alias) return item.alias;
    if (target.name === item.name) return undefined;
    const scope = this.scopes.scopeOf(statement.node);
    const publicName = this.publicNameReason(scope, item.name);
    // `barrels: follow` renames barrels (an __init__.py, an __all__ entry): their importers follow through derived rules
    const followed = target.rule.barrels === 'follow' && (publicName === 're-exported by this package' || publicName === "listed in this module's __all__");
    if (publicName && !followed) {
      this.out.note(item.node, `'${item.name}' is ${publicName}: imported as '${target.name} as ${item.name}' so that name keeps working`);
      return item.name;
    }
    if ((scope.declarations.get(item.name) ?? 0) > 1) {
      this.out.note(item.node, `'${item.name}' is bound again here by a def, class or import: imported as '${target.name} as ${item.name}' instead of renaming references`);
      return item.name;
    }
    const taken = scope.bindings.has(target.name) || this.scopes.uses.some((use) => use.node.text === target.name);
    if (taken) {
      this.out.note(item.node, `'${target.name}' is already bound here: imported as '${target.name} as ${item.name}' instead of renaming references`);
      return item.name;
    }
    let renames = this.renames.get(scope);
    if (!renames) this.renames.set(scope, (renames = new Map()));
    renames.set(item.name, { to: target.name, label: target.rule.label });
    return undefined;
  }

  /**
   * Why a binding's name is part of an interface that renaming would break, or undefined: a class-body import is a
   * class attribute (`self.Name`); a package `__init__.py` or an `__all__` entry re-exports it to other modules.
   */
  private publicNameReason(scope: Scope, name: string): string | undefined {
    if (scope.kind === 'class') return 'a class attribute here';
    if (scope !== this.scopes.module) return undefined;
    if (this.file.path === '__init__.py' || this.file.path.endsWith('/__init__.py')) return 're-exported by this package';
    if (dunderAllNames(this.scopes.module.node).has(name)) return "listed in this module's __all__";
    const own = this.ctx.modules.getModule(this.file.path);
    if (own !== undefined && this.ctx.importedFrom.has(`${own}\0${name}`)) return 'imported from this module by other files';
    return undefined;
  }

  private spell(statement: ImportFromStatement, module: string): string {
    if (statement.level > 0) return this.ctx.modules.relativeSpelling(this.file.path, module) ?? module;
    return module;
  }

  private async decideFrom(statement: ImportFromStatement): Promise<FromDecision | undefined> {
    const module = this.ctx.modules.absolutize(this.file.path, statement.level, statement.module);
    if (module === undefined || statement.wildcard) return undefined;
    const moved: MovedItem[] = [];
    const stays: ImportItem[] = [];
    for (const item of statement.items) {
      const to = await this.destinationOf(module, item, statement);
      if (to) moved.push({ item, to });
      else stays.push(item);
      const bound = `${module}.${item.name}`;
      if (this.reachesOldModule(bound)) this.recordModuleBinding(this.scopes.scopeOf(statement.node), item, to ? (to.name ? `${to.module}.${to.name}` : to.module) : bound, bound, statement);
    }
    return { module, moved, stays };
  }

  private emitFrom(statement: ImportFromStatement, { moved, stays }: FromDecision): void {
    if (!moved.length) return;
    const removed: ImportItem[] = [];
    const commented = new Set<ImportItem>();
    const groups = new Map<string, MovedItem[]>();
    for (const entry of moved) {
      this.out.count(entry.to.label, 'imports');
      const { to } = entry;
      const key = to.name === undefined ? `import|${to.module}|${to.alias ?? ''}` : `from|${to.module}|${to.name}|${to.alias ?? to.name}`;
      if (!this.claim(statement, key)) {
        removed.push(entry.item);
        continue;
      }
      const group = to.name === undefined ? `import ${to.module}` : to.module;
      groups.set(group, [...(groups.get(group) ?? []), entry]);
    }
    const fromGroups = [...groups.entries()].filter(([key]) => !key.startsWith('import '));
    // in place when nothing stays: the statement keeps its layout and comments, only module and names change
    const inPlace = !stays.length ? fromGroups.sort((a, b) => b[1].length - a[1].length)[0] : undefined;
    if (inPlace) {
      const [target, entries] = inPlace;
      this.out.edit(statement.moduleNode.startIndex, statement.moduleNode.endIndex, this.spell(statement, target));
      for (const { item, to } of entries) {
        if (to.name !== item.name || to.alias !== item.alias) this.out.edit(item.node.startIndex, item.node.endIndex, itemText(to.name!, to.alias));
      }
    }
    for (const [key, entries] of groups) {
      if (inPlace && key === inPlace[0]) continue;
      removed.push(...entries.map((e) => e.item));
      if (key.startsWith('import ')) {
        for (const { to } of entries) this.out.addLineAfter(statement.node, `import ${to.module}${to.alias && to.alias !== to.module ? ` as ${to.alias}` : ''}`);
        continue;
      }
      const names = entries.map(({ to }) => itemText(to.name!, to.alias));
      if (this.mergeInto(statement, key, names, this.scopes.scopeOf(statement.node))) continue;
      // a comment on a moving item's own line (`    SocialAccount,  # why`) moves with it
      const comments = ownsItsLines(this.file.text, statement.node) ? entries.map(({ item }) => ownLineComment(this.file.text, item)) : [];
      const carried = [...new Set(comments.filter((c): c is string => c !== undefined))];
      entries.forEach(({ item }, i) => comments[i] !== undefined && commented.add(item));
      this.out.addLineAfter(statement.node, `from ${this.spell(statement, key)} import ${names.join(', ')}${carried.map((c) => `  # ${c}`).join('')}`);
    }
    if (removed.length === statement.items.length) this.deleteStatement(statement.node);
    else this.removeItems(statement.items, removed, commented);
  }

  /** Deletes a whole statement, unless it is the only one of its block (an empty block would not parse). */
  private deleteStatement(node: Node): void {
    const siblings = node.parent?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
    if (node.parent?.type === 'block' && siblings.length === 1) return;
    this.deleteSpan(node.startIndex, node.endIndex);
  }

  /** Appends names to an untouched `from <module> import ...` of the same scope; drops names it already binds. */
  private mergeInto(statement: ImportFromStatement, module: string, names: string[], scope: Scope): boolean {
    const existing = this.imports.find(
      (other): other is ImportFromStatement =>
        other.kind === 'from' &&
        other !== statement &&
        !other.wildcard &&
        this.ctx.modules.absolutize(this.file.path, other.level, other.module) === module &&
        this.scopes.scopeOf(other.node) === scope &&
        !this.touches(other.node),
    );
    if (!existing) return false;
    const present = new Set(existing.items.map((item) => itemText(item.name, item.alias)));
    const fresh = names.filter((name) => !present.has(name));
    if (!fresh.length) return true;
    const last = existing.items[existing.items.length - 1]!;
    this.out.edits.push({ start: last.node.endIndex, end: last.node.endIndex, text: fresh.map((n) => `, ${n}`).join('') });
    return true;
  }

  private touches(node: Node): boolean {
    return this.out.edits.some((e) => e.start < node.endIndex && e.end > node.startIndex);
  }

  /**
   * Deletes items from an import statement with their commas; a line left blank goes whole. Comments stay, except
   * those of `commented` items (each alone on its line), which went with them to their new import.
   */
  private removeItems(items: readonly ImportItem[], removed: ImportItem[], commented: ReadonlySet<ImportItem> = new Set()): void {
    if (!removed.length) return;
    const text = this.file.text;
    const gone = new Set(removed);
    const handled = new Set<ImportItem>();
    const comma = (node: Node | null | undefined): Node | undefined => (node?.type === ',' ? node : undefined);
    const startsLine = (offset: number): boolean => /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));
    const skipSpaces = (offset: number): number => {
      while (text[offset] === ' ' || text[offset] === '\t') offset++;
      return offset;
    };
    for (let index = items.length - 1; index >= 0; index--) {
      const item = items[index]!;
      if (!gone.has(item) || handled.has(item)) continue;
      if (commented.has(item)) {
        const lineStart = text.lastIndexOf('\n', item.node.startIndex - 1) + 1;
        const lineEnd = text.indexOf('\n', item.node.endIndex);
        this.out.edits.push({ start: lineStart, end: lineEnd + 1, text: '' });
        continue;
      }
      const after = comma(item.node.nextSibling);
      if (after || startsLine(item.node.startIndex)) {
        this.deleteSpan(item.node.startIndex, skipSpaces(after ? after.endIndex : item.node.endIndex));
        continue;
      }
      // the last item on its line without a comma after: take the comma before it, and removed neighbours on the line
      let first = index;
      while (first > 0 && gone.has(items[first - 1]!) && !startsLine(items[first]!.node.startIndex)) first--;
      for (let k = first; k <= index; k++) handled.add(items[k]!);
      const before = comma(items[first]!.node.previousSibling);
      this.deleteSpan(before ? before.startIndex : items[first]!.node.startIndex, item.node.endIndex);
    }
  }

  /** Deletes [start, end); when that leaves its line blank, the whole line goes. */
  private deleteSpan(start: number, end: number): void {
    const text = this.file.text;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end);
    const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
    if (/^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*$/.test(rest) && lineEnd !== -1) {
      this.out.edits.push({ start: lineStart, end: lineEnd + 1, text: '' });
      return;
    }
    this.out.edits.push({ start, end, text: '' });
  }

  private async rewriteWildcard(statement: ImportFromStatement): Promise<void> {
    const module = this.ctx.modules.absolutize(this.file.path, statement.level, statement.module);
    if (module === undefined) return;
    if (this.map.hasNameMoves(module)) {
      this.out.review(statement.node, `star import from ${module}, whose names move in part (${this.map.movedNames(module).join(', ')}): cannot tell which names the file uses`);
      return;
    }
    const whole = this.map.moveOfModule(module);
    if (!whole) return;
    if (whole.rule.rename.size) {
      this.out.review(statement.node, `star import from ${module}, whose names are renamed on the way to ${whole.module}: uses of ${[...whole.rule.rename.keys()].join(', ')} would break`);
      return;
    }
    // the canonical module may offer more names than the old one: any that this file binds or uses would change meaning
    const [before, after] = [await this.ctx.exportsOf(module), await this.ctx.exportsOf(whole.module)];
    if (after === 'any' || after === undefined) {
      this.out.review(statement.node, `star import from ${module}: cannot tell which names ${whole.module} would bring in`);
      return;
    }
    const extra = [...after].filter((name) => !name.startsWith('_') && (before === 'any' || !before?.has(name)));
    const clashes = extra.filter((name) => this.scopes.module.bindings.has(name) || this.scopes.uses.some((use) => use.node.text === name));
    if (clashes.length) {
      this.out.review(statement.node, `star import from ${module}: ${whole.module} also offers ${clashes.join(', ')}, which this file defines or uses`);
      return;
    }
    this.out.edit(statement.moduleNode.startIndex, statement.moduleNode.endIndex, this.spell(statement, whole.module));
    this.out.count(whole.rule.label, 'imports');
  }

  private rewriteImport(statement: ImportStatement): void {
    const removed: ImportItem[] = [];
    for (const item of statement.items) {
      const whole = this.map.moveOfModule(item.name);
      const target = whole?.module ?? item.name;
      if (whole) {
        this.out.count(whole.rule.label, 'imports');
        // `import a.b` -> `import c.d` binds `c`: when that name means something else here, bind the module aliased
        const root = target.split('.')[0]!;
        const alias = !item.alias && root !== item.bound && this.isNameTaken(root) ? this.freeName(lastPart(target)) : undefined;
        if (alias) {
          this.rootAliases.set(target, alias);
          this.out.note(item.node, `'${root}' already names something else here: imported as 'import ${target} as ${alias}'`);
        }
        if (this.claim(statement, `import|${target}|${item.alias ?? alias ?? ''}`)) this.out.edit(item.nameNode.startIndex, item.nameNode.endIndex, alias ? `${target} as ${alias}` : target);
        else removed.push(item);
      }
      if (!this.reachesOldModule(item.alias ? item.name : item.bound)) continue;
      const scope = this.scopes.scopeOf(statement.node);
      if (item.alias) this.recordModuleBinding(scope, item, target, item.name, statement);
      else {
        const key = this.scopeKey(scope, item.bound);
        if (!this.bindings.has(key)) this.bindings.set(key, { scope, module: item.bound, oldModule: item.bound, rootOnly: true, statement });
      }
    }
    if (removed.length === statement.items.length) this.deleteStatement(statement.node);
    else this.removeItems(statement.items, removed);
  }

  /** True when the file binds or uses `name` as anything (a local, a parameter, an import of a name, a builtin). */
  private isNameTaken(name: string): boolean {
    const asModule = this.imports.some((statement) => statement.kind === 'import' && statement.items.some((item) => !item.alias && item.bound === name && !this.map.moveOfModule(item.name)));
    if (asModule) return false;
    return this.scopes.uses.some((use) => use.node.text === name) || this.scopes.all.some((scope) => scope.bindings.has(name));
  }

  /** `base`, or `base_module`, `base_module2`, ...: the first that the file does not use. */
  private freeName(base: string): string {
    for (let i = 0; ; i++) {
      const name = i === 0 ? base : i === 1 ? `${base}_module` : `${base}_module${i}`;
      if (!this.isNameTaken(name) && ![...this.rootAliases.values()].includes(name)) return name;
    }
  }

  /** True while some unaliased `import root...` still binds `root` in the scope after the rewrite. */
  private rootStillBound(root: string, scope: Scope): boolean {
    return this.imports.some((statement) => {
      if (statement.kind !== 'import') return false;
      const s = this.scopes.scopeOf(statement.node);
      if (s !== scope && s !== this.scopes.module) return false;
      return statement.items.some((item) => !item.alias && !this.rootAliases.has(this.map.moveOfModule(item.name)?.module ?? '') && (this.map.moveOfModule(item.name)?.module ?? item.name).split('.')[0] === root);
    });
  }

  private recordModuleBinding(scope: Scope, item: ImportItem, module: string, oldModule: string, statement: PythonImport): void {
    this.bindings.set(this.scopeKey(scope, item.bound), { scope, module, oldModule, rootOnly: false, statement });
  }

  /** True when the file (after this rewrite) has `import <module>` unaliased in `scope` or the module scope. */
  private importsModule(module: string, scope: Scope): boolean {
    return this.imports.some((statement) => {
      if (statement.kind !== 'import') return false;
      const s = this.scopes.scopeOf(statement.node);
      if (s !== scope && s !== this.scopes.module) return false;
      return statement.items.some((item) => !item.alias && (this.map.moveOfModule(item.name)?.module ?? item.name) === module);
    });
  }

  /** A name in `scope` that refers to `module`, adding `import module` after `anchor` when none exists. */
  private referenceTo(module: string, scope: Scope, anchor: Node, useScope: Scope = scope): string {
    for (const binding of this.bindings.values()) {
      if (!binding.rootOnly && binding.module === module && (binding.scope === scope || binding.scope === this.scopes.module)) {
        const name = [...this.bindings.entries()].find(([, b]) => b === binding)![0].split('\0')[1]!;
        return name;
      }
    }
    const root = module.split('.')[0]!;
    // `def create(app): core.A()` -> `app.schemas.canon.A()` would mean the parameter
    const shadowed = this.boundBetween(root, useScope);
    if (!shadowed && (this.importsModule(module, scope) || this.out.hasAddedLine(`import ${module}`))) return module;
    const rootBinding = this.bindings.get(this.scopeKey(scope, root)) ?? this.bindings.get(this.scopeKey(this.scopes.module, root));
    const rootTaken = shadowed || ((scope.bindings.has(root) || this.scopes.module.bindings.has(root)) && !rootBinding?.rootOnly);
    if (rootTaken) {
      const alias = `${lastPart(module)}_module`;
      this.out.addLineAfter(anchor, `import ${module} as ${alias}`);
      return alias;
    }
    this.out.addLineAfter(anchor, `import ${module}`);
    return module;
  }

  /** True when a scope from `scope` out to (not including) the module scope binds `name`. */
  private boundBetween(name: string, scope: Scope): boolean {
    for (let s: Scope | undefined = scope; s && s !== this.scopes.module; s = s.parent) if (s.bindings.has(name)) return true;
    return false;
  }

  /** Renamed names and attribute chains through module bindings (`models.booking.Booking`, `m.X`). */
  private async rewriteUses(): Promise<void> {
    for (const use of this.scopes.uses) {
      const name = use.node.text;
      const owner = this.scopes.resolve(name, use.scope, use.binds ? undefined : use.node.startIndex);
      const renamed = this.renames.get(owner)?.get(name);
      const rename = renamed && !isImportPart(use.node) ? renamed : undefined;
      const binding = this.bindings.get(this.scopeKey(owner, name));
      if (binding && (await this.rewriteChain(use.node, binding, owner, rename?.to))) continue;
      if (rename) {
        this.out.edit(use.node.startIndex, use.node.endIndex, rename.to);
        this.out.count(rename.label, 'references');
      }
    }
    this.rewriteStringAnnotations();
  }

  /** Rewrites an attribute chain through a module binding; `renamedTo` is the binding's new name. True when it edited. */
  private async rewriteChain(id: Node, binding: ModuleBinding, owner: Scope, renamedTo?: string): Promise<boolean> {
    const nodes: Node[] = [id];
    for (let n = id; n.parent?.type === 'attribute' && n.parent.childForFieldName('object')?.id === n.id; n = n.parent) nodes.push(n.parent);
    const parts = nodes.map((n, i) => (i === 0 ? n.text : (n.childForFieldName('attribute')?.text ?? '')));
    // walk down submodules from the module the binding referred to before the rewrite
    let module = binding.oldModule;
    let depth = 0;
    while (depth + 1 < parts.length) {
      const next = `${module}.${parts[depth + 1]}`;
      if (!(this.ctx.modules.exists(next) || this.map.moveOfModule(next) || this.map.hasNameMoves(next))) break;
      module = next;
      depth++;
    }
    let target: string | undefined;
    let label: string | undefined;
    let end = depth;
    const attr = parts[depth + 1];
    const named = attr !== undefined ? this.map.moveOfName(module, attr) : undefined;
    const isSubmodule = attr !== undefined && this.ctx.modules.exists(`${module}.${attr}`);
    if (named && !isSubmodule && !(await this.oldModuleDefines(named.module, named.name))) {
      // the canonical module lacks it: the chain keeps reaching the old module, which stays imported for it
      this.out.review(id, `${named.module} has no name '${named.name}': '${parts.slice(0, depth + 2).join('.')}' is left on the old module`);
      if (binding.rootOnly) {
        if (!this.rootStillBound(binding.module, owner)) this.out.addLineAfter(binding.statement.node, `import ${module}`);
        return false;
      }
      const ref = this.referenceTo(module, owner, binding.statement.node, this.scopes.scopeOf(id));
      this.out.edit(id.startIndex, nodes[depth]!.endIndex, ref);
      return true;
    }
    if (named && !isSubmodule) {
      target = `${named.module}.${named.name}`;
      label = named.rule.label;
      end = depth + 1;
    } else {
      const whole = this.map.moveOfModule(module);
      if (whole) {
        target = whole.module;
        label = whole.rule.label;
      }
    }
    if (!target || !label) {
      // the import that bound this chain's first name moved away: keep the name bound for what still uses it
      if (binding.rootOnly && !this.rootStillBound(binding.module, owner)) this.out.addLineAfter(binding.statement.node, `import ${module}`);
      return false;
    }
    const endNode = nodes[end]!;
    const original = this.file.text.slice(id.startIndex, endNode.endIndex);
    let replacement: string;
    if (binding.rootOnly) {
      const targetModule = end > depth ? parentModule(target) : target;
      const alias = this.rootAliases.get(targetModule);
      if (alias) replacement = alias + target.slice(targetModule.length);
      else {
        if (!this.importsModule(targetModule, owner)) this.referenceTo(targetModule, owner, binding.statement.node, this.scopes.scopeOf(id));
        replacement = target;
      }
    } else if (target === binding.module || target.startsWith(`${binding.module}.`)) {
      replacement = (renamedTo ?? parts[0]) + target.slice(binding.module.length);
      // no import added: what loaded the old submodule before (its package's `__init__`, another importer) now loads
      // the canonical one, as remodel rewrote it too
    } else {
      const targetModule = end > depth ? parentModule(target) : target;
      const ref = this.referenceTo(targetModule, owner, binding.statement.node, this.scopes.scopeOf(id));
      replacement = ref + target.slice(targetModule.length);
    }
    if (original === replacement) return false;
    this.out.edit(id.startIndex, endNode.endIndex, replacement);
    this.out.count(label, 'references');
    return true;
  }

  /**
   * String annotations follow a rename of their binding, whole (`"UserStationAssignment"`) or inside a type expression
   * (`"Optional[UserStationAssignment]"`, not `x.UserStationAssignment` nor a quoted `Literal['...']` value);
   * `__all__` entries too (`barrels: follow`).
   */
  private rewriteStringAnnotations(): void {
    for (const [scope, renames] of this.renames) {
      for (const string of scope.node.descendantsOfType('string')) {
        if (!string) continue;
        const content = plainStringContent(string);
        if (!content) continue;
        const inAnnotation = isInAnnotation(string);
        if (!inAnnotation && !(scope === this.scopes.module && isDunderAllEntry(string))) continue;
        const names = inAnnotation ? annotationNames(content.text) : [{ offset: 0, name: content.text }];
        for (const { offset, name } of names) {
          const rename = renames.get(name);
          if (!rename || this.scopes.resolve(name, this.scopes.scopeOf(string), string.startIndex) !== scope) continue;
          const start = content.node.startIndex + offset;
          this.out.edit(start, start + name.length, rename.to);
          this.out.count(rename.label, 'references');
        }
      }
    }
  }

  /**
   * `f"{Old=}"` prints the expression's own text: once `Old` is renamed, the text is written out literally and the
   * value formatted as `=` did (`Old={New!r}`), so the output stays the same.
   */
  private keepSelfDocumentingOutput(root: Node): void {
    const text = this.file.text;
    for (const interpolation of root.descendantsOfType('interpolation')) {
      const equals = interpolation?.children.find((child) => child?.type === '=');
      const expression = interpolation?.namedChildren[0];
      if (!interpolation || !equals || !expression) continue;
      if (!this.out.edits.some((edit) => edit.start >= expression.startIndex && edit.end <= expression.endIndex)) continue;
      const next = equals.nextSibling!;
      const literal = text.slice(interpolation.startIndex + 1, next.startIndex);
      const quote = interpolation.parent?.namedChildren[0]?.text.replace(/^[A-Za-z]*/, '') ?? '"';
      if (/[\\\r\n]/.test(literal) || literal.includes(quote[0]!)) {
        this.out.review(interpolation, `f-string '{${literal}}' prints the text of a renamed expression: its output changes`);
        continue;
      }
      this.out.edit(interpolation.startIndex, interpolation.startIndex, literal.replace(/[{}]/g, (brace) => brace + brace));
      this.out.edit(equals.startIndex, next.startIndex, '');
      if (next.type === '}') this.out.edit(next.startIndex, next.startIndex, '!r');
    }
  }

  /** `importlib.import_module(expr)` / `__import__(expr)` with a computed name: listed, never guessed. */
  private reviewDynamicImports(root: Node): void {
    for (const call of root.descendantsOfType('call')) {
      if (!call) continue;
      const fn = call.childForFieldName('function')?.text ?? '';
      if (!/^(importlib\.)?import_module$|^__import__$/.test(fn)) continue;
      const arg = call.childForFieldName('arguments')?.namedChildren[0];
      if (!arg || plainStringContent(arg)) continue;
      this.out.review(call, `${fn}() with a computed module name: remodel cannot tell whether it names a mapped module`);
    }
  }
}

function itemText(name: string, alias: string | undefined): string {
  return alias && alias !== name ? `${name} as ${alias}` : name;
}

/** The comment after an import item that has its line to itself (`    Name,  # why`), without the `#`. */
function ownLineComment(text: string, item: ImportItem): string | undefined {
  const lineStart = text.lastIndexOf('\n', item.node.startIndex - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(lineStart, item.node.startIndex))) return undefined;
  const lineEnd = text.indexOf('\n', item.node.endIndex);
  if (lineEnd === -1) return undefined;
  const match = /^[ \t]*,?[ \t]*#[ \t]*(.*?)[ \t]*\r?$/.exec(text.slice(item.node.endIndex, lineEnd));
  return match?.[1] || undefined;
}

function isImportPart(node: Node): boolean {
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
 * The names a string annotation's type expression starts a reference with, and where (character offsets): `Optional`
 * and `User` in `"Optional[User.Meta]"`, not `Meta`; nothing inside a quoted part (`Literal['User']`).
 */
function annotationNames(text: string): { offset: number; name: string }[] {
  const names: { offset: number; name: string }[] = [];
  for (const match of text.matchAll(/'[^']*'|"[^"]*"|\.?\s*([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (match[1] && !match[0].startsWith('.')) names.push({ offset: match.index! + match[0].length - match[1].length, name: match[1] });
  }
  return names;
}

function isInAnnotation(node: Node): boolean {
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type === 'type') return true;
    if (n.type === 'block' || n.type === 'module' || n.type === 'call') return false;
  }
  return false;
}

function isDunderAllEntry(node: Node): boolean {
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


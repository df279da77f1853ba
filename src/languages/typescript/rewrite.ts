import * as path from 'node:path';
import type { ModuleTarget, NameTarget, RewriteRule } from '../../importmap/types';
import type { Edit, EntryStats, FileResult, NeedsReview, Note } from '../../plan/types';
import { toPosix } from '../../workspace/paths';
import type { SourceFile } from '../types';
import { existsInPlan, exportedNamesOf, type TypeScriptPreparedMap } from './prepare';
import { manifestsOf, packageNameOf } from './dependencies';
import { findOldModule, isBareModule, isRelativeOrAbsolute, type OldModule } from './old-module';
import { spellsUnresolvedOldModule } from './prefilter';
import { findModuleFile, type UsageKind } from './resolve';
import { ScopeAnalysis } from './scope';
import { writeSpecifier } from './specifier';
import { ts } from './ts';

/** One name an import statement binds. */
interface Binding {
  kind: 'default' | 'named';
  /** the exported name it imports (`default` for a default import) */
  imported: string;
  local: string;
  /** `import type` or an inline `type` modifier */
  typeOnly: boolean;
  node: ts.ImportSpecifier | ts.Identifier;
}

/** A binding that must come from another module, to be merged into an import of it or given a new statement. */
interface PendingImport {
  module: string;
  imported: string;
  local: string;
  typeOnly: boolean;
  /** a default import that stays a default import (`import D from`) */
  asDefault: boolean;
  anchor: ts.Statement;
  anchorLiteral: ts.StringLiteralLike;
  oldModule: OldModule;
  statementTypeOnly: boolean;
  rule: RewriteRule;
}

/** An import declaration that imports from a module after the rewrite (already did, or now does). */
interface TargetImport {
  declaration: ts.ImportDeclaration;
  /** `local -> { imported, typeOnly, node }` of its named and default bindings */
  bindings: Map<string, { imported: string; typeOnly: boolean; node: ts.ImportSpecifier | ts.Identifier }>;
  /** false once remodel removes specifiers from it: it cannot take insertions then */
  mergeable: boolean;
  /** an `import type` statement remodel turned into a value import (its other specifiers got inline `type`) */
  madeValue: boolean;
}

export const MOCK_CALLS = new Map<string, UsageKind>([
  ['jest.mock', 'require'],
  ['jest.unmock', 'require'],
  ['jest.doMock', 'require'],
  ['jest.dontMock', 'require'],
  ['jest.setMock', 'require'],
  ['jest.requireMock', 'require'],
  ['vi.mock', 'import'],
  ['vi.doMock', 'import'],
  ['vi.unmock', 'import'],
  ['vi.doUnmock', 'import'],
  ['vi.importMock', 'import'],
]);
export const ACTUAL_CALLS = new Map<string, UsageKind>([
  ['jest.requireActual', 'require'],
  ['vi.importActual', 'import'],
]);

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
  const sourceFile = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, scriptKindOf(file.path));
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const firstError = diagnostics.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (firstError) {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(firstError.start);
    return { kind: 'failed', file: file.path, line: line + 1, column: character + 1, error: ts.flattenDiagnosticMessageText(firstError.messageText, ' ') };
  }
  try {
    return new FileRewriter(file, sourceFile, prepared).run();
  } catch (error) {
    // a bug in remodel must not stop the run: the file stays untouched and says why
    return { kind: 'failed', file: file.path, line: 1, column: 1, error: `internal error: ${(error as Error).message}` };
  }
}

export function scriptKindOf(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

class FileRewriter {
  private readonly text: string;
  private readonly absolute: string;
  private readonly eol: string;
  private readonly edits: Edit[] = [];
  private readonly needsReview: NeedsReview[] = [];
  private readonly notes: Note[] = [];
  /** packages already noted as undeclared in this file's package.json */
  private readonly undeclaredNoted = new Set<string>();
  private readonly stats: Record<string, EntryStats> = {};
  private readonly pending: PendingImport[] = [];
  /** `(statement, entry)` pairs already counted under `imports` */
  private readonly countedImports = new Set<string>();
  private readonly deleted = new Set<ts.Statement>();
  /** names this plan binds at file level, with what they stand for (`module#name`) */
  private readonly claimed = new Map<string, string>();
  private scopes: ScopeAnalysis | undefined;
  private targetImports: Map<string, TargetImport[]> | undefined;
  /** statements whose specifier now names a module, by module: merge targets for later statements */
  private readonly keptInto = new Map<string, TargetImport[]>();
  /** `export { ... }` specifiers that go (`barrels: follow` onto a name the module already exports), by list */
  private readonly droppedExports = new Map<ts.NamedExports, Set<number>>();
  private exportedNames: Set<string> | undefined;

  constructor(
    private readonly file: SourceFile,
    private readonly sourceFile: ts.SourceFile,
    private readonly prepared: TypeScriptPreparedMap,
  ) {
    this.text = file.text;
    this.absolute = path.resolve(prepared.cwd, file.path);
    this.eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  }

  run(): FileResult {
    for (const statement of this.sourceFile.statements) this.visitStatement(statement);
    this.visitDeep(this.sourceFile);
    this.flushPending();
    this.flushDroppedExports();
    const edits = normaliseEdits(this.edits);
    if (!edits) {
      return {
        kind: 'unchanged',
        file: this.file.path,
        needsReview: [{ file: this.file.path, line: 1, reason: 'remodel planned overlapping edits here (a remodel bug); the file is left untouched' }],
        notes: this.notes,
      };
    }
    if (edits.length === 0) return { kind: 'unchanged', file: this.file.path, needsReview: this.needsReview, notes: this.notes };
    return { kind: 'changed', file: this.file.path, edits, needsReview: this.needsReview, notes: this.notes, stats: this.stats };
  }

  // ---- module references -------------------------------------------------------------------

  private get map() {
    return this.prepared.map;
  }

  private get scope(): ScopeAnalysis {
    this.scopes ??= new ScopeAnalysis(this.sourceFile);
    return this.scopes;
  }

  /** The old module a specifier names, by resolved file (paths) or by text (bare specifiers). */
  private oldModuleOf(literal: ts.StringLiteralLike, usage: UsageKind): OldModule | undefined {
    const old = findOldModule(this.prepared, literal.text, this.absolute, usage);
    if (!old && spellsUnresolvedOldModule(this.prepared, literal.text, this.absolute, usage)) {
      const config = this.prepared.resolver.configFor(this.absolute).configFile;
      const under = config ? toPosix(path.relative(this.prepared.cwd, config)) : 'the default compiler options';
      this.review(literal, `'${literal.text}' is spelled like a moved module but resolves to nothing from here under ${under}: if it loads one (a bundler or jest alias), rewrite it by hand`);
    }
    return old;
  }

  private isBare(id: string): boolean {
    return isBareModule(this.prepared, id);
  }

  /** The absolute file of a (new) module id, or undefined for a bare specifier or a missing file. */
  private fileOfModule(id: string): string | undefined {
    const known = this.prepared.moduleFiles.get(id);
    if (known) return known;
    if (this.isBare(id)) return undefined;
    const found = findModuleFile(id, (f) => existsInPlan(this.prepared.workspace, f));
    return found ? path.join(this.prepared.cwd, found) : undefined;
  }

  /** The specifier (text, no quotes) for `module` in the style of `literal`, or undefined (and a needs-review entry). */
  private specifierFor(literal: ts.StringLiteralLike, old: OldModule, module: string, usage: UsageKind): string | undefined {
    if (this.isBare(module)) {
      this.noteUndeclaredPackage(literal, old, module);
      return module;
    }
    const target = this.fileOfModule(module);
    if (!target) {
      this.review(literal, `'${module}' (where '${old.id}' moves) names no file; left as it is`);
      return undefined;
    }
    const written = writeSpecifier({ importer: this.absolute, original: literal.text, originalFile: old.file, target, usage }, this.prepared.resolver);
    if (!written) this.review(literal, `no specifier for '${module}' resolves from here with the project's tsconfig; left as it is`);
    return written;
  }

  private replaceLiteral(literal: ts.StringLiteralLike, specifier: string): void {
    if (literal.text === specifier) return;
    const quote = this.text[literal.getStart(this.sourceFile)] ?? "'";
    this.edit(literal.getStart(this.sourceFile) + 1, literal.end - 1, escapeFor(specifier, quote));
  }

  /**
   * The name a barrel's public `name` becomes here (`barrels: follow`): set when this file re-exports `name` and the
   * map derived an entry that renames it for this file's importers (see barrels.ts), else undefined (it keeps `name`).
   */
  private followedPublicName(name: string): string | undefined {
    const id = this.prepared.oldFiles.get(this.absolute);
    const own = id === undefined ? undefined : this.map.moveOfName(id, name);
    return own && own.rule.derived && own.rule.from === id && own.rule.to === id ? own.name : undefined;
  }

  /** A note where a rename with `barrels: follow` cannot change this barrel's public name. */
  /** A bare specifier that moves to another package: the importer's package.json must declare that package. */
  private noteUndeclaredPackage(literal: ts.StringLiteralLike, old: OldModule, module: string): void {
    const target = packageNameOf(module);
    if ((this.isBare(old.id) && packageNameOf(old.id) === target) || this.undeclaredNoted.has(target)) return;
    const manifest = manifestsOf(this.prepared).undeclared(this.absolute, target);
    if (!manifest) return;
    this.undeclaredNoted.add(target);
    const drop = this.isBare(old.id) ? ` (and drop '${packageNameOf(old.id)}' if nothing else imports it)` : '';
    this.note(literal, `'${target}' is not a dependency in ${manifest}: declare it there${drop}`);
  }

  private noteKeptPublicName(node: ts.Node, name: string, target: NameTarget): void {
    if (target.rule.barrels !== 'follow' || target.name === name) return;
    this.note(node, `'${name}' keeps its public name here ('${target.name} as ${name}'): 'barrels: follow' cannot rename it in this module (the new name is already something else here, or the map moves this module itself)`);
  }

  // ---- statements --------------------------------------------------------------------------

  private visitStatement(statement: ts.Statement): void {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteralLike(statement.moduleSpecifier)) {
      // case: import ... from 'x' / import 'x'
      const old = this.oldModuleOf(statement.moduleSpecifier, 'import');
      if (old) this.rewriteImport(statement, statement.moduleSpecifier, old);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier)) {
      // case: export ... from 'x'
      const old = this.oldModuleOf(statement.moduleSpecifier, 'import');
      if (old) this.rewriteExport(statement, statement.moduleSpecifier, old);
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      // case: import x = require('x')
      const literal = statement.moduleReference.expression;
      if (!ts.isStringLiteralLike(literal)) return;
      const old = this.oldModuleOf(literal, 'require');
      if (old) this.rewriteNamespace(statement, literal, old, statement.name, statement.isTypeOnly, 'require');
    } else if (ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name)) {
      // case: declare module 'x' { ... } (augmentation)
      const old = this.oldModuleOf(statement.name, 'import');
      if (old) this.review(statement, `module augmentation of '${old.id}': move it to the canonical module by hand`);
    }
  }

  private rewriteImport(statement: ts.ImportDeclaration, literal: ts.StringLiteralLike, old: OldModule): void {
    const clause = statement.importClause;
    const whole = this.map.moveOfModule(old.id);
    if (!clause) {
      // case: import 'x' (side effect): follows a whole-module move; a name-level move leaves the module in place
      if (whole) this.retarget(literal, old, whole, 'import', 'imports');
      return;
    }
    const statementTypeOnly = clause.phaseModifier === ts.SyntaxKind.TypeKeyword;
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) {
      if (clause.name) {
        // case: import D, * as ns from 'x'
        if (whole && whole.rule.rename.size === 0) this.retarget(literal, old, whole, 'import', 'imports');
        else if (whole || this.map.hasNameMoves(old.id)) this.review(statement, `default and namespace import of '${old.id}' together: split it by hand`);
        return;
      }
      // case: import * as ns from 'x'
      this.rewriteNamespace(statement, literal, old, named.name, statementTypeOnly, 'import');
      return;
    }
    const bindings: Binding[] = [];
    if (clause.name) bindings.push({ kind: 'default', imported: 'default', local: clause.name.text, typeOnly: statementTypeOnly, node: clause.name });
    for (const element of named?.elements ?? []) {
      // case: import { A, B as C, type D } from 'x'
      bindings.push({
        kind: 'named',
        imported: (element.propertyName ?? element.name).text,
        local: element.name.text,
        typeOnly: statementTypeOnly || element.isTypeOnly,
        node: element,
      });
    }
    if (bindings.length === 0) {
      if (whole) this.retarget(literal, old, whole, 'import', 'imports');
      return;
    }
    const targets = bindings.map((b) => this.map.moveOfName(old.id, b.imported));
    if (targets.every((t) => !t)) return;

    // a name renamed within its own module (a barrel that follows a rename: `barrels: follow`) stays in the statement
    const inPlace = (target: NameTarget): boolean => target.module === old.id;
    // the statement keeps the names that stay; with none, the first group without an import to merge into keeps it
    const stays = targets.some((t) => !t || inPlace(t));
    let keeper: string | undefined;
    if (!stays) {
      const order = [...new Set(targets.map((t) => t!.module))];
      // a statement that moves as a whole merges only into an import the file already had, of the same kind
      keeper = order.find((module) => !this.mergeTargetFor(module, bindings.filter((_, i) => targets[i]!.module === module), statement, statementTypeOnly));
    }
    const leaving: number[] = [];
    const renames: Array<() => void> = [];
    /** in-place renames onto a name the statement already imports: `import { Old, New } from 'barrel'` -> `import { New }` */
    const twins: number[] = [];
    let keptSpecifier: string | undefined;
    if (keeper) {
      keptSpecifier = this.specifierFor(literal, old, keeper, 'import');
      if (keptSpecifier === undefined) return;
    }
    bindings.forEach((binding, i) => {
      const target = targets[i];
      if (!target) return;
      if (inPlace(target) && binding.kind === 'named' && binding.local === binding.imported) {
        const twin = bindings.findIndex((b, j) => !targets[j] && b.kind === 'named' && b.imported === target.name && b.local === target.name && (!b.typeOnly || binding.typeOnly));
        if (twin >= 0 || this.importsCanonicalObject(binding.imported, target, statement, binding.typeOnly)) {
          twins.push(i);
          return;
        }
      }
      const existing = this.existingBinding(target.module, target.name, statement);
      if ((target.module === keeper || inPlace(target)) && !(existing && binding.kind === 'named' && binding.local === binding.imported)) {
        renames.push(() => this.renameInPlace(binding, target, statement));
        return;
      }
      leaving.push(i);
    });
    // specifiers for every module the leaving names go to must exist before anything is edited
    for (const i of leaving) {
      if (this.isBare(targets[i]!.module)) continue;
      if (!this.fileOfModule(targets[i]!.module)) {
        this.review(literal, `'${targets[i]!.module}' (where '${bindings[i]!.imported}' of '${old.id}' moves) names no file; left as it is`);
        return;
      }
    }

    if (keeper && keptSpecifier !== undefined && renames.length > 0) {
      this.replaceLiteral(literal, keptSpecifier);
      this.count(targets.find((t) => t?.module === keeper)!.rule, 'imports');
    } else if (!keeper && (renames.length > 0 || twins.length > 0)) {
      const renamedHere = targets.find((t) => t && inPlace(t));
      if (renamedHere) this.count(renamedHere.rule, 'imports');
    }
    for (const rename of renames) rename();
    for (const i of twins) {
      const target = targets[i]!;
      this.claim(target.name, target);
      this.renameReferences(bindings[i]!.local, target.name, target.rule);
    }
    const leavingSet = new Set(leaving);
    if (leaving.length + twins.length === bindings.length) {
      this.deleted.add(statement);
    } else if (leaving.length > 0 || twins.length > 0) {
      this.removeImportBindings(statement, bindings, new Set([...leaving, ...twins]));
    }
    for (const i of leaving) {
      const binding = bindings[i]!;
      const target = targets[i]!;
      this.queueImport(binding, target, statement, literal, old, statementTypeOnly);
    }
    if (keeper && leaving.length === 0 && renames.length > 0) this.registerKept(keeper, statement);
  }

  /**
   * True when another import of this file already binds `target.name` from the module a written entry renames `old`
   * into (`import { ExportResponse } from './export-response.interface'`): the same object a barrel that follows the
   * rename now exports as `target.name`, so the barrel's binding of `old` can go and its references use that one.
   */
  private importsCanonicalObject(old: string, target: NameTarget, except: ts.Statement, typeOnly: boolean): boolean {
    const files = new Set(this.map.rules.filter((rule) => !rule.derived && rule.rename.get(old) === target.name).map((rule) => this.fileOfModule(rule.to)));
    files.delete(undefined);
    if (!files.size) return false;
    for (const statement of this.sourceFile.statements) {
      if (statement === except || this.deleted.has(statement) || !ts.isImportDeclaration(statement) || !ts.isStringLiteralLike(statement.moduleSpecifier)) continue;
      const bound = targetImport(statement, true).bindings.get(target.name);
      if (!bound || bound.imported !== target.name || (bound.typeOnly && !typeOnly)) continue;
      if (files.has(this.moduleKeyOf(statement.moduleSpecifier.text))) return true;
    }
    return false;
  }

  /** A binding that stays in its statement while the statement's specifier changes: rename it (and its references) if the name changes. */
  private renameInPlace(binding: Binding, target: NameTarget, statement: ts.ImportDeclaration): void {
    const typePrefix = binding.kind === 'named' && (binding.node as ts.ImportSpecifier).isTypeOnly ? 'type ' : '';
    if (binding.kind === 'default') {
      if (target.name === 'default') {
        this.claim(binding.local, target);
        return;
      }
      // case: rename { default: Booking }: the default import becomes a named one, the local name stays
      const specifier = target.name === binding.local ? target.name : `${target.name} as ${binding.local}`;
      const named = statement.importClause!.namedBindings;
      const node = binding.node as ts.Identifier;
      if (named && ts.isNamedImports(named) && named.elements.length > 0) {
        this.edit(node.getStart(this.sourceFile), named.getStart(this.sourceFile), '');
        this.edit(named.elements[0]!.getStart(this.sourceFile), named.elements[0]!.getStart(this.sourceFile), `${specifier}, `);
      } else {
        this.edit(node.getStart(this.sourceFile), node.end, `{ ${specifier} }`);
      }
      this.claim(binding.local, target);
      return;
    }
    if (target.name === binding.imported) {
      this.claim(binding.local, target);
      return;
    }
    const local = this.chooseLocal(binding, target, statement);
    const text = `${typePrefix}${target.name === local ? target.name : `${target.name} as ${local}`}`;
    this.edit(binding.node.getStart(this.sourceFile), binding.node.end, text);
    if (local !== binding.local) this.renameReferences(binding.local, local, target.rule);
  }

  /**
   * The local name a moved binding gets: its alias if it had one, the new name when it is free (references are
   * renamed), else the old name as an alias of the new one (and a note).
   */
  private chooseLocal(binding: Binding, target: NameTarget, statement: ts.Statement): string {
    if (binding.kind === 'default' || binding.local !== binding.imported || target.name === binding.imported) {
      this.claim(binding.local, target);
      return binding.local;
    }
    const key = `${target.module}#${target.name}`;
    const claimedBy = this.claimed.get(target.name);
    if (claimedBy === key || (!claimedBy && !this.scope.isNameTaken(target.name))) {
      this.claimed.set(target.name, key);
      return target.name;
    }
    this.note(statement, `'${target.name}' is already a name in this file: imported as '${target.name} as ${binding.local}' instead of renaming the references`);
    this.claim(binding.local, target);
    this.followAliasedExports(binding.local);
    return binding.local;
  }

  /** `barrels: follow` where the local name stays the old one (the new one is taken in the file): `export { Old }` -> `export { Old as New }`. */
  private followAliasedExports(local: string): void {
    const followed = this.followedPublicName(local);
    if (followed === undefined) return;
    for (const reference of this.scope.referencesTo(local)) {
      if (reference.form !== 'export-specifier') continue;
      const specifier = reference.node.parent as ts.ExportSpecifier;
      if (specifier.propertyName) continue;
      if (this.exportsName(followed)) this.dropExportSpecifier(specifier);
      else this.edit(reference.node.end, reference.node.end, ` as ${followed}`);
    }
  }

  private claim(local: string, target: NameTarget): void {
    this.claimed.set(local, `${target.module}#${target.name}`);
  }

  private removeImportBindings(statement: ts.ImportDeclaration, bindings: Binding[], leaving: Set<number>): void {
    const clause = statement.importClause!;
    const named = clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
    const defaultLeaves = bindings[0]?.kind === 'default' && leaving.has(0);
    const offset = clause.name ? 1 : 0;
    const elementsLeaving = new Set<number>();
    for (const i of leaving) if (bindings[i]!.kind === 'named') elementsLeaving.add(i - offset);
    this.markUnmergeable(statement);
    if (named && elementsLeaving.size === named.elements.length && elementsLeaving.size > 0) {
      // every named specifier leaves; the default stays: `import D, { A } from` -> `import D from`
      this.edit(clause.name!.end, named.end, '');
    } else if (named && elementsLeaving.size > 0) {
      this.removeElements(named.elements, elementsLeaving);
    }
    if (defaultLeaves && named) this.edit(clause.name!.getStart(this.sourceFile), named.getStart(this.sourceFile), '');
  }

  /** Removes list elements with their separators, keeping the others' formatting and any trailing comma. */
  private removeElements(elements: ts.NodeArray<ts.Node>, remove: Set<number>): void {
    let i = 0;
    while (i < elements.length) {
      if (!remove.has(i)) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < elements.length && remove.has(j + 1)) j++;
      const next = elements[j + 1];
      if (next) this.deleteKeepingComments(elements[i]!.getStart(this.sourceFile), next.getStart(this.sourceFile));
      else this.deleteKeepingComments(elements[i - 1]!.end, elements[j]!.end);
      i = j + 1;
    }
  }

  private queueImport(binding: Binding, target: NameTarget, anchor: ts.Statement, literal: ts.StringLiteralLike, old: OldModule, statementTypeOnly: boolean): void {
    const existing = this.existingBinding(target.module, target.name, anchor);
    let local: string;
    if (existing && binding.kind === 'named' && binding.local === binding.imported) {
      local = existing.local;
      this.claimed.set(local, `${target.module}#${target.name}`);
    } else {
      local = this.chooseLocal(binding, target, anchor);
    }
    if (local !== binding.local) this.renameReferences(binding.local, local, target.rule);
    this.pending.push({
      module: target.module,
      imported: target.name,
      local,
      typeOnly: binding.typeOnly,
      asDefault: binding.kind === 'default' && target.name === 'default',
      anchor,
      anchorLiteral: literal,
      oldModule: old,
      statementTypeOnly,
      rule: target.rule,
    });
  }

  // ---- imports of target modules (merging, no duplicate bindings) ---------------------------

  private importsOf(module: string): TargetImport[] {
    if (!this.targetImports) {
      this.targetImports = new Map();
      for (const statement of this.sourceFile.statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteralLike(statement.moduleSpecifier)) continue;
        const key = this.moduleKeyOf(statement.moduleSpecifier.text);
        if (!key) continue;
        const list = this.targetImports.get(key) ?? [];
        list.push(targetImport(statement, true));
        this.targetImports.set(key, list);
      }
    }
    const key = this.isBare(module) ? `bare:${module}` : this.fileOfModule(module);
    if (!key) return [];
    return [...(this.targetImports.get(key) ?? []), ...(this.keptInto.get(key) ?? [])];
  }

  /** What an import specifier points at, for comparing with a target module: its file, or `bare:<text>`. */
  private moduleKeyOf(specifier: string): string | undefined {
    if (!isRelativeOrAbsolute(specifier) && this.isBare(specifier)) return `bare:${specifier}`;
    return this.prepared.resolver.resolve(specifier, this.absolute, 'import');
  }

  private registerKept(module: string, statement: ts.ImportDeclaration): void {
    const key = this.isBare(module) ? `bare:${module}` : this.fileOfModule(module);
    if (!key) return;
    const list = this.keptInto.get(key) ?? [];
    list.push(targetImport(statement, true));
    this.keptInto.set(key, list);
  }

  private markUnmergeable(statement: ts.ImportDeclaration): void {
    for (const list of [...(this.targetImports?.values() ?? []), ...this.keptInto.values()]) {
      for (const entry of list) if (entry.declaration === statement) entry.mergeable = false;
    }
  }

  /** An import of `module` (other than `except`) that already binds `name` under that same name. */
  private existingBinding(module: string, name: string, except: ts.Statement): { local: string; target: TargetImport } | undefined {
    for (const entry of this.importsOf(module)) {
      if (entry.declaration === except || this.deleted.has(entry.declaration)) continue;
      const bound = entry.bindings.get(name);
      if (bound && bound.imported === name) return { local: name, target: entry };
    }
    return undefined;
  }

  /** An import of `module` that can take these bindings as extra specifiers. */
  private mergeTargetFor(module: string, bindings: Binding[], except: ts.Statement, wholeStatementTypeOnly?: boolean): TargetImport | undefined {
    if (bindings.some((b) => b.kind === 'default')) return undefined;
    const allTypes = bindings.every((b) => b.typeOnly);
    const kept = this.keptInto.get(this.isBare(module) ? `bare:${module}` : (this.fileOfModule(module) ?? ''));
    const candidates = this.importsOf(module).filter(
      (entry) => entry.declaration !== except && entry.mergeable && !this.deleted.has(entry.declaration) && (wholeStatementTypeOnly === undefined || !kept?.includes(entry)),
    );
    const named = (entry: TargetImport) => {
      const bindingsNode = entry.declaration.importClause?.namedBindings;
      return bindingsNode !== undefined && ts.isNamedImports(bindingsNode);
    };
    const typeOnly = (entry: TargetImport) => entry.declaration.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword && !entry.madeValue;
    if (wholeStatementTypeOnly !== undefined) return candidates.find((e) => named(e) && typeOnly(e) === wholeStatementTypeOnly);
    if (allTypes) return candidates.find((e) => named(e) && typeOnly(e)) ?? candidates.find((e) => named(e) && !typeOnly(e));
    return candidates.find((e) => named(e) && !typeOnly(e));
  }

  /** Merges queued bindings into imports of their module, or writes new statements after the statement they left. */
  private flushPending(): void {
    const fresh = new Map<ts.Statement, Map<string, PendingImport[]>>();
    const mergedInto = new Map<TargetImport, PendingImport[]>();
    for (const item of this.pending) {
      const existing = this.existingBinding(item.module, item.imported, item.anchor);
      if (existing && existing.local === item.local) {
        // case: the name is already imported from the target: no duplicate binding, but a type-only one must become a value
        if (!item.typeOnly) this.makeValueBinding(existing.target, item.imported);
        this.countImport(item);
        continue;
      }
      const target = this.mergeTargetFor(item.module, [{ kind: item.asDefault ? 'default' : 'named', imported: item.imported, local: item.local, typeOnly: item.typeOnly, node: undefined as never }], item.anchor);
      if (target) {
        mergedInto.set(target, [...(mergedInto.get(target) ?? []), item]);
        target.bindings.set(item.local, { imported: item.imported, typeOnly: item.typeOnly, node: undefined as never });
        this.countImport(item);
        continue;
      }
      const byModule = fresh.get(item.anchor) ?? new Map<string, PendingImport[]>();
      const group = `${item.module}\0${item.statementTypeOnly}`;
      byModule.set(group, [...(byModule.get(group) ?? []), item]);
      fresh.set(item.anchor, byModule);
    }
    for (const [target, items] of mergedInto) this.insertSpecifiers(target, items);
    for (const statement of this.deleted) {
      if (!fresh.has(statement)) this.deleteStatement(statement);
    }
    for (const [anchor, groups] of fresh) {
      const lines: string[] = [];
      for (const items of groups.values()) {
        const first = items[0]!;
        const specifier = this.specifierFor(first.anchorLiteral, first.oldModule, first.module, 'import');
        if (specifier === undefined) continue;
        lines.push(this.importStatementText(anchor, first.anchorLiteral, specifier, items));
        for (const item of items) this.countImport(item);
      }
      if (this.deleted.has(anchor)) this.replaceStatement(anchor, lines);
      else this.insertAfter(anchor, lines);
    }
  }

  private importStatementText(anchor: ts.Statement, literal: ts.StringLiteralLike, specifier: string, items: PendingImport[]): string {
    const quote = this.text[literal.getStart(this.sourceFile)] ?? "'";
    const semicolon = this.text.slice(anchor.getStart(this.sourceFile), anchor.end).trimEnd().endsWith(';') ? ';' : '';
    const spaced = bracesSpaced(anchor, this.sourceFile);
    const statementTypeOnly = items[0]!.statementTypeOnly;
    const defaults = items.filter((i) => i.asDefault);
    const named = items.filter((i) => !i.asDefault);
    const parts: string[] = [];
    const head = defaults[0];
    if (head) parts.push(head.local);
    for (const extra of defaults.slice(1)) named.push({ ...extra, asDefault: false });
    if (named.length) {
      const list = named.map((i) => specifierText(i.imported, i.local, !statementTypeOnly && i.typeOnly)).join(', ');
      parts.push(spaced ? `{ ${list} }` : `{${list}}`);
    }
    const type = statementTypeOnly ? ' type' : '';
    return `import${type} ${parts.join(', ')} from ${quote}${escapeFor(specifier, quote)}${quote}${semicolon}`;
  }

  private insertSpecifiers(target: TargetImport, items: PendingImport[]): void {
    const named = target.declaration.importClause!.namedBindings as ts.NamedImports;
    const statementTypeOnly = target.declaration.importClause!.phaseModifier === ts.SyntaxKind.TypeKeyword && !target.madeValue;
    const texts = items.map((i) => specifierText(i.imported, i.local, !statementTypeOnly && i.typeOnly));
    const elements = named.elements;
    const last = elements[elements.length - 1];
    if (!last) {
      const open = named.getStart(this.sourceFile) + 1;
      this.edit(open, named.end - 1, ` ${texts.join(', ')} `);
      return;
    }
    const multiline = this.text.slice(named.getStart(this.sourceFile), named.end).includes('\n');
    if (multiline) {
      const indent = lineIndent(this.text, last.getStart(this.sourceFile));
      const trailing = elements.hasTrailingComma;
      const at = trailing ? this.text.indexOf(',', last.end) + 1 : last.end;
      const body = texts.map((t) => `${this.eol}${indent}${t}`).join(',');
      this.edit(at, at, trailing ? `${body},` : `,${body}`);
    } else if (elements.hasTrailingComma) {
      const at = this.text.indexOf(',', last.end) + 1;
      this.edit(at, at, ` ${texts.join(', ')},`);
    } else {
      this.edit(last.end, last.end, `, ${texts.join(', ')}`);
    }
  }

  /** `import type { X }` or `{ type X }` -> a value binding of X (the moved import was a value import). */
  private makeValueBinding(target: TargetImport, name: string): void {
    const bound = target.bindings.get(name);
    if (!bound?.typeOnly || !bound.node) return;
    const clause = target.declaration.importClause!;
    if (ts.isImportSpecifier(bound.node) && bound.node.isTypeOnly) {
      const start = bound.node.getStart(this.sourceFile);
      const typeEnd = bound.node.name.getStart(this.sourceFile) > start && bound.node.propertyName ? bound.node.propertyName.getStart(this.sourceFile) : bound.node.name.getStart(this.sourceFile);
      this.edit(start, typeEnd, '');
    } else if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) {
      // `import type { A, X }` -> `import { type A, X }`
      const typeKeyword = findChildToken(clause, ts.SyntaxKind.TypeKeyword, this.sourceFile);
      if (!typeKeyword) return;
      target.madeValue = true;
      this.edit(typeKeyword.getStart(this.sourceFile), clause.name?.getStart(this.sourceFile) ?? clause.namedBindings!.getStart(this.sourceFile), '');
      const named = clause.namedBindings;
      if (named && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          if (element.name.text !== name) this.edit(element.getStart(this.sourceFile), element.getStart(this.sourceFile), 'type ');
        }
      }
    }
    bound.typeOnly = false;
  }

  // ---- export declarations ----------------------------------------------------------------

  private rewriteExport(statement: ts.ExportDeclaration, literal: ts.StringLiteralLike, old: OldModule): void {
    const whole = this.map.moveOfModule(old.id);
    const clause = statement.exportClause;
    if (!clause) {
      // case: export * from 'x'
      this.rewriteExportStar(statement, literal, old, whole);
      return;
    }
    if (ts.isNamespaceExport(clause)) {
      // case: export * as ns from 'x'
      if (whole && whole.rule.rename.size === 0) this.retarget(literal, old, whole, 'import', 'imports');
      else if (whole) this.review(statement, `'export * as ${clause.name.text}' of '${old.id}', whose names are renamed: the namespace's members would change`);
      else if (this.map.hasNameMoves(old.id)) this.review(statement, `'export * as ${clause.name.text}' of '${old.id}', whose names ${this.map.movedNames(old.id).join(', ')} move elsewhere: the namespace cannot follow them`);
      return;
    }
    // case: export { A, B as C } from 'x' (the exported name never changes, unless a barrel follows a rename)
    const elements = clause.elements;
    const targets = elements.map((e) => this.map.moveOfName(old.id, (e.propertyName ?? e.name).text));
    if (targets.every((t) => !t)) return;
    // a name renamed within its own module (a barrel of a barrel that follows) stays in the statement
    const stays = targets.some((t) => !t || t.module === old.id);
    const texts = elements.map((element, i) => (targets[i] ? this.reexportText(element, targets[i]!) : undefined));
    const keeper = stays ? undefined : targets.find((_, i) => texts[i] !== null)?.module;
    const groups = new Map<string, Array<{ element: ts.ExportSpecifier; target: NameTarget; text: string }>>();
    const leaving = new Set<number>();
    let keptSpecifier: string | undefined;
    if (keeper) {
      keptSpecifier = this.specifierFor(literal, old, keeper, 'import');
      if (keptSpecifier === undefined) return;
    }
    for (let i = 0; i < elements.length; i++) {
      const target = targets[i];
      if (!target) continue;
      if (texts[i] === null) {
        // case: barrels: follow onto a name the module already exports: the old route goes
        leaving.add(i);
        this.count(target.rule, 'imports');
        continue;
      }
      if (target.module === keeper || target.module === old.id) continue;
      leaving.add(i);
      groups.set(target.module, [...(groups.get(target.module) ?? []), { element: elements[i]!, target, text: texts[i]! }]);
    }
    const lines: string[] = [];
    const quote = this.text[literal.getStart(this.sourceFile)] ?? "'";
    const semicolon = this.text.slice(statement.getStart(this.sourceFile), statement.end).trimEnd().endsWith(';') ? ';' : '';
    const type = statement.isTypeOnly ? ' type' : '';
    for (const [module, items] of groups) {
      const specifier = this.specifierFor(literal, old, module, 'import');
      if (specifier === undefined) return;
      const list = items.map(({ text }) => text).join(', ');
      lines.push(`export${type} ${bracesSpaced(statement, this.sourceFile) ? `{ ${list} }` : `{${list}}`} from ${quote}${escapeFor(specifier, quote)}${quote}${semicolon}`);
      for (const { target } of items) this.count(target.rule, 'imports');
    }
    if (keeper && keptSpecifier !== undefined) {
      this.replaceLiteral(literal, keptSpecifier);
      this.count(targets.find((t) => t?.module === keeper)!.rule, 'imports');
    } else if (!keeper) {
      const renamedHere = targets.find((t, i) => t && t.module === old.id && !leaving.has(i));
      if (renamedHere) this.count(renamedHere.rule, 'imports');
    }
    elements.forEach((element, i) => {
      const target = targets[i];
      if (!target || leaving.has(i)) return;
      const text = texts[i]!;
      if (text !== specifierText((element.propertyName ?? element.name).text, element.name.text, element.isTypeOnly)) this.edit(element.getStart(this.sourceFile), element.end, text);
    });
    if (leaving.size === elements.length) {
      this.replaceStatement(statement, lines);
      return;
    }
    if (leaving.size) this.removeElements(elements, leaving);
    this.insertAfter(statement, lines);
  }

  /**
   * The specifier `export { ... } from` writes for a re-exported name that moves: its public name stays
   * (`export { New as Old }`, `export { New as E }`), unless this barrel follows the rename (`barrels: follow`, a derived
   * entry): `export { New }`. Null when the barrel follows onto a name it already exports: the specifier goes.
   */
  private reexportText(element: ts.ExportSpecifier, target: NameTarget): string | null {
    const exported = element.name.text;
    const followed = element.propertyName ? undefined : this.followedPublicName(exported);
    if (followed === undefined) {
      if (!element.propertyName) this.noteKeptPublicName(element, exported, target);
      return specifierText(target.name, exported, element.isTypeOnly);
    }
    if (this.exportsName(followed)) return null;
    return specifierText(target.name, followed, element.isTypeOnly);
  }

  private rewriteExportStar(statement: ts.ExportDeclaration, literal: ts.StringLiteralLike, old: OldModule, whole: ModuleTarget | undefined): void {
    const quote = this.text[literal.getStart(this.sourceFile)] ?? "'";
    const semicolon = this.text.slice(statement.getStart(this.sourceFile), statement.end).trimEnd().endsWith(';') ? ';' : '';
    const type = statement.isTypeOnly ? ' type' : '';
    const spaced = bracesSpaced(statement, this.sourceFile);
    const exported = old.file ? this.prepared.exportsOf(old.file) : undefined;
    if (whole) {
      const specifier = this.specifierFor(literal, old, whole.module, 'import');
      if (specifier === undefined) return;
      this.replaceLiteral(literal, specifier);
      this.count(whole.rule, 'imports');
      // renamed names (by the entry, or further down a chain: a barrel that follows) keep their old public names next
      // to the new ones, unless this barrel follows the rename too (`barrels: follow`)
      const candidates = new Set([...whole.rule.rename.keys(), ...(exported?.names ?? [])]);
      const keep = [...candidates].filter((name) => {
        const target = this.map.moveOfName(old.id, name);
        return name !== 'default' && target !== undefined && target.name !== name && (!exported || exported.open || exported.names.has(name)) && this.followedPublicName(name) === undefined;
      });
      if (keep.length) {
        const byModule = new Map<string, string[]>();
        for (const name of keep) {
          const module = this.map.moveOfName(old.id, name)!.module;
          byModule.set(module, [...(byModule.get(module) ?? []), name]);
        }
        const lines: string[] = [];
        for (const [module, names] of byModule) {
          const written = module === whole.module ? specifier : this.specifierFor(literal, old, module, 'import');
          if (written === undefined) continue;
          const list = names.map((name) => specifierText(this.map.moveOfName(old.id, name)!.name, name, false)).join(', ');
          lines.push(`export${type} ${spaced ? `{ ${list} }` : `{${list}}`} from ${quote}${escapeFor(written, quote)}${quote}${semicolon}`);
        }
        this.insertAfter(statement, lines);
        this.note(statement, `'export * from' of '${old.id}', whose names ${keep.join(', ')} are renamed: they stay exported under their old names too`);
      }
      return;
    }
    if (!this.map.hasNameMoves(old.id)) return;
    // case: export * from a module whose names move in part: the moved names are re-exported explicitly
    const already = exportedNamesOf(this.sourceFile).names;
    const moved = this.map
      .movedNames(old.id)
      .filter((name) => name !== 'default' && !already.has(name) && (!exported || exported.open || exported.names.has(name)));
    if (!moved.length) return;
    const byModule = new Map<string, string[]>();
    const publicNames = new Map<string, string>();
    for (const name of moved) {
      const target = this.map.moveOfName(old.id, name)!;
      const followed = this.followedPublicName(name);
      // barrels: follow: a star over a barrel that renames in place passes the new name; one the module already exports is there
      if (followed !== undefined && (target.module === old.id || this.exportsName(followed))) continue;
      publicNames.set(name, followed ?? name);
      byModule.set(target.module, [...(byModule.get(target.module) ?? []), name]);
    }
    if (!byModule.size) return;
    const lines: string[] = [];
    for (const [module, names] of byModule) {
      const specifier = this.specifierFor(literal, old, module, 'import');
      if (specifier === undefined) return;
      const list = names.map((name) => specifierText(this.map.moveOfName(old.id, name)!.name, publicNames.get(name)!, false)).join(', ');
      lines.push(`export${type} ${spaced ? `{ ${list} }` : `{${list}}`} from ${quote}${escapeFor(specifier, quote)}${quote}${semicolon}`);
      for (const name of names) this.count(this.map.moveOfName(old.id, name)!.rule, 'imports');
    }
    this.insertAfter(statement, lines);
    const listed = [...byModule.values()].flat();
    this.note(statement, `'export * from' of '${old.id}', whose names ${listed.join(', ')} move: they are re-exported explicitly from their new modules`);
  }

  // ---- namespaces: import * as ns, import ns = require() ----------------------------------

  private rewriteNamespace(statement: ts.ImportDeclaration | ts.ImportEqualsDeclaration, literal: ts.StringLiteralLike, old: OldModule, name: ts.Identifier, typeOnly: boolean, usage: UsageKind): void {
    const whole = this.map.moveOfModule(old.id);
    const ns = name.text;
    if (whole) {
      this.retarget(literal, old, whole, usage, 'imports');
      // (a chain can rename too: a module moved onto a barrel that follows a rename, `barrels: follow`)
      if (whole.rule.rename.size === 0 && !this.map.rules.some((rule) => rule.derived && rule.rename.size)) return;
      // case: ns.Old where the module moves as a whole and Old is renamed
      const uses = this.scope.memberUses(ns);
      const renamed = new Set(whole.rule.rename.keys());
      for (const use of uses.members) {
        const target = this.map.moveOfName(old.id, use.member);
        if (target && target.name !== use.member) {
          const memberNode = ts.isPropertyAccessExpression(use.node) ? use.node.name : use.node.right;
          this.edit(memberNode.getStart(this.sourceFile), memberNode.end, target.name);
          this.count(target.rule, 'references');
          renamed.add(use.member);
        }
      }
      if (uses.other.length && renamed.size) this.review(statement, `namespace '${ns}' of '${old.id}' is used as a whole, and names ${[...renamed].join(', ')} are renamed: check dynamic member access`);
      return;
    }
    if (!this.map.hasNameMoves(old.id)) return;
    const uses = this.scope.memberUses(ns);
    // case: ns.Old of a barrel that renames Old in place (barrels: follow) -> ns.New
    const renamedHere = uses.members.filter((use) => this.map.moveOfName(old.id, use.member)?.module === old.id);
    for (const use of renamedHere) {
      const target = this.map.moveOfName(old.id, use.member)!;
      const memberNode = ts.isPropertyAccessExpression(use.node) ? use.node.name : use.node.right;
      this.edit(memberNode.getStart(this.sourceFile), memberNode.end, target.name);
      this.count(target.rule, 'references');
    }
    if (renamedHere.length && uses.other.length) this.review(statement, `namespace '${ns}' of '${old.id}' is used as a whole, and names ${[...new Set(renamedHere.map((use) => use.member))].join(', ')} are renamed: check dynamic member access`);
    const moving = uses.members.filter((use) => {
      const target = this.map.moveOfName(old.id, use.member);
      return target && target.module !== old.id;
    });
    if (!moving.length) return;
    if (uses.other.length) {
      this.review(statement, `namespace '${ns}' of '${old.id}' is used as a whole, and its names ${this.map.movedNames(old.id).join(', ')} move elsewhere: rewrite by hand`);
      return;
    }
    for (const target of new Set(moving.map((use) => this.map.moveOfName(old.id, use.member)!.module))) {
      if (!this.isBare(target) && !this.fileOfModule(target)) {
        this.review(statement, `'${target}' (where names of '${old.id}' move) names no file; left as it is`);
        return;
      }
    }
    // case: ns.Moved -> Moved imported from its new module
    const locals = new Map<string, string>();
    for (const use of moving) {
      const target = this.map.moveOfName(old.id, use.member)!;
      let local = locals.get(use.member);
      if (!local) {
        const existing = this.existingBinding(target.module, target.name, statement);
        const key = `${target.module}#${target.name}`;
        const claimedBy = this.claimed.get(target.name);
        if (existing) local = existing.local;
        else if (claimedBy === key || (!claimedBy && !this.scope.isNameTaken(target.name))) local = target.name;
        else {
          local = `${ns}_${target.name}`;
          this.note(statement, `'${target.name}' is already a name in this file: '${ns}.${use.member}' becomes '${local}'`);
        }
        this.claimed.set(local, key);
        locals.set(use.member, local);
        const allTypes = typeOnly || moving.filter((u) => u.member === use.member).every((u) => u.inType);
        this.pending.push({
          module: target.module,
          imported: target.name,
          local,
          typeOnly: allTypes,
          asDefault: false,
          anchor: statement,
          anchorLiteral: literal,
          oldModule: old,
          statementTypeOnly: false,
          rule: target.rule,
        });
      }
      this.edit(use.node.getStart(this.sourceFile), use.node.end, local);
      this.count(target.rule, 'references');
    }
    if (moving.length === uses.members.length && ts.isImportDeclaration(statement)) this.deleted.add(statement);
  }

  /**
   * A mock factory that returns an object literal (`() => ({ Old: jest.fn() })`, or a body ending in `return { ... }`)
   * gets its keys renamed with the module's names; false (nothing edited) for any other shape.
   */
  private renameFactoryKeys(factory: ts.Expression, renames: ReadonlyMap<string, string>): boolean {
    if (!ts.isArrowFunction(factory) && !ts.isFunctionExpression(factory)) return false;
    let result: ts.Expression | undefined;
    if (ts.isBlock(factory.body)) {
      const returns = factory.body.statements.filter(ts.isReturnStatement);
      const last = factory.body.statements[factory.body.statements.length - 1];
      if (returns.length !== 1 || returns[0] !== last) return false;
      result = returns[0]!.expression;
    } else result = factory.body;
    while (result && ts.isParenthesizedExpression(result)) result = result.expression;
    if (!result || !ts.isObjectLiteralExpression(result)) return false;
    const edits: Array<[number, number, string]> = [];
    for (const property of result.properties) {
      if (ts.isSpreadAssignment(property)) continue;
      const name = property.name;
      if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) return false;
      const renamed = renames.get(name.text);
      if (!renamed) continue;
      const start = name.getStart(this.sourceFile);
      if (ts.isShorthandPropertyAssignment(property)) edits.push([start, start, `${renamed}: `]);
      else if (ts.isStringLiteral(name)) edits.push([start + 1, name.end - 1, renamed]);
      else edits.push([start, name.end, renamed]);
    }
    for (const [start, end, text] of edits) this.edit(start, end, text);
    return true;
  }

  // ---- expressions: import(), require, require.resolve, jest/vi, import('x').T ---------------

  private visitDeep(node: ts.Node): void {
    if (ts.isCallExpression(node)) this.visitCall(node);
    else if (ts.isImportTypeNode(node)) this.visitImportType(node);
    // JSDoc types (`/** @type {import('./x').T} */`, what checkJs reads) hang beside the tree, not in it
    const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
    if (docs) for (const doc of docs) this.visitDeep(doc);
    ts.forEachChild(node, (child) => this.visitDeep(child));
  }

  private visitCall(call: ts.CallExpression): void {
    const callee = call.expression.kind === ts.SyntaxKind.ImportKeyword ? 'import' : calleeName(call.expression);
    if (!callee) return;
    const argument = call.arguments[0];
    const isLoad = callee === 'import' || callee === 'require';
    const mock = MOCK_CALLS.get(callee);
    const actual = ACTUAL_CALLS.get(callee);
    if (!isLoad && !mock && !actual && callee !== 'require.resolve') return;
    if (!argument) return;
    if (!ts.isStringLiteralLike(argument)) {
      // case: computed require(x) / import(x)
      if (isLoad) this.review(call, `computed ${callee}(${argument.getText(this.sourceFile).slice(0, 60)}): cannot tell whether it loads a moved module`);
      return;
    }
    const usage: UsageKind = callee === 'import' ? 'import' : (mock ?? actual ?? 'require');
    const old = this.oldModuleOf(argument, usage);
    if (!old) return;
    const whole = this.map.moveOfModule(old.id);
    if (callee === 'require.resolve' || mock) {
      // case: require.resolve('x'), jest.mock('x'), vi.mock('x', factory)
      if (whole) {
        this.retarget(argument, old, whole, usage, 'strings');
        if (mock && call.arguments.length > 1 && whole.rule.rename.size && !this.renameFactoryKeys(call.arguments[1]!, whole.rule.rename)) {
          this.review(call, `${callee} factory for '${old.id}', whose names ${[...whole.rule.rename.keys()].join(', ')} are renamed: check the factory's keys`);
        }
      } else if (mock && this.map.hasNameMoves(old.id)) {
        const moved = this.map.movedNames(old.id);
        // a barrel that follows a rename (barrels: follow) keeps its names under new ones: only a factory's keys need a look
        if (moved.every((name) => this.map.moveOfName(old.id, name)?.module === old.id)) {
          const renames = new Map(moved.map((name) => [name, this.map.moveOfName(old.id, name)!.name] as const));
          if (call.arguments.length > 1 && !this.renameFactoryKeys(call.arguments[1]!, renames)) {
            this.review(call, `${callee} factory for '${old.id}', whose names ${moved.join(', ')} are renamed: check the factory's keys`);
          }
        } else {
          this.review(call, `${callee}('${argument.text}') mocks '${old.id}', whose names ${moved.join(', ')} move elsewhere: the mock no longer covers them`);
        }
      }
      return;
    }
    // case: import('x'), require('x'), jest.requireActual('x'), vi.importActual('x')
    this.rewriteModuleValue(call, argument, old, whole, usage, callee);
  }

  /** A call whose value is the module object: follow destructuring and member access, else ask for review. */
  private rewriteModuleValue(call: ts.CallExpression, literal: ts.StringLiteralLike, old: OldModule, whole: ModuleTarget | undefined, usage: UsageKind, callee: string): void {
    let outer: ts.Node = call;
    while (ts.isParenthesizedExpression(outer.parent) || ts.isAwaitExpression(outer.parent) || ts.isAsExpression(outer.parent)) outer = outer.parent;
    const parent = outer.parent;
    const declaration = parent && ts.isVariableDeclaration(parent) && parent.initializer === outer && ts.isObjectBindingPattern(parent.name) ? parent : undefined;
    // `import('x').then(...)` is a promise's member, not the module's
    const member = parent && ts.isPropertyAccessExpression(parent) && parent.expression === outer && !(callee === 'import' && outer === call) ? parent : undefined;
    const movesByName = whole ? whole.rule.rename.size > 0 : this.map.hasNameMoves(old.id);

    if (whole && !movesByName) {
      this.retarget(literal, old, whole, usage, 'imports');
      return;
    }
    if (!whole && !movesByName) return;
    if (member) {
      // case: require('x').Name
      const target = this.map.moveOfName(old.id, member.name.text);
      if (!target) {
        if (whole) this.retarget(literal, old, whole, usage, 'imports');
        return;
      }
      const specifier = this.specifierFor(literal, old, target.module, usage);
      if (specifier === undefined) return;
      this.replaceLiteral(literal, specifier);
      if (target.name !== member.name.text) this.edit(member.name.getStart(this.sourceFile), member.name.end, target.name);
      this.count(target.rule, 'imports');
      return;
    }
    const statement = declaration?.parent.parent;
    if (!declaration || !statement || !ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) {
      const what = whole ? `names ${[...whole.rule.rename.keys()].join(', ')} are renamed` : `names ${this.map.movedNames(old.id).join(', ')} move elsewhere`;
      // left as it is: pointed at the canonical module, the object's members would change under the code that uses them
      this.review(call, `${callee}('${literal.text}') of '${old.id}' is used as a module object and its ${what}: rewrite by hand`);
      return;
    }
    // case: const { A, B: b } = require('x') / await import('x')
    const pattern = declaration.name as ts.ObjectBindingPattern;
    const elements = pattern.elements;
    if (elements.some((e) => e.dotDotDotToken || (e.propertyName && !ts.isIdentifier(e.propertyName)))) {
      this.review(call, `${callee}('${literal.text}') of '${old.id}' is destructured with a rest or computed key: rewrite by hand`);
      return;
    }
    const keyOf = (e: ts.BindingElement) => ((e.propertyName ?? e.name) as ts.Identifier).text;
    const targets = elements.map((e) => this.map.moveOfName(old.id, keyOf(e)));
    const stays = targets.some((t) => !t);
    const keeper = whole ? whole.module : stays ? undefined : targets[0]?.module;
    const groups = new Map<string, Array<{ element: ts.BindingElement; target: NameTarget }>>();
    const leaving = new Set<number>();
    elements.forEach((element, i) => {
      const target = targets[i];
      if (!target || target.module === keeper) return;
      leaving.add(i);
      groups.set(target.module, [...(groups.get(target.module) ?? []), { element, target }]);
    });
    const quote = this.text[literal.getStart(this.sourceFile)] ?? "'";
    const flags = statement.declarationList.flags;
    const keyword = flags & ts.NodeFlags.Const ? 'const' : flags & ts.NodeFlags.Let ? 'let' : 'var';
    const semicolon = this.text.slice(statement.getStart(this.sourceFile), statement.end).trimEnd().endsWith(';') ? ';' : '';
    const before = this.text.slice(outer.getStart(this.sourceFile), literal.getStart(this.sourceFile));
    const after = this.text.slice(literal.end, outer.end);
    const lines: string[] = [];
    for (const [module, items] of groups) {
      const specifier = this.specifierFor(literal, old, module, usage);
      if (specifier === undefined) return;
      const list = items.map(({ element, target }) => bindingElementText(element, target.name, this.sourceFile)).join(', ');
      lines.push(`${keyword} { ${list} } = ${before}${quote}${escapeFor(specifier, quote)}${quote}${after}${semicolon}`);
      for (const { target } of items) this.count(target.rule, 'imports');
    }
    let keptSpecifier: string | undefined;
    if (keeper) {
      keptSpecifier = this.specifierFor(literal, old, keeper, usage);
      if (keptSpecifier === undefined) return;
      this.replaceLiteral(literal, keptSpecifier);
      this.count((whole ?? targets[0]!).rule, 'imports');
    }
    elements.forEach((element, i) => {
      const target = targets[i];
      if (!target || leaving.has(i) || target.name === keyOf(element)) return;
      this.edit(element.getStart(this.sourceFile), element.end, bindingElementText(element, target.name, this.sourceFile));
    });
    if (leaving.size === elements.length) {
      this.replaceStatement(statement, lines);
      return;
    }
    if (leaving.size) this.removeElements(elements, leaving);
    this.insertAfter(statement, lines);
  }

  private visitImportType(node: ts.ImportTypeNode): void {
    const argument = node.argument;
    if (!ts.isLiteralTypeNode(argument) || !ts.isStringLiteral(argument.literal)) return;
    const literal = argument.literal;
    const old = this.oldModuleOf(literal, 'import');
    if (!old) return;
    const whole = this.map.moveOfModule(old.id);
    let first: ts.EntityName | undefined = node.qualifier;
    while (first && ts.isQualifiedName(first)) first = first.left;
    if (!first) {
      // case: typeof import('x')
      if (whole) this.retarget(literal, old, whole, 'import', 'imports');
      else if (this.map.hasNameMoves(old.id)) this.review(node, `typeof import('${literal.text}') of '${old.id}', whose names move elsewhere: rewrite by hand`);
      return;
    }
    // case: import('x').Name in a type
    const target = this.map.moveOfName(old.id, first.text);
    if (!target) {
      if (whole) this.retarget(literal, old, whole, 'import', 'imports');
      return;
    }
    const specifier = this.specifierFor(literal, old, target.module, 'import');
    if (specifier === undefined) return;
    this.replaceLiteral(literal, specifier);
    if (target.name !== first.text) this.edit(first.getStart(this.sourceFile), first.end, target.name);
    this.count(target.rule, 'imports');
  }

  // ---- edits and reports --------------------------------------------------------------------

  private retarget(literal: ts.StringLiteralLike, old: OldModule, whole: ModuleTarget, usage: UsageKind, stat: keyof EntryStats): void {
    const specifier = this.specifierFor(literal, old, whole.module, usage);
    if (specifier === undefined) return;
    this.replaceLiteral(literal, specifier);
    this.count(whole.rule, stat);
  }

  /** Renames every reference to the file-level binding `from` (scope-aware) to `to`. */
  private renameReferences(from: string, to: string, rule: RewriteRule): void {
    for (const reference of this.scope.referencesTo(from)) {
      const node = reference.node;
      if (reference.form === 'shorthand') {
        // case: { Old } -> { Old: New }
        this.edit(node.end, node.end, `: ${to}`);
      } else if (reference.form === 'export-specifier') {
        const specifier = node.parent as ts.ExportSpecifier;
        const followed = specifier.propertyName === node ? undefined : this.followedPublicName(from);
        if (specifier.propertyName === node) {
          // case: export { Old as E }: the public name E stays -> export { New as E }
          this.edit(node.getStart(this.sourceFile), node.end, to);
        } else if (followed !== undefined && this.exportsName(followed)) {
          // case: barrels: follow, and the module already exports the new name (the same object): export { Old } goes
          this.dropExportSpecifier(specifier);
        } else if (followed !== undefined) {
          // case: barrels: follow -> export { New } (its importers follow through a derived entry)
          this.edit(node.getStart(this.sourceFile), node.end, specifierText(to, followed, false));
        } else {
          // case: export { Old } keeps its public name -> export { New as Old }
          this.edit(node.getStart(this.sourceFile), node.end, `${to} as ${from}`);
          this.noteKeptPublicName(specifier, from, { module: '', name: to, rule });
        }
      } else {
        this.edit(node.getStart(this.sourceFile), node.end, to);
      }
      this.count(rule, 'references');
    }
  }

  /** True when the file (as its original text has it) already exports `name`. */
  private exportsName(name: string): boolean {
    this.exportedNames ??= exportedNamesOf(this.sourceFile).names;
    return this.exportedNames.has(name);
  }

  /** Drops one specifier of an `export { ... }` list; the list's drops are applied together (a list left empty goes). */
  private dropExportSpecifier(specifier: ts.ExportSpecifier): void {
    const list = specifier.parent;
    const dropped = this.droppedExports.get(list) ?? new Set<number>();
    dropped.add(list.elements.indexOf(specifier));
    this.droppedExports.set(list, dropped);
  }

  private flushDroppedExports(): void {
    for (const [list, dropped] of this.droppedExports) {
      if (dropped.size === list.elements.length) this.deleteStatement(list.parent);
      else this.removeElements(list.elements, dropped);
    }
  }

  private deleteStatement(statement: ts.Statement): void {
    const start = statement.getStart(this.sourceFile);
    const comments = this.commentsIn(start, statement.end);
    if (comments.length) {
      // comments inside the statement stay, one per line, where the statement was
      this.edit(start, statement.end, comments.map((c) => this.text.slice(c.start, c.end)).join(this.eol + lineIndent(this.text, start)));
      return;
    }
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    const onlyIndent = /^[ \t\uFEFF]*$/.test(this.text.slice(lineStart, start));
    let end = statement.end;
    const rest = /^[ \t]*(\r?\n|$)/.exec(this.text.slice(end));
    if (onlyIndent && rest) this.edit(lineStart, end + rest[0].length, this.text.slice(lineStart, start).replace(/[ \t]/g, ''));
    else this.edit(start, end, '');
  }

  private replaceStatement(statement: ts.Statement, lines: string[]): void {
    if (!lines.length) {
      this.deleteStatement(statement);
      return;
    }
    const start = statement.getStart(this.sourceFile);
    const comments = this.commentsIn(start, statement.end).map((c) => this.text.slice(c.start, c.end));
    this.edit(start, statement.end, [...comments, ...lines].join(this.eol + lineIndent(this.text, start)));
  }

  /** Deletes a range except the comments in it (the code and separators between them go). */
  private deleteKeepingComments(start: number, end: number): void {
    let from = start;
    for (const comment of this.commentsIn(start, end)) {
      if (/\S/.test(this.text.slice(from, comment.start))) this.edit(from, comment.start, '');
      from = comment.end;
    }
    if (from === start || /\S/.test(this.text.slice(from, end))) this.edit(from, end, '');
  }

  /** The comments between two offsets, from the TypeScript scanner. */
  private commentsIn(start: number, end: number): Array<{ start: number; end: number }> {
    const slice = this.text.slice(start, end);
    if (!slice.includes('//') && !slice.includes('/*')) return [];
    const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, this.sourceFile.languageVariant, this.text, undefined, start, end - start);
    const found: Array<{ start: number; end: number }> = [];
    for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
      if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) found.push({ start: scanner.getTokenStart(), end: scanner.getTokenEnd() });
    }
    return found;
  }

  private insertAfter(statement: ts.Statement, lines: string[]): void {
    if (!lines.length) return;
    const indent = lineIndent(this.text, statement.getStart(this.sourceFile));
    // after a trailing `// comment` on the same line, so the comment stays with its statement
    const rest = /^[ \t]*(\/\/[^\r\n]*)?(?=\r?\n|$)/.exec(this.text.slice(statement.end));
    const at = rest ? statement.end + rest[0].length : statement.end;
    this.edit(at, at, lines.map((line) => `${this.eol}${indent}${line}`).join(''));
  }

  private edit(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  /** One statement that stops importing an old module counts once per entry, however many names it moves. */
  private countImport(item: PendingImport): void {
    const key = `${item.anchor.pos}\0${item.rule.label}`;
    if (this.countedImports.has(key)) return;
    this.countedImports.add(key);
    this.count(item.rule, 'imports');
  }

  private count(rule: RewriteRule, key: keyof EntryStats, by = 1): void {
    const entry = (this.stats[rule.label] ??= { imports: 0, references: 0, strings: 0 });
    entry[key] += by;
  }

  private lineOf(node: ts.Node): number {
    return this.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.sourceFile)).line + 1;
  }

  private review(node: ts.Node, reason: string): void {
    this.needsReview.push({ file: this.file.path, line: this.lineOf(node), reason });
  }

  private note(node: ts.Node, message: string): void {
    this.notes.push({ file: this.file.path, line: this.lineOf(node), message });
  }
}

function targetImport(declaration: ts.ImportDeclaration, mergeable: boolean): TargetImport {
  const bindings: TargetImport['bindings'] = new Map();
  const clause = declaration.importClause;
  const statementTypeOnly = clause?.phaseModifier === ts.SyntaxKind.TypeKeyword;
  if (clause?.name) bindings.set(clause.name.text, { imported: 'default', typeOnly: statementTypeOnly, node: clause.name });
  const named = clause?.namedBindings;
  if (named && ts.isNamedImports(named)) {
    for (const element of named.elements) {
      bindings.set(element.name.text, { imported: (element.propertyName ?? element.name).text, typeOnly: statementTypeOnly || element.isTypeOnly, node: element });
    }
  }
  return { declaration, bindings, mergeable, madeValue: false };
}

function specifierText(imported: string, local: string, inlineType: boolean): string {
  return `${inlineType ? 'type ' : ''}${imported === local ? imported : `${imported} as ${local}`}`;
}

function bindingElementText(element: ts.BindingElement, key: string, sourceFile: ts.SourceFile): string {
  const name = element.name.getText(sourceFile);
  const initializer = element.initializer ? ` = ${element.initializer.getText(sourceFile)}` : '';
  return `${key === name ? key : `${key}: ${name}`}${initializer}`;
}

export function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression)) return `${expression.expression.text}.${expression.name.text}`;
  return undefined;
}

function bracesSpaced(statement: ts.Node, sourceFile: ts.SourceFile): boolean {
  const text = statement.getText(sourceFile);
  const open = text.indexOf('{');
  return open === -1 || /\s/.test(text[open + 1] ?? ' ');
}

function findChildToken(node: ts.Node, kind: ts.SyntaxKind, sourceFile: ts.SourceFile): ts.Node | undefined {
  return node.getChildren(sourceFile).find((child) => child.kind === kind);
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset).replace(/^\uFEFF/, ''))![0];
}

function escapeFor(specifier: string, quote: string): string {
  return specifier.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
}

/** Sorts edits, joins insertions at one offset, and returns undefined if two edits overlap. */
function normaliseEdits(edits: Edit[]): Edit[] | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Edit[] = [];
  for (const edit of sorted) {
    const previous = out[out.length - 1];
    if (previous && previous.start === edit.start && previous.end === edit.start && edit.end === edit.start) {
      previous.text += edit.text;
      continue;
    }
    if (previous && previous.end > edit.start) return undefined;
    if (previous && previous.start === previous.end && previous.start === edit.start && edit.end > edit.start) {
      // an insertion right before a replacement at the same offset: fold it in, so no consumer depends on tie order
      out[out.length - 1] = { start: edit.start, end: edit.end, text: previous.text + edit.text };
      continue;
    }
    out.push({ ...edit });
  }
  return out.filter((e) => !(e.start === e.end && e.text === ''));
}

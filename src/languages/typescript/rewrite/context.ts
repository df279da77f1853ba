import * as path from 'node:path';
import type { ModuleTarget, NameTarget, RewriteRule } from '../../../importmap/types';
import type { Edit, EntryStats, NeedsReview, Note } from '../../../core/types';
import { toPosix } from '../../../core/paths';
import type { SourceFile } from '../../../core/types';
import { existsInPlan } from '../prepare';
import { exportedNamesOf } from '../exported-names';
import { type TypeScriptPreparedMap } from '../prepared-map';
import { manifestsOf, packageNameOf } from '../dependencies';
import { findOldModule, isBareModule, isRelativeOrAbsolute, type OldModule } from '../old-module';
import { spellsUnresolvedOldModule } from '../prefilter';
import type { UsageKind } from '../resolve';
import { findModuleFile } from '../module-files';
import { matchesPattern } from '../paths-mapping';
import { ScopeAnalysis } from '../scopes';
import { publishedSpecifiers } from '../package-specifiers';
import { writeSpecifier } from '../specifier';
import { ts } from '../ts';
import { PendingImport, TargetImport } from './bindings';
import { escapeFor } from './text';

/**
 * One file's rewrite in progress, the TypeScript twin of Python's `FileRewrite`: the parsed file, what the map says
 * about its specifiers, and the recorder every syntax form writes to (edits, needs-review, notes, counts). Import
 * additions are not written here but queued (`deferred-imports.ts`) and flushed once at the end.
 */
export class FileRewrite {
  readonly text: string;
  readonly absolute: string;
  readonly eol: string;
  readonly edits: Edit[] = [];
  readonly needsReview: NeedsReview[] = [];
  readonly notes: Note[] = [];
  /** packages already noted as undeclared in this file's package.json */
  readonly undeclaredNoted = new Set<string>();
  readonly stats: Record<string, EntryStats> = {};
  readonly pending: PendingImport[] = [];
  /** `(statement, entry)` pairs already counted under `imports` */
  readonly countedImports = new Set<string>();
  readonly deleted = new Set<ts.Statement>();
  /** names this plan binds at file level, with what they stand for (`module#name`) */
  readonly claimed = new Map<string, string>();
  scopes: ScopeAnalysis | undefined;
  targetImports: Map<string, TargetImport[]> | undefined;
  /** statements whose specifier now names a module, by module: merge targets for later statements */
  readonly keptInto = new Map<string, TargetImport[]>();
  /** `export { ... }` specifiers that go (`barrels: follow` onto a name the module already exports), by list */
  readonly droppedExports = new Map<ts.NamedExports, Set<number>>();
  exportedNames: Set<string> | undefined;
  /**
   * Set when the rewrite reads past the file's import and export-from statements (names in scope, the file's own
   * exports): a plan made from the file's import skeleton (import-skeleton.ts) is then void.
   */
  readsBody = false;

  constructor(
    readonly file: SourceFile,
    readonly sourceFile: ts.SourceFile,
    readonly prepared: TypeScriptPreparedMap,
    /** a component's `<script>` block: its template (not read) may use any local name, so none is renamed */
    readonly component = false,
  ) {
    this.text = file.text;
    this.absolute = path.resolve(prepared.cwd, file.path);
    this.eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  }


  get map() {
    return this.prepared.map;
  }

  get scope(): ScopeAnalysis {
    this.readsBody = true;
    this.scopes ??= new ScopeAnalysis(this.sourceFile);
    return this.scopes;
  }

  /** The old module a specifier names, by resolved file (paths) or by text (bare specifiers). */
  oldModuleOf(literal: ts.StringLiteralLike, usage: UsageKind): OldModule | undefined {
    const old = findOldModule(this.prepared, literal.text, this.absolute, usage);
    if (!old && spellsUnresolvedOldModule(this.prepared, literal.text, this.absolute, usage)) {
      const config = this.prepared.resolver.configFor(this.absolute).configFile;
      const under = config ? toPosix(path.relative(this.prepared.cwd, config)) : 'the default compiler options';
      this.review(literal, `'${literal.text}' is spelled like a moved module but resolves to nothing from here under ${under}: if it loads one (a bundler or jest alias), rewrite it by hand`, true);
    }
    return old;
  }

  isBare(id: string): boolean {
    return isBareModule(this.prepared, id);
  }

  /** The absolute file of a (new) module id, or undefined for a bare specifier or a missing file. */
  fileOfModule(id: string): string | undefined {
    const known = this.prepared.moduleFiles.get(id);
    if (known) return known;
    if (this.isBare(id)) return undefined;
    const found = findModuleFile(id, (f) => existsInPlan(this.prepared.workspace, f));
    return found ? path.join(this.prepared.cwd, found) : undefined;
  }

  /** The specifier (text, no quotes) for `module` in the style of `literal`, or undefined (and a needs-review entry). */
  specifierFor(literal: ts.StringLiteralLike, old: OldModule, module: string, usage: UsageKind): string | undefined {
    if (this.isBare(module)) {
      // the canonical module's own import of the old one (a subpath that re-exports the old package) stays
      const resolved = this.prepared.resolver.resolve(module, this.absolute, usage);
      if (resolved === this.absolute) return this.selfImport(literal, old, module);
      // a relative importer of a file a bare id names keeps its relative style (inside the package itself)
      const inRepo = isRelativeOrAbsolute(literal.text) ? resolved : undefined;
      const relative = inRepo && writeSpecifier({ importer: this.absolute, original: literal.text, originalFile: old.file, target: inRepo, usage }, this.prepared.resolver);
      if (relative) return relative;
      this.noteUndeclaredPackage(literal, old, module);
      return module;
    }
    // a relocated file its package publishes by name: the move re-points the package.json, the name still leads to it
    if (old.file && !isRelativeOrAbsolute(literal.text) && this.prepared.moves.some((move) => path.join(this.prepared.cwd, move.from) === old.file) && publishedSpecifiers(old.file).includes(literal.text)) return literal.text;
    const target = this.fileOfModule(module);
    if (!target) {
      this.review(literal, `'${module}' (where '${old.id}' moves) names no file; left as it is`);
      return undefined;
    }
    if (target === this.absolute) return this.selfImport(literal, old, module);
    const written = writeSpecifier({ importer: this.absolute, original: literal.text, originalFile: old.file, target, usage }, this.prepared.resolver);
    if (!written) this.review(literal, `no specifier for '${module}' resolves from here with the project's tsconfig; left as it is`);
    return written;
  }

  /** A module consolidated into its own barrel: the barrel keeps re-exporting the names from where they are defined. */
  private selfImport(literal: ts.StringLiteralLike, old: OldModule, module: string): undefined {
    this.review(literal, `'${old.id}' would be imported from this very module (${module}); left as it is`);
    return undefined;
  }

  replaceLiteral(literal: ts.StringLiteralLike, specifier: string): void {
    if (literal.text === specifier) return;
    const quote = this.quoteOf(literal);
    this.edit(literal.getStart(this.sourceFile) + 1, literal.end - 1, escapeFor(specifier, quote));
  }

  /**
   * The name a barrel's public `name` becomes here (`barrels: follow`): set when this file re-exports `name` and the
   * map derived an entry that renames it for this file's importers (see barrels.ts), else undefined (it keeps `name`).
   */
  followedPublicName(name: string): string | undefined {
    const id = this.prepared.oldFiles.get(this.absolute);
    const own = id === undefined ? undefined : this.map.moveOfName(id, name);
    return own && own.rule.derived && own.rule.from === id && own.rule.to === id ? own.name : undefined;
  }

  /** A note where a rename with `barrels: follow` cannot change this barrel's public name. */
  /** A bare specifier that moves to another package: the importer's package.json must declare that package. */
  noteUndeclaredPackage(literal: ts.StringLiteralLike, old: OldModule, module: string): void {
    const target = packageNameOf(module);
    if ((this.isBare(old.id) && packageNameOf(old.id) === target) || this.undeclaredNoted.has(target)) return;
    // a tsconfig `paths` alias names a folder of the repository, not a package to declare
    const { options } = this.prepared.resolver.configFor(this.absolute);
    if (Object.keys(options.paths ?? {}).some((pattern) => matchesPattern(module, pattern))) return;
    const manifest = manifestsOf(this.prepared).undeclared(this.absolute, target);
    if (!manifest) return;
    this.undeclaredNoted.add(target);
    const drop = this.isBare(old.id) ? ` (and drop '${packageNameOf(old.id)}' if nothing else imports it)` : '';
    this.note(literal, `'${target}' is not a dependency in ${manifest}: declare it there${drop}`);
  }

  noteKeptPublicName(node: ts.Node, name: string, target: NameTarget): void {
    if (target.rule.barrels !== 'follow' || target.name === name) return;
    this.note(node, `'${name}' keeps its public name here ('${target.name} as ${name}'): 'barrels: follow' cannot rename it in this module (the new name is already something else here, or the map moves this module itself)`);
  }

  claim(local: string, target: NameTarget): void {
    this.claimed.set(local, `${target.module}#${target.name}`);
  }


  retarget(literal: ts.StringLiteralLike, old: OldModule, whole: ModuleTarget, usage: UsageKind, stat: keyof EntryStats): void {
    const specifier = this.specifierFor(literal, old, whole.module, usage);
    // a specifier that already leads to the new place (a file moved into its folder's index) needs no edit
    if (specifier === undefined || specifier === literal.text) return;
    this.replaceLiteral(literal, specifier);
    this.count(whole.rule, stat);
  }

  /** True when the file (as its original text has it) already exports `name`. */
  exportsName(name: string): boolean {
    this.exportedNames ??= this.ownExports();
    return this.exportedNames.has(name);
  }

  /** The names the file exports (as its original text has it), or those `statements` of it export. */
  ownExports(statements?: readonly ts.Statement[]): Set<string> {
    this.readsBody = true;
    return exportedNamesOf(this.sourceFile, statements).names;
  }

  edit(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  /** One statement that stops importing an old module counts once per entry, however many names it moves. */
  countImport(item: Pick<PendingImport, 'anchor' | 'rule'>): void {
    const key = `${item.anchor.pos}\0${item.rule.label}`;
    if (this.countedImports.has(key)) return;
    this.countedImports.add(key);
    this.count(item.rule, 'imports');
  }

  count(rule: RewriteRule, key: keyof EntryStats, by = 1): void {
    const entry = (this.stats[rule.label] ??= { imports: 0, references: 0, strings: 0 });
    entry[key] += by;
  }

  lineOf(node: ts.Node): number {
    return this.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.sourceFile)).line + 1;
  }

  /** `unsure`: remodel cannot tell whether the place uses an old module at all (see NeedsReview) */
  review(node: ts.Node, reason: string, unsure = false): void {
    this.needsReview.push({ file: this.file.path, line: this.lineOf(node), reason, ...(unsure ? { unsure: true as const } : {}) });
  }

  note(node: ts.Node, message: string): void {
    this.notes.push({ file: this.file.path, line: this.lineOf(node), message });
  }

  /** What an import specifier points at, for comparing with a target module: its file, or `bare:<text>`. */
  moduleKeyOf(specifier: string): string | undefined {
    if (!isRelativeOrAbsolute(specifier) && this.isBare(specifier)) return `bare:${specifier}`;
    return this.prepared.resolver.resolve(specifier, this.absolute, 'import');
  }

  /** The quote a string literal is written with: new specifiers in its statement use the same. */
  quoteOf(literal: ts.StringLiteralLike): string {
    return this.text[literal.getStart(this.sourceFile)] ?? "'";
  }

  /** `;` when the statement ends with one, else '': new statements beside it follow its style. */
  semicolonOf(statement: ts.Node): string {
    return this.text.slice(statement.getStart(this.sourceFile), statement.end).trimEnd().endsWith(';') ? ';' : '';
  }

  /**
   * Whether a name of a module that moves whole lands in a canonical module that visibly lacks it (its own text exports
   * no such name, and has no `export *`): the name has to stay on the old module. A derived target (a relocation, a
   * barrel that follows a rename) has the name once the plan is applied; a name-level entry's names were checked.
   */
  canonicalLacks(target: NameTarget): boolean {
    if (target.rule.derived || target.rule.names) return false;
    const file = this.fileOfModule(target.module);
    const exported = file === undefined ? undefined : this.prepared.exportsOf(file);
    return exported !== undefined && !exported.open && !exported.names.has(target.name);
  }

  /** Where an imported name goes, or undefined when it stays: on a canonical module that lacks it too, listed at `node`. */
  destinationOf(old: string, name: string, node: ts.Node, what = 'the import'): NameTarget | undefined {
    const target = this.map.moveOfName(old, name);
    if (!target || !this.canonicalLacks(target)) return target;
    this.review(node, `${target.module} has no name '${target.name}': ${what} of '${name}' is left on the old module`);
    return undefined;
  }

  /** True when `module` exports `name` only as a type (an explicit re-export of it needs `type` under isolatedModules). */
  exportsOnlyAType(module: string, name: string): boolean {
    const file = this.fileOfModule(module);
    return file !== undefined && (this.prepared.exportsOf(file)?.types.has(name) ?? false);
  }
}

import type { ImportMap } from '../../../importmap/types';
import type { Edit, SourceFile } from '../../../core/types';
import type { ImportFromStatement, PythonImport } from '../imports';
import { type Node } from '../syntax';
import { analyzeScopes, type Scope, type ScopeAnalysis } from '../scopes';
import { FileRewrite } from './recorder';
import type { ModuleBinding, PythonContext } from './types';

export class PythonFileRewrite {
  readonly map: ImportMap;
  readonly bindings = new Map<string, ModuleBinding>(); // `${scopeId}\0${name}`
  /** names renamed per binding scope: old -> new */
  readonly renames = new Map<Scope, Map<string, { to: string; label: string }>>();
  readonly imports: PythonImport[] = [];
  /** from-imports rewritten in place, with the module each now names: a later import of that module may join one */
  readonly retargetedFroms = new Map<ImportFromStatement, string>();
  readonly claimed = new Set<string>();
  /** modules imported aliased because their first name was taken: module -> alias */
  readonly rootAliases = new Map<string, string>();
  /** `import a.b` retargeted to its canonical module, by old module: taken back when none of its chains moves */
  readonly retargets = new Map<string, { edit: Edit; label: string; target: string; statements: number }>();
  /** canonical modules whose retargeted import another statement leans on (it was dropped as a duplicate of it) */
  readonly sharedTargets = new Set<string>();
  /** old modules some chain of an unaliased `import a.b` still reaches, and those some chain moved away from */
  readonly chainsStaying = new Set<string>();
  readonly chainsMoving = new Set<string>();
  /** per module binding: its uses that a rewritten chain replaced, and those that still read it */
  readonly chainUses = new Map<ModuleBinding, { rewritten: number; kept: number }>();

  analysis: ScopeAnalysis | undefined;
  private oneName: boolean | undefined;

  constructor(
    readonly file: SourceFile,
    readonly ctx: PythonContext,
    readonly out: FileRewrite,
    readonly root: Node,
  ) {
    this.map = ctx.map;
  }

  /** Scope analysis walks the whole tree: it runs only for files that need it (renames, module bindings). */
  get scopes(): ScopeAnalysis {
    return (this.analysis ??= analyzeScopes(this.root));
  }

  /**
   * Whether the file keeps one name per from-import (isort's `force_single_line`): each of its from-imports names one,
   * and some module is imported twice that way in one block. Its imports are then never merged.
   */
  get oneNamePerImport(): boolean {
    this.oneName ??= (() => {
      const froms = this.imports.filter((entry): entry is ImportFromStatement => entry.kind === 'from' && !entry.wildcard);
      if (froms.some((statement) => statement.items.length > 1)) return false;
      const modules = froms.map((statement) => `${statement.node.parent?.id}:${statement.level}:${statement.module}`);
      return new Set(modules).size < modules.length;
    })();
    return this.oneName;
  }

  /** Whether a module defines a name (true when that cannot be known, e.g. a module this plan creates). */
  async oldModuleDefines(module: string, name: string): Promise<boolean> {
    if (this.ctx.modules.exists(`${module}.${name}`)) return true;
    const exports = await this.ctx.exportsOf(module);
    return exports === undefined || exports === 'any' || exports.has(name);
  }

  /** True when attribute chains through `module` can reach an old module: only such bindings are followed. */
  reachesOldModule(module: string): boolean {
    if (this.map.moveOfModule(module) || this.map.hasNameMoves(module)) return true;
    return this.map.oldModules().some((old) => old.startsWith(`${module}.`));
  }

}

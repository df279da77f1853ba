import type { ImportMap } from '../../../importmap/types';
import type { Edit, SourceFile } from '../../../core/types';
import { type PythonImport } from '../imports';
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

  analysis: ScopeAnalysis | undefined;

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

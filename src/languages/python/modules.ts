import type { Workspace } from '../../core/types';

/** Where Python modules live under the map's import roots (like `sys.path` entries). */
export class PythonModuleIndex {
  private readonly fileByModule = new Map<string, string>();
  private readonly moduleByFile = new Map<string, string>();
  private readonly packages = new Set<string>();
  private readonly retired = new Set<string>();
  private readonly retiredPackages = new Set<string>();
  /** the longest root wins for a file under several, as the more specific sys.path entry would */
  private readonly roots: string[];

  constructor(workspace: Pick<Workspace, 'files'>, roots: readonly string[]) {
    this.roots = [...roots].sort((a, b) => b.length - a.length);
    for (const file of workspace.files) {
      const module = this.moduleForPath(file);
      if (module === undefined) continue;
      const parts = module.split('.');
      const isInit = file === '__init__.py' || file.endsWith('/__init__.py');
      for (let i = 1; i < parts.length; i++) this.packages.add(parts.slice(0, i).join('.'));
      if (isInit) this.packages.add(module);
      this.moduleByFile.set(file, module);
      // a package's __init__.py and a same-named module file: Python picks the package
      if (!this.fileByModule.has(module) || isInit) this.fileByModule.set(module, file);
    }
  }

  /** The dotted name a `.py` path has (or would have) under the roots, whether or not it exists. */
  moduleForPath(file: string): string | undefined {
    if (!file.endsWith('.py')) return undefined;
    const root = this.roots.find((r) => r === '.' || file.startsWith(`${r}/`));
    if (root === undefined) return undefined;
    const parts = (root === '.' ? file : file.slice(root.length + 1)).slice(0, -3).split('/');
    if (!parts.every(isIdentifier)) return undefined;
    if (parts[parts.length - 1] === '__init__') parts.pop();
    return parts.length ? parts.join('.') : undefined;
  }

  /** The file that defines a module, or undefined (namespace packages have none). */
  getFile(module: string): string | undefined {
    return this.fileByModule.get(module);
  }

  /** The dotted name of a file, or undefined when it lies under no import root. */
  getModule(file: string): string | undefined {
    return this.moduleByFile.get(file);
  }

  /** Every module with a file under the roots. */
  moduleNames(): string[] {
    return [...this.fileByModule.keys()];
  }

  /** True for a module or (namespace) package that exists under the roots (or existed: see `retire`). */
  exists(module: string): boolean {
    return this.fileByModule.has(module) || this.packages.has(module) || this.retired.has(module);
  }

  isPackage(module: string): boolean {
    return this.packages.has(module) || this.retiredPackages.has(module);
  }

  /**
   * A package the map moves that is no longer in the tree (deleted before its importers were fixed): its submodules
   * are taken to be those of its counterpart under `to`, so that every import form of them can still be rewritten.
   */
  retire(from: string, to: string): void {
    for (const module of [...this.fileByModule.keys(), ...this.packages]) {
      if (!module.startsWith(`${to}.`)) continue;
      const old = from + module.slice(to.length);
      this.retired.add(old);
      if (this.packages.has(module)) this.retiredPackages.add(old);
    }
    if (this.packages.has(to)) this.retiredPackages.add(from);
  }

  /** The package a file's relative imports start from: itself for `__init__.py`, else its parent. */
  packageOf(file: string): string | undefined {
    const module = this.moduleForPath(file);
    if (module === undefined) return undefined;
    if (file.endsWith('/__init__.py') || file === '__init__.py') return module;
    const dot = module.lastIndexOf('.');
    return dot === -1 ? '' : module.slice(0, dot);
  }

  /** `from ..x import y` in `file` -> the absolute module, or undefined when it climbs above the top package. */
  absolutize(file: string, level: number, module: string | undefined): string | undefined {
    if (level === 0) return module;
    const pkg = this.packageOf(file);
    if (pkg === undefined) return undefined;
    const parts = pkg ? pkg.split('.') : [];
    // Python's own rule (importlib._resolve_name): climbing to or above the top-level package is an ImportError
    if (level > parts.length) return undefined;
    const base = parts.slice(0, parts.length - (level - 1));
    const full = [...base, ...(module ? [module] : [])].join('.');
    return full || undefined;
  }

  /**
   * How `file` writes an import of `target` when its original import was relative (`level` > 0):
   * relative again when both share the top-level package, else absolute.
   */
  relativeSpelling(file: string, target: string): string | undefined {
    const pkg = this.packageOf(file);
    if (!pkg) return undefined;
    const from = pkg.split('.');
    const to = target.split('.');
    let common = 0;
    while (common < from.length && common < to.length && from[common] === to[common]) common++;
    if (common === 0) return undefined;
    const dots = '.'.repeat(from.length - common + 1);
    return dots + to.slice(common).join('.');
  }
}

export function isIdentifier(part: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(part);
}

/** `a.b.c` -> `a.b` (empty for a top-level module). */
export const parentModule = (module: string): string => module.slice(0, Math.max(0, module.lastIndexOf('.')));

/** `a.b.c` -> `c`. */
export const lastPart = (module: string): string => module.slice(module.lastIndexOf('.') + 1);

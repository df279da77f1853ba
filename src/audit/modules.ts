import { existsSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { nodeConfigFileSystem } from '../languages/typescript/config-files';
import { PathsConfigReader } from '../languages/typescript/config-paths';
import { pathsBase } from '../languages/typescript/paths-mapping';
import type { FileScan, ScannedImport } from '../schema/orm/types';

/** What one name of an import statement binds, once resolved to a scanned file. */
export interface Binding {
  /** the file the name comes from */
  file: string;
  /** the name in that file; undefined when the binding is the module itself (`import a.b`, `import * as ns`) */
  name: string | undefined;
  /** the local name in the importing file */
  local?: string;
}

export interface ResolvedImport {
  imp: ScannedImport;
  /** the target file, when the specifier resolves inside the audited directory */
  file?: string;
  bindings: Binding[];
  /** `from x import *` / `export * from` */
  star: boolean;
}

/** Import resolution over the scanned files: Python modules against detected import roots, TS relative and tsconfig `paths`. */
export class ModuleGraph {
  readonly scans = new Map<string, FileScan>();
  private readonly pyModules = new Map<string, string>(); // full dotted module (relative to the audited dir) -> file
  private readonly pySuffixes = new Map<string, string[]>(); // module suffix -> files
  /** how often each Python import root resolved an absolute import */
  readonly pythonRootHits = new Map<string, number>();
  private readonly tsFiles = new Set<string>();
  private readonly tsconfigCache = new Map<string, CompilerPaths | undefined>();
  private readonly tsconfigs = new PathsConfigReader(nodeConfigFileSystem);
  private readonly resolved = new Map<string, ResolvedImport[]>();

  constructor(
    private readonly root: string,
    scans: readonly FileScan[],
  ) {
    for (const scan of scans) {
      this.scans.set(scan.file, scan);
      if (scan.language === 'python') {
        const module = fullPythonModule(scan.file);
        if (!this.pyModules.has(module) || scan.file.endsWith('__init__.py')) this.pyModules.set(module, scan.file);
        const parts = module.split('.');
        for (let i = 1; i < parts.length; i++) {
          const suffix = parts.slice(i).join('.');
          this.pySuffixes.set(suffix, [...(this.pySuffixes.get(suffix) ?? []), scan.file]);
        }
      } else if (scan.language === 'typescript') {
        this.tsFiles.add(scan.file);
      }
    }
    for (const scan of scans) this.resolved.set(scan.file, scan.imports.map((imp) => this.resolveImport(scan, imp)));
  }

  importsOf(file: string): ResolvedImport[] {
    return this.resolved.get(file) ?? [];
  }

  /** The Python import root of a file: the most used root that contains it ('.' when none does). */
  pythonRootOf(file: string): string {
    let best = '.';
    let bestHits = -1;
    for (const [root, hits] of this.pythonRootHits) {
      if (root !== '.' && !file.startsWith(`${root}/`)) continue;
      if (hits > bestHits || (hits === bestHits && root.length > best.length)) {
        best = root;
        bestHits = hits;
      }
    }
    return best;
  }

  /** Module id: Python dotted path relative to the file's import root; TS path without extension. */
  moduleIdOf(file: string): string {
    const scan = this.scans.get(file);
    if (scan?.language === 'python') {
      const root = this.pythonRootOf(file);
      const relative = root === '.' ? file : file.slice(root.length + 1);
      return fullPythonModule(relative);
    }
    return file.replace(/\.(d\.)?[mc]?[jt]sx?$/, '').replace(/\.prisma$/, '');
  }

  /**
   * Where `name` as exported by `file` is defined, following re-exports (`from .core import Booking`
   * in `__init__.py`, `export { User } from './user'`, star re-exports). Undefined when unknown.
   */
  originOf(file: string, name: string, seen = new Set<string>()): { file: string; name: string } | undefined {
    const key = `${file}\0${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const scan = this.scans.get(file);
    if (!scan) return undefined;
    if (name === 'default' && scan.defaultExport) name = scan.defaultExport;
    if (scan.definitions.includes(name) || scan.models.some((m) => m.class === name)) return { file, name };
    for (const resolved of this.importsOf(file)) {
      if (!resolved.imp.reexport && scan.language !== 'python') continue;
      // Python: any module-level import binds a name others can import; TS: only `export ... from`
      if (scan.language === 'python' && !resolved.imp.reexport) continue;
      for (const binding of resolved.bindings) {
        if ((binding.local ?? binding.name) !== name) continue;
        if (binding.name === undefined) return undefined; // a module object, not a class
        return this.originOf(binding.file, binding.name, seen);
      }
      if (resolved.star && resolved.file) {
        const found = this.originOf(resolved.file, name, seen);
        if (found) return found;
      }
    }
    // TS: a local import re-exported by `export { User }` (definitions list it, handled above) — or a name imported then exported default
    return undefined;
  }

  private resolveImport(scan: FileScan, imp: ScannedImport): ResolvedImport {
    return scan.language === 'python' ? this.resolvePythonImport(scan.file, imp) : this.resolveTsImport(scan.file, imp);
  }

  // ---- Python

  private resolvePythonImport(from: string, imp: ScannedImport): ResolvedImport {
    const out: ResolvedImport = { imp, bindings: [], star: imp.names === '*' };
    const base = this.pythonBase(from, imp);
    if (base === undefined) return out;
    const join = (a: string, b: string): string => (a && b ? `${a}.${b}` : a || b);
    if (imp.names === undefined) {
      // case: import a.b.c
      const file = this.findPythonModule(base, from, imp.level === 0);
      if (file) {
        out.file = file;
        out.bindings.push({ file, name: undefined });
      }
      return out;
    }
    const file = base ? this.findPythonModule(base, from, imp.level === 0) : undefined;
    if (file) out.file = file;
    if (imp.names === '*') return out;
    imp.names.forEach((name, i) => {
      const local = imp.locals?.[i] ?? name;
      // case: from a import b   (b a submodule of package a)
      const submodule = this.findPythonModule(join(base, name), from, imp.level === 0);
      if (submodule && (!file || !this.scans.get(file)?.definitions.includes(name))) {
        out.bindings.push({ file: submodule, name: undefined, local });
      } else if (file) {
        out.bindings.push({ file, name, local });
      }
    });
    return out;
  }

  /** The absolute dotted module an import names (relative imports resolved from the importing file's package). */
  private pythonBase(from: string, imp: ScannedImport): string | undefined {
    if (imp.level === 0) return imp.specifier;
    const parts = fullPythonModule(from).split('.').filter(Boolean);
    if (!from.endsWith('__init__.py')) parts.pop();
    for (let i = 1; i < imp.level; i++) {
      if (!parts.length) return undefined;
      parts.pop();
    }
    return [...parts, ...(imp.specifier ? imp.specifier.split('.') : [])].join('.');
  }

  private findPythonModule(module: string, from: string, absolute: boolean): string | undefined {
    if (!module) return this.pyModules.get('');
    const exact = this.pyModules.get(module);
    if (exact) {
      if (absolute) this.hitRoot('.');
      return exact;
    }
    const candidates = this.pySuffixes.get(module);
    if (!candidates?.length || !absolute) return undefined;
    // several import roots (apps/api/src, services/x): the candidate closest to the importing file wins
    const fromDir = from.split('/').slice(0, -1);
    let best = candidates[0]!;
    let bestScore = -1;
    for (const candidate of candidates) {
      const dir = candidate.split('/');
      let common = 0;
      while (common < fromDir.length && common < dir.length && fromDir[common] === dir[common]) common++;
      if (common > bestScore || (common === bestScore && candidate.length < best.length)) {
        best = candidate;
        bestScore = common;
      }
    }
    const full = fullPythonModule(best);
    const rootModule = full.slice(0, full.length - module.length - 1);
    this.hitRoot(rootModule.split('.').join('/'));
    return best;
  }

  private hitRoot(root: string): void {
    this.pythonRootHits.set(root, (this.pythonRootHits.get(root) ?? 0) + 1);
  }

  // ---- TypeScript

  private resolveTsImport(from: string, imp: ScannedImport): ResolvedImport {
    const out: ResolvedImport = { imp, bindings: [], star: imp.names === '*' };
    const file = this.resolveTsSpecifier(imp.specifier, from);
    if (!file) return out;
    out.file = file;
    if (imp.names === undefined) out.bindings.push({ file, name: undefined });
    else if (imp.names !== '*') imp.names.forEach((name, i) => out.bindings.push({ file, name, local: imp.locals?.[i] ?? name }));
    return out;
  }

  resolveTsSpecifier(specifier: string, from: string): string | undefined {
    if (specifier.startsWith('.')) return this.tsCandidate(posix.normalize(posix.join(posix.dirname(from), specifier)));
    const config = this.compilerPathsFor(from);
    if (!config) return undefined;
    for (const [pattern, targets] of Object.entries(config.paths)) {
      const star = pattern.indexOf('*');
      let matched: string | undefined;
      if (star < 0) matched = pattern === specifier ? '' : undefined;
      else {
        const prefix = pattern.slice(0, star);
        const suffix = pattern.slice(star + 1);
        if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length) {
          matched = specifier.slice(prefix.length, specifier.length - suffix.length);
        }
      }
      if (matched === undefined) continue;
      for (const target of targets) {
        const absolute = join(config.base, target.replace('*', matched));
        const found = this.tsCandidate(this.relativeToRoot(absolute));
        if (found) return found;
      }
    }
    if (config.baseUrl) return this.tsCandidate(this.relativeToRoot(join(config.baseUrl, specifier)));
    return undefined;
  }

  private relativeToRoot(absolute: string): string {
    return posix.normalize(absolute.split('\\').join('/')).slice(this.root.split('\\').join('/').replace(/\/$/, '').length + 1);
  }

  private tsCandidate(path: string): string | undefined {
    if (path.startsWith('..')) return undefined;
    const stripped = path.replace(/\.[mc]?jsx?$/, '');
    const tries = [path];
    for (const base of [stripped, path]) {
      for (const ext of ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']) tries.push(base + ext);
      for (const ext of ['.ts', '.tsx', '.js', '.jsx']) tries.push(`${base}/index${ext}`);
    }
    return tries.find((t) => this.tsFiles.has(t));
  }

  private compilerPathsFor(from: string): CompilerPaths | undefined {
    const dirs = from.split('/').slice(0, -1);
    for (let i = dirs.length; i >= 0; i--) {
      const dir = dirs.slice(0, i).join('/');
      if (this.tsconfigCache.has(dir)) return this.tsconfigCache.get(dir);
      for (const name of ['tsconfig.json', 'jsconfig.json']) {
        const path = join(this.root, dir, name);
        if (existsSync(path)) {
          const read = this.tsconfigs.read(path);
          const config = read && { base: pathsBase(read, dirname(path)), baseUrl: read.baseUrl, paths: read.paths ?? {} };
          this.tsconfigCache.set(dir, config);
          return config;
        }
      }
    }
    this.tsconfigCache.set('', undefined);
    return undefined;
  }
}

/** The `baseUrl` and `paths` that govern a folder (`base`: the absolute folder `paths` targets are read from). */
interface CompilerPaths {
  base: string;
  baseUrl?: string;
  paths: Readonly<Record<string, readonly string[]>>;
}

/** `db/models/core.py` -> `db.models.core`, `db/models/__init__.py` -> `db.models`. */
export function fullPythonModule(file: string): string {
  const parts = file.replace(/\.py$/, '').split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts.join('.');
}

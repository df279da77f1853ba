import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

type Compile = (this: ModuleLike, content: string, filename: string, format?: string) => unknown;
interface ModuleLike {
  exports: unknown;
  require(id: string): unknown;
}
interface ModuleStatics {
  prototype: { _compile: Compile };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: ModuleLike, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: ModuleLike): string[] | null;
  _extensions: unknown;
  _cache: unknown;
}
const Module = nodeModule as unknown as ModuleStatics;
let nativeCompile: Compile | undefined;
let cacheFolder: string | undefined;
/** scripts this process compiled without usable cached code: their code is written when the process exits */
const uncached: { script: Script; file: string }[] = [];

/**
 * Caches V8's compiled code of the modules a command loads, the code taken when the process exits
 * (`Script.createCachedData()` after the run): it holds every function the command ran, not only each module's top
 * level, as the cache V8 makes at compile time (Node 22's `enableCompileCache`, `v8-compile-cache`) does. The
 * TypeScript compiler (9 MB of JavaScript) then loads in a third of the time and its parser starts compiled.
 *
 * One folder per command and Node version (`scope`: a `--version` run must not leave `plan` a cache without the
 * parser); workers read the folder their main thread uses and never write. A module's entry is keyed by its path and
 * what `stat` says of it (size, times, inode: git's own test for a changed file), and V8 rejects code made by another
 * V8 or other flags. Only the CLI and its workers call this; the library API leaves the host's loader alone.
 */
export function enableCompileCache(scope: string | undefined): void {
  if (nativeCompile || process.env.REMODEL_COMPILE_CACHE === '0') return;
  if (isMainThread) {
    const base = process.env.REMODEL_COMPILE_CACHE || join(tmpdir(), `remodel-compile-cache-${uid()}`);
    if (!isPrivateFolder(base)) return;
    cacheFolder = join(base, `${process.version}-${process.arch}`, scope?.replace(/[^\w-]/g, '') || 'none');
  } else cacheFolder = scope;
  if (!cacheFolder) return;
  nativeCompile = Module.prototype._compile;
  Module.prototype._compile = compileWithCache;
  if (isMainThread) process.once('exit', writeCache);
}

/** The folder in use, for the workers this process starts (undefined: no cache). */
export function compileCacheFolder(): string | undefined {
  return cacheFolder;
}

/**
 * The cache's own folder, made when missing: it must be this user's and writable by no one else, since code read from
 * it runs (another user's folder in a shared temp folder could hand remodel any code). Else no cache.
 */
function isPrivateFolder(folder: string): boolean {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = lstatSync(folder);
    const mine = typeof process.getuid !== 'function' || stat.uid === process.getuid();
    return stat.isDirectory() && mine && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function uid(): string {
  try {
    return String(userInfo().uid);
  } catch {
    return 'user';
  }
}

function entryOf(file: string): string | undefined {
  try {
    const stat = statSync(file);
    const key = [file, stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, stat.dev].join('\0');
    return join(cacheFolder!, `${createHash('sha1').update(key).digest('hex')}.v8`);
  } catch {
    return undefined;
  }
}

/** Node's `Module.prototype._compile`, through a `vm.Script` that takes and gives cached code. */
function compileWithCache(this: ModuleLike, content: string, filename: string, format?: string): unknown {
  // an ES module `require()` loads (Node 20.19+, format 'module') is Node's to compile
  const entry = format !== 'module' && (filename.endsWith('.js') || filename.endsWith('.cjs')) ? entryOf(filename) : undefined;
  if (!entry) return nativeCompile!.call(this, content, filename, format);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(entry);
  } catch {
    // not cached yet
  }
  const script = new Script(Module.wrap(withoutShebang(content)), { filename, cachedData });
  if (!cachedData || script.cachedDataRejected) uncached.push({ script, file: entry });
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
}

function withoutShebang(content: string): string {
  if (!content.startsWith('#!')) return content;
  const end = content.search(/[\r\n]/);
  return end < 0 ? '' : content.slice(end);
}

/** The `require` a module gets from Node's loader: resolve, cache, extensions, main. */
function requireFor(module: ModuleLike): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) => Module._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => Module._resolveLookupPaths(request, module);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = Module._extensions as NodeJS.Require['extensions'];
  require.cache = Module._cache as NodeJS.Require['cache'];
  return require;
}

/** Entries a command's folder keeps: each build of remodel (new files) adds its own, the oldest go past this. */
export const maxCacheEntries = 1000;

/** At exit: the code of every module that had none cached, with all it compiled during the run (atomic per file). */
function writeCache(): void {
  if (!uncached.length) return;
  try {
    mkdirSync(cacheFolder!, { recursive: true });
    for (const { script, file } of uncached) {
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, file);
    }
    pruneCache(cacheFolder!);
  } catch {
    // a read-only or full temp folder: the next run compiles again
  }
}

/** Past `maxCacheEntries`, the older half goes (by the time each entry was written). */
function pruneCache(folder: string): void {
  const entries = readdirSync(folder).filter((name) => name.endsWith('.v8'));
  if (entries.length <= maxCacheEntries) return;
  const byAge = entries.map((name) => ({ name, written: statSync(join(folder, name)).mtimeMs })).sort((a, b) => a.written - b.written);
  for (const { name } of byAge.slice(0, entries.length - maxCacheEntries / 2)) rmSync(join(folder, name), { force: true });
}

/**
 * Requires a module with Node's own loader: a module compiled through `vm.Script` cannot `import()` (Node 20 loses
 * the loader of code read from a cache), and prettier 3's CommonJS entry loads its ES modules so.
 */
export function requireWithNativeLoader(file: string): unknown {
  if (!nativeCompile) return require(file);
  const cached = Module.prototype._compile;
  Module.prototype._compile = nativeCompile;
  try {
    return require(file);
  } finally {
    Module.prototype._compile = cached;
  }
}

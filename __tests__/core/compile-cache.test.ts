import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { maxCacheEntries } from '../../src/core/compile-cache';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/cli';

// the compiled cache (`npm test` builds first): a child process is the only honest place to swap Node's loader
const cacheModule = join(repoRoot, 'dist', 'src', 'core', 'compile-cache.js');

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh folder under the temp folder, removed after the suite. */
function temporaryFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'remodel-compile-cache-test-'));
  made.push(dir);
  return dir;
}

function setup(): { dir: string; cache: string; run: (scope: string, call?: string) => string } {
  const dir = temporaryFolder();
  const cache = join(dir, 'cache');
  writeFileSync(join(dir, 'main.js'), [
    `require(${JSON.stringify(cacheModule)}).enableCompileCache(process.argv[2]);`,
    "const m = require('./m.js');",
    'const call = process.argv[3];',
    "console.log(call ? m[call]() : m.value());",
  ].join('\n'));
  writeModule(dir, 'A1');
  const run = (scope: string, call?: string): string => {
    const result = spawnSync(process.execPath, [join(dir, 'main.js'), scope, ...(call ? [call] : [])], { encoding: 'utf8', env: { ...process.env, REMODEL_COMPILE_CACHE: cache } });
    if (result.status !== 0) throw new Error(result.stderr);
    return result.stdout.trim();
  };
  return { dir, cache, run };
}

/** m.js: a value, and a function with a lot of code. */
function writeModule(dir: string, value: string): void {
  const body = Array.from({ length: 400 }, (_, i) => `  total += (n * ${i}) % ${i + 7};`).join('\n');
  writeFileSync(join(dir, 'm.js'), `exports.value = () => '${value}';\nexports.heavy = (n = 3) => {\n  let total = 0;\n${body}\n  return total;\n};\n`);
}

const entries = (folder: string): { name: string; size: number; mtime: number }[] =>
  readdirSync(folder).filter((name) => name.endsWith('.v8')).map((name) => ({ name, size: statSync(join(folder, name)).size, mtime: statSync(join(folder, name)).mtimeMs }));
const scopeFolder = (cache: string, scope: string): string => join(cache, `${process.version}-${process.arch}`, scope);

describe('the compile cache (core/compile-cache.ts)', () => {
  it('writes each module’s code at exit, then serves it without writing again', () => {
    const { cache, run } = setup();
    expect(run('plan')).toBe('A1');
    const written = entries(scopeFolder(cache, 'plan'));
    expect(written.map((entry) => entry.name)).toHaveLength(1); // m.js; main.js is the entry script, compiled before the cache is on
    expect(run('plan')).toBe('A1');
    expect(entries(scopeFolder(cache, 'plan'))).toEqual(written);
  });

  it('never serves a changed module its old code, even at the same size (V8 itself checks only the length)', () => {
    const { dir, cache, run } = setup();
    expect(run('plan')).toBe('A1');
    writeModule(dir, 'B2');
    expect(run('plan')).toBe('B2');
    expect(entries(scopeFolder(cache, 'plan'))).toHaveLength(2);
    expect(run('plan')).toBe('B2');
  });

  it('keeps the functions the run compiled, not only the top level, one folder per command', () => {
    const { cache, run } = setup();
    run('version');
    run('plan', 'heavy');
    const [short] = entries(scopeFolder(cache, 'version'));
    const [long] = entries(scopeFolder(cache, 'plan'));
    expect(long!.size).toBeGreaterThan(short!.size + 2000);
  });

  it('is off with REMODEL_COMPILE_CACHE=0', () => {
    const folderWith = (setting: string): string => spawnSync(process.execPath, ['-e', `const c = require(${JSON.stringify(cacheModule)}); c.enableCompileCache('plan'); console.log(c.compileCacheFolder())`], { encoding: 'utf8', env: { ...process.env, REMODEL_COMPILE_CACHE: setting } }).stdout.trim();
    const somewhere = join(temporaryFolder(), 'somewhere');
    expect(folderWith('0')).toBe('undefined');
    expect(folderWith(somewhere)).toBe(scopeFolder(somewhere, 'plan'));
  });

  it('keeps a bounded folder: past the limit, the oldest entries go when the next one is written', () => {
    const { cache, run } = setup();
    const folder = scopeFolder(cache, 'plan');
    mkdirSync(folder, { recursive: true });
    const old = Date.now() / 1000 - 3600;
    for (let i = 0; i < maxCacheEntries; i++) {
      writeFileSync(join(folder, `stale-${i}.v8`), '');
      utimesSync(join(folder, `stale-${i}.v8`), old + i, old + i);
    }
    expect(run('plan')).toBe('A1');
    const left = entries(folder).map((entry) => entry.name);
    expect(left.length).toBe(maxCacheEntries / 2);
    expect(left.filter((name) => !name.startsWith('stale-'))).toHaveLength(1); // the entry just written stays
    expect(left).toContain(`stale-${maxCacheEntries - 1}.v8`); // the newest stale ones stay
    expect(left).not.toContain('stale-0.v8');
  });

  it('reads no code from a folder that others can write (a shared temp folder): no cache then', () => {
    const { cache } = setup();
    mkdirSync(cache, { recursive: true });
    chmodSync(cache, 0o777);
    const folder = spawnSync(process.execPath, ['-e', `const c = require(${JSON.stringify(cacheModule)}); c.enableCompileCache('plan'); console.log(c.compileCacheFolder())`], { encoding: 'utf8', env: { ...process.env, REMODEL_COMPILE_CACHE: cache } }).stdout.trim();
    expect(folder).toBe('undefined');
    chmodSync(cache, 0o700);
    const mine = spawnSync(process.execPath, ['-e', `const c = require(${JSON.stringify(cacheModule)}); c.enableCompileCache('plan'); console.log(c.compileCacheFolder())`], { encoding: 'utf8', env: { ...process.env, REMODEL_COMPILE_CACHE: cache } }).stdout.trim();
    expect(mine).toBe(scopeFolder(cache, 'plan'));
  });
});

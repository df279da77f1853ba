import * as path from 'node:path';
import { toPosix } from '../../core/paths';
import { stripSourceExtension } from './module-files';
import { exportTargets } from './package-entries';
import { nearestPackageJson, type PackageJson } from './package-json';

/*
 * How a file is spelled through package.json files, read from disk without the compiler: its package's name and
 * `exports` keys, the importer's `imports` keys. The specifier writer and the prefilter's needles use it.
 */

const manifests = new Map<string, PackageJson | null>();

/** The nearest package.json above a file (cached per folder), or null. */
const packageOf = (file: string): PackageJson | null => nearestPackageJson(path.dirname(file), manifests);

/**
 * The keys of a package.json `exports` or `imports` map that lead to `target` (a `*` pattern spelled out), each
 * through `spell(key)`.
 */
function* mappedKeys(entries: Record<string, unknown>, pkgDir: string, spellings: readonly string[], spell: (key: string) => string): Generator<string> {
  for (const spelled of spellings) yield* mappedKeysOf(entries, `./${toPosix(path.relative(pkgDir, spelled))}`, spell);
}

function* mappedKeysOf(entries: Record<string, unknown>, rel: string, spell: (key: string) => string): Generator<string> {
  for (const [key, value] of Object.entries(entries)) {
    for (const leaf of exportTargets(value)) {
      const star = leaf.indexOf('*');
      if (star === -1) {
        if (path.posix.normalize(leaf) === path.posix.normalize(rel)) yield spell(key);
        continue;
      }
      const [before, after] = [leaf.slice(0, star), leaf.slice(star + 1)];
      if (rel.startsWith(before) && rel.endsWith(after) && rel.length >= before.length + after.length) {
        yield spell(key.replace('*', rel.slice(before.length, rel.length - after.length)));
      }
    }
  }
}

/** `@scope/pkg/sub` spellings of a file through its package's `exports` subpaths (patterns too), else its path in the package. */
export function* packageSpecifiers(target: string, spellings: readonly string[]): Generator<string> {
  const pkg = packageOf(target);
  if (!pkg || typeof pkg.json.name !== 'string') return;
  const name = pkg.json.name;
  const exportsField = pkg.json.exports;
  const subpaths: Record<string, unknown> =
    exportsField && typeof exportsField === 'object' && !Array.isArray(exportsField) && Object.keys(exportsField).some((key) => key.startsWith('.'))
      ? (exportsField as Record<string, unknown>)
      : exportsField !== undefined
        ? { '.': exportsField }
        : {};
  yield* mappedKeys(subpaths, pkg.dir, [target, ...spellings], (key) => (key === '.' ? name : `${name}${key.slice(1)}`));
  if (exportsField !== undefined) return;
  // without `exports`, the package's own name reaches its entry file (`types`, `main`, … or an index at its root)
  const module = (file: string): string => stripSourceExtension(path.resolve(file));
  const targets = new Set([target, ...spellings].map(module));
  const entries = [pkg.json.types, pkg.json.typings, pkg.json.main, pkg.json.module].filter((entry): entry is string => typeof entry === 'string');
  if (entries.some((entry) => targets.has(module(path.join(pkg.dir, entry)))) || (!entries.length && targets.has(path.join(pkg.dir, 'index')))) yield name;
  yield `${name}/${stripSourceExtension(toPosix(path.relative(pkg.dir, target)))}`;
}

/**
 * The bare specifiers through which a file's package publishes it (its name for the entry file, an `exports` key),
 * not a path into the package: what stays true of the file when a move re-points the package.json with it.
 */
export function publishedSpecifiers(file: string): string[] {
  const published = [...packageSpecifiers(file, [])];
  const pkg = packageOf(file);
  return pkg?.json.exports === undefined ? published.slice(0, -1) : published;
}

/** `#models/user.js` spellings of a file through the importer's package.json `imports` (Node subpath imports). */
export function* subpathImportSpecifiers(importer: string, spellings: readonly string[]): Generator<string> {
  const pkg = packageOf(importer);
  const imports = pkg?.json.imports;
  if (!pkg || !imports || typeof imports !== 'object' || Array.isArray(imports)) return;
  yield* mappedKeys(imports as Record<string, unknown>, pkg.dir, spellings, (key) => key);
}

import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../core/errors';
import { loadImportMap } from './load';
import { resolveImportMap } from './resolve';
import type { ImportMap } from './types';

export type { ImportMap, RewriteRule, NameTarget, ModuleTarget, LanguageId } from './types';

const mapFile = /\.(ya?ml|json)$/;

/** The maps a run uses: the named files (relative to the process), or every map under `<cwd>/import-maps/`. */
export function findImportMaps(cwd: string, named: readonly string[] | undefined): string[] {
  // the same map named twice is one map
  if (named && named.length) return [...new Set(named.map((file) => resolve(file)))];
  const folder = join(cwd, 'import-maps');
  // sub-folders too (import-maps/billing/2024.yaml), in path order
  const found = existsSync(folder)
    ? (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => mapFile.test(name) && !name.endsWith('.schema.json')).sort()
    : [];
  if (!found.length) throw new UsageError(`no import map: pass --map FILE, or put maps under ${join(relative(process.cwd(), cwd) || '.', 'import-maps')}/`);
  return found.map((name) => join(folder, name));
}

/** Loads, validates and resolves one map file; errors are ImportMapError with file, line and key path. */
export function readImportMap(file: string): ImportMap {
  const display = relative(process.cwd(), file) || file;
  return resolveImportMap(loadImportMap(file, display.startsWith('..') ? file : display));
}

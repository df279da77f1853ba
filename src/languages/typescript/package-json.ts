import * as fs from 'node:fs';
import * as path from 'node:path';

/** A package.json as read from disk: its folder and its JSON object. */
export interface PackageJson {
  dir: string;
  json: Record<string, unknown>;
}

/** The package.json of a folder, parsed; null when it is missing or not a JSON object. */
export function readPackageJson(dir: string): PackageJson | null {
  try {
    const json: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return json && typeof json === 'object' && !Array.isArray(json) ? { dir, json: json as Record<string, unknown> } : null;
  } catch {
    // an unreadable manifest is the package manager's error to report, not a reason to stop a rewrite
    return null;
  }
}

/**
 * The package.json that governs `folder`: the nearest one at or above it (none above `root`, when given), read once
 * per folder into `cache`; null when there is none, or when the nearest one does not parse.
 */
export function nearestPackageJson(folder: string, cache: Map<string, PackageJson | null>, root?: string): PackageJson | null {
  const known = cache.get(folder);
  if (known !== undefined) return known;
  let found: PackageJson | null = null;
  if (fs.existsSync(path.join(folder, 'package.json'))) found = readPackageJson(folder);
  else if (folder !== root && path.dirname(folder) !== folder && (root === undefined || !path.relative(root, folder).startsWith('..'))) found = nearestPackageJson(path.dirname(folder), cache, root);
  cache.set(folder, found);
  return found;
}

import * as path from 'node:path';

/** True when a tsconfig `paths` pattern (one `*` at most) matches the specifier. */
export function matchesPattern(specifier: string, pattern: string): boolean {
  const star = pattern.indexOf('*');
  if (star === -1) return specifier === pattern;
  return specifier.length >= pattern.length - 1 && specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1));
}

/** The `paths` key the compiler applies to `specifier`: the exact one, else the wildcard one with the longest prefix. */
export function pathsPatternFor(keys: readonly string[], specifier: string): string | undefined {
  if (keys.includes(specifier)) return specifier;
  let best: string | undefined;
  for (const key of keys) {
    const star = key.indexOf('*');
    if (star < 0 || star !== key.lastIndexOf('*') || !matchesPattern(specifier, key)) continue;
    if (best === undefined || star > best.indexOf('*')) best = key;
  }
  return best;
}

/** The options that decide where `paths` and `baseUrl` map a specifier (`pathsBasePath`: the folder of the config that set `paths`). */
export interface PathsOptions {
  baseUrl?: string;
  paths?: Readonly<Record<string, readonly string[]>>;
  pathsBasePath?: string;
}

/** Where the compiler reads `paths` substitutions from: `baseUrl`, else the folder of the config that set them. */
export function pathsBase(options: PathsOptions, cwd: string): string {
  return options.baseUrl ?? options.pathsBasePath ?? cwd;
}

/**
 * The absolute paths `paths` (the pattern the compiler picks, its substitutions in order) or else `baseUrl` map a
 * non-relative specifier to, before extensions are tried; [] when neither applies.
 */
export function mappedCandidates(specifier: string, options: PathsOptions, cwd: string): string[] {
  const { paths, baseUrl } = options;
  const pattern = paths ? pathsPatternFor(Object.keys(paths), specifier) : undefined;
  if (pattern !== undefined) {
    const star = pattern.indexOf('*');
    const matched = star < 0 ? '' : specifier.slice(star, specifier.length - (pattern.length - star - 1));
    return paths![pattern]!.map((substitution) => path.resolve(pathsBase(options, cwd), substitution.replace('*', matched)));
  }
  return baseUrl === undefined ? [] : [path.resolve(baseUrl, specifier)];
}

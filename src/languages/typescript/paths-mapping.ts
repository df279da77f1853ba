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

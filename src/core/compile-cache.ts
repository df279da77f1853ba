import * as nodeModule from 'node:module';

/**
 * Caches V8's compiled code of the modules a command loads (the TypeScript compiler alone is 9 MB of JavaScript,
 * 0.2–0.4 s to compile on each start, in each worker): Node's own cache where it has one (22+), else
 * `v8-compile-cache`. Only the CLI and its workers call this; the library API leaves the host's loader alone.
 */
export function enableCompileCache(): void {
  const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (enable) enable();
  else require('v8-compile-cache');
}

import * as nodeModule from 'node:module';

type Compile = (content: string, filename: string) => unknown;
const modulePrototype = (nodeModule as unknown as { prototype: { _compile: Compile } }).prototype;
let nativeCompile: Compile | undefined;

/**
 * Caches V8's compiled code of the modules a command loads (the TypeScript compiler alone is 9 MB of JavaScript,
 * 0.2–0.4 s to compile on each start, in each worker): Node's own cache where it has one (22+), else
 * `v8-compile-cache`. Only the CLI and its workers call this; the library API leaves the host's loader alone.
 */
export function enableCompileCache(): void {
  const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (enable) enable();
  else {
    nativeCompile = modulePrototype._compile;
    require('v8-compile-cache');
  }
}

/**
 * Requires a module with Node's own loader: what `v8-compile-cache` compiles cannot `import()` (prettier 3's
 * CommonJS entry loads its ES modules so).
 */
export function requireWithNativeLoader(file: string): unknown {
  if (!nativeCompile) return require(file);
  const cached = modulePrototype._compile;
  modulePrototype._compile = nativeCompile;
  try {
    return require(file);
  } finally {
    modulePrototype._compile = cached;
  }
}

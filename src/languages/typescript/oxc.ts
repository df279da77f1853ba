import * as nodeModule from 'node:module';
import type * as Oxc from 'oxc-parser' with { 'resolution-mode': 'import' };

let loaded: typeof Oxc | null | undefined;

/**
 * Node's own `require` from this module: oxc's package is an ES module, which Node 20.19+ can `require()` but which
 * a test runner's loader (jest's, even through `createRequire`) cannot; `process.getBuiltinModule` is Node's own.
 */
function nativeRequire(): NodeJS.Require {
  const builtin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.('node:module') as typeof nodeModule | undefined;
  return (builtin ?? nodeModule).createRequire(__filename);
}

/**
 * oxc's parser (native, shipped in its npm package), or undefined where it cannot load: a platform without its
 * binding, a Node without `require()` of ES modules (before 20.19). Callers then do the same work without it.
 */
export function oxcParser(): typeof Oxc | undefined {
  if (loaded === undefined) {
    try {
      loaded = nativeRequire()('oxc-parser') as typeof Oxc;
    } catch {
      loaded = null;
    }
  }
  return loaded ?? undefined;
}

/** Whether oxc's package is installed here (without loading it: the skeleton worker loads it, not this thread). */
export function oxcAvailable(): boolean {
  if (loaded !== undefined) return loaded !== null;
  try {
    nativeRequire().resolve('oxc-parser');
    return true;
  } catch {
    return false;
  }
}

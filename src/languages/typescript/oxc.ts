import * as nodeModule from 'node:module';
import type { Comment, EcmaScriptModule, OxcError, ParserOptions } from 'oxc-parser' with { 'resolution-mode': 'import' };

/**
 * oxc's native binding, as `oxc-parser/src-js/bindings` exports it (the package's entry wraps it): a result's getters
 * read the parse from Rust. `program` is the syntax tree as JSON, which the binding keeps until it is read: read it
 * (or the memory stays taken for the run: about 90 KB a file, 400 MB over 3,500 files, measured with 0.158).
 */
export interface OxcBinding {
  parseSync(filename: string, text: string, options?: ParserOptions): { program: string; module: EcmaScriptModule; comments: Comment[]; errors: OxcError[] };
}

const bindingModule = 'oxc-parser/src-js/bindings';
let loaded: OxcBinding | null | undefined;

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
export function oxcParser(): OxcBinding | undefined {
  if (loaded === undefined) {
    try {
      loaded = nativeRequire()(bindingModule) as OxcBinding;
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
    nativeRequire().resolve(bindingModule);
    return true;
  } catch {
    return false;
  }
}

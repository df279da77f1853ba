import type { CompilerOptions } from 'typescript';

/** The compiler's `ModuleResolutionKind` values (stable: they are written in .tsbuildinfo files), usable without loading it. */
export const ModuleResolution = { Classic: 1, Node10: 2, Node16: 3, NodeNext: 99, Bundler: 100 } as const;
export type ResolutionKind = (typeof ModuleResolution)[keyof typeof ModuleResolution];

/** `ModuleKind` and `ScriptTarget` values the default resolution depends on. */
const Module = { CommonJS: 1, ES2015: 5, Node16: 100, Node18: 101, Node20: 102, NodeNext: 199, Preserve: 200 } as const;
const TARGET_ES2015 = 2;

/**
 * The resolution the compiler uses for these options: `moduleResolution`, else the default of the `module` in effect
 * (itself `target`'s default when unset: an ES2015+ target means ES modules, so Classic resolution). The compiler's
 * own computation, without loading the compiler.
 *
 * @example
 * resolutionKind({ target: ScriptTarget.ES2020 })   // ModuleResolution.Classic
 * resolutionKind({})                                // ModuleResolution.Node10
 */
export function resolutionKind(options: Pick<CompilerOptions, 'moduleResolution' | 'module' | 'target'>): ResolutionKind {
  if (options.moduleResolution !== undefined) return options.moduleResolution as number as ResolutionKind;
  switch (emitModule(options)) {
    case Module.CommonJS:
      return ModuleResolution.Node10;
    case Module.Node16:
    case Module.Node18:
    case Module.Node20:
      return ModuleResolution.Node16;
    case Module.NodeNext:
      return ModuleResolution.NodeNext;
    case Module.Preserve:
      return ModuleResolution.Bundler;
    default:
      return ModuleResolution.Classic;
  }
}

function emitModule(options: Pick<CompilerOptions, 'module' | 'target'>): number {
  if (typeof options.module === 'number') return options.module;
  return emitTarget(options) >= TARGET_ES2015 ? Module.ES2015 : Module.CommonJS;
}

function emitTarget(options: Pick<CompilerOptions, 'module' | 'target'>): number {
  // ES3 (0) is no longer a target: the compiler reads it as unset
  if (options.target !== undefined && (options.target as number) !== 0) return options.target;
  switch (options.module as number | undefined) {
    case Module.Node16:
    case Module.Node18:
      return 9; // ES2022
    case Module.Node20:
      return 10; // ES2023
    case Module.NodeNext:
      return 99; // ESNext
    default:
      return 1; // ES5
  }
}

/** Resolution that reads a file's module format (ESM or CommonJS) and resolves each import by it. */
export function usesResolutionModes(kind: ResolutionKind): boolean {
  return kind === ModuleResolution.Bundler || kind === ModuleResolution.Node16 || kind === ModuleResolution.NodeNext;
}

import ts from 'typescript';
import { resolutionKind } from '../../src/languages/typescript/resolution-kind';

/** The compiler's own answer (an internal it exports but does not declare). */
const compilers = ts as unknown as { getEmitModuleResolutionKind(options: ts.CompilerOptions): ts.ModuleResolutionKind };

const values = (enumeration: object): Array<number | undefined> => [undefined, ...Object.values(enumeration).filter((value): value is number => typeof value === 'number')];

describe('resolutionKind: the compiler-free resolution kind', () => {
  it('is the compiler’s for every moduleResolution × module × target', () => {
    let compared = 0;
    for (const moduleResolution of values(ts.ModuleResolutionKind)) {
      for (const module of values(ts.ModuleKind)) {
        for (const target of values(ts.ScriptTarget)) {
          const options: ts.CompilerOptions = { moduleResolution, module, target };
          expect([options, resolutionKind(options)]).toEqual([options, compilers.getEmitModuleResolutionKind(options)]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('makes an ES2015+ target alone mean Classic resolution, as the compiler does', () => {
    expect(resolutionKind({ target: ts.ScriptTarget.ES2020 })).toBe(ts.ModuleResolutionKind.Classic);
    expect(resolutionKind({})).toBe(ts.ModuleResolutionKind.Node10);
  });
});

import * as path from 'node:path';
import type { Workspace } from '../../core/types';
import { existsInPlan } from './prepare';
import type { Resolution } from './resolve';
import { sourceExtension } from './module-files';
import { parseSource } from './syntax';
import { ts } from './ts';
import { toPosix } from '../../core/paths';

/**
 * A compiler Program over the workspace as the plan has it so far (rewritten texts, moved files at their new
 * place), for questions only the checker answers: what a module exports, and whether each export is a value,
 * a type or both. No lib files (symbol meanings do not need them).
 *
 * With `resolution`, each file's imports resolve under its own tsconfig (what remodel's resolver answers, the
 * compiler's own resolution under `options` for the rest: packages in node_modules).
 *
 * @example
 * const program = createWorkspaceProgram('/repo', options, workspace, ['/repo/src/models/booking.ts']);
 * program.getTypeChecker().getExportsOfModule(...)
 */
export function createWorkspaceProgram(
  cwd: string,
  options: ts.CompilerOptions,
  workspace: Workspace,
  rootNames: readonly string[],
  resolution?: Resolution,
): ts.Program {
  const inside = (file: string): string | undefined => {
    const rel = path.relative(cwd, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel) || rel.split(path.sep).includes('node_modules')) return undefined;
    return toPosix(rel);
  };
  const fileExists = (file: string): boolean => {
    const rel = inside(file);
    if (rel === undefined) return ts.sys.fileExists(file);
    if (existsInPlan(workspace, rel)) return true;
    // a discovered file that the plan moved away is gone; anything else discovery skipped is asked of the disk
    return !workspace.has(rel) && ts.sys.fileExists(file);
  };
  const readFile = (file: string): string | undefined => {
    const rel = inside(file);
    if (rel !== undefined && existsInPlan(workspace, rel)) {
      try {
        return workspace.read(rel);
      } catch {
        return undefined;
      }
    }
    return fileExists(file) ? ts.sys.readFile(file) : undefined;
  };
  const host: ts.CompilerHost = {
    fileExists,
    readFile,
    getSourceFile: (file, languageVersion) => {
      const text = readFile(file);
      return text === undefined ? undefined : parseSource(file, text, { target: languageVersion });
    },
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => cwd,
    getCanonicalFileName: (file) => (ts.sys.useCaseSensitiveFileNames ? file : file.toLowerCase()),
    useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
    getNewLine: () => '\n',
    getDirectories: () => [],
    // without directoryExists the compiler assumes a folder exists: folders the plan creates do
  };
  if (resolution) {
    const moduleHost: ts.ModuleResolutionHost = { fileExists, readFile };
    host.resolveModuleNameLiterals = (literals, containingFile, _redirect, compilerOptions) =>
      literals.map((literal) => {
        const file = resolution.resolve(literal.text, containingFile, 'import');
        if (file) return { resolvedModule: { resolvedFileName: file, extension: (sourceExtension(file) || ts.Extension.Ts) as ts.Extension, isExternalLibraryImport: false } };
        return ts.resolveModuleName(literal.text, containingFile, compilerOptions, moduleHost);
      });
  }
  const programOptions: ts.CompilerOptions = { ...options, noLib: true, types: [], noEmit: true, skipLibCheck: true, allowJs: true, checkJs: false };
  return ts.createProgram({ rootNames: [...rootNames], options: programOptions, host });
}

import * as path from 'node:path';
// the project's own compiler (a devDependency of the tests, the runtime dependency of remodel)
import * as ts from 'typescript';

/** The compiler's own lib .d.ts files, parsed once for every check (they are most of its time). */
const libFiles = new Map<string, ts.SourceFile | undefined>();

/** Every diagnostic the compiler reports for the project under `dir` (what `tsc --noEmit -p DIR` prints), `file: message`. */
export function typeCheck(dir: string, config = 'tsconfig.json'): string[] {
  const read = ts.readConfigFile(path.join(dir, config), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir);
  const options = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const libDir = path.dirname(ts.getDefaultLibFilePath(options));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => {
    if (path.dirname(path.resolve(file)) !== libDir) return getSourceFile(file, language, ...rest);
    const key = `${file}\0${JSON.stringify(language)}`;
    if (!libFiles.has(key)) libFiles.set(key, getSourceFile(file, language, ...rest));
    return libFiles.get(key);
  };
  const program = ts.createProgram(parsed.fileNames, options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.relative(dir, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

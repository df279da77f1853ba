import { execFileSync } from 'node:child_process';

const script = [
  'import ast, sys',
  'for path in sys.argv[1:]:',
  '    try:',
  '        ast.parse(open(path, "rb").read(), path)',
  '    except SyntaxError as error:',
  '        print(f"{path}:{error.lineno}: {error.msg}")',
].join('\n');

/**
 * The files Python itself refuses to compile, as `path:line: message` (one `python3` for all of them). An independent
 * judge of what remodel writes: tree-sitter, which remodel's own check relies on, takes an empty block without an error.
 */
export function pythonCompileErrors(paths: readonly string[]): string[] {
  if (!paths.length) return [];
  return execFileSync('/usr/bin/python3', ['-c', script, ...paths], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

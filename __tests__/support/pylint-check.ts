import { spawnSync } from 'node:child_process';

/** The pylint checks a project's lint gate fails on that generated code can trip (the Debian package the prerequisites install). */
const checks = ['unused-import', 'useless-import-alias', 'wrong-import-position', 'wrong-import-order', 'reimported', 'line-too-long', 'duplicate-key'];

/** `file: symbol (message)` for each of those checks pylint reports in the files, without line numbers (to compare versions of a file). */
export function pylintMessages(cwd: string, files: readonly string[]): string[] {
  if (!files.length) return [];
  const result = spawnSync('pylint', ['--disable=all', `--enable=${checks.join(',')}`, '--score=n', '--msg-template={path}: {symbol} ({msg})', ...files], { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.stdout.split('\n').filter((line) => line.includes(': ') && !line.startsWith('*'));
}

import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';

/**
 * The files black (the Debian package the test prerequisites install) would reformat, by path: a formatter check in a
 * project's CI must stay green on what remodel writes. Run from `/`, on each folder's files apart: black reads the
 * configuration next to them (a fixture's `pyproject.toml`), else its defaults.
 */
export function blackWouldReformat(paths: readonly string[]): string[] {
  // black reads the configuration of the files' common folder: one run per folder, so each file gets its own
  const byFolder = new Map<string, string[]>();
  for (const path of paths) byFolder.set(dirname(path), [...(byFolder.get(dirname(path)) ?? []), path]);
  return [...byFolder.values()].flatMap(blackRun);
}

function blackRun(paths: readonly string[]): string[] {
  const result = spawnSync('black', ['--check', '--target-version', 'py38', ...paths], { cwd: '/', encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status === 0) return [];
  const reformat = [...result.stderr.matchAll(/^would reformat (.+)$/gm)].map((match) => match[1]!);
  if (result.status === 1 && reformat.length) return reformat;
  throw new Error(`black --check failed: ${result.stderr.trim()}`);
}

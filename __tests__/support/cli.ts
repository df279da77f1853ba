import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { temporaryFolder } from './temporary';

export const repoRoot = join(__dirname, '..', '..');
const bin = join(repoRoot, 'dist', 'bin', 'remodel.js');

/** Runs the built CLI (`npm test` builds first) the way a user does. */
export function remodel(args: readonly string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function git(args: readonly string[], cwd: string, input?: string): string {
  return execFileSync('git', [...args], { cwd, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A temporary git repository holding a copy of `source`, with one commit. */
export function makeGitRepo(source: string): string {
  const dir = temporaryFolder('remodel-e2e-');
  cpSync(source, dir, { recursive: true, verbatimSymlinks: true });
  git(['init', '-q', '-b', 'main'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A'], dir);
  git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'before'], dir);
  return dir;
}

/** Every file below `dir` (but .git) with its bytes and mode, for exact tree comparisons. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === '__pycache__') continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isSymbolicLink()) out[relative(dir, path)] = `link:${readlinkSync(path)}`;
      else out[relative(dir, path)] = `${(statSync(path).mode & 0o777).toString(8)}:${readFileSync(path).toString('base64')}`;
    }
  };
  walk(dir);
  return out;
}

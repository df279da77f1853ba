import { WorkspaceError } from '../core/errors';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Folders never worth a look: VCS metadata, dependencies, virtualenvs, caches. */
const skippedFolders = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', '.venv', 'venv', '.tox', '.nox', 'site-packages', '.mypy_cache', '.pytest_cache']);

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

/**
 * Every regular file below `root` (repository-relative, `/`-separated, sorted), honouring
 * `.gitignore` files at every level. Symbolic links are not followed, so nothing outside the root is listed.
 */
export function discoverFiles(root: string): string[] {
  if (!existsSync(root)) throw new WorkspaceError(`${root}: no such folder (--cwd, or the folder to audit)`);
  if (!statSync(root).isDirectory()) throw new WorkspaceError(`${root}: not a folder (--cwd, or the folder to audit)`);
  const files: string[] = [];
  const walk = (relDir: string, scopes: IgnoreScope[]): void => {
    const absDir = relDir ? join(root, relDir) : root;
    const local = readGitignore(absDir);
    const active = local ? [...scopes, { base: relDir, rules: local }] : scopes;
    if (relDir && existsSync(join(absDir, 'pyvenv.cfg'))) return; // a virtualenv under any name
    const entries = readdirSync(absDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (skippedFolders.has(entry.name) || isIgnored(active, rel, true)) continue;
        walk(rel, active);
      } else if (entry.isFile() && !isIgnored(active, rel, false)) {
        files.push(rel);
      }
    }
  };
  walk('', []);
  return files;
}

function readGitignore(dir: string): Ignore | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return ignore().add(text);
}

function isIgnored(scopes: IgnoreScope[], rel: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const local = scope.base ? rel.slice(scope.base.length + 1) : rel;
    if (scope.rules.ignores(isDir ? `${local}/` : local)) return true;
  }
  return false;
}

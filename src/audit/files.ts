import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Folders never worth auditing: VCS data, dependencies, virtualenvs, caches, build output. */
const skippedFolders = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'venv',
  '.venv',
  'site-packages',
  '__pycache__',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.next',
  '.turbo',
  'dist',
  'coverage',
]);

const auditedExtensions = /\.(py|ts|tsx|mts|cts|js|jsx|mjs|cjs|prisma)$/;

/**
 * Every file the audit may scan under `dir`, relative and `/`-separated, sorted.
 * Honours `.gitignore` files at every level, skips `.git`, `node_modules`, virtualenvs
 * (`venv`, `.venv`, `site-packages`, any folder holding a `pyvenv.cfg`), `__pycache__`,
 * caches, `dist`, and TypeScript declaration files.
 *
 * A stand-in for the shared workspace discovery (src/workspace) until the audit uses it.
 */
export function listSourceFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string, rules: Array<{ base: string; ig: Ignore }>): void => {
    const absolute = relative ? join(dir, relative) : dir;
    const here = [...rules];
    const gitignore = join(absolute, '.gitignore');
    if (existsSync(gitignore)) {
      try {
        here.push({ base: relative, ig: ignore().add(readFileSync(gitignore, 'utf8')) });
      } catch {
        // an unreadable .gitignore ignores nothing
      }
    }
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const isDir = entry.isDirectory();
      if (isDir && skippedFolders.has(entry.name)) continue;
      if (!isDir && !entry.isFile()) continue;
      if (isIgnored(here, path, isDir)) continue;
      if (isDir) {
        if (existsSync(join(dir, path, 'pyvenv.cfg'))) continue;
        walk(path, here);
      } else if (auditedExtensions.test(entry.name) && !/\.d\.[mc]?ts$/.test(entry.name)) {
        found.push(path);
      }
    }
  };
  walk('', []);
  return found.sort();
}

function isIgnored(rules: Array<{ base: string; ig: Ignore }>, path: string, isDir: boolean): boolean {
  for (const { base, ig } of rules) {
    const inner = base ? path.slice(base.length + 1) : path;
    if (ig.ignores(isDir ? `${inner}/` : inner)) return true;
  }
  return false;
}

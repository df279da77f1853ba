import { WorkspaceError } from '../core/errors';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { relativePosix } from '../core/paths';
import ignore, { type Ignore } from 'ignore';

/** Folders never worth a look: VCS metadata, dependencies, virtualenvs, caches. */
const skippedFolders = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', '.venv', 'venv', '.tox', '.nox', 'site-packages', '.mypy_cache', '.pytest_cache']);

/** Ignore rules by precedence, lowest first: global excludes, .git/info/exclude, .gitignore files from the top down. */
interface IgnoreScope {
  /** the folder the rules are relative to, from the root ('' the root itself); with `outside`, how the root is reached from it */
  base: string;
  rules: Ignore;
  /** a scope above the root (a parent's .gitignore, .git/info/exclude, the global excludes): the root's path from its folder */
  outside?: string;
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
    let listed: Dirent[];
    try {
      listed = readdirSync(absDir, { withFileTypes: true });
    } catch {
      return; // a folder that cannot be read (permissions) is left out, never the run
    }
    // what the listing names, not a lookup per folder: a .gitignore or a pyvenv.cfg is there only if listed
    if (relDir && listed.some((entry) => entry.name === 'pyvenv.cfg')) return; // a virtualenv under any name
    const local = listed.some((entry) => entry.name === '.gitignore' && !entry.isDirectory()) ? readGitignore(absDir) : undefined;
    const active = local ? [...scopes, { base: relDir, rules: local }] : scopes;
    const entries = listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
  // a root that the rules above it ignore (a scratch tree in an ignored folder) was named on purpose: they do not apply
  const above = scopesAbove(root).filter((scope) => !scope.outside || !scope.rules.ignores(`${scope.outside}/`));
  walk('', above);
  return files;
}

/**
 * The ignore rules git applies to the root from above it: the .gitignore files of the folders between the work tree's
 * top and the root, `.git/info/exclude`, and the global excludes file (`core.excludesFile`, else git/ignore under
 * XDG_CONFIG_HOME or ~/.config). `--cwd` a sub-folder of a repository ignores what git ignores there.
 */
function scopesAbove(root: string): IgnoreScope[] {
  const scopes: IgnoreScope[] = [];
  const global = globalExcludes();
  let top: string | undefined;
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) {
      top = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  if (global) scopes.push({ base: '', rules: ignore().add(global), ...(top && top !== resolve(root) ? { outside: relativePosix(top, root) } : {}) });
  if (!top) return scopes;
  const fromTop = relativePosix(top, resolve(root));
  const exclude = readText(join(top, '.git', 'info', 'exclude'));
  if (exclude) scopes.push({ base: '', rules: ignore().add(exclude), ...(fromTop ? { outside: fromTop } : {}) });
  // the root's own .gitignore is read by the walk; the ones above it here, farthest first (the nearest wins)
  const between: IgnoreScope[] = [];
  for (let dir = dirname(resolve(root)); fromTop && dir.length >= top.length; dir = dirname(dir)) {
    const rules = readGitignore(dir);
    if (rules) between.unshift({ base: '', rules, outside: relativePosix(dir, root) });
    if (dir === top) break;
  }
  return [...scopes, ...between];
}

function globalExcludes(): string | undefined {
  let file: string | undefined;
  try {
    file = execFileSync('git', ['config', '--get', 'core.excludesFile'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim().replace(/^~(?=\/)/, homedir());
  } catch {
    file = undefined;
  }
  file ||= join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'git', 'ignore');
  return readText(file);
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readGitignore(dir: string): Ignore | undefined {
  const text = readText(join(dir, '.gitignore'));
  return text === undefined ? undefined : ignore().add(text);
}

/** As git decides: the deepest .gitignore with a rule for the path wins (`!keep.log` below undoes `*.log` above). */
function isIgnored(scopes: IgnoreScope[], rel: string, isDir: boolean): boolean {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i]!;
    const local = scope.outside ? `${scope.outside}/${rel}` : scope.base ? rel.slice(scope.base.length + 1) : rel;
    const verdict = scope.rules.test(isDir ? `${local}/` : local);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { toPosix } from '../../core/paths';

/**
 * Modules installed for the project rather than kept in the repository: the `site-packages` of its virtualenv (a
 * folder of the repository holding a `pyvenv.cfg`, like `.venv/`, or `$VIRTUAL_ENV`), as the project's interpreter
 * would import them. No interpreter is run.
 *
 * @example
 * new InstalledModules('/repo').find('shared_models.booking')   // '/repo/.venv/lib/python3.11/site-packages/shared_models/booking.py'
 */
export class InstalledModules {
  private sitePackages: string[] | undefined;
  private readonly found = new Map<string, string | undefined>();

  constructor(private readonly cwd: string) {}

  /** The file (or namespace folder) that defines an installed module, or undefined. */
  find(module: string): string | undefined {
    if (this.found.has(module)) return this.found.get(module);
    const parts = module.split('.');
    let file: string | undefined;
    for (const root of this.roots()) {
      const base = join(root, ...parts);
      const candidates = [join(base, '__init__.py'), `${base}.py`, join(base, '__init__.pyi'), `${base}.pyi`];
      file = candidates.find((candidate) => existsSync(candidate)) ?? compiledModule(base) ?? (existsSync(base) && parts.length > 0 ? base : undefined);
      if (file) break;
    }
    this.found.set(module, file);
    return file;
  }

  /** Where an installed module was found, for messages: repository-relative when inside it. */
  describe(file: string): string {
    const inside = relative(this.cwd, file);
    return inside.startsWith('..') ? file : toPosix(inside);
  }

  /** The project's interpreter: its virtualenv's python, else `python3` from PATH. */
  interpreter(): string {
    for (const venv of this.virtualenvs()) {
      const python = [join(venv, 'bin', 'python'), join(venv, 'Scripts', 'python.exe')].find((candidate) => existsSync(candidate));
      if (python) return python;
    }
    return 'python3';
  }

  private virtualenvs(): string[] {
    return [process.env.VIRTUAL_ENV, ...virtualenvsIn(this.cwd)].filter((dir): dir is string => !!dir);
  }

  private roots(): string[] {
    this.sitePackages ??= this.virtualenvs().flatMap(sitePackagesOf);
    return this.sitePackages;
  }
}

/** Virtualenvs at the top of the repository or one level down (`.venv`, `venv`, `backend/.venv`). */
function virtualenvsIn(cwd: string): string[] {
  const out: string[] = [];
  const look = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name === '.git') continue;
      const folder = join(dir, entry.name);
      if (existsSync(join(folder, 'pyvenv.cfg'))) out.push(folder);
      else if (depth > 0) look(folder, depth - 1);
    }
  };
  look(cwd, 1);
  return out;
}

function sitePackagesOf(venv: string): string[] {
  const windows = join(venv, 'Lib', 'site-packages');
  if (existsSync(windows)) return [windows];
  try {
    return readdirSync(join(venv, 'lib'))
      .filter((name) => /^python\d/.test(name))
      .map((name) => join(venv, 'lib', name, 'site-packages'))
      .filter((dir) => existsSync(dir));
  } catch {
    return [];
  }
}

/** An extension module (`booking.cpython-311-x86_64-linux-gnu.so`, `booking.pyd`): defined, names unreadable. */
function compiledModule(base: string): string | undefined {
  const dir = join(base, '..');
  const name = base.slice(dir.length + 1);
  try {
    const match = readdirSync(dir).find((entry) => entry.startsWith(`${name}.`) && /\.(so|pyd)$/.test(entry));
    return match ? join(dir, match) : undefined;
  } catch {
    return undefined;
  }
}

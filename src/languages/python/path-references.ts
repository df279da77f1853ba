import * as path from 'node:path';
import { applyEdits } from '../../core/edits';
import type { Edit, Workspace } from '../../core/types';
import { folderOf, MovedPaths, repoPathOf, spellLike } from '../../workspace/moved-paths';

const PYPROJECT = /(^|\/)pyproject\.toml$/;
const INI = /(^|\/)(setup\.cfg|tox\.ini|pytest\.ini|[^/]*\.ini)$/;
/** `pkg.mod`, `pkg.mod:attr`, `pkg.mod:attr [extra]`: what entry points and settings modules are written as */
const DOTTED_VALUE = /^([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)(:[A-Za-z_][\w.]*)?(\s*\[[^\]]*\])?$/;
const QUOTED = /(["'])([^"'\n]*)\1/g;
const PATH_KEYS = new Set(['script_location', 'version_locations']);

/**
 * Files that are not Python but name moved Python modules or folders, as edits in the same plan: pyproject.toml
 * strings (`[project.scripts]`, entry points, Poetry scripts and plugins, `DJANGO_SETTINGS_MODULE`), INI values
 * (setup.cfg `console_scripts`, pytest/tox settings) written `pkg.mod` or `pkg.mod:attr`, and alembic.ini's
 * `script_location`/`version_locations` (paths from the file's folder, `%(here)s/` kept; `pkg:folder` as a module).
 * A string names a module only when it is exactly that module (or a submodule): `app.legacy_other` is not `app.legacy`.
 *
 * `newModule` gives a module's name after the moves (itself when it stays); `texts` a file's current text by path.
 */
export function planPythonPathReferences(
  moved: MovedPaths,
  workspace: Workspace,
  newModule: (module: string) => string,
  texts: (file: string) => string | undefined,
): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  if (moved.empty) return out;
  const follow = (value: string): string | undefined => {
    const match = DOTTED_VALUE.exec(value);
    if (!match || !match[1]!.includes('.') && !match[2]) return undefined;
    const now = newModule(match[1]!);
    return now === match[1] ? undefined : `${now}${match[2] ?? ''}${match[3] ?? ''}`;
  };
  for (const file of workspace.files) {
    const isPyproject = PYPROJECT.test(file);
    if (!isPyproject && !INI.test(file)) continue;
    const at = moved.fileTo(file) ?? file;
    const text = texts(at);
    if (text === undefined) continue;
    const dir = folderOf(file);
    const edits = isPyproject ? tomlEdits(text, follow) : iniEdits(text, follow, (value) => followFolder(value, { from: dir, to: folderOf(at) }, moved, newModule));
    if (edits.length) out.push({ path: at, text: applyEdits(text, edits) });
  }
  return out;
}

/** Every quoted string of a TOML file (comments skipped) that is exactly a moved module, or `module:attr`. */
function tomlEdits(text: string, follow: (value: string) => string | undefined): Edit[] {
  const edits: Edit[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const code = line.trimStart().startsWith('#') ? '' : line;
    for (const match of code.matchAll(QUOTED)) {
      const now = follow(match[2]!);
      if (now !== undefined) edits.push({ start: offset + match.index! + 1, end: offset + match.index! + 1 + match[2]!.length, text: now });
    }
    offset += line.length + 1;
  }
  return edits;
}

/** `key = value` and indented continuation lines of an INI file: the value after the last `=`, as a module or (alembic) a folder. */
function iniEdits(text: string, follow: (value: string) => string | undefined, followPaths: (value: string) => string | undefined): Edit[] {
  const edits: Edit[] = [];
  let offset = 0;
  let key = '';
  for (const line of text.split('\n')) {
    const body = line.replace(/\r$/, '');
    const trimmed = body.trim();
    if (trimmed && !trimmed.startsWith('#') && !trimmed.startsWith(';') && !trimmed.startsWith('[')) {
      const equals = body.lastIndexOf('=');
      if (!/^\s/.test(body)) key = body.slice(0, body.indexOf('=')).trim();
      const valueStart = equals === -1 ? body.length - body.trimStart().length : equals + 1 + (body.slice(equals + 1).length - body.slice(equals + 1).trimStart().length);
      const value = body.slice(valueStart).trimEnd();
      const now = PATH_KEYS.has(key) ? followPaths(value) : follow(value);
      if (now !== undefined && value) edits.push({ start: offset + valueStart, end: offset + valueStart + value.length, text: now });
    }
    offset += line.length + 1;
  }
  return edits;
}

/** alembic.ini paths: folders from the file's folder (`%(here)s/` kept), several split by spaces or commas; `pkg:folder` is a module. */
function followFolder(value: string, { from: fromDir, to: toDir }: { from: string; to: string }, moved: MovedPaths, newModule: (module: string) => string): string | undefined {
  let changed = false;
  const parts = value.split(/(\s+|,)/).map((part) => {
    if (!part.trim() || part === ',') return part;
    if (/^[\w.]+:[\w./]+$/.test(part)) {
      const module = part.slice(0, part.indexOf(':'));
      const now = newModule(module);
      if (now === module) return part;
      changed = true;
      return `${now}${part.slice(module.length)}`;
    }
    const here = part.startsWith('%(here)s/') ? '%(here)s/' : '';
    const written = part.slice(here.length);
    const target = repoPathOf(fromDir, written);
    if (target === undefined) return part;
    const now = moved.to(target);
    if (now === undefined && fromDir === toDir) return part;
    const spelled = here ? path.posix.relative(toDir, now ?? target) || '.' : spellLike(written, toDir, now ?? target);
    if (spelled === written) return part;
    changed = true;
    return `${here}${spelled}`;
  });
  return changed ? parts.join('') : undefined;
}

import { shimMarkerText } from '../core/shims';
import type { FileMove } from '../core/types';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { WorkspaceError } from '../core/errors';
import type { ImportMap } from '../importmap/types';
import type { Workspace } from '../core/types';
import { resolveInsideRoot } from '../workspace/paths';
import { normalisePath } from '../core/paths';

function isShim(workspace: Workspace, file: string): boolean {
  try {
    return workspace.read(file).includes(shimMarkerText);
  } catch {
    return false; // not text
  }
}

/** Whether a path is where one of the map's shims lives (the module file a shim takes after its implementation moved). */
function isShimmedPath(map: ImportMap, path: string): boolean {
  const stem = path.replace(/(\/__init__)?\.(py|[mc]?[jt]sx?)$/, '');
  return map.shims.some(({ module }) => {
    if (map.language === 'typescript') return stem === module.replace(/^\.\//, '') || stem === `${module}/index`;
    return map.roots.some((root) => (root === '.' ? '' : `${root}/`) + module.split('.').join('/') === stem);
  });
}

/**
 * Expands and checks a map's `relocate` entries: sources exist, destinations stay inside the repository
 * (no `..`, absolute paths or symlinks leading out), do not exist yet, and no two moves share one.
 */
export function expandMoves(map: ImportMap, workspace: Workspace, warn?: (message: string) => void): FileMove[] {
  const moves: FileMove[] = [];
  const destinations = new Map<string, number>();
  for (const [index, entry] of map.relocate.entries()) {
    const fail = (key: 'from' | 'to', detail: string): never => {
      throw map.error(['relocate', index, key], detail);
    };
    const inside = (key: 'from' | 'to', path: string): void => {
      try {
        resolveInsideRoot(workspace.cwd, path);
      } catch (error) {
        if (error instanceof WorkspaceError) fail(key, error.message);
        throw error;
      }
    };
    const from = normalisePath(entry.from);
    const to = normalisePath(entry.to);
    inside('from', entry.from);
    inside('to', entry.to);
    if (!from || !to) fail(from ? 'to' : 'from', 'names the repository root itself');
    if (to === from || to.startsWith(`${from}/`)) fail('to', `'${to}' lies inside what it moves ('${from}')`);
    const folderFiles = workspace.files.filter((file) => file.startsWith(`${from}/`));
    const sourceExists = workspace.has(from) || folderFiles.length > 0;
    if (existsSync(resolve(workspace.cwd, to))) {
      // applied before: the source is gone, or only the shim that took its path is left
      if (!sourceExists || onlyShimsAt(workspace, from)) continue;
      fail('to', `'${to}' already exists`);
    }
    if (!sourceExists && !existsSync(resolve(workspace.cwd, to)) && isShimmedPath(map, from)) {
      // moved, then pruned (the end of a deprecation): nothing left to move
      warn?.(`${map.file}:${map.lineOf(['relocate', index, 'from']) ?? 1}: relocate[${index}]: neither '${from}' nor '${to}' exists (pruned already?): nothing to move; drop the entry`);
      continue;
    }
    if (!sourceExists) fail('from', `'${from}' does not exist`);
    const pairs = workspace.has(from) ? [{ from, to }] : folderFiles.map((file) => ({ from: file, to: to + file.slice(from.length) }));
    for (const pair of pairs) {
      const other = destinations.get(pair.to);
      if (other !== undefined) fail('to', `'${pair.to}' is also the destination of relocate[${other}]`);
      destinations.set(pair.to, index);
      moves.push({ ...pair, entry: index, folder: !workspace.has(from) });
    }
  }
  return moves;
}

/** Whether what stands at a path (a file, or every file of a folder) is a shim remodel wrote. */
function onlyShimsAt(workspace: Workspace, from: string): boolean {
  if (workspace.has(from)) return isShim(workspace, from);
  const files = workspace.files.filter((file) => file.startsWith(`${from}/`));
  return files.length > 0 && files.every((file) => isShim(workspace, file));
}

/**
 * The relocations applied before whose old path a shim took (the file, or each file of the folder): their importers'
 * rules still hold, so that the shim keeps serving the moved module when the map is planned again.
 */
export function shimmedRelocations(map: ImportMap, workspace: Workspace): FileMove[] {
  const moves: FileMove[] = [];
  for (const [index, entry] of map.relocate.entries()) {
    const from = normalisePath(entry.from);
    const to = normalisePath(entry.to);
    if (!from || !to || !isShimmedPath(map, from) || !existsSync(resolve(workspace.cwd, to)) || !onlyShimsAt(workspace, from)) continue;
    if (workspace.has(from)) moves.push({ from, to, entry: index, folder: false });
    else for (const file of workspace.files.filter((f) => f.startsWith(`${from}/`))) moves.push({ from: file, to: to + file.slice(from.length), entry: index, folder: true });
  }
  return moves;
}

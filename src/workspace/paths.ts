import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { WorkspaceError } from '../core/errors';
import { isInside } from '../core/paths';

/**
 * The absolute path of a repository-relative path, refusing anything that leaves the root:
 * `..` segments, absolute paths, and existing symlinked folders that lead outside.
 */
export function resolveInsideRoot(root: string, relPath: string): string {
  if (isAbsolute(relPath)) throw new WorkspaceError(`${relPath}: absolute paths are not allowed; name it relative to the repository root`);
  const absolute = resolve(root, relPath);
  if (!isInside(root, absolute)) throw new WorkspaceError(`${relPath}: leaves the repository root ${root}`);
  const realRoot = realpathSync(root);
  let existing = absolute;
  for (;;) {
    try {
      const real = realpathSync(existing);
      if (!isInside(realRoot, real)) throw new WorkspaceError(`${relPath}: leads outside the repository root through a symbolic link`);
      return absolute;
    } catch (error) {
      if (error instanceof WorkspaceError) throw error;
      const parent = dirname(existing);
      if (parent === existing) return absolute;
      existing = parent;
    }
  }
}

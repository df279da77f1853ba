import * as path from 'node:path';
import type { FileMove } from '../core/types';

/**
 * Where a repository path is once the plan's moves are done: a moved file's destination, or the new place of a folder
 * whose files all move along together (a folder of which only some files move has no new place).
 *
 * @example
 * const moved = new MovedPaths([{ from: 'src/legacy/a.ts', to: 'src/old/a.ts', entry: 0, folder: true }], files);
 * moved.to('src/legacy')   // 'src/old' (when a.ts is the folder's only file)
 */
export class MovedPaths {
  private readonly files = new Map<string, string>();
  private readonly folders = new Map<string, string | undefined>();

  constructor(
    moves: readonly FileMove[],
    private readonly allFiles: readonly string[],
  ) {
    for (const move of moves) this.files.set(move.from, move.to);
  }

  get empty(): boolean {
    return this.files.size === 0;
  }

  /** The new path of a file or folder (repository-relative, `/`-separated), or undefined when it stays. */
  to(repoPath: string): string | undefined {
    return this.files.get(repoPath) ?? this.folderTo(repoPath);
  }

  /** The destination of a moved file, or undefined. */
  fileTo(repoPath: string): string | undefined {
    return this.files.get(repoPath);
  }

  /** Every file that moves, with its destination. */
  entries(): IterableIterator<[string, string]> {
    return this.files.entries();
  }

  private folderTo(folder: string): string | undefined {
    if (this.folders.has(folder)) return this.folders.get(folder);
    const prefix = folder === '' ? '' : `${folder}/`;
    let target: string | undefined;
    let any = false;
    for (const file of this.allFiles) {
      if (!file.startsWith(prefix)) continue;
      any = true;
      const to = this.files.get(file);
      const rest = file.slice(prefix.length);
      if (!to || !to.endsWith(`/${rest}`)) {
        target = undefined;
        break;
      }
      const base = to.slice(0, to.length - rest.length - 1);
      if (target !== undefined && target !== base) {
        target = undefined;
        break;
      }
      target = base;
    }
    const result = any && target !== undefined && target !== folder ? target : undefined;
    this.folders.set(folder, result);
    return result;
  }
}

/** Joins a path written in a file under `dir` (repository-relative) to a repository path; undefined outside the repository. */
export function repoPathOf(dir: string, written: string): string | undefined {
  const joined = path.posix.normalize(path.posix.join(dir, written));
  if (joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(written)) return undefined;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

/** Spells a repository path relative to `dir` the way `original` was written (`./` kept, or a bare relative path). */
export function spellLike(original: string, dir: string, target: string): string {
  let relative = path.posix.relative(dir, target) || '.';
  if (original.startsWith('./') && !relative.startsWith('../')) relative = `./${relative}`;
  if (original.endsWith('/') && !relative.endsWith('/')) relative += '/';
  return relative;
}

/** A repository path's folder ('' at the root). */
export function folderOf(file: string): string {
  const dir = path.posix.dirname(file);
  return dir === '.' ? '' : dir;
}

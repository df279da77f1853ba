import * as path from 'node:path';

/** `a\b` -> `a/b`: every path remodel stores or prints is repository-relative and `/`-separated. */
export function toPosix(file: string): string {
  return path.sep === '/' ? file : file.split(path.sep).join('/');
}

/** A path as a map or a user writes it, made comparable: `/`-separated, no leading `./`, no trailing `/`. */
export function normalisePath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

/** `to` relative to the folder `from`, `/`-separated. */
export function relativePosix(from: string, to: string): string {
  return toPosix(path.relative(from, to));
}

/**
 * Repository paths in git's order (by code unit, as a patch lists its files): what the plan's lists follow too. Not
 * `localeCompare`, which also costs the ICU collator's start-up (7-11 ms) on its first call.
 */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `child` (absolute) is `parent` or lies below it. */
export function isInside(parent: string, child: string): boolean {
  return isInsideRelative(path.relative(parent, child));
}

/** Whether a path made by `path.relative(parent, child)` stays at or below `parent`. */
export function isInsideRelative(rel: string): boolean {
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

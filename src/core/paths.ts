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

import { closeSync, fchmodSync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/*
 * write-file-atomic's temporary names are unknown after a crash; these are recognisable, so that the apply that
 * finishes an interrupted one removes what a `kill -9` left behind.
 */
const temporaryName = (absolute: string): string => join(dirname(absolute), `.${basename(absolute)}.remodel-${process.pid}.tmp`);

/** Writes the file whole or not at all: a temporary file beside it, flushed to disk, then renamed over it. */
export function writeFileAtomically(absolute: string, bytes: Uint8Array, mode: number): void {
  const temporary = temporaryName(absolute);
  const fd = openSync(temporary, 'w', mode);
  try {
    fchmodSync(fd, mode); // the mode as asked, whatever the umask
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, absolute);
}

/** Removes the temporary files an interrupted write of this file left beside it. */
export function removeLeftoverTemporaries(absolute: string): void {
  const prefix = `.${basename(absolute)}.remodel-`;
  let names: string[];
  try {
    names = readdirSync(dirname(absolute));
  } catch {
    return; // the folder is not there (yet)
  }
  for (const name of names) if (name.startsWith(prefix) && /^\d+\.tmp$/.test(name.slice(prefix.length))) unlinkSync(join(dirname(absolute), name));
}

import { readFileSync } from 'node:fs';

/** A file's bytes, or null when it does not exist (any other error is thrown). */
export function readBytesIfExists(absolute: string): Buffer | null {
  try {
    return readFileSync(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

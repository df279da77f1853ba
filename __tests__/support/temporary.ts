import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh folder under the temp folder (`prefix` + six characters), removed when the test file's suite ends. */
export function temporaryFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder `temporaryFolder` made (jest's setup file calls it after each test file), unless REMODEL_KEEP_TEMP is set to inspect a failure. */
export function removeTemporaryFolders(): void {
  if (process.env.REMODEL_KEEP_TEMP) return;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { temporaryFolder } from './temporary';

/** A fresh temporary folder, optionally seeded with a copy of `from`; removed by `dispose()`. */
export function makeTempRepo(from?: string): { dir: string; write(path: string, text: string): void; read(path: string): string; dispose(): void } {
  const dir = temporaryFolder('remodel-test-');
  // verbatim: a fixture's relative symlinks (a workspace package linked in node_modules) point into the copy
  if (from) cpSync(from, dir, { recursive: true, verbatimSymlinks: true });
  return {
    dir,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

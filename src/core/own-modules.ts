import { basename, dirname, join } from 'node:path';

/**
 * The file of one of remodel's own modules, by its path under `src/` (`workspace/worker.js`), for a worker thread to
 * load. Found from this module's folder: `dist/src/core/` in the build, `dist/src/` inside the CLI's bundle
 * (`scripts/bundle-cli.js` writes it there, and every module in it shares its folder), `src/core/` under ts-jest —
 * where the `.js` file does not exist and callers run in-band.
 */
export function ownModuleFile(pathUnderSrc: string): string {
  const srcFolder = basename(__dirname) === 'core' ? dirname(__dirname) : __dirname;
  return join(srcFolder, pathUnderSrc);
}

import { basename, dirname, join } from 'node:path';

/** Whether this module runs inside the CLI's bundle (`scripts/bundle-cli.js` writes it to `dist/src/`). */
const inBundle = basename(__dirname) !== 'core';

/**
 * The file of one of remodel's own modules, by its path under `src/` (`workspace/worker.js`), for a worker thread to
 * load. Found from this module's folder: `dist/src/core/` in the build, `dist/src/` inside the CLI's bundle (every
 * module in it shares its folder), `src/core/` under ts-jest — where the `.js` file does not exist and callers run
 * in-band.
 */
export function ownModuleFile(pathUnderSrc: string): string {
  return join(inBundle ? __dirname : dirname(__dirname), pathUnderSrc);
}

/**
 * Where a worker finds a pool task: inside the CLI's bundle, the bundle itself (its export `exportName`, see
 * `cli/bundle-entry.ts`), which the main thread has loaded and cached already; elsewhere the module tsc wrote.
 */
export function ownTaskModule(pathUnderSrc: string, exportName: string): { module: string; exportName?: string } {
  return inBundle ? { module: ownModuleFile('cli-bundle.js'), exportName } : { module: ownModuleFile(pathUnderSrc) };
}

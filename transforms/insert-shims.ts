import { typescriptAdapter } from '../src/languages/typescript';
import { findModuleFile } from '../src/languages/typescript/resolve';
import type { Workspace } from '../src/core/types';
import { diskWorkspace, preparedMapFor, relativePath, report, type FileInfo, type TransformApi, type TransformOptions } from './support';

/**
 * insert-shims as a jscodeshift transform, over remodel's TypeScript adapter: a file that is the old module of a
 * `shims:` entry comes back as its deprecation shim (the same text as `remodel plan`); every other file is skipped
 * (undefined). Run it after rewrite-imports, so that the old module's importers already use the canonical one.
 *
 * @example
 * npx jscodeshift -t dist/transforms/insert-shims.js --importMap=import-maps/ts-app.yaml --extensions=ts src/legacy
 */
export default async function insertShims(file: FileInfo, api: TransformApi, options: TransformOptions): Promise<string | undefined> {
  const { map, cwd } = await preparedMapFor('insert-shims', options);
  const relative = relativePath(cwd, file);
  const disk = diskWorkspace(cwd);
  if (!map.map.shims.some((entry) => findModuleFile(entry.module, (f) => disk.has(f)) === relative)) return undefined;
  // the file as jscodeshift hands it (an earlier transform may have changed it), everything else from disk
  const workspace: Workspace = { ...disk, read: (f: string) => (f === relative ? file.source : disk.read(f)) };
  const plan = await typescriptAdapter.planShims!({ ...map, workspace }, workspace);
  report(api, plan);
  return plan.files.find((f) => f.path === relative)?.text ?? file.source;
}

import * as path from 'node:path';
import type { Workspace } from '../src';
import { diskWorkspace, preparedMapFor, relativePath, report, typescriptAdapter, type FileInfo, type TransformApi, type TransformOptions } from './support';

/**
 * insert-shims as a jscodeshift transform, over remodel's TypeScript adapter: a file that is the old module of a
 * `shims:` entry comes back as its deprecation shim (the same text as `remodel plan`); every other file is skipped
 * (undefined). Run it after rewrite-imports, so that the old module's importers already use the canonical one.
 *
 * @example
 * npx jscodeshift -t dist/transforms/insert-shims.js --importMap=import-maps/ts-app.yaml --extensions=ts src/legacy
 */
export default async function insertShims(file: FileInfo, api: TransformApi, options: TransformOptions): Promise<string | undefined> {
  const { map: prepared, cwd } = await preparedMapFor('insert-shims', options);
  const relative = relativePath(cwd, file);
  const disk = diskWorkspace(cwd);
  const oldModule = prepared.oldFiles.get(path.resolve(cwd, relative));
  if (!prepared.map.shims.some((entry) => entry.module === oldModule)) return undefined;
  // the file as jscodeshift hands it (an earlier transform may have changed it), everything else from disk
  const workspace: Workspace = { ...disk, read: (f: string) => (f === relative ? file.source : disk.read(f)) };
  const plan = await (await typescriptAdapter()).planShims!({ ...prepared, workspace }, workspace);
  report(api, plan);
  return plan.files.find((f) => f.path === relative)?.text ?? file.source;
}

import * as path from 'node:path';
import { UsageError } from '../src/errors';
import { readImportMap } from '../src/importmap';
import { typescriptAdapter, type TypeScriptPreparedMap } from '../src/languages/typescript';
import { findModuleFile } from '../src/languages/typescript/resolve';
import type { Workspace } from '../src/languages/types';
import { diskWorkspace, type FileInfo, type RewriteImportsOptions, type TransformApi } from './rewrite-imports';

const prepared = new Map<string, Promise<TypeScriptPreparedMap>>();

/**
 * insert-shims as a jscodeshift transform, over remodel's TypeScript adapter: a file that is the old module of a
 * `shims:` entry comes back as its deprecation shim (the same text as `remodel plan`); every other file is skipped
 * (undefined). Run it after rewrite-imports, so that the old module's importers already use the canonical one.
 *
 * @example
 * npx jscodeshift -t dist/transforms/insert-shims.js --importMap=import-maps/ts-app.yaml --extensions=ts src/legacy
 */
export default async function insertShims(file: FileInfo, api: TransformApi, options: RewriteImportsOptions): Promise<string | undefined> {
  if (!options.importMap) throw new UsageError('insert-shims needs --importMap=<path to an import map>');
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const mapFile = path.resolve(options.importMap);
  const key = `${cwd}\0${mapFile}`;
  let preparing = prepared.get(key);
  if (!preparing) {
    preparing = prepareMap(mapFile, cwd);
    prepared.set(key, preparing);
    preparing.catch(() => prepared.delete(key));
  }
  const map = await preparing;
  const relative = path.relative(cwd, path.resolve(cwd, file.path)).split(path.sep).join('/');
  const disk = diskWorkspace(cwd);
  if (!map.map.shims.some((entry) => findModuleFile(entry.module, (f) => disk.has(f)) === relative)) return undefined;
  // the file as jscodeshift hands it (an earlier transform may have changed it), everything else from disk
  const workspace: Workspace = { ...disk, read: (f: string) => (f === relative ? file.source : disk.read(f)) };
  const plan = await typescriptAdapter.planShims!({ ...map, workspace }, workspace);
  for (const item of plan.needsReview) api.report?.(`needs review: ${item.file}:${item.line}: ${item.reason}`);
  for (const item of plan.notes) api.report?.(`note: ${item.file}:${item.line}: ${item.message}`);
  return plan.files.find((f) => f.path === relative)?.text ?? file.source;
}

async function prepareMap(mapFile: string, cwd: string): Promise<TypeScriptPreparedMap> {
  const map = readImportMap(mapFile);
  if (map.language !== 'typescript') throw new UsageError(`${map.file}: insert-shims under jscodeshift handles 'language: typescript' maps; this one is '${map.language}'`);
  return typescriptAdapter.prepare(map, diskWorkspace(cwd));
}

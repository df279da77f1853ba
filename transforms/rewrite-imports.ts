import * as fs from 'node:fs';
import * as path from 'node:path';
import { ParseError, UsageError } from '../src/errors';
import { readImportMap } from '../src/importmap';
import { typescriptAdapter, type TypeScriptPreparedMap } from '../src/languages/typescript';
import type { Workspace } from '../src/languages/types';
import { applyEdits } from '../src/plan/edits';

/** What jscodeshift hands a transform (only the parts used here, so this file needs no jscodeshift import). */
export interface FileInfo {
  path: string;
  source: string;
}
export interface TransformApi {
  report?: (message: string) => void;
}
export interface RewriteImportsOptions {
  /** the import map (`--importMap=import-maps/x.yaml`), relative to the process's directory */
  importMap?: string;
  /** the repository root the map's paths are relative to (default: the process's directory) */
  cwd?: string;
  [option: string]: unknown;
}

const prepared = new Map<string, Promise<TypeScriptPreparedMap>>();

/**
 * rewrite-imports as a jscodeshift transform, over remodel's TypeScript adapter: the same edits as
 * `remodel plan`, one file at a time. Returns undefined (skipped) for a file the map cannot concern,
 * the same text when nothing changes, and throws a ParseError for a file that does not parse.
 *
 * @example
 * npx jscodeshift -t dist/transforms/rewrite-imports.js --importMap=import-maps/ts-app.yaml --extensions=ts,tsx src
 */
export default async function rewriteImports(file: FileInfo, api: TransformApi, options: RewriteImportsOptions): Promise<string | undefined> {
  if (!options.importMap) throw new UsageError('rewrite-imports needs --importMap=<path to an import map>');
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const mapFile = path.resolve(options.importMap);
  const key = `${cwd}\0${mapFile}`;
  let preparing = prepared.get(key);
  if (!preparing) {
    preparing = prepareMap(mapFile, cwd);
    prepared.set(key, preparing);
    // a failed preparation is not cached: the next file reports the same error, not a stale promise
    preparing.catch(() => prepared.delete(key));
  }
  const map = await preparing;
  const relative = path.relative(cwd, path.resolve(cwd, file.path)).split(path.sep).join('/');
  if (!typescriptAdapter.owns(relative)) return undefined;
  if (!map.needles.some((needle) => file.source.includes(needle))) return undefined;
  const result = await typescriptAdapter.planRewrite({ path: relative, text: file.source }, map);
  if (result.kind === 'failed') throw new ParseError(result.file, result.line, result.column, result.error);
  for (const item of result.needsReview) api.report?.(`needs review: ${item.file}:${item.line}: ${item.reason}`);
  for (const item of result.notes) api.report?.(`note: ${item.file}:${item.line}: ${item.message}`);
  return result.kind === 'changed' ? applyEdits(file.source, result.edits) : file.source;
}

async function prepareMap(mapFile: string, cwd: string): Promise<TypeScriptPreparedMap> {
  const map = readImportMap(mapFile);
  if (map.language !== 'typescript') throw new UsageError(`${map.file}: rewrite-imports under jscodeshift handles 'language: typescript' maps; this one is '${map.language}'`);
  return typescriptAdapter.prepare(map, diskWorkspace(cwd));
}

/** A workspace that asks the disk directly: jscodeshift lists the files, remodel only needs to know what exists. */
export function diskWorkspace(cwd: string): Workspace {
  const known = new Map<string, boolean>();
  const has = (file: string): boolean => {
    let hit = known.get(file);
    if (hit === undefined) {
      hit = fs.existsSync(path.join(cwd, file)) && fs.statSync(path.join(cwd, file)).isFile();
      known.set(file, hit);
    }
    return hit;
  };
  const workspace = {
    cwd,
    files: [] as string[],
    has,
    exists: has,
    movedTo: (): string | undefined => undefined,
    read: (file: string) => fs.readFileSync(path.join(cwd, file), 'utf8'),
  };
  return workspace;
}

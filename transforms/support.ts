import * as fs from 'node:fs';
import * as path from 'node:path';
import { getAdapter, readImportMap, UsageError, type LanguageAdapter, type NeedsReview, type Note, type TypeScriptPreparedMap, type Workspace } from '../src';

/** What jscodeshift hands a transform (only the parts used here, so the transforms need no jscodeshift import). */
export interface FileInfo {
  path: string;
  source: string;
}
export interface TransformApi {
  report?: (message: string) => void;
}
export interface TransformOptions {
  /** the import map (`--importMap=import-maps/x.yaml`), relative to the process's directory */
  importMap?: string;
  /** the repository root the map's paths are relative to (default: the process's directory) */
  cwd?: string;
  [option: string]: unknown;
}

const prepared = new Map<string, Promise<TypeScriptPreparedMap>>();

/** The TypeScript adapter, through the API's registry. */
export async function typescriptAdapter(): Promise<LanguageAdapter<TypeScriptPreparedMap>> {
  return (await getAdapter('typescript')) as LanguageAdapter<TypeScriptPreparedMap>;
}

/** The map of `--importMap`, prepared once per process (jscodeshift calls a transform once per file). */
export async function preparedMapFor(transform: string, options: TransformOptions): Promise<{ map: TypeScriptPreparedMap; cwd: string }> {
  if (!options.importMap) throw new UsageError(`${transform} needs --importMap=<path to an import map>`);
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const mapFile = path.resolve(options.importMap);
  const key = `${cwd}\0${mapFile}`;
  let preparing = prepared.get(key);
  if (!preparing) {
    preparing = (async () => {
      const map = readImportMap(mapFile);
      if (map.language !== 'typescript') throw new UsageError(`${map.file}: ${transform} under jscodeshift handles 'language: typescript' maps; this one is '${map.language}'`);
      const adapter = await typescriptAdapter();
      const ready = await adapter.prepare(map, diskWorkspace(cwd));
      // jscodeshift hands over files to rewrite: the names the map moves are checked before the first
      await adapter.checkTargets?.(ready);
      return ready;
    })();
    prepared.set(key, preparing);
    // a failed preparation is not cached: the next file reports the same error, not a stale promise
    preparing.catch(() => prepared.delete(key));
  }
  return { map: await preparing, cwd };
}

/** The file's path relative to the repository root, `/`-separated. */
export function relativePath(cwd: string, file: FileInfo): string {
  return path.relative(cwd, path.resolve(cwd, file.path)).split(path.sep).join('/'); // (transforms see only the API)
}

/** Needs-review items and notes, through jscodeshift's reporter. */
export function report(api: TransformApi, findings: { needsReview: readonly NeedsReview[]; notes: readonly Note[] }): void {
  for (const item of findings.needsReview) api.report?.(`needs review: ${item.file}:${item.line}: ${item.reason}`);
  for (const item of findings.notes) api.report?.(`note: ${item.file}:${item.line}: ${item.message}`);
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
  return {
    cwd,
    files: [] as string[],
    has,
    exists: has,
    movedTo: (): string | undefined => undefined,
    read: (file: string) => fs.readFileSync(path.join(cwd, file), 'utf8'),
  };
}

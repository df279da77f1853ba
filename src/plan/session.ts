import { readImportMap, type ImportMap } from '../importmap';
import { getAdapter } from '../languages/registry';
import type { LanguageAdapter, PreparedMap } from '../languages/types';
import { DiskWorkspace, NotTextError } from '../workspace/workspace';
import { expandRelocations, type FileMove } from './relocate';
import type { FileResult } from './types';

export interface LoadedMap {
  map: ImportMap;
  /** the files its `relocate` entries move, checked */
  moves: FileMove[];
  adapter: LanguageAdapter<PreparedMap>;
  prepared: PreparedMap;
}

/** Everything one thread needs to plan files: the workspace and every map, loaded and prepared once. */
export interface RewriteSession {
  workspace: DiskWorkspace;
  loaded: LoadedMap[];
}

/** Loads and prepares the maps over a workspace (in the main thread and in each worker alike). */
export async function openSession(cwd: string, mapFiles: readonly string[], files?: readonly string[]): Promise<RewriteSession> {
  const maps = mapFiles.map(readImportMap);
  const workspace = new DiskWorkspace(cwd, files);
  const loaded: LoadedMap[] = [];
  for (const written of maps) {
    const adapter = await getAdapter(written.language);
    const moves = expandRelocations(written, workspace);
    // importers of relocated modules follow them: rules derived from `relocate`, after the written ones
    const map = moves.length && adapter.relocationRules ? written.extend(adapter.relocationRules(written, moves, workspace)) : written;
    loaded.push({ map, moves, adapter, prepared: await adapter.prepare(map, workspace) });
  }
  return { workspace, loaded };
}

/** A file whose text names none of the needles cannot need an edit: it is never parsed. */
export function mentionsAny(text: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (text.includes(needle)) return true;
  return false;
}

export interface ChunkOutput {
  /** one entry per parsed file; `original` is the file's text on disk when the result changes it */
  results: Array<{ result: FileResult; original?: string }>;
  parsed: number;
}

/**
 * Plans one map over a chunk of files: read once, prefilter, parse the candidates. `overrides` holds the texts
 * that earlier maps of the run already rewrote. The one code path for in-process runs and pool workers.
 */
export async function planChunk(session: RewriteSession, mapIndex: number, paths: readonly string[], overrides: Readonly<Record<string, string>>): Promise<ChunkOutput> {
  const { adapter, prepared } = session.loaded[mapIndex]!;
  const output: ChunkOutput = { results: [], parsed: 0 };
  for (const path of paths) {
    let text: string;
    try {
      text = overrides[path] ?? session.workspace.readOriginal(path);
    } catch (error) {
      if (error instanceof NotTextError) continue;
      throw error;
    }
    if (!mentionsAny(text, prepared.needles)) continue;
    output.parsed++;
    const result = await adapter.planRewrite({ path, text }, prepared);
    if (result.kind === 'changed') output.results.push({ result, original: overrides[path] === undefined ? text : undefined });
    else if (result.kind === 'failed' || result.needsReview.length || result.notes.length) output.results.push({ result });
  }
  return output;
}

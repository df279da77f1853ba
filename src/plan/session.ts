import { normalisePath } from '../core/paths';
import { readImportMap, type ImportMap } from '../importmap';
import { mayNeedEdit, mentionsAny } from '../languages/needles';
import { getAdapter } from '../languages/registry';
import type { LanguageAdapter, PreparedMap } from '../languages/types';
import type { SourceFile } from '../core/types';
import { DiskWorkspace, NotTextError } from '../workspace/workspace';
import { readAhead, type ReadAheadWorker } from '../workspace/read-ahead';
import { expandMoves, shimmedRelocations } from '../workspace/moves';
import { type FileMove } from '../core/types';
import type { FileResult } from '../core/types';

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
  /** what loading the maps found worth a warning */
  warnings: string[];
}

/**
 * Loads and prepares the maps over a workspace (in the main thread and in each worker alike). `beforePreparing` hears of
 * each map and its adapter before the preparation (the read-ahead worker starts there, so that its start overlaps it).
 */
export async function openSession(cwd: string, mapFiles: readonly string[], files?: readonly string[], beforePreparing?: (map: ImportMap, adapter: LanguageAdapter<PreparedMap>) => void): Promise<RewriteSession> {
  const maps = mapFiles.map(readImportMap);
  checkMapsAgree(maps);
  const workspace = new DiskWorkspace(cwd, files);
  const loaded: LoadedMap[] = [];
  const warnings: string[] = [];
  for (const written of maps) {
    const adapter = await getAdapter(written.language);
    const moves = expandMoves(written, workspace, (message) => warnings.push(message));
    // importers of relocated modules follow them: rules derived from `relocate`, after the written ones (also from a
    // relocation applied before whose old path a shim took: the shim serves the moved module)
    const relocated = [...moves, ...shimmedRelocations(written, workspace)];
    const map = relocated.length && adapter.moveRules ? written.extend(adapter.moveRules(written, relocated, workspace)) : written;
    beforePreparing?.(map, adapter);
    loaded.push({ map, moves, adapter, prepared: await adapter.prepare(map, workspace) });
  }
  return { workspace, loaded, warnings };
}

export interface ChunkOutput {
  /** one entry per file with something to report (changed, failed, needs-review, notes) */
  results: FileResult[];
}

/** How many candidates go to the runner at a time while the scan goes on: this many files, or fewer that hold this much text (chunks of even work keep a pool's threads finishing together). */
const batchSize = 16;
const batchCharacters = 64 * 1024;

/**
 * The files of a map that can need an edit: each read once (the text earlier maps of the run left), and kept only
 * when the adapter's prefilter (or the needles) says so. Runs in the main thread: reading is the floor, parsing is the
 * cost. Candidates go to `onBatch` as they are found, so that workers parse while this thread reads; on a large
 * tree a worker reads ahead (`readAhead`) and this thread runs `idle` (plans what it found) while it waits for it.
 */
export async function scanCandidates(
  session: RewriteSession,
  mapIndex: number,
  paths: readonly string[],
  onBatch: (files: SourceFile[]) => void,
  limits: ScanLimits,
  { reader, idle = async () => false }: { reader?: ReadAheadWorker; idle?: () => Promise<boolean> } = {},
): Promise<number> {
  const { adapter, prepared } = session.loaded[mapIndex]!;
  let batch: SourceFile[] = [];
  let batchText = 0;
  let found = 0;
  // the map's checks that parse its targets run from the first candidate on, in this thread, and every file goes to
  // be planned only once they passed: the scan reads on meanwhile (the parser's WASM compiles off this thread)
  let checks: Promise<void> | undefined;
  let checked = false;
  const held: SourceFile[][] = [];
  const release = (): void => {
    for (const files of held.splice(0)) onBatch(files);
  };
  const { workspace } = session;
  const whileWaiting = async (): Promise<boolean> => {
    if (checked) release();
    return idle();
  };
  const reads = readAhead(reader, paths, prepared.scanGate, workspace, whileWaiting);
  for await (const read of reads) for (const path of read) {
    let text: string;
    try {
      text = workspace.read(path);
    } catch (error) {
      if (!(error instanceof NotTextError)) throw error;
      // a file remodel cannot decode is reported when its bytes name an old module, else it is none of its business
      // (one that cannot be read at all may be one: it is reported too)
      let mentions = true;
      try {
        mentions = mentionsAny(workspace.readBytes(path).toString('latin1'), prepared.needles);
      } catch (unreadable) {
        if (!(unreadable instanceof NotTextError)) throw unreadable;
      }
      if (mentions) limits.onSkipped({ kind: 'failed', file: path, line: 1, column: 1, error: `${error.message}: left untouched` });
      continue;
    }
    if (text.length > limits.maxFileSize) {
      if (mentionsAny(text, prepared.needles)) {
        const size = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
        limits.onSkipped({ kind: 'failed', file: path, line: 1, column: 1, error: `not parsed: ${size(text.length)}, over the ${size(limits.maxFileSize)} limit (--max-file-size); left untouched` });
      }
      continue;
    }
    if (!mayNeedEdit(prepared, path, text)) continue;
    if (!checks) {
      checks = Promise.resolve(adapter.checkTargets?.(prepared));
      // a failed check is thrown where the scan awaits it, below
      checks.then(() => (checked = true), () => undefined);
    }
    found++;
    batch.push({ path, text });
    batchText += text.length;
    if (batch.length === batchSize || batchText >= batchCharacters) {
      held.push(batch);
      batch = [];
      batchText = 0;
    }
    if (checked) release();
  }
  if (batch.length) held.push(batch);
  await checks;
  release();
  return found;
}

/** A bug in an adapter fails its file (reported, left untouched), never the run: results are data (LibCST's rule). */
async function planSafely(adapter: LanguageAdapter<PreparedMap>, prepared: PreparedMap, file: SourceFile): Promise<FileResult> {
  try {
    return await adapter.planRewrite(file, prepared);
  } catch (error) {
    // deep nesting exhausts a recursive-descent parser's (or walker's) stack: that file's limit, not a bug
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { kind: 'failed', file: file.path, line: 1, column: 1, error: 'nests too deeply to parse (call stack exhausted); left untouched' };
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', file: file.path, line: 1, column: 1, error: `internal error, file left untouched: ${detail}` };
  }
}

/** What the scan skips instead of parsing: files over `maxFileSize` characters, files it cannot decode. */
export interface ScanLimits {
  maxFileSize: number;
  onSkipped(result: FileResult): void;
}

/** A chunk of candidate files for one map: what the pool hands a worker, or this thread. */
export interface ChunkTask {
  mapIndex: number;
  files: readonly SourceFile[];
}

/** What a worker needs to open its own session. */
export interface SessionInit {
  cwd: string;
  mapFiles: readonly string[];
  files: readonly string[];
}

/** Parses and plans candidate files for one map: the one code path for in-process runs and pool workers. */
export async function planFiles(session: RewriteSession, mapIndex: number, files: readonly SourceFile[]): Promise<ChunkOutput> {
  const { adapter, prepared } = session.loaded[mapIndex]!;
  const output: ChunkOutput = { results: [] };
  for (const file of files) {
    const result = await planSafely(adapter, prepared, file);
    if (result.kind !== 'unchanged' || result.needsReview.length || result.notes.length) output.results.push(result);
  }
  return output;
}

/**
 * Maps of one run must not disagree (they apply one after the other, so argument order would decide silently): no two
 * send one module or one name to different places, and no two relocate one file.
 * @throws ImportMapError naming the later map's entry and the earlier map
 */
export function checkMapsAgree(maps: readonly ImportMap[]): void {
  const relocated = new Map<string, ImportMap>();
  for (const [index, map] of maps.entries()) {
    for (const [entry, move] of map.relocate.entries()) {
      const from = normalisePath(move.from);
      const earlier = relocated.get(from);
      if (earlier) throw map.error(['relocate', entry, 'from'], `'${from}' is relocated by ${earlier.file} too`);
      relocated.set(from, map);
    }
    for (const earlier of maps.slice(0, index)) {
      if (earlier.language !== map.language) continue;
      for (const rule of map.rules) {
        const theirs = earlier.moveOfModule(rule.from);
        const ours = map.moveOfModule(rule.from);
        if (theirs && ours && theirs.module !== ours.module) {
          throw map.error(['rewrite', rule.index, 'to'], `sends '${rule.from}' to '${ours.module}', but ${earlier.file} sends it to '${theirs.module}'`);
        }
        // the names either map moves out of this module, one by one
        const names = new Set([rule, ...earlier.rules.filter((other) => other.from === rule.from)].flatMap((r) => [...(r.names ?? []), ...r.rename.keys()]));
        for (const name of names) {
          const a = earlier.moveOfName(rule.from, name);
          const b = map.moveOfName(rule.from, name);
          if (a && b && (a.module !== b.module || a.name !== b.name)) {
            throw map.error(['rewrite', rule.index, rule.names ? 'names' : 'rename'], `sends '${rule.from}.${name}' to '${b.module}.${b.name}', but ${earlier.file} sends it to '${a.module}.${a.name}'`);
          }
        }
      }
    }
  }
}

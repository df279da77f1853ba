import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { findImportMaps, readImportMap, type ImportMap } from '../importmap';
import { getAdapter } from '../languages/registry';
import type { LanguageAdapter, PreparedMap } from '../languages/types';
import { DiskWorkspace, NotTextError } from '../workspace/workspace';
import { applyEdits } from './edits';
import type { FileChange, FileResult, Plan, PlanSummary } from './types';

export type TransformName = 'rewrite-imports' | 'insert-shims' | 'move-files';
export const transformNames: readonly TransformName[] = ['rewrite-imports', 'insert-shims', 'move-files'];

export interface PlanOptions {
  /** repository root (default: the current directory) */
  cwd?: string;
  /** import map files; default: every map under `<cwd>/import-maps/` */
  maps?: readonly string[];
  /** which transforms run (default: all) */
  only?: readonly TransformName[];
  /** called with warnings that are not tied to a file (e.g. a section a transform does not cover yet) */
  onWarning?: (message: string) => void;
}

interface LoadedMap {
  map: ImportMap;
  adapter: LanguageAdapter<PreparedMap>;
  prepared: PreparedMap;
}

const now = (): number => performance.now();

/** A file whose text names none of the needles cannot need an edit: it is never parsed. */
export function mentionsAny(text: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (text.includes(needle)) return true;
  return false;
}

/** Computes every edit the maps imply, without touching disk. */
export async function buildPlan(options: PlanOptions = {}): Promise<Plan> {
  const cwd = resolve(options.cwd ?? '.');
  const only = new Set(options.only ?? transformNames);
  const timings: Record<string, number> = {};
  let start = now();
  const maps = findImportMaps(cwd, options.maps).map(readImportMap);
  timings.loadMaps = now() - start;

  start = now();
  const workspace = new DiskWorkspace(cwd);
  timings.discover = now() - start;

  start = now();
  const loaded: LoadedMap[] = [];
  for (const map of maps) {
    const adapter = await getAdapter(map.language);
    loaded.push({ map, adapter, prepared: await adapter.prepare(map, workspace) });
  }
  timings.prepare = now() - start;

  const plan: Plan = {
    cwd,
    changes: [],
    needsReview: [],
    notes: [],
    failures: [],
    summary: { filesScanned: workspace.files.length, filesParsed: 0, entries: {} },
    timings,
  };
  const sources = new Map<string, Set<string>>();

  if (only.has('rewrite-imports')) {
    start = now();
    for (const { map, adapter, prepared } of loaded) {
      for (const rule of map.rules) plan.summary.entries[rule.label] ??= { files: 0, imports: 0, references: 0, strings: 0 };
      for (const path of workspace.files) {
        if (!adapter.owns(path)) continue;
        let text: string;
        try {
          text = workspace.read(path);
        } catch (error) {
          if (error instanceof NotTextError) continue;
          throw error;
        }
        if (!mentionsAny(text, prepared.needles)) continue;
        plan.summary.filesParsed++;
        const result = await adapter.planRewrite({ path, text }, prepared);
        recordResult(plan, result);
        if (result.kind === 'changed') {
          workspace.write(path, applyEdits(text, result.edits));
          addSource(sources, path, 'rewrite-imports');
          countEntries(plan.summary, result);
        }
      }
    }
    timings.rewrite = now() - start;
  }

  if (only.has('insert-shims')) {
    start = now();
    for (const { map, adapter, prepared } of loaded) {
      if (!map.shims.length) continue;
      if (!adapter.planShims) {
        options.onWarning?.(`${map.file}: shims: insert-shims does not cover ${map.language} yet; ${map.shims.length} entr${map.shims.length === 1 ? 'y' : 'ies'} not planned`);
        continue;
      }
      const shims = await adapter.planShims(prepared, workspace);
      plan.needsReview.push(...shims.needsReview);
      plan.notes.push(...shims.notes);
      for (const { path, text } of shims.files) {
        workspace.write(path, text);
        addSource(sources, path, 'insert-shims');
      }
    }
    timings.shims = now() - start;
  }

  for (const { map } of loaded) {
    if (only.has('move-files') && map.relocate.length) options.onWarning?.(`${map.file}: relocate: move-files is not available yet; ${map.relocate.length} entr${map.relocate.length === 1 ? 'y' : 'ies'} not planned`);
  }

  plan.changes = workspace.changedFiles().map((path): FileChange => ({
    path,
    before: workspace.readOriginal(path),
    after: workspace.read(path),
    mode: fileMode(resolve(cwd, path)),
    sources: [...(sources.get(path) ?? [])],
  }));
  return plan;
}

function recordResult(plan: Plan, result: FileResult): void {
  if (result.kind === 'failed') {
    plan.failures.push({ file: result.file, line: result.line, column: result.column, error: result.error });
    return;
  }
  plan.needsReview.push(...result.needsReview);
  plan.notes.push(...result.notes);
}

function countEntries(summary: PlanSummary, result: Extract<FileResult, { kind: 'changed' }>): void {
  for (const [label, stats] of Object.entries(result.stats)) {
    const entry = (summary.entries[label] ??= { files: 0, imports: 0, references: 0, strings: 0 });
    entry.files++;
    entry.imports += stats.imports;
    entry.references += stats.references;
    entry.strings += stats.strings;
  }
}

function addSource(sources: Map<string, Set<string>>, path: string, transform: TransformName): void {
  let set = sources.get(path);
  if (!set) sources.set(path, (set = new Set()));
  set.add(transform);
}

function fileMode(absolute: string): string {
  try {
    return (statSync(absolute).mode & 0o111) !== 0 ? '100755' : '100644';
  } catch {
    return '100644';
  }
}

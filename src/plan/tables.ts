import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileResult } from '../core/types';
import type { ImportMap, TableRename } from '../importmap/types';
import { alembicRenameRevision, findAlembic, migratedRenames } from '../schema/migrations/alembic';
import { planPythonTableRenames } from '../schema/tables/python';
import type { DiskWorkspace } from '../workspace/workspace';

/** Existing migrations are history: never edited (Alembic's script folder, any `migrations/` folder). */
const isMigration = (path: string, alembicDir: string | undefined): boolean => /(^|\/)migrations\//.test(path) || (alembicDir !== undefined && (path === alembicDir || path.startsWith(`${alembicDir}/`)));

export interface TablePlan {
  results: FileResult[];
  /** the generated migration */
  created: Array<{ path: string; text: string }>;
}

/**
 * The `tables:` of every map: the models follow each rename (file edits, like every other), and one Alembic revision
 * renames the tables and the objects named after them. Python maps only, for now.
 */
export async function planTables(maps: readonly ImportMap[], workspace: DiskWorkspace, onWarning: (message: string) => void): Promise<TablePlan> {
  const plan: TablePlan = { results: [], created: [] };
  const withTables = maps.filter((map) => map.tables.length);
  for (const map of withTables.filter((m) => m.language !== 'python')) {
    onWarning(`${map.file}: tables: renaming tables does not cover ${map.language} models yet; ${map.tables.length} entr${map.tables.length === 1 ? 'y' : 'ies'} not planned`);
  }
  const python = withTables.filter((map) => map.language === 'python');
  if (!python.length) return plan;
  const renames: TableRename[] = python.flatMap((map) => map.tables);
  const configured = python.find((map) => map.migrations.alembic)?.migrations.alembic;
  const alembic = findAlembic(workspace, configured);
  const names = [...new Set(renames.map((r) => r.from.name))];
  for (const file of workspace.files) {
    if (!file.endsWith('.py') || isMigration(file, alembic?.dir)) continue;
    let text: string;
    try {
      text = workspace.read(file);
    } catch {
      continue; // what cannot be read was reported by the rewrite step, or names no table
    }
    if (!names.some((name) => text.includes(name))) continue;
    plan.results.push(await planPythonTableRenames(file, text, renames));
  }
  if (!alembic) {
    onWarning(`${python[0]!.file}: tables: no Alembic environment found (alembic.ini, or migrations.alembic in the map): the migration that renames the tables is not generated; write it by hand`);
    return plan;
  }
  const done = migratedRenames(workspace, alembic, renames);
  const pending = renames.filter((rename) => !done.includes(rename));
  if (!pending.length) return plan;
  // the map's date is the revision's: `plan` and `apply` write the same file
  const created = new Date(Math.max(...python.map((map) => statSync(resolve(map.file)).mtime.getTime())));
  plan.created.push(alembicRenameRevision(workspace, alembic, pending, created));
  return plan;
}

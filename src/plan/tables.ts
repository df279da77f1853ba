import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Edit, FileResult } from '../core/types';
import type { ImportMap, TableRename } from '../importmap/types';
import { alembicRenameRevision, findAlembic, migratedRenames } from '../schema/migrations/alembic';
import { isMigration } from '../schema/migrations/paths';
import { appOf, djangoDbTableEdit, djangoRenameMigrated, djangoRenameMigration, type DjangoRename } from '../schema/migrations/django';
import { scanPythonModels } from '../schema/orm/python';
import { qualifiedName, renameOf, sameTable, tableRenameLabel } from '../schema/tables/names';
import { planPythonTableRenames } from '../schema/tables/python';
import { ownsTypeScriptPath } from '../languages/typescript/owns';
import type { DiskWorkspace } from '../workspace/workspace';


export interface TablePlan {
  results: FileResult[];
  /** the generated migration */
  created: Array<{ path: string; text: string }>;
}

/**
 * The `tables:` of every map: the models follow each rename (file edits, like every other), and one Alembic revision
 * renames the tables and the objects named after them (Python). TypeScript models follow too; their migrations are
 * left to the project's tool.
 */
export async function planTables(maps: readonly ImportMap[], workspace: DiskWorkspace, onWarning: (message: string) => void): Promise<TablePlan> {
  const plan: TablePlan = { results: [], created: [] };
  const withTables = maps.filter((map) => map.tables.length);
  const typescript = withTables.filter((map) => map.language === 'typescript');
  if (typescript.length) {
    // required here, not above: it loads the TypeScript compiler, which a plan of Python maps never needs
    const { planPrismaTableRenames, planTypeScriptTableRenames } = require('../schema/tables/typescript') as typeof import('../schema/tables/typescript');
    const renames = typescript.flatMap((map) => map.tables);
    const names = [...new Set(renames.map((r) => r.from.name))];
    for (const file of workspace.files) {
      const prisma = file.endsWith('.prisma');
      if ((!prisma && !ownsTypeScriptPath(file)) || isMigration(file, undefined)) continue;
      let text: string;
      try {
        text = workspace.read(file);
      } catch {
        continue;
      }
      // a Prisma model without @@map maps the table of its own name, which the text need not spell in lower case
      if (!prisma && !names.some((name) => text.includes(name)) && !/@Entity\(\s*\)/.test(text)) continue;
      plan.results.push(prisma ? planPrismaTableRenames(file, text, renames) : planTypeScriptTableRenames(file, text, renames));
    }
    onWarning(`${typescript[0]!.file}: tables: the models follow, but remodel does not write TypeORM, Prisma or Sequelize migrations yet: generate the one that renames ${renames.map((r) => qualifiedName(r.from)).join(', ')} with your tool (typeorm migration:create, prisma migrate dev --create-only), with RENAME, not DROP + CREATE`);
  }
  const python = withTables.filter((map) => map.language === 'python');
  if (!python.length) return plan;
  const renames: TableRename[] = python.flatMap((map) => map.tables);
  const configured = python.find((map) => map.migrations.alembic)?.migrations.alembic;
  const alembic = findAlembic(workspace, configured);
  const names = [...new Set(renames.map((r) => r.from.name))];
  const byFile = new Map<string, FileResult>();
  const texts = new Map<string, string>();
  for (const file of workspace.files) {
    if (!file.endsWith('.py') || isMigration(file, alembic?.dir)) continue;
    let text: string;
    try {
      text = workspace.read(file);
    } catch {
      continue; // what cannot be read was reported by the rewrite step, or names no table
    }
    texts.set(file, text);
    if (names.some((name) => text.includes(name))) byFile.set(file, await planPythonTableRenames(file, text, renames));
  }

  // Django: a model whose table is derived (`<app>_<model>`) gets `db_table`; each app gets its AlterModelTable migration
  const created = new Date(Math.max(...python.map((map) => statSync(resolve(map.file)).mtime.getTime())));
  const djangoFiles = [...texts].filter(([, text]) => /\bdjango\b/.test(text)).map(([file, text]) => ({ file, text }));
  const django: DjangoRename[] = [];
  // renames a Django model already follows (the map applied): nothing left to migrate for them
  const followed = new Set<TableRename>();
  for (const scan of await scanPythonModels(djangoFiles)) {
    for (const model of scan.models) {
      const table = { schema: undefined, name: model.table };
      const done = model.orm === 'django' && !model.proxy ? renames.find((rename) => sameTable(rename.to, table)) : undefined;
      if (done) followed.add(done);
      const rename = model.orm === 'django' && !model.proxy ? renameOf(renames, table) : undefined;
      if (!rename) continue;
      django.push({ model, file: scan.file, rename });
      if (!model.derivedTable) continue;
      const edit = await djangoDbTableEdit(scan.file, texts.get(scan.file)!, model, rename.to.name);
      if (edit) byFile.set(scan.file, withEdit(byFile.get(scan.file), scan.file, edit, tableRenameLabel(rename)));
    }
  }
  plan.results.push(...byFile.values());
  const apps = new Map<string, DjangoRename[]>();
  for (const found of django) apps.set(appOf(found.file), [...(apps.get(appOf(found.file)) ?? []), found]);
  for (const [app, found] of apps) {
    const pending = found.filter((f) => !djangoRenameMigrated(workspace, app, f));
    if (pending.length) plan.created.push(djangoRenameMigration(workspace, app, pending, created));
  }

  const rest = renames.filter((rename) => !django.some((found) => found.rename === rename) && !followed.has(rename));
  if (!rest.length) return plan;
  if (!alembic) {
    onWarning(`${python[0]!.file}: tables: no Alembic environment found (alembic.ini, or migrations.alembic in the map) and no Django model maps ${rest.map((r) => qualifiedName(r.from)).join(', ')}: the migration that renames ${rest.length === 1 ? 'it' : 'them'} is not generated; write it by hand`);
    return plan;
  }
  const done = migratedRenames(workspace, alembic, rest);
  const pending = rest.filter((rename) => !done.includes(rename));
  // the map's date is the revision's: `plan` and `apply` write the same file
  if (pending.length) plan.created.push(alembicRenameRevision(workspace, alembic, pending, created));
  return plan;
}

/** A file's table-rename result with one more edit (a `db_table` written down). */
function withEdit(result: FileResult | undefined, file: string, edit: Edit, label: string): FileResult {
  const changed = result?.kind === 'changed' ? result : { kind: 'changed' as const, file, edits: [], needsReview: result?.kind === 'unchanged' ? result.needsReview : [], notes: [], stats: {} };
  if (result?.kind === 'failed') return result;
  const stats = { ...changed.stats, [label]: { imports: 0, references: 0, strings: (changed.stats[label]?.strings ?? 0) + 1 } };
  return { ...changed, edits: [...changed.edits, edit].sort((a, b) => a.start - b.start), stats };
}

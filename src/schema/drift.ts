import { resolve } from 'node:path';
import { UsageError } from '../core/errors';
import { textOrUndefined } from '../core/read-text';
import { DiskWorkspace } from '../workspace/workspace';
import { driftDiagram, type DriftDiagramTable } from './drift-diagram';
import { compareSchemas, type DriftFinding } from './compare';
import { alembicHeads, findAlembic } from './migrations/alembic';
import { replayAlembic } from './migrations/alembic-replay';
import { isMigration } from './migrations/paths';
import { readDjangoModels } from './django/models';
import { findDjangoApps, readDjangoSettings } from './django/project';
import { replayDjango } from './django/replay';
import type { SchemaModel } from './model';
import { readSqlalchemyModels } from './models/sqlalchemy';

/** The project files a Python file loads, directly or through the files it loads (its import closure). */
function importedFiles(workspace: DiskWorkspace, start: string): Set<string> {
  const seen = new Set<string>();
  const fileOf = (module: string): string | undefined => [`${module.replace(/\./g, '/')}.py`, `${module.replace(/\./g, '/')}/__init__.py`].find((f) => workspace.has(f));
  const queue = workspace.has(start) ? [start] : [];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = workspace.read(file);
    const pkg = file.endsWith('/__init__.py') ? file.slice(0, -'/__init__.py'.length).replace(/\//g, '.') : file.includes('/') ? file.slice(0, file.lastIndexOf('/')).replace(/\//g, '.') : '';
    const modules: string[] = [];
    for (const m of text.matchAll(/^\s*import\s+([\w.]+)/gm)) {
      const parts = m[1]!.split('.');
      // `import a.b.c` loads a, a.b and a.b.c
      for (let i = 1; i <= parts.length; i++) modules.push(parts.slice(0, i).join('.'));
    }
    for (const m of text.matchAll(/^\s*from\s+(\.*)([\w.]*)\s+import\s+\(?([^)\n]+)/gm)) {
      const base = m[1] ? [...pkg.split('.').slice(0, pkg ? pkg.split('.').length - (m[1].length - 1) : 0), ...(m[2] ? [m[2]] : [])].filter(Boolean).join('.') : m[2]!;
      modules.push(base, ...m[3]!.split(',').map((name) => `${base}.${name.trim().split(/\s+/)[0]}`));
    }
    for (const module of modules) {
      const found = fileOf(module);
      if (found && !seen.has(found)) queue.push(found);
    }
  }
  return seen;
}

export interface DriftReport {
  version: 1;
  /** what was compared: the migrations' environment and the number of model files read */
  sources: string[];
  findings: DriftFinding[];
  /** the drifting tables and their foreign keys' targets, for the markdown's ER diagram (not part of the JSON) */
  diagram: DriftDiagramTable[];
}

/**
 * Models vs migrations, from the code alone (DESIGN §5): the Alembic history and the Django migrations replayed into
 * schemas, the SQLAlchemy and Django models read into others, each pair compared. No database, no Python.
 */
export async function findDrift(dir: string): Promise<DriftReport> {
  const workspace = new DiskWorkspace(resolve(dir));
  const alembic = findAlembic(workspace, undefined);
  const djangoApps = findDjangoApps(workspace);
  if (!alembic && !djangoApps.length) throw new UsageError(`${dir}: no Alembic environment (alembic.ini with a script_location) and no Django migrations found: nothing to compare the models with`);
  const report: DriftReport = { version: 1, sources: [], findings: [], diagram: [] };
  if (alembic) {
    const { heads } = alembicHeads(workspace, alembic);
    if (heads.length > 1) throw new UsageError(`${alembic.source}: the migrations have ${heads.length} heads (${heads.join(', ')}): which schema they build depends on the order they run; merge them first (alembic merge heads)`);
    const migrations = await replayAlembic(workspace, alembic);
    const models = await alembicModels(workspace, alembic.dir);
    report.sources.push(`alembic: ${alembic.dir} (${alembic.source})`, `models: ${models.tables.size} tables`);
    const findings = compareSchemas(models, migrations, 'alembic');
    report.findings.push(...findings);
    report.diagram.push(...driftDiagram(models, migrations, findings));
  }
  if (djangoApps.length) {
    const settings = readDjangoSettings(workspace, djangoApps);
    const { schema: models, customKinds } = await readDjangoModels(workspace, settings);
    const migrations = await replayDjango(workspace, djangoApps, settings, customKinds);
    report.sources.push(`django: ${djangoApps.map((app) => app.label).join(', ')}`, `django models: ${models.tables.size} tables`);
    const findings = compareSchemas(models, migrations, 'django');
    report.findings.push(...findings);
    report.diagram.push(...driftDiagram(models, migrations, findings));
  }
  return report;
}

/**
 * The SQLAlchemy models Alembic compares with: those env.py loads (its imports, followed through the project). Where
 * env.py loads none of them (it builds its metadata otherwise), every model counts.
 */
async function alembicModels(workspace: DiskWorkspace, alembicDir: string): Promise<SchemaModel> {
  // a file that is not text holds no model remodel could read
  const files = workspace.files.filter((file) => file.endsWith('.py') && !isMigration(file, alembicDir)).flatMap((file) => {
    const text = textOrUndefined(workspace, file);
    return text === undefined ? [] : [{ file, text }];
  });
  const loaded = importedFiles(workspace, `${alembicDir}/env.py`);
  const modelFiles = files.filter((f) => loaded.has(f.file));
  return readSqlalchemyModels(modelFiles.some((f) => /\b(Column|mapped_column|Table)\(/.test(f.text)) ? modelFiles : files);
}

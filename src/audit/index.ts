import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scanPythonModels } from '../schema/orm/python/index';
import { scanTypeScriptModels } from '../schema/orm/typescript/index';
import { listSourceFiles } from './files';
import { findCollisions, findDangling, findDuplicates, modelsByFileAndClass, pickCanonical, schemaKey } from './findings';
import { ModuleGraph } from './modules';
import { scanPrismaSchemas } from '../schema/orm/prisma';
import type { AuditFailure, AuditModel, AuditOptions, AuditReport, ModelLink } from './types';
import type { FileScan } from '../schema/orm/types';

export { draftImportMap, draftImportMaps } from './draft-map';
export { listSourceFiles } from './files';
export { pickCanonical } from './findings';
export { renderAuditJson, renderAuditMarkdown } from './render';
export { inventory, renderInventoryJson, renderInventoryMarkdown, type Inventory, type InventoryModel } from './inventory';
export type * from './types';

/**
 * Audits the ORM models under a directory: scans SQLAlchemy, Django, TypeORM, Prisma, Sequelize,
 * Drizzle and Mongoose models, counts who imports each, and reports duplicates (one table mapped by
 * several classes), collisions, dangling references and orphans. Unparseable files are listed under
 * `failures` and skipped; nothing is written.
 *
 * @example
 * const report = await audit({ dir: 'apps/backend', prefer: ['db/models/**'] });
 * process.stdout.write(renderAuditMarkdown(report));
 * writeFileSync('import-maps/draft.yaml', draftImportMap(report, ['db/models/**']));
 */
export async function audit(options: AuditOptions = {}): Promise<AuditReport> {
  const root = resolve(options.dir ?? process.cwd());
  const defaultSchema = options.defaultSchema ?? 'public';
  const files = (options.files ?? listSourceFiles(root)).map((f) => f.split('\\').join('/'));
  const failures: AuditFailure[] = [];
  const texts: Record<'python' | 'typescript' | 'prisma', Array<{ file: string; text: string }>> = { python: [], typescript: [], prisma: [] };
  for (const file of files) {
    const language = file.endsWith('.py') ? 'python' : file.endsWith('.prisma') ? 'prisma' : /\.[mc]?[jt]sx?$/.test(file) ? 'typescript' : undefined;
    if (!language) continue;
    try {
      texts[language].push({ file, text: readFileSync(join(root, file), 'utf8') });
    } catch (error) {
      failures.push({ file, line: 0, error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
    }
  }
  const scans: FileScan[] = [
    ...(await scanPythonModels(texts.python)),
    ...scanTypeScriptModels(texts.typescript),
    ...scanPrismaSchemas(texts.prisma),
  ].sort((a, b) => a.file.localeCompare(b.file));
  for (const scan of scans) if (scan.failure) failures.push({ file: scan.file, ...scan.failure });

  const graph = new ModuleGraph(root, scans);
  const importers = countImporters(graph, scans);
  const models: AuditModel[] = [];
  for (const scan of scans) {
    if (scan.failure) continue;
    for (const model of scan.models) {
      models.push({
        ...model,
        file: scan.file,
        language: scan.language,
        importers: importers.get(`${scan.file}\0${model.class}`)?.size ?? 0,
        referencedBy: 0,
        module: graph.moduleIdOf(scan.file),
      });
    }
  }
  const links = linkReferences(scans, models, defaultSchema);

  const duplicates = findDuplicates(models, defaultSchema);
  for (const group of duplicates) {
    const choice = pickCanonical(group.models, options.prefer ?? []);
    group.canonical = { file: choice.canonical.file, class: choice.canonical.class, reason: choice.reason };
  }
  const modules: AuditReport['modules'] = {};
  for (const scan of scans) {
    if (!scan.models.length || scan.failure) continue;
    const imported = new Set<string>();
    for (const other of scans) {
      if (other.file === scan.file) continue;
      for (const resolved of graph.importsOf(other.file)) for (const b of resolved.bindings) if (b.file === scan.file && b.name) imported.add(b.name);
    }
    modules[scan.file] = {
      module: graph.moduleIdOf(scan.file),
      ...(scan.language === 'python' ? { root: graph.pythonRootOf(scan.file) } : {}),
      definitions: scan.definitions.filter((d) => scan.language !== 'python' || !d.startsWith('_')),
      imported: [...imported].sort(),
      ...(scan.defaultExport ? { defaultExport: scan.defaultExport } : {}),
    };
  }
  return {
    root,
    models,
    modules,
    duplicates,
    collisions: findCollisions(models, defaultSchema),
    dangling: findDangling(scans, models, graph, defaultSchema),
    // Prisma models are used through the generated client, never imported from the schema file
    orphans: models.filter((m) => m.importers === 0 && m.orm !== 'prisma'),
    links,
    failures: failures.sort((a, b) => a.file.localeCompare(b.file)),
    pythonRoots: [...graph.pythonRootHits.entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r),
    stats: { files: files.length, scanned: scans.length, models: models.length },
  };
}

/** `file\0class` -> the files that import that model: by name (through re-exports), by star import, or its whole module. */
function countImporters(graph: ModuleGraph, scans: readonly FileScan[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (file: string, name: string, importer: string): void => {
    if (file === importer) return;
    const key = `${file}\0${name}`;
    if (!out.has(key)) out.set(key, new Set());
    out.get(key)!.add(importer);
  };
  const modelsOf = new Map<string, string[]>();
  for (const scan of scans) if (scan.models.length) modelsOf.set(scan.file, scan.models.map((m) => m.class));
  for (const scan of scans) {
    for (const resolved of graph.importsOf(scan.file)) {
      if (resolved.star && resolved.file) {
        // case: from x import * / export * from './x'
        for (const [file, names] of modelsOf) {
          for (const name of names) {
            const origin = graph.originOf(resolved.file, name);
            if (origin?.file === file && origin.name === name) add(file, name, scan.file);
          }
        }
      }
      for (const binding of resolved.bindings) {
        if (binding.name === undefined) {
          // case: import a.b / import * as ns from './x' / require('./x'): every model of the module
          for (const name of modelsOf.get(binding.file) ?? []) add(binding.file, name, scan.file);
          continue;
        }
        const origin = graph.originOf(binding.file, binding.name);
        if (origin) add(origin.file, origin.name, scan.file);
      }
    }
  }
  return out;
}

/**
 * The string references (foreign keys to a table, relationships to a class) between models, each counted on the model
 * it reaches (`referencedBy`).
 */
function linkReferences(scans: readonly FileScan[], models: AuditModel[], defaultSchema: string): ModelLink[] {
  const links: ModelLink[] = [];
  const byClass = modelsByFileAndClass(models);
  for (const scan of scans) {
    for (const ref of scan.references) {
      // a Django label names its app (`"legacy.Booking"`); a bare name, the holder's own app
      const holder = byClass.get(`${scan.file}\0${ref.from}`);
      const app = ref.appLabel ?? (holder?.orm === 'django' ? holder.appLabel : undefined);
      for (const model of models) {
        if (model === holder) continue;
        const hit =
          ref.table !== undefined
            ? model.table === ref.table && (ref.schema === undefined || schemaKey(ref.schema, defaultSchema) === schemaKey(model.schema, defaultSchema))
            : ref.class !== undefined && (model.class === ref.class || (model.aliases ?? []).includes(ref.class)) && (app === undefined || model.appLabel === undefined || model.appLabel === app);
        if (!hit) continue;
        model.referencedBy++;
        links.push({ from: { file: scan.file, class: ref.from }, to: { file: model.file, class: model.class }, kind: ref.kind, text: ref.text });
      }
    }
  }
  return links;
}

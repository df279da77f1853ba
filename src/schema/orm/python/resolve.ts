import type { FileScan, ScannedImport, ScannedReference } from '../types';
import { ClassFacts, PythonFileFacts } from './facts';
import { djangoAppLabel, flaskTableName } from './naming';
import { lastSegment } from './nodes';

// ---------------------------------------------------------------------------------------------
// phase 2: resolve bases across files

const djangoBaseNames = new Set([
  'AbstractUser',
  'AbstractBaseUser',
  'PermissionsMixin',
  'TimeStampedModel',
  'TitleDescriptionModel',
  'MPTTModel',
  'PolymorphicModel',
  'ClusterableModel',
  'Page',
]);

interface ClassRef {
  file: PythonFileFacts;
  facts: ClassFacts;
}

export function resolveModels(files: PythonFileFacts[]): FileScan[] {
  const byName = new Map<string, ClassRef[]>();
  for (const file of files) {
    for (const facts of file.classes) {
      const list = byName.get(facts.name) ?? [];
      list.push({ file, facts });
      byName.set(facts.name, list);
    }
  }
  const lookup = (base: string, from: PythonFileFacts): ClassRef | undefined => {
    const candidates = byName.get(lastSegment(base));
    if (!candidates?.length) return undefined;
    const head = base.split('.')[0]!;
    const local = candidates.find((c) => c.file === from);
    if (local && !base.includes('.')) return local;
    // a base imported from a module (`from django.contrib.syndication.views import Feed`) is only
    // a scanned class when that module is one of the scanned files
    const source = importSourceOf(from.imports, head);
    if (source) return candidates.find((c) => moduleMatches(c.file.file, source));
    return local ?? candidates[0];
  };
  const localBases = (ref: ClassRef, seen = new Set<ClassFacts>()): ClassRef[] => {
    const out: ClassRef[] = [];
    for (const base of ref.facts.bases) {
      const found = lookup(base, ref.file);
      if (!found || found.facts === ref.facts || seen.has(found.facts)) continue;
      seen.add(found.facts);
      out.push(found);
    }
    return out;
  };

  const djangoMemo = new Map<ClassFacts, boolean>();
  const isDjango = (ref: ClassRef, depth = 0): boolean => {
    const memo = djangoMemo.get(ref.facts);
    if (memo !== undefined) return memo;
    if (depth > 20) return false;
    djangoMemo.set(ref.facts, false);
    let result = false;
    for (const base of ref.facts.bases) {
      const segment = lastSegment(base);
      if (ref.file.mentionsDjango && (base === 'models.Model' || base === 'Model' || base.endsWith('.models.Model') || djangoBaseNames.has(segment))) {
        result = true;
        break;
      }
      const found = lookup(base, ref.file);
      if (found && found.facts !== ref.facts && isDjango(found, depth + 1)) {
        result = true;
        break;
      }
    }
    djangoMemo.set(ref.facts, result);
    return result;
  };
  /** true for a class that maps its own table (a concrete SQLAlchemy model) */
  const isConcreteSqlalchemy = (ref: ClassRef): boolean =>
    !ref.facts.abstract && (ref.facts.tablename !== undefined || ref.facts.table !== undefined || ref.facts.dynamicTablename);
  const isFlaskBase = (base: string): boolean => /^\w+\.Model$/.test(base) && base !== 'models.Model';
  const reachesFlaskModel = (ref: ClassRef, depth = 0): boolean =>
    depth < 20 && ref.facts.bases.some((b) => isFlaskBase(b) || (() => {
      const found = lookup(b, ref.file);
      return !!found && found.facts !== ref.facts && !isConcreteSqlalchemy(found) && reachesFlaskModel(found, depth + 1);
    })());

  /** columns, relationships, references and table args inherited from mixins / abstract bases */
  const inherited = (ref: ClassRef, django: boolean, seen = new Set<ClassFacts>([ref.facts])) => {
    let columns = 0;
    let relationships = 0;
    let tableArgs: ClassFacts['tableArgs'];
    const references: ScannedReference[] = [];
    for (const base of localBases(ref, seen)) {
      if (django ? !(isDjango(base) && base.facts.meta.abstract) : isConcreteSqlalchemy(base)) continue;
      const own = django
        ? { columns: base.facts.djangoColumns, relationships: base.facts.djangoRelationships }
        : { columns: base.facts.columns, relationships: base.facts.relationships };
      const deeper = inherited(base, django, seen);
      columns += own.columns + deeper.columns;
      relationships += own.relationships + deeper.relationships;
      tableArgs ??= base.facts.tableArgs ?? deeper.tableArgs;
      const refs = django ? base.facts.djangoReferences : base.facts.references;
      references.push(...refs.map((r) => ({ ...r, from: ref.facts.name })), ...deeper.references);
    }
    return { columns, relationships, tableArgs, references };
  };

  const djangoTable = (ref: ClassRef, depth = 0): { table: string; derived: boolean } => {
    const { facts, file } = ref;
    if (facts.meta.proxy && depth < 20) {
      const parent = localBases(ref).find((b) => isDjango(b) && !b.facts.meta.abstract);
      if (parent) return djangoTable(parent, depth + 1);
    }
    if (facts.meta.dbTable) return { table: facts.meta.dbTable, derived: false };
    return { table: `${facts.meta.appLabel ?? djangoAppLabel(file.file)}_${facts.name.toLowerCase()}`, derived: true };
  };

  /** a base (written in `from`'s file, or inherited through scanned classes) that the predicate accepts */
  const reaches = (ref: ClassRef, accepts: (base: string, file: PythonFileFacts) => boolean, depth = 0): boolean =>
    depth < 20 &&
    ref.facts.bases.some((base) => {
      if (accepts(base, ref.file)) return true;
      const found = lookup(base, ref.file);
      return !!found && found.facts !== ref.facts && reaches(found, accepts, depth + 1);
    });
  /** SQLModel (`table=True`), Peewee and Tortoise models: their table, as each ORM names it by default */
  const otherOrm = (ref: ClassRef): { orm: 'sqlmodel' | 'peewee' | 'tortoise'; table: string; derived: boolean } | undefined => {
    const { facts } = ref;
    const lower = facts.name.toLowerCase();
    if (facts.keywords.table === 'True' && reaches(ref, (base, file) => file.orms.sqlmodel && lastSegment(base) === 'SQLModel')) {
      return { orm: 'sqlmodel', table: facts.tablename ?? lower, derived: facts.tablename === undefined };
    }
    if (facts.meta.abstract || facts.ormFields === 0) return undefined;
    if (reaches(ref, (base, file) => file.orms.peewee && (base === 'Model' || base === 'peewee.Model'))) return { orm: 'peewee', table: facts.meta.tableName ?? lower, derived: facts.meta.tableName === undefined };
    if (reaches(ref, (base, file) => file.orms.tortoise && (base === 'Model' || base === 'models.Model'))) return { orm: 'tortoise', table: facts.meta.tableName ?? lower, derived: facts.meta.tableName === undefined };
    return undefined;
  };

  return files.map((file): FileScan => {
    const scan: FileScan = {
      file: file.file,
      language: 'python',
      models: [...file.tables],
      references: [...file.tableReferences],
      imports: file.imports,
      definitions: file.definitions,
      ...(file.failure ? { failure: file.failure } : {}),
    };
    for (const facts of file.classes) {
      const ref: ClassRef = { file, facts };
      if (isDjango(ref)) {
        if (facts.meta.abstract) continue;
        const { table, derived } = djangoTable(ref);
        const more = inherited(ref, true);
        scan.models.push({
          class: facts.name,
          orm: 'django',
          appLabel: facts.meta.appLabel ?? djangoAppLabel(file.file),
          line: facts.line,
          table,
          schema: null,
          derivedTable: derived,
          columns: facts.djangoColumns + more.columns,
          relationships: facts.djangoRelationships + more.relationships,
          ...(facts.meta.proxy ? { proxy: true, note: 'proxy model: maps its parent table' } : {}),
          ...(facts.meta.unmanaged ? { unmanaged: true } : {}),
        });
        scan.references.push(...facts.djangoReferences, ...more.references);
        continue;
      }
      const other = otherOrm(ref);
      if (other) {
        scan.models.push({ class: facts.name, orm: other.orm, line: facts.line, table: other.table, schema: facts.tableArgs?.schema ?? null, derivedTable: other.derived, columns: facts.columns + facts.ormFields, relationships: facts.relationships });
        scan.references.push(...facts.references);
        continue;
      }
      if (facts.abstract) continue;
      if (facts.tablename !== undefined || facts.table) {
        const more = inherited(ref, false);
        const args = facts.tableArgs ?? more.tableArgs;
        const schema = facts.table ? facts.table.schema : (args?.schema ?? null);
        const notes = [args?.extendExisting ? 'extend_existing=True (hides a mapper conflict)' : ''].filter(Boolean);
        scan.models.push({
          class: facts.name,
          orm: 'sqlalchemy',
          line: facts.line,
          table: facts.table ? facts.table.name : facts.tablename!,
          schema,
          derivedTable: false,
          columns: facts.columns + more.columns + (facts.table?.columns ?? 0),
          relationships: facts.relationships + more.relationships,
          ...(notes.length ? { note: notes.join('; ') } : {}),
        });
        scan.references.push(...facts.references, ...more.references);
        continue;
      }
      // Flask-SQLAlchemy names the table after the class when a db.Model subclass has a primary key of its own
      if (!facts.dynamicTablename && facts.primaryKey && reachesFlaskModel(ref) && !localBases(ref).some(isConcreteSqlalchemy)) {
        const more = inherited(ref, false);
        scan.models.push({
          class: facts.name,
          orm: 'flask-sqlalchemy',
          line: facts.line,
          table: flaskTableName(facts.name),
          schema: facts.tableArgs?.schema ?? more.tableArgs?.schema ?? null,
          derivedTable: true,
          columns: facts.columns + more.columns,
          relationships: facts.relationships + more.relationships,
        });
        scan.references.push(...facts.references, ...more.references);
      }
    }
    return scan;
  });
}

/** Where a file's imports bind `name`: the module (dotted, without leading dots) and the import's relative level. */
function importSourceOf(imports: readonly ScannedImport[], name: string): { module: string; level: number } | undefined {
  for (const imp of imports) {
    if (imp.names === undefined) {
      // case: import a.b  (binds `a`)
      if (imp.specifier.split('.')[0] === name) return { module: imp.specifier, level: 0 };
    } else if (Array.isArray(imp.names)) {
      const index = (imp.locals ?? imp.names).indexOf(name);
      if (index >= 0) {
        // `from pkg import models` binds a submodule or a name of pkg: either way the class lives under pkg
        return { module: imp.specifier, level: imp.level };
      }
    }
  }
  return undefined;
}

/** True when `file` could be the module an import names (by dotted suffix; relative imports by their tail). */
function moduleMatches(file: string, source: { module: string; level: number }): boolean {
  const module = file.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/').join('.');
  if (!source.module) return source.level > 0;
  return module === source.module || module.endsWith(`.${source.module}`) || module.startsWith(`${source.module}.`) || module.includes(`.${source.module}.`);
}

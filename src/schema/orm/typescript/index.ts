import type { FileScan, ScannedReference } from '../types';
import { ClassFacts } from './classes';
import { readFile } from './read-file';

/**
 * ORM model scanners for TypeScript and JavaScript, on the `typescript` parser alone (no Program):
 * TypeORM `@Entity`, Sequelize `define` / `Model.init` / sequelize-typescript `@Table`,
 * Drizzle `pgTable` / `mysqlTable` / `sqliteTable` / `pgSchema(...).table`, Mongoose `model(...)`;
 * plus every import, re-export and `require` of the file for the audit's importer count.
 *
 * Columns inherited from a base class (`abstract class Base { @PrimaryGeneratedColumn() id }`) are
 * added by resolving `extends` across the scanned files by class name.
 *
 * @example
 * const [scan] = scanTypeScriptModels([{ file: 'src/entities/user.ts', text }]);
 * scan.models; // [{ class: 'User', orm: 'typeorm', table: 'user', derivedTable: true, ... }]
 */
export function scanTypeScriptModels(files: ReadonlyArray<{ file: string; text: string }>): FileScan[] {
  const facts = files.map(({ file, text }) => readFile(file, text));
  const classes = new Map<string, ClassFacts[]>();
  for (const f of facts) for (const c of f.classes) classes.set(c.name, [...(classes.get(c.name) ?? []), c]);
  const inherited = (c: ClassFacts, seen = new Set<ClassFacts>()): { columns: number; relationships: number; references: ScannedReference[] } => {
    const base = c.extends ? classes.get(c.extends)?.find((b) => b.file === c.file) ?? classes.get(c.extends)?.[0] : undefined;
    if (!base || seen.has(base) || base.isEntity) return { columns: 0, relationships: 0, references: [] };
    seen.add(base);
    const deeper = inherited(base, seen);
    return {
      columns: base.columns + deeper.columns,
      relationships: base.relationships + deeper.relationships,
      references: [...base.references, ...deeper.references],
    };
  };
  return facts.map((f) => {
    for (const c of f.classes) {
      if (!c.model) continue;
      const more = inherited(c);
      c.model.columns += more.columns;
      c.model.relationships += more.relationships;
      f.scan.references.push(...more.references.map((r) => ({ ...r, from: c.name })));
    }
    return f.scan;
  });
}

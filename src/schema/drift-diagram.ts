import { tablesOf, type DriftFinding } from './compare';
import { tableKey, type SchemaModel, type TableSchema } from './model';

/** A table of the drift diagram: as the models describe it (else as the migrations build it), the parts that drift. */
export interface DriftDiagramTable {
  key: string;
  side: 'models' | 'migrations' | 'neither';
  /** the primary key, the foreign-key columns, and every column a finding names, with those findings */
  columns: Array<{ name: string; type?: string; key?: 'PK' | 'FK'; findings: string[] }>;
  foreignKeys: Array<{ columns: string[]; target: string }>;
  /** findings about the table itself (missing-table, extra-table, …) */
  findings: string[];
}

/**
 * The tables with findings and the tables their foreign keys reach (one hop), for an ER diagram: where a model's FK
 * names a table the migrations renamed or never created, the picture shows it at once.
 */
export function driftDiagram(models: SchemaModel, migrations: SchemaModel, findings: readonly DriftFinding[]): DriftDiagramTable[] {
  const drifting = [...new Set(findings.flatMap(tablesOf))];
  const tableOf = (key: string): { table?: TableSchema; side: DriftDiagramTable['side'] } => {
    const model = models.tables.get(key);
    if (model) return { table: model, side: 'models' };
    const migrated = migrations.tables.get(key);
    return migrated ? { table: migrated, side: 'migrations' } : { side: 'neither' };
  };
  const keys = new Set(drifting);
  for (const key of drifting) for (const fk of tableOf(key).table?.foreignKeys ?? []) keys.add(tableKey(fk.target.schema, fk.target.table));
  return [...keys].map((key) => {
    const { table, side } = tableOf(key);
    const mine = findings.filter((finding) => tablesOf(finding).includes(key));
    const columnFindings = (name: string): string[] => mine.filter((finding) => finding.column === name || finding.columns?.includes(name)).map((finding) => finding.kind);
    const fkColumns = new Set(table?.foreignKeys.flatMap((fk) => fk.columns) ?? []);
    const named = new Set(mine.flatMap((finding) => [finding.column, ...(finding.columns ?? [])]).filter((name): name is string => !!name));
    const columns = table
      ? [...table.columns.values()].filter((column) => column.primaryKey || fkColumns.has(column.name) || named.has(column.name)).map((column) => ({
          name: column.name,
          ...(column.type ? { type: column.type } : {}),
          ...(column.primaryKey ? { key: 'PK' as const } : fkColumns.has(column.name) ? { key: 'FK' as const } : {}),
          findings: columnFindings(column.name),
        }))
      : [];
    // a column a finding names that this side does not have (missing-column on the models' side shows the migration's)
    for (const name of named) if (!columns.some((column) => column.name === name)) columns.push({ name, findings: columnFindings(name) });
    return {
      key,
      side,
      columns,
      foreignKeys: (table?.foreignKeys ?? []).map((fk) => ({ columns: fk.columns, target: tableKey(fk.target.schema, fk.target.table) })),
      findings: mine.filter((finding) => !finding.column && !finding.columns?.length).map((finding) => finding.kind),
    };
  });
}

import { cell } from './markdown';
import { erDiagram, type ErEntity, type ErLink } from '../core/mermaid';
import type { DriftReport } from '../schema/drift';
import type { DriftDiagramTable } from '../schema/drift-diagram';

/** `--format json`: DESIGN §5's shape. */
export function renderDriftJson({ diagram: _diagram, ...report }: DriftReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const where = (origin: { file: string; line: number } | undefined): string => (origin ? `${origin.file}:${origin.line}` : '—');

/** `--format md`: a table a PR comment can hold, findings by table. */
export function renderDriftMarkdown(report: DriftReport): string {
  const lines = ['# Drift: models vs migrations', '', ...report.sources.map((source) => `- ${source}`), ''];
  if (!report.findings.length) return `${lines.join('\n')}No drift: the migrations build the schema the models describe.\n`;
  const counts = new Map<string, number>();
  for (const finding of report.findings) counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
  lines.push(`${report.findings.length} finding(s): ${[...counts].map(([kind, n]) => `${n} ${kind}`).join(', ')}`, '');
  lines.push('| kind | table | column | model | migration | detail | fix |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const f of report.findings) {
    const detail = `${f.detail}${f.renamed_from ? ` (renamed from ${f.renamed_from})` : ''}${f.unsure ? ' (unsure: a step the replay cannot follow touches this table)' : ''}`;
    lines.push(`| ${f.kind} | ${cell(f.table)} | ${cell(f.column ?? '')} | ${where(f.model)} | ${where(f.migration)} | ${cell(detail)} | ${f.fix ? `\`${cell(f.fix)}\`` : ''} |`);
  }
  if (report.diagram.length) lines.push('', '## The drifting tables and their foreign keys', '', ...driftErDiagram(report.diagram));
  return `${lines.join('\n')}\n`;
}

/** Each drifting table with its keys and the columns that drift (the findings as comments), and the FKs between them. */
function driftErDiagram(tables: DriftReport['diagram']): string[] {
  const ids = new Map(tables.map((table, i) => [table.key, `t${i}`]));
  const sideNote: Record<DriftDiagramTable['side'], string> = { models: 'as the models map it', migrations: 'only in the migrations', neither: 'in neither: named by a foreign key' };
  const entities: ErEntity[] = tables.map((table) => ({
    id: ids.get(table.key)!,
    label: `${table.key}${table.findings.length ? ` (${table.findings.join(', ')})` : ''}`,
    attributes: table.columns.length
      ? table.columns.map((column) => ({ type: column.type ?? 'unknown', name: column.name, ...(column.key ? { key: column.key } : {}), ...(column.findings.length ? { comment: column.findings.join(', ') } : {}) }))
      : [{ type: 'table', name: table.key, comment: sideNote[table.side] }],
  }));
  const links: ErLink[] = tables.flatMap((table) => table.foreignKeys.filter((fk) => ids.has(fk.target)).map((fk) => ({ from: ids.get(table.key)!, to: ids.get(fk.target)!, kind: 'many-to-one' as const, label: fk.columns.join(', ') })));
  return erDiagram(entities, links);
}

import type { DriftReport } from '../schema/drift';

/** `--format json`: DESIGN §5's shape. */
export function renderDriftJson(report: DriftReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const where = (origin: { file: string; line: number } | undefined): string => (origin ? `${origin.file}:${origin.line}` : '—');
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

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
  return `${lines.join('\n')}\n`;
}

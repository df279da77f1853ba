import { erDiagram, type ErEntity, type ErLink } from '../core/mermaid';
import { qualified } from './findings';
import type { AuditModel, AuditReport } from './types';

/** The report as JSON for machines (stable key order, paths relative to the audited directory). */
export function renderAuditJson(report: AuditReport): string {
  const brief = (m: AuditModel) => ({
    file: m.file,
    line: m.line,
    class: m.class,
    orm: m.orm,
    schema: m.schema,
    table: m.table,
    columns: m.columns,
    relationships: m.relationships,
    importers: m.importers,
  });
  const json = {
    models: report.models.map((m) => ({ ...brief(m), module: m.module, derivedTable: m.derivedTable, referencedBy: m.referencedBy, ...(m.proxy ? { proxy: true } : {}), ...(m.unmanaged ? { unmanaged: true } : {}), ...(m.appLabel ? { appLabel: m.appLabel } : {}), ...(m.note ? { note: m.note } : {}) })),
    duplicates: report.duplicates.map((g) => ({ schema: g.schema, table: g.table, ...(g.canonical ? { canonical: g.canonical } : {}), models: g.models.map(brief) })),
    collisions: report.collisions.map((c) => ({ ...c, models: c.models.map(brief) })),
    dangling: report.dangling,
    orphans: report.orphans.map(brief),
    failures: report.failures,
    pythonRoots: report.pythonRoots,
    stats: report.stats,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** The report as Markdown for a pull request: a summary, a table per finding kind, and a Mermaid ER diagram of the duplicated models and their links. */
export function renderAuditMarkdown(report: AuditReport): string {
  const out: string[] = [];
  const files = new Set(report.models.map((m) => m.file)).size;
  out.push('# Model audit', '');
  out.push(
    `${report.models.length} models in ${files} files (${orms(report.models)}). ` +
      `**${report.duplicates.length}** duplicate tables, **${report.collisions.length}** collisions, ` +
      `**${report.dangling.length}** dangling references, **${report.orphans.length}** orphans` +
      (report.failures.length ? `, ${report.failures.length} files skipped (parse errors)` : '') +
      '.',
    '',
  );

  out.push('## Duplicates', '');
  if (!report.duplicates.length) out.push('No table is mapped by more than one class.', '');
  else {
    out.push('One table mapped by several classes. The canonical pick follows `--prefer`, then a managed Django model over an unmanaged one, then more columns, then more relationships, then more importers.', '');
    out.push('| table | class | file | ORM | columns | relationships | importers | pick |', '|---|---|---|---|---:|---:|---:|---|');
    for (const group of report.duplicates) {
      for (const m of group.models) {
        const isCanonical = group.canonical?.file === m.file && group.canonical.class === m.class;
        out.push(row([code(qualified(group.schema, group.table)), code(m.class), code(`${m.file}:${m.line}`), m.orm, m.columns, m.relationships, m.importers, isCanonical ? `**canonical** — ${group.canonical!.reason}` : 'deprecate']));
      }
    }
    out.push('', ...duplicatesDiagram(report), '');
  }

  out.push('## Collisions', '');
  if (!report.collisions.length) out.push('No table name is used in two schemas, and no class name maps two tables.', '');
  else {
    out.push('| kind | name | tables | models |', '|---|---|---|---|');
    for (const c of report.collisions) {
      const models = c.models.map((m) => `${code(m.class)} → ${code(qualified(m.schema, m.table))} (${code(`${m.file}:${m.line}`)})`).join('<br/>');
      if (c.kind === 'schema') out.push(row(['same table, different schemas', code(c.table), c.schemas.map((s) => code(qualified(s, c.table))).join(', '), models]));
      else out.push(row(['same class name, different tables', code(c.class), c.tables.map(code).join(', '), models]));
    }
    out.push('');
  }

  out.push('## Dangling references', '');
  if (!report.dangling.length) out.push('Every foreign key and relationship points at a table or class that some model defines.', '');
  else {
    out.push('| file | model | reference | missing | did you mean |', '|---|---|---|---|---|');
    for (const d of report.dangling) out.push(row([code(`${d.file}:${d.line}`), code(d.class), code(d.text), code(d.target), d.suggestions.map(code).join(', ')]));
    out.push('');
  }

  out.push('## Orphans', '');
  if (!report.orphans.length) out.push('Every model is imported by at least one other file.', '');
  else {
    out.push('Models that no other file imports (string references from other models are counted separately).', '');
    out.push('| class | file | ORM | table | referenced by models |', '|---|---|---|---|---:|');
    for (const m of report.orphans) out.push(row([code(m.class), code(`${m.file}:${m.line}`), m.orm, code(qualified(m.schema, m.table)), m.referencedBy]));
    out.push('');
  }

  if (report.failures.length) {
    out.push('## Skipped files', '', '| file | error |', '|---|---|');
    for (const f of report.failures) out.push(row([code(`${f.file}:${f.line}`), f.error]));
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function orms(models: readonly AuditModel[]): string {
  const counts = new Map<string, number>();
  for (const m of models) counts.set(m.orm, (counts.get(m.orm) ?? 0) + 1);
  return [...counts].map(([orm, n]) => `${orm}: ${n}`).join(', ') || 'no ORM found';
}

function row(cells: Array<string | number>): string {
  return `| ${cells.map((c) => String(c).replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/**
 * The duplicated models as an ER diagram: each copy (canonical or to deprecate) with its table, a dashed one-to-one
 * between the copies of a table, and the foreign keys and relationships that reach them or leave them, with the
 * models at their other end.
 */
function duplicatesDiagram(report: AuditReport): string[] {
  const keyOf = (m: { file: string; class: string }): string => `${m.file}\0${m.class}`;
  const duplicated = new Set(report.duplicates.flatMap((group) => group.models.map(keyOf)));
  const links = report.links.filter((link) => duplicated.has(keyOf(link.from)) || duplicated.has(keyOf(link.to)));
  const shown = new Set([...duplicated, ...links.flatMap((link) => [keyOf(link.from), keyOf(link.to)])]);
  const models = report.models.filter((m) => shown.has(keyOf(m)));
  const ids = new Map(models.map((m, i) => [keyOf(m), `m${i}`]));
  const roleOf = (m: AuditModel): string | undefined => {
    const group = report.duplicates.find((g) => g.models.some((other) => keyOf(other) === keyOf(m)));
    if (!group) return undefined;
    return group.canonical?.file === m.file && group.canonical.class === m.class ? 'canonical' : 'deprecate';
  };
  const entities: ErEntity[] = models.map((m) => ({
    id: ids.get(keyOf(m))!,
    label: `${m.class} (${m.file}:${m.line})`,
    attributes: [{ type: 'table', name: qualified(m.schema, m.table), comment: roleOf(m) ?? m.orm }],
  }));
  const erLinks: ErLink[] = report.duplicates.flatMap((group) => {
    const canonical = group.models.find((m) => roleOf(m) === 'canonical') ?? group.models[0]!;
    return group.models.filter((m) => m !== canonical).map((m) => ({ from: ids.get(keyOf(m))!, to: ids.get(keyOf(canonical))!, kind: 'same' as const, label: `duplicate of (${qualified(group.schema, group.table)})` }));
  });
  for (const link of links) erLinks.push({ from: ids.get(keyOf(link.from))!, to: ids.get(keyOf(link.to))!, kind: link.kind === 'foreign-key' ? 'many-to-one' : 'association', label: link.text });
  return erDiagram(entities, erLinks);
}

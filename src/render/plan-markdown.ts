import { cell, code } from './markdown';
import type { FileChange, Plan } from '../plan/types';


const kindOf = (change: FileChange): string => {
  if (change.after === null) return 'deleted';
  if (change.movedFrom) return `moved from ${code(change.movedFrom)}`;
  if (change.before === null) return 'new';
  return 'changed';
};

/**
 * The plan as a pull-request description: per-entry counts, every changed file with what changed it, moved files,
 * shims and generated migrations, needs-review as a checklist of `file:line` items, notes and unreadable files folded.
 */
export function renderPlanMarkdown(plan: Plan): string {
  const lines: string[] = ['## remodel: consolidation plan', ''];
  const files = plan.changes.length;
  lines.push(`${files} file${files === 1 ? '' : 's'} to change (${plan.summary.filesParsed} parsed of ${plan.summary.filesScanned} scanned); ${plan.needsReview.length} place${plan.needsReview.length === 1 ? '' : 's'} to review.`, '');
  const entries = Object.entries(plan.summary.entries);
  if (entries.length) {
    lines.push('| map entry | files | imports | references | strings |', '| --- | ---: | ---: | ---: | ---: |');
    for (const [label, stats] of entries) lines.push(`| ${cell(label)} | ${stats.files} | ${stats.imports} | ${stats.references} | ${stats.strings} |`);
    lines.push('');
  }
  // each changed file under the first heading that fits it
  const has = (source: string) => (change: FileChange): boolean => change.sources.includes(source);
  const sections: Array<[string, (change: FileChange) => boolean]> = [
    ['Shims', has('insert-shims')],
    ['Moved files', (change) => change.movedFrom !== undefined],
    ['Generated migrations and renamed tables', has('rename-tables')],
    ['Pruned', has('prune')],
    ['Rewritten importers', has('rewrite-imports')],
    ['Other files that name a moved path (configs, references)', () => true],
  ];
  const left = new Set(plan.changes);
  for (const [title, fits] of sections) {
    const changes = [...left].filter(fits);
    if (!changes.length) continue;
    lines.push(`### ${title} (${changes.length})`, '');
    for (const change of changes) {
      left.delete(change);
      lines.push(`- ${code(change.path)}: ${kindOf(change)}${change.sources.length ? ` (${change.sources.join(', ')})` : ''}`);
    }
    lines.push('');
  }
  if (plan.needsReview.length) {
    lines.push(`### Needs review (${plan.needsReview.length})`, '');
    for (const item of plan.needsReview) lines.push(`- [ ] ${code(`${item.file}:${item.line}`)} ${cell(item.reason)}${item.unsure ? ' _(remodel cannot tell whether this uses an old module)_' : ''}`);
    lines.push('');
  }
  if (plan.failures.length) {
    lines.push(`### Not planned: could not be read or parsed (${plan.failures.length})`, '');
    for (const item of plan.failures) lines.push(`- ${code(`${item.file}:${item.line}`)} ${cell(item.error)}`);
    lines.push('');
  }
  if (plan.notes.length) {
    lines.push(`<details><summary>Notes (${plan.notes.length})</summary>`, '');
    for (const item of plan.notes) lines.push(`- ${code(`${item.file}:${item.line}`)} ${cell(item.message)}`);
    lines.push('', '</details>', '');
  }
  return `${lines.join('\n')}`;
}

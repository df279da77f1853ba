import pc from 'picocolors';
import type { Plan } from '../plan/types';
import { countChangedLines, quoteGitPath } from './patch';

/** The machine report of `--json`: per entry counts, needs-review, notes, parse failures, timings. */
export function renderJsonReport(plan: Plan): string {
  const report = {
    files: plan.changes.map((change) => ({
      path: change.path,
      ...(change.movedFrom ? { movedFrom: change.movedFrom } : {}),
      status: change.before === null ? 'created' : change.after === null ? 'deleted' : change.movedFrom ? 'moved' : 'modified',
      transforms: change.sources,
      ...countChangedLines(change),
    })),
    entries: plan.summary.entries,
    needsReview: plan.needsReview,
    notes: plan.notes,
    failures: plan.failures,
    filesScanned: plan.summary.filesScanned,
    filesParsed: plan.summary.filesParsed,
    timings: Object.fromEntries(Object.entries(plan.timings).map(([k, v]) => [k, Math.round(v)])),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** `--stat`: one line per file, like `git diff --stat`. */
export function renderStat(plan: Plan, color: boolean): string {
  const c = pc.createColors(color);
  // names quoted as git quotes them (a newline in a name would otherwise break the listing)
  const names = plan.changes.map((change) => (change.movedFrom ? `${quoteGitPath(change.movedFrom)} => ${quoteGitPath(change.path)}` : quoteGitPath(change.path)));
  const width = Math.max(0, ...names.map((name) => name.length));
  const lines = plan.changes.map((change, i) => {
    const { added, removed } = countChangedLines(change);
    const name = names[i]!;
    return ` ${name.padEnd(width)} | ${String(added + removed).padStart(4)} ${c.green('+'.repeat(Math.min(added, 30)))}${c.red('-'.repeat(Math.min(removed, 30)))}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** The human summary on stderr: what changed per entry, then needs-review, notes and failures with file:line. */
export function renderSummary(plan: Plan, color: boolean): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  const { summary } = plan;
  lines.push(c.bold(`remodel: ${plan.changes.length} file${plan.changes.length === 1 ? '' : 's'} to change (${summary.filesParsed} parsed of ${summary.filesScanned} scanned)`));
  for (const [label, stats] of Object.entries(summary.entries)) {
    if (!stats.files) continue;
    lines.push(`  ${label}: ${stats.files} file${stats.files === 1 ? '' : 's'}, ${stats.imports} import${stats.imports === 1 ? '' : 's'}, ${stats.references} reference${stats.references === 1 ? '' : 's'}, ${stats.strings} string${stats.strings === 1 ? '' : 's'}`);
  }
  if (plan.needsReview.length) {
    lines.push(c.yellow(`needs review (${plan.needsReview.length}):`));
    for (const item of plan.needsReview) lines.push(`  ${item.file}:${item.line}: ${item.reason}`);
  }
  if (plan.notes.length) {
    lines.push(c.cyan(`notes (${plan.notes.length}):`));
    for (const item of plan.notes) lines.push(`  ${item.file}:${item.line}: ${item.message}`);
  }
  if (plan.failures.length) {
    lines.push(c.red(`not parsed, left untouched (${plan.failures.length}):`));
    for (const item of plan.failures) lines.push(`  ${item.file}:${item.line}:${item.column}: ${item.error}`);
  }
  return `${lines.join('\n')}\n`;
}

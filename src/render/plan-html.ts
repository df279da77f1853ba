import { readFileSync } from 'node:fs';
import type { Plan } from '../plan/types';
import { renderPatchBytes } from './patch';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** diff2html's stylesheet, read once from its package: the page carries it inline. */
let stylesheet: string | undefined;
const diffStylesheet = (): string => (stylesheet ??= readFileSync(require.resolve('diff2html/bundles/css/diff2html.min.css'), 'utf8'));

/**
 * The plan as one self-contained HTML page: a summary (counts per map entry, what to review) and the patch side by
 * side, laid out by diff2html, its stylesheet inline: no script, nothing fetched, it opens from a CI artifact as is.
 */
export function renderPlanHtml(plan: Plan): string {
  const files = plan.changes.length;
  const entries = Object.entries(plan.summary.entries);
  // loaded here: only this format needs it, and every start of the CLI pays for what it loads
  const { html: diffToHtml } = require('diff2html') as typeof import('diff2html');
  const diff = diffToHtml(renderPatchBytes(plan.changes).toString('utf8'), { outputFormat: 'side-by-side', drawFileList: true, matching: 'lines', diffStyle: 'word' });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>remodel: consolidation plan</title>
<style>${diffStylesheet()}
body { font-family: system-ui, sans-serif; margin: 1.5rem; }
table.entries { border-collapse: collapse; margin-bottom: 1rem; }
table.entries td, table.entries th { border: 1px solid #ddd; padding: .25rem .5rem; text-align: right; }
table.entries td:first-child, table.entries th:first-child { text-align: left; }
</style>
</head>
<body>
<h1>remodel: consolidation plan</h1>
<p id="summary">${files} file${files === 1 ? '' : 's'} to change (${plan.summary.filesParsed} parsed of ${plan.summary.filesScanned} scanned); ${plan.needsReview.length} place${plan.needsReview.length === 1 ? '' : 's'} to review.</p>
${entries.length ? `<table class="entries"><tr><th>map entry</th><th>files</th><th>imports</th><th>references</th><th>strings</th></tr>
${entries.map(([label, stats]) => `<tr><td>${escapeHtml(label)}</td><td>${stats.files}</td><td>${stats.imports}</td><td>${stats.references}</td><td>${stats.strings}</td></tr>`).join('\n')}
</table>` : ''}
${plan.needsReview.length ? `<h2>Needs review</h2>\n<ul id="needs-review">\n${plan.needsReview.map((item) => `<li><code>${escapeHtml(`${item.file}:${item.line}`)}</code> ${escapeHtml(item.reason)}</li>`).join('\n')}\n</ul>` : ''}
<h2>The patch</h2>
${diff}
</body>
</html>
`;
}

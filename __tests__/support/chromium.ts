import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './cli';
import { temporaryFolder } from './temporary';

/** Text as a DOM dump holds it, entities decoded. */
export const decodeEntities = (html: string): string => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&');

/** Loads a page in headless Debian chromium (scripts run, from file:// only) and returns the DOM it ends with. */
export function renderedDom(pageFile: string): string {
  const result = spawnSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', '--virtual-time-budget=15000', '--dump-dom', `file://${pageFile}`], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`chromium failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

/**
 * Renders Mermaid diagrams with the real Mermaid (node_modules/mermaid) in chromium, as GitHub would: for each, the
 * SVG's text, or the parse error Mermaid raised.
 */
export function renderMermaid(diagrams: readonly string[]): Array<{ ok: true; svg: string } | { ok: false; error: string }> {
  const dir = temporaryFolder('remodel-mermaid-');
  try {
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      `<!doctype html><html><body><pre id="out"></pre>
<script src="file://${join(repoRoot, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js')}"></script>
<script>
mermaid.initialize({ startOnLoad: false });
(async () => {
  const results = [];
  for (const [i, text] of ${JSON.stringify(diagrams)}.entries()) {
    try { results.push({ ok: true, svg: (await mermaid.render('d' + i, text)).svg }); } catch (error) { results.push({ ok: false, error: String(error && error.message || error) }); }
  }
  document.getElementById('out').textContent = JSON.stringify(results);
})();
</script></body></html>`,
    );
    const dom = renderedDom(page);
    const match = /<pre id="out">([^<]*)<\/pre>/.exec(dom);
    if (!match?.[1]) throw new Error(`mermaid did not finish: ${dom.slice(0, 500)}`);
    return JSON.parse(decodeEntities(match[1])) as Array<{ ok: true; svg: string } | { ok: false; error: string }>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Mermaid blocks of a markdown text. */
export const mermaidBlocks = (markdown: string): string[] => [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1]!);

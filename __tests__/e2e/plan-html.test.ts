import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeGitRepo, remodel, repoRoot } from '../support/cli';
import { decodeEntities, renderedDom } from '../support/chromium';

/*
 * Issue 23, item 3: `plan --format html --out FILE` writes one self-contained page of the patch, side by side (by
 * diff2html). Judged by loading it in headless Debian chromium and reading what the page shows.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const text = (html: string): string => decodeEntities(html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ''));

describe('plan --format html', () => {
  it('one page, nothing fetched: summary, needs review, every changed file side by side with its old and new lines', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    dirs.push(dir);
    const page = join(dir, 'plan.html');
    const result = remodel(['plan', '--format', 'html', '--out', page, '--map', join(repoRoot, 'import-maps', 'ts-app.yaml')], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const html = readFileSync(page, 'utf8');
    // self-contained: no script, no stylesheet or image from elsewhere
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(http/);
    const patch = remodel(['plan', '--map', join(repoRoot, 'import-maps', 'ts-app.yaml')], dir).stdout;
    // a moved file is named `folder/{old → new}` instead
    const moved = new Set([...patch.matchAll(/^rename to (.+)$/gm)].map((m) => m[1]!));
    const files = [...patch.matchAll(/^\+\+\+ b\/(.+)$/gm)].map((m) => m[1]!).filter((file) => !moved.has(file));
    expect(files.length).toBeGreaterThan(3);

    const dom = renderedDom(page);
    const shown = text(dom);
    expect(shown).toContain('remodel: consolidation plan');
    expect(shown).toMatch(/\d+ files to change/);
    for (const file of files) expect(shown).toContain(file);
    // side by side: two columns per changed file
    const wrappers = dom.match(/class="d2h-file-wrapper"/g) ?? [];
    expect(wrappers.length).toBe(new Set([...patch.matchAll(/^diff --git a\/\S+ b\/(\S+)$/gm)].map((m) => m[1])).size);
    expect((dom.match(/class="d2h-file-side-diff"/g) ?? []).length).toBe(2 * wrappers.length);
    // an old line on the left (deleted), its rewrite on the right (inserted)
    const deleted = [...dom.matchAll(/<td class="d2h-del[^"]*">([\s\S]*?)<\/td>/g)].map((m) => text(m[1]!)).join('\n');
    const inserted = [...dom.matchAll(/<td class="d2h-ins[^"]*">([\s\S]*?)<\/td>/g)].map((m) => text(m[1]!)).join('\n');
    expect(deleted).toContain("from '@/legacy/entities/booking.entity'");
    expect(inserted).toContain("from '@/db/entities/booking.entity'");
    // the relocated file is shown as moved
    expect(shown).toContain('src/legacy/entities/{booking.entity.ts → DEPRECATED/booking.entity.ts}');
    expect(dom).toContain('d2h-moved-tag');
  });

  it('needs review is a list of file:line and reason, as the summary has it', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'python-backend'));
    dirs.push(dir);
    const map = join(repoRoot, 'import-maps', 'seed-consolidation.yaml');
    const page = join(dir, 'plan.html');
    expect(remodel(['plan', '--format', 'html', '--out', page, '--map', map], dir).status).toBe(0);
    const report = JSON.parse(remodel(['plan', '--json', '--map', map], dir).stdout) as { needsReview: Array<{ file: string; line: number; reason: string }> };
    expect(report.needsReview.length).toBeGreaterThan(0);
    const list = /<ul id="needs-review">([\s\S]*?)<\/ul>/.exec(renderedDom(page))?.[1] ?? '';
    expect([...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]!))).toEqual(report.needsReview.map((item) => `${item.file}:${item.line} ${item.reason}`));
  });

  it('without --out the page goes to stdout', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    dirs.push(dir);
    const result = remodel(['plan', '--format', 'html', '--map', join(repoRoot, 'import-maps', 'ts-app.yaml')], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>/);
    expect(result.stdout).not.toContain('diff --git');
  });
});

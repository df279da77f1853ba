import { join } from 'node:path';
import { remodel, repoRoot } from '../support/cli';
import { erDiagram } from '../../src/core/mermaid';
import { mermaidBlocks, renderMermaid } from '../support/chromium';

/*
 * Issue 23, item 3 (pictures): `audit` and `drift` markdown carry a Mermaid ER diagram of the duplicated models (the
 * drifting tables) and their foreign keys. Judged by the real Mermaid, rendering in headless chromium as GitHub does.
 */
describe('Mermaid ER diagrams', () => {
  it('audit: each duplicated model with its table, the copies linked to the canonical one, the FKs that reach them', () => {
    const audit = remodel(['audit', join(repoRoot, 'examples', 'python-backend')], repoRoot);
    expect(audit.status).toBe(0);
    const blocks = mermaidBlocks(audit.stdout);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatch(/^erDiagram\n/);
    // the seed's duplicate: stations mapped in core/auth/station_models.py and db/models/identity.py
    expect(blocks[0]).toMatch(/ m\d+ \|\|\.\.\|\| m\d+ : "duplicate of \(stations\)"/);
    expect(blocks[0]).toMatch(/ m\d+ }o--\|\| m\d+ : "/);
    const [rendered] = renderMermaid(blocks);
    if (!rendered!.ok) throw new Error(rendered!.error);
    for (const text of ['Station (core/auth/station_models.py:13)', 'Station (db/models/identity.py:52)', 'duplicate of (stations)', 'canonical', 'deprecate']) expect(rendered!.svg).toContain(text);
  });

  it('drift: the drifting tables with their keys and drifting columns, and the FKs between them', () => {
    const drift = remodel(['drift', join(repoRoot, '__testfixtures__', 'drift', 'alembic-drift')], repoRoot);
    expect(drift.status).toBe(0);
    const blocks = mermaidBlocks(drift.stdout);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toContain('integer tag_id FK "missing-fk"');
    expect(blocks[0]).toContain('numeric(10,2) total "extra-index, nullable-mismatch"');
    const [rendered] = renderMermaid(blocks);
    if (!rendered!.ok) throw new Error(rendered!.error);
    for (const text of ['orders', 'coupons (missing-table)', 'missing-fk', 'tag_id', 'missing-column']) expect(rendered!.svg).toContain(text);
    // the JSON keeps DESIGN §5's shape
    expect(Object.keys(JSON.parse(remodel(['drift', join(repoRoot, '__testfixtures__', 'drift', 'alembic-drift'), '--format', 'json'], repoRoot).stdout) as object)).toEqual(['version', 'sources', 'findings']);
  });

  it('what a repository names never becomes Mermaid syntax', () => {
    const hostile = 'a "quoted" } {\n%% label';
    const text = erDiagram(
      [{ id: 'e0', label: hostile, attributes: [{ type: 'numeric(10,2)', name: 'weird name"}', key: 'PK', comment: hostile }] }, { id: 'e1', label: 'b', attributes: [] }],
      [{ from: 'e0', to: 'e1', kind: 'many-to-one', label: hostile }],
    ).slice(1, -1).join('\n');
    const [rendered] = renderMermaid([text]);
    if (!rendered!.ok) throw new Error(rendered!.error);
    expect(rendered!.svg).toContain('weird_name__');
  });
});

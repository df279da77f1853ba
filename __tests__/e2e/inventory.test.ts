import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { remodel, repoRoot } from '../support/cli';

/*
 * Issue 20, item 4: `audit --inventory` describes every model from the code alone; for the models a module loads it
 * says what SQLAlchemy's own mappers say — tables, column attributes (attribute → column), relationship directions.
 */
const mappers = join(repoRoot, '__tests__', 'fixtures-support', 'inventory_check.py');

interface Model {
  name: string;
  file: string;
  line: number;
  table: string;
  fields: Array<{ name: string; column: string; type?: string; nullable: boolean; default?: string; server_default?: string; primary_key: boolean; unique: boolean; index: boolean; foreign_key?: string }>;
  relations: Array<{ name: string; target: string; kind: string }>;
  hooks: string[];
  soft_delete: string[];
  tenant: string[];
}

function inventoryOf(dir: string): Model[] {
  const result = remodel(['audit', dir, '--inventory', '--format', 'json'], repoRoot);
  if (result.status !== 0) throw new Error(result.stderr);
  return (JSON.parse(result.stdout) as { models: Model[] }).models;
}

/** Ours in the mappers' shape, for the classes they know. */
function asMappersSay(models: Model[], keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const model = models.find((m) => `${m.file}:${m.name}` === key);
    out[key] = model && { table: model.table, columns: Object.fromEntries(model.fields.map((f) => [f.name, f.column])), relations: Object.fromEntries(model.relations.map((r) => [r.name, [r.target, r.kind]])) };
  }
  return out;
}

describe('audit --inventory', () => {
  it.each([
    ['the example backend (its canonical models; the legacy twins are described too)', join(repoRoot, 'examples', 'python-backend'), 'db.models', 'db.base', 21],
    ['mixins, a column named apart from its attribute, backref, one-to-one', join(repoRoot, '__testfixtures__', 'inventory', 'tenancy'), 'app.models', 'app.models', 3],
  ])('%s: what the mappers say', (_name, dir, module, base, count) => {
    const run = spawnSync('/usr/bin/python3', [mappers, dir, module, base], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    const theirs = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(theirs)).toHaveLength(count);
    const ours = inventoryOf(dir);
    expect(asMappersSay(ours, Object.keys(theirs))).toEqual(theirs);
  });

  it('fields, hooks, soft-delete and tenant columns, file:line; markdown', () => {
    const dir = join(repoRoot, '__testfixtures__', 'inventory', 'tenancy');
    const invoice = inventoryOf(dir).find((m) => m.name === 'Invoice')!;
    expect(invoice).toMatchObject({ file: 'app/models.py', line: 18, table: 'invoices', hooks: ['validates("number")', 'event before_insert'], soft_delete: ['deleted_at'], tenant: ['tenant_id'] });
    expect(invoice.fields.find((f) => f.name === 'number')).toEqual({ name: 'number', column: 'invoice_number', type: 'varchar(20)', nullable: true, default: '"draft"', primary_key: false, unique: true, index: false });
    expect(invoice.fields.find((f) => f.name === 'tenant_id')).toMatchObject({ foreign_key: 'accounts.id', index: true, nullable: false });
    expect(invoice.fields.find((f) => f.name === 'created_at')).toMatchObject({ server_default: 'func.now()' });
    const md = remodel(['audit', dir, '--inventory'], repoRoot);
    expect(md.stdout).toContain('## Invoice — `invoices`');
    expect(md.stdout).toContain('| number | invoice_number | varchar(20) | yes | "draft" | unique |');
    expect(md.stdout).toContain('- profile → InvoiceProfile (one-to-one, back_populates invoice)');
  });
});

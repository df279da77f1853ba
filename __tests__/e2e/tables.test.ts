import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git, makeGitRepo, remodel, repoRoot, snapshot } from '../support/cli';
import { dropDatabases, freshDatabaseName, pgServer } from '../support/postgres';

/*
 * Issue 19: `tables:` renames tables in the models and generates the Alembic revision that keeps every row; proven
 * with real Alembic and SQLAlchemy on SQLite and on PostgreSQL 15 (`npm test`'s pretest starts the cluster and makes
 * the role the tests connect as; REMODEL_PG_URL points elsewhere).
 */
const fixtures = join(repoRoot, '__testfixtures__', 'rename-tables');
const checker = join(repoRoot, '__tests__', 'fixtures-support', 'tables_check.py');
const dirs: string[] = [];

const freshDatabase = (): string => `${pgServer}/${freshDatabaseName()}`;

afterAll(() => {
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  dropDatabases();
});

/** The fixture as a git repository, with its map applied. */
function applied(fixture: string): string {
  const dir = makeGitRepo(join(fixtures, fixture));
  dirs.push(dir);
  const result = remodel(['apply', '--map', 'import-map.yaml'], dir);
  expect(result.status).toBe(0);
  return dir;
}

interface Checked {
  dialect: string;
  rows_kept: boolean;
  old_names_left: string[];
  objects_renamed: string[];
  fk_targets: string[];
  sequences_serve?: boolean[];
  drift: string[];
  downgrade_restores_names: boolean;
  downgrade_keeps_rows: boolean;
}

function check(dir: string, url: string, renames: Array<[string | null, string, string]>, seed?: string, baseModule?: string): Checked {
  const env = { ...process.env, ...(baseModule ? { REMODEL_BASE_MODULE: baseModule } : {}) };
  const run = spawnSync('/usr/bin/python3', [checker, dir, url, JSON.stringify(renames), ...(seed ? [seed] : [])], { encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`tables_check failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Checked;
}

describe('tables: the models follow, and a generated Alembic revision renames the tables', () => {
  const renames: Array<[string | null, string, string]> = [
    [null, 'users', 'api_users'],
    [null, 'orders', 'purchase_orders'],
  ];

  it('plans model edits and one new revision chained to the head; raw SQL is listed for review; git apply equals apply', () => {
    const dir = makeGitRepo(join(fixtures, 'alembic-backend'));
    dirs.push(dir);
    const plan = remodel(['plan', '--map', 'import-map.yaml'], dir);
    expect(plan.status).toBe(0);
    expect(plan.stdout).toContain('-    __tablename__ = "users"\n+    __tablename__ = "api_users"');
    expect(plan.stdout).toContain('+    __table_args__ = (Index("ix_purchase_orders_user_total", "user_id", "total"),)');
    expect(plan.stdout).toContain('+    user_id = Column(Integer, ForeignKey("api_users.id"), nullable=False, index=True)');
    // the table whose name holds `users` keeps it
    expect(plan.stdout).not.toMatch(/station_api_users/);
    // the project numbers its revisions: the new one is the next number
    expect(plan.stdout).toMatch(/^diff --git a\/migrations\/versions\/0002_rename_tables_users_orders\.py b\/migrations\/versions\/0002_rename_tables_users_orders\.py\nnew file mode 100644\n/m);
    expect(plan.stdout).toContain('+revision = "0002"\n');
    expect(plan.stdout).toContain('+down_revision = "0001"\n');
    expect(plan.stdout).toContain('+    op.rename_table("users", "api_users")\n');
    // existing migrations are history
    expect(plan.stdout).not.toContain('0001_initial.py');
    expect(plan.stderr).toMatch(/^ {2}app\/reports\.py:3: raw SQL names table 'users' \(renamed to 'api_users'\): not rewritten; update it by hand$/m);
    expect(plan.stderr).toMatch(/^ {2}table users -> api_users: 1 file, 0 imports, 0 references, 4 strings$/m);

    const byGit = makeGitRepo(join(fixtures, 'alembic-backend'));
    dirs.push(byGit);
    git(['apply'], byGit, plan.stdout);
    expect(remodel(['apply', '--map', 'import-map.yaml'], dir).status).toBe(0);
    expect(snapshot(byGit)).toEqual(snapshot(dir));
    expect(readFileSync(join(dir, 'app', 'reports.py'), 'utf8')).toBe(readFileSync(join(fixtures, 'alembic-backend', 'app', 'reports.py'), 'utf8'));
    // formatted as the project's own revisions are (black), so that its CI's format check passes
    const black = spawnSync('black', ['--check', '--quiet', join(dir, 'migrations', 'versions')], { encoding: 'utf8' });
    expect({ status: black.status, stderr: black.stderr }).toEqual({ status: 0, stderr: '' });
    // a second plan has nothing left to do but the review
    const again = remodel(['plan', '--map', 'import-map.yaml'], dir);
    expect(again.stdout).toBe('');
    expect(again.stderr).not.toMatch(/warning/);
  });

  it.each([
    ['SQLite', (): string => 'sqlite:///remodel-test.db'],
    ['PostgreSQL 15', freshDatabase],
  ])('on %s: rows kept, sequences serve, FKs follow, no object keeps an old name, no drift, downgrade restores all', (_name, url) => {
    const dir = applied('alembic-backend');
    const result = check(dir, url(), renames);
    expect(result).toMatchObject({ rows_kept: true, old_names_left: [], drift: [], downgrade_restores_names: true, downgrade_keeps_rows: true });
    expect(result.fk_targets).toEqual(['purchase_orders -> api_users', 'station_users -> api_users', 'user_tags -> api_users', 'user_tags -> tags']);
    expect(result.objects_renamed).toEqual(expect.arrayContaining(['ix_api_users_name', 'ix_purchase_orders_user_id', 'ix_purchase_orders_user_total']));
    if (result.dialect === 'postgresql') {
      expect(result.objects_renamed).toEqual(expect.arrayContaining(['api_users_pkey', 'api_users_email_key', 'api_users_id_seq', 'purchase_orders_user_id_fkey']));
      expect(result.sequences_serve).toEqual([true, true]);
    }
  });

  it('on PostgreSQL 15: one table name in two schemas, each renamed its own way', () => {
    const dir = applied('schemas-backend');
    const models = readFileSync(join(dir, 'app', 'models.py'), 'utf8');
    expect(models).toContain('ForeignKey("identity.oauth_accounts.id")');
    expect(models).toContain('ForeignKey("business_social_accounts.id")');
    const result = check(dir, freshDatabase(), [
      ['identity', 'social_accounts', 'oauth_accounts'],
      [null, 'social_accounts', 'business_social_accounts'],
    ]);
    expect(result).toMatchObject({ rows_kept: true, old_names_left: [], drift: [], downgrade_restores_names: true, downgrade_keeps_rows: true, sequences_serve: [true, true] });
    expect(result.fk_targets).toEqual(['oauth_tokens -> oauth_accounts', 'posts -> business_social_accounts']);
  });
});

describe('tables: the example backend, phase 2 of the seed plan (a naming convention names every constraint after its table)', () => {
  const renames: Array<[string | null, string, string]> = [
    [null, 'customer_reviews', 'event_customer_reviews'],
    [null, 'social_accounts', 'business_social_accounts'],
    [null, 'social_identities', 'customer_social_identities'],
    [null, 'social_threads', 'lead_social_threads'],
  ];
  it.each([
    ['SQLite (constraints renamed in batch mode)', (): string => 'sqlite:///remodel-test.db'],
    ['PostgreSQL 15', freshDatabase],
  ])('on %s: every row, name and FK follows; no drift; downgrade restores all', (_name, url) => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'python-backend'));
    dirs.push(dir);
    expect(remodel(['apply', '--map', join(repoRoot, 'import-maps', 'seed-tables.yaml')], dir).status).toBe(0);
    const result = check(dir, url(), renames, join(fixtures, 'example-seed', 'seed.json'), 'db.base');
    expect(result).toMatchObject({ rows_kept: true, old_names_left: [], drift: [], downgrade_restores_names: true, downgrade_keeps_rows: true });
    expect(result.objects_renamed).toEqual(expect.arrayContaining(['fk_discount_coupons_review_id_event_customer_reviews', 'pk_event_customer_reviews', 'uq_business_social_accounts_platform', 'ix_lead_social_threads_account_id']));
    expect(result.fk_targets).toEqual(expect.arrayContaining(['discount_coupons -> event_customer_reviews', 'lead_social_threads -> business_social_accounts']));
  });
});

describe('tables: Django models follow, with the migration makemigrations would write', () => {
  it('a derived table gets db_table, an explicit one is renamed; AlterModelTable migrates every row (SQLite); makemigrations --check is clean', () => {
    const dir = makeGitRepo(join(fixtures, 'django-project'));
    dirs.push(dir);
    const plan = remodel(['plan', '--map', 'import-map.yaml'], dir);
    expect(plan.status).toBe(0);
    expect(plan.stdout).toContain('+    class Meta:\n+        db_table = "customers"\n');
    expect(plan.stdout).toContain('-        db_table = "orders"\n+        db_table = "purchase_orders"\n');
    expect(plan.stdout).toMatch(/^\+\+\+ b\/shop\/migrations\/0002_auto_\d{8}_\d{4}\.py$/m);
    expect(plan.stdout).toMatch(/^\+# Generated by Django 3\.2\.25 on \d{4}-\d\d-\d\d \d\d:\d\d$/m);
    expect(plan.stdout).toContain("+        ('shop', '0001_initial'),\n");
    expect(plan.stdout).toContain("+        migrations.AlterModelTable(\n+            name='customer',\n+            table='customers',\n+        ),\n");
    const byGit = makeGitRepo(join(fixtures, 'django-project'));
    dirs.push(byGit);
    git(['apply'], byGit, plan.stdout);
    expect(remodel(['apply', '--map', 'import-map.yaml'], dir).status).toBe(0);
    expect(snapshot(byGit)).toEqual(snapshot(dir));
    // applied: nothing left to do, and no warning that the renames have no migration (their models map the new names)
    const again = remodel(['plan', '--map', 'import-map.yaml'], dir);
    expect(again.stdout).toBe('');
    expect(again.stderr).not.toMatch(/warning/);

    const run = spawnSync('/usr/bin/python3', [join(repoRoot, '__tests__', 'fixtures-support', 'django_tables_check.py'), dir, 'shop', '0001'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(result).toMatchObject({
      migrate: 0,
      before: { shop_customer: 2, shop_tag: 1, orders: 3, orders_tags: 1 },
      after: { customers: 2, shop_tag: 1, purchase_orders: 3, purchase_orders_tags: 1 },
      makemigrations_check: 0,
      migrate_back: 0,
      back: { shop_customer: 2, shop_tag: 1, orders: 3, orders_tags: 1 },
    });
  });
});

describe('tables: TypeScript models (TypeORM, Sequelize, Prisma) follow; their migrations are left to the project', () => {
  it('plans the model edits and says which migration to write', () => {
    const dir = makeGitRepo(join(repoRoot, 'examples', 'ts-app'));
    dirs.push(dir);
    for (const [from, to] of [['typeorm-entities.input.ts', 'src/entities.ts'], ['prisma-schema.input.prisma', 'prisma/schema.prisma']]) {
      mkdirSync(dirname(join(dir, to!)), { recursive: true });
      writeFileSync(join(dir, to!), readFileSync(join(fixtures, from!)));
    }
    git(['add', '-A'], dir);
    writeFileSync(join(dir, 'tables.yaml'), 'version: 1\nlanguage: typescript\ntables:\n  - from: users\n    to: api_users\n');
    const plan = remodel(['plan', '--map', 'tables.yaml', '--only', 'tables'], dir);
    expect(plan.status).toBe(0);
    expect(plan.stdout).toContain("-@Entity('users')\n+@Entity('api_users')\n");
    expect(plan.stdout).toContain('-  @@map("users")\n+  @@map("api_users")\n');
    expect(plan.stderr).toMatch(/^remodel: warning: tables\.yaml: tables: the models follow, but remodel does not write TypeORM, Prisma or Sequelize migrations yet: generate the one that renames users with your tool/m);
    expect(plan.stderr).toMatch(/^ {2}src\/entities\.ts:35: raw SQL names table 'users' \(renamed to 'api_users'\)/m);
  });
});

describe('tables: what is refused, in one line, with nothing written', () => {
  const refused = (map: string, expected: RegExp, prepare?: (dir: string) => void): void => {
    const dir = makeGitRepo(join(fixtures, 'alembic-backend'));
    dirs.push(dir);
    prepare?.(dir);
    writeFileSync(join(dir, 'import-map.yaml'), map);
    const before = snapshot(dir);
    const result = remodel(['apply', '--map', 'import-map.yaml'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(snapshot(dir)).toEqual(before);
  };
  const header = 'version: 1\nlanguage: python\nroot: .\n';

  it('merge (not supported yet), a move to another schema, a table renamed twice, a typo in a key', () => {
    refused(`${header}tables:\n  - from: users\n    to: api_users\n    merge: true\n`, /^remodel: import-map\.yaml:7: tables\[0\]\.merge: merge is not supported yet/);
    refused(`${header}tables:\n  - from: identity.users\n    to: public.users\n`, /tables\[0\]\.to: moves 'identity\.users' to another schema/);
    refused(`${header}tables:\n  - from: users\n    to: a\n  - from: users\n    to: b\n`, /tables\[1\]\.from: 'users' is already renamed by tables\[0\]/);
    refused(`${header}tables:\n  - from: users\n    too: api_users\n`, /tables\[0\]/);
  });

  it('several Alembic heads: the error names them', () => {
    refused(`${header}tables:\n  - from: users\n    to: api_users\n`, /alembic\.ini: the migrations have 2 heads \((0001, 0002|0002, 0001)\); merge them first/, (dir) => {
      const versions = join(dir, 'migrations', 'versions');
      const initial = readdirSync(versions).find((f) => f.startsWith('0001'))!;
      writeFileSync(join(versions, '0002_branch.py'), readFileSync(join(versions, initial), 'utf8').replace('revision = "0001"', 'revision = "0002"').replace('def upgrade() -> None:\n', 'def upgrade() -> None:\n    return\n'));
    });
  });
});

import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeGitRepo, remodel, repoRoot } from '../support/cli';
import { temporaryFolder } from '../support/temporary';

/*
 * Issue 20, Django: `remodel drift` replays the migrations of every app and reads the models, and finds what Django's
 * autodetector proposes (makemigrations --dry-run), each operation as the database change it makes — nothing missed,
 * nothing extra.
 */
const fixtures = join(repoRoot, '__testfixtures__', 'drift');
const judge = join(repoRoot, '__tests__', 'fixtures-support', 'django_drift_check.py');

interface Finding {
  kind: string;
  table: string;
  column?: string;
  columns?: string[];
  model?: { file: string; line: number };
  migration?: { file: string; line: number };
  fix?: string;
  unsure: boolean;
}

function drift(dir: string): Finding[] {
  const result = remodel(['drift', dir, '--format', 'json'], repoRoot);
  if (result.status !== 0) throw new Error(result.stderr);
  return (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
}

const asDjangoSays = (f: Finding): unknown[] => [f.kind, f.table, /-(index|unique)$/.test(f.kind) ? f.columns : f.column ?? null];
const sorted = (list: unknown[][]): unknown[][] => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

function djangoSays(dir: string): unknown[][] {
  const result = spawnSync('/usr/bin/python3', [judge, dir], { encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as unknown[][];
}

describe('remodel drift on a Django project', () => {
  it("finds exactly the autodetector's changes (planted drift of each kind, custom user model, abstract base, multi-table inheritance, proxy, custom field, renamed model and field in the history)", () => {
    const dir = makeGitRepo(join(fixtures, 'django-drift'));
    const theirs = djangoSays(dir);
    expect(theirs).toHaveLength(14);
    const ours = drift(dir);
    expect(sorted(ours.filter((f) => f.kind !== 'unresolved').map(asDjangoSays))).toEqual(theirs);
    expect(ours.find((f) => f.kind === 'missing-column')).toMatchObject({ table: 'shop_client', column: 'nickname', model: { file: 'shop/models.py', line: 18 }, fix: 'manage.py makemigrations (AddField)' });
    expect(ours.find((f) => f.kind === 'extra-column')).toMatchObject({ table: 'shop_restaurant', column: 'serves_pizza', migration: { file: 'shop/migrations/0001_initial.py', line: expect.any(Number) } });
    // the FK column of an order follows the renamed model in the migrations (shop_client), the model points at the user
    expect(ours.find((f) => f.kind === 'fk-target-mismatch')).toMatchObject({ table: 'orders', column: 'customer_id', unsure: false });
  });

  it('RunPython is unresolved and makes the findings on the tables its function loads unsure, and only those', () => {
    const dir = makeGitRepo(join(fixtures, 'django-drift'));
    const ours = drift(dir);
    expect(ours.filter((f) => f.kind === 'unresolved')).toEqual([expect.objectContaining({ table: 'shop_product', migration: { file: 'shop/migrations/0002_history.py', line: 19 }, unsure: true })]);
    expect(ours.filter((f) => f.table === 'shop_product').every((f) => f.unsure)).toBe(true);
    expect(ours.filter((f) => f.table === 'orders').every((f) => !f.unsure)).toBe(true);
  });

  it('models that match the migrations give no finding but the unresolved step; --exit-code passes', () => {
    const dir = makeGitRepo(join(fixtures, 'django-drift'));
    copyFileSync(join(fixtures, 'django-clean-models.py'), join(dir, 'shop', 'models.py'));
    expect(djangoSays(dir)).toEqual([]);
    expect(drift(dir).map((f) => f.kind)).toEqual(['unresolved']);
    expect(remodel(['drift', dir, '--exit-code'], repoRoot).status).toBe(0);
  });

  it("Django's own contrib apps (Debian's Django): no drift; a RunPython whose code is RunPython.noop is no step at all", () => {
    // Django ships their models and migrations in agreement; contenttypes 0002 runs `RunPython(migrations.RunPython.noop,
    // add_legacy_name)`: nothing forward. auth 0011 really loads models (update_proxy_model_permissions): unresolved.
    const dir = temporaryFolder('remodel-contrib-');
    for (const app of ['admin', 'auth', 'contenttypes', 'sessions', 'sites', 'flatpages', 'redirects']) {
      cpSync(`/usr/lib/python3/dist-packages/django/contrib/${app}`, join(dir, app), { recursive: true, filter: (source) => !/__pycache__|\.mo$|\/locale(\/|$)/.test(source) });
    }
    expect(drift(dir)).toEqual([expect.objectContaining({ kind: 'unresolved', table: 'auth_permission, django_content_type', migration: { file: 'auth/migrations/0011_update_proxy_permissions.py', line: expect.any(Number) } })]);
    // the diagram draws each table the step touches, as the models map it
    const markdown = remodel(['drift', dir], repoRoot).stdout;
    expect(markdown).toMatch(/t\d+\["auth_permission \(unresolved\)"\]/);
    expect(markdown).toMatch(/t\d+\["django_content_type \(unresolved\)"\]/);
    expect(markdown).not.toMatch(/in neither/);
  });

  it("a RunSQL or RunPython whose forward code is its own noop, or empty SQL, is no step; one with code is unresolved", () => {
    const dir = temporaryFolder('remodel-noop-steps-');
    const write = (path: string, text: string): void => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write('shop/__init__.py', '');
    write('shop/migrations/__init__.py', '');
    write('shop/models.py', 'from django.db import models\n\n\nclass Item(models.Model):\n    name = models.CharField(max_length=20)\n');
    write(
      'shop/migrations/0001_initial.py',
      [
        'from django.db import migrations, models',
        'from django.db.migrations import RunPython',
        '',
        '',
        'class Migration(migrations.Migration):',
        '    initial = True',
        '    dependencies = []',
        '    operations = [',
        '        migrations.CreateModel(name="Item", fields=[("id", models.AutoField(primary_key=True)), ("name", models.CharField(max_length=20))]),',
        '        migrations.RunSQL(migrations.RunSQL.noop, "DROP VIEW x"),',
        '        migrations.RunSQL(""),',
        '        migrations.RunPython(RunPython.noop, migrations.RunPython.noop),',
        '        migrations.RunSQL("UPDATE shop_item SET name = \'x\'"),',
        '    ]',
        '',
      ].join('\n'),
    );
    expect(drift(dir)).toEqual([expect.objectContaining({ kind: 'unresolved', table: 'shop_item', migration: { file: 'shop/migrations/0001_initial.py', line: 13 } })]);
  });

  it('a repository that holds django.contrib.auth itself (Django, or a vendored copy): its models are read as any app\'s', () => {
    // remodel knows the abstract user bases of django.contrib.auth without the source, under the same path: the
    // repository's own file there must not be taken for them (Debian's Django: auth_user, auth_group… were "extra")
    const dir = temporaryFolder('remodel-vendored-auth-');
    const write = (path: string, text: string): void => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    for (const init of ['django', 'django/contrib', 'django/contrib/auth', 'django/contrib/auth/migrations']) write(`${init}/__init__.py`, '');
    write('django/contrib/auth/apps.py', 'from django.apps import AppConfig\n\n\nclass AuthConfig(AppConfig):\n    name = "django.contrib.auth"\n');
    write('django/contrib/auth/models.py', 'from django.db import models\n\n\nclass Permission(models.Model):\n    name = models.CharField(max_length=255)\n    codename = models.CharField(max_length=100)\n');
    write(
      'django/contrib/auth/migrations/0001_initial.py',
      'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n    dependencies = []\n    operations = [\n        migrations.CreateModel(\n            name="Permission",\n            fields=[\n                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),\n                ("name", models.CharField(max_length=255)),\n                ("codename", models.CharField(max_length=100)),\n            ],\n        ),\n    ]\n',
    );
    expect(drift(dir)).toEqual([]);
    const inventory = remodel(['audit', dir, '--inventory', '--format', 'json'], repoRoot);
    expect((JSON.parse(inventory.stdout) as { models: Array<{ name: string; table: string }> }).models.map((m) => [m.name, m.table])).toEqual([['Permission', 'auth_permission']]);
  });

  it("audit --inventory describes each Django model as Django's own metadata does: table, local columns, every relation (reverse accessors included)", () => {
    const dir = join(fixtures, 'django-drift');
    const result = spawnSync('/usr/bin/python3', [join(repoRoot, '__tests__', 'fixtures-support', 'django_inventory_check.py'), dir, 'accounts', 'shop'], { encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    if (result.status !== 0) throw new Error(result.stderr);
    const theirs = JSON.parse(result.stdout) as Record<string, unknown>;
    const inventory = remodel(['audit', dir, '--inventory', '--format', 'json'], repoRoot);
    expect(inventory.status).toBe(0);
    const models = (JSON.parse(inventory.stdout) as { models: Array<{ name: string; orm: string; table: string; fields: Array<{ name: string; column: string; nullable: boolean; primary_key: boolean; unique: boolean }>; relations: Array<{ name: string; target: string; kind: string }> }> }).models.filter((m) => m.orm === 'django');
    const ours = Object.fromEntries(models.map((m) => [m.name, { fields: m.fields.map((f) => [f.name, f.column, f.nullable, f.primary_key, f.unique]), relations: m.relations.map((r) => [r.name, r.target, r.kind]).sort(), table: m.table }]));
    expect(Object.keys(theirs)).toHaveLength(8);
    expect(ours).toEqual(theirs);
  });

  it('a relation to another column (to_field): its type and target follow that column; a change of it is found as Django finds it', () => {
    const dir = makeGitRepo(join(fixtures, 'django-drift'));
    const models = join(dir, 'shop', 'models.py');
    copyFileSync(join(fixtures, 'django-clean-models.py'), models);
    const withCoupons = (toField: string): string => `${readFileSync(join(fixtures, 'django-clean-models.py'), 'utf8')}\n\nclass Coupon(models.Model):\n    code = models.CharField(max_length=20, unique=True)\n\n\nclass Redemption(models.Model):\n    coupon = models.ForeignKey(Coupon, on_delete=models.CASCADE${toField})\n`;
    writeFileSync(models, withCoupons(', to_field="code"'));
    const made = spawnSync('/usr/bin/python3', ['manage.py', 'makemigrations', 'shop'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', DATABASE_NAME: join(dir, 'db.sqlite3') } });
    expect(made.status).toBe(0);
    expect(drift(dir).filter((f) => f.kind !== 'unresolved')).toEqual([]);
    writeFileSync(models, withCoupons(''));
    const theirs = djangoSays(dir);
    expect(theirs).toEqual([['fk-target-mismatch', 'shop_redemption', 'coupon_id'], ['type-mismatch', 'shop_redemption', 'coupon_id']]);
    expect(sorted(drift(dir).filter((f) => f.kind !== 'unresolved').map(asDjangoSays))).toEqual(theirs);
  });

  it("two leaf migrations in one app are Django's conflict: one line naming them, exit 2", () => {
    const dir = makeGitRepo(join(fixtures, 'django-drift'));
    const leaf = (name: string): void => writeFileSync(join(dir, 'shop', 'migrations', `${name}.py`), `from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0002_history")]\n    operations = []\n`);
    leaf('0003_a');
    leaf('0003_b');
    const result = remodel(['drift', dir], repoRoot);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("remodel: shop/migrations: conflicting migrations 0003_a, 0003_b in app 'shop'; merge them first (manage.py makemigrations --merge)\n");
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeGitRepo, remodel, repoRoot } from '../support/cli';
import { dropDatabases, freshDatabaseName, pgServer } from '../support/postgres';

/*
 * Issue 20: `remodel drift` finds, from the code alone, what Alembic's compare_metadata finds after `alembic upgrade
 * head` on a real database — nothing missed, nothing extra — and what Alembic cannot even reflect (a foreign key to a
 * table renamed since).
 */
const fixtures = join(repoRoot, '__testfixtures__');
const judge = join(repoRoot, '__tests__', 'fixtures-support', 'drift_check.py');
const dirs: string[] = [];
afterAll(() => {
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  dropDatabases();
});

interface Finding {
  kind: string;
  table: string;
  column?: string;
  columns?: string[];
  model?: { file: string; line: number };
  migration?: { file: string; line: number };
  renamed_from?: string;
  unsure: boolean;
}

function drift(dir: string): { status: number; findings: Finding[] } {
  const result = remodel(['drift', dir, '--format', 'json'], repoRoot);
  if (result.status !== 0) throw new Error(result.stderr);
  return { status: result.status, findings: (JSON.parse(result.stdout) as { findings: Finding[] }).findings };
}

/** A finding as [kind, table, column or columns], the way drift_check.py prints Alembic's. */
const asAlembicSays = (f: Finding): unknown[] => [f.kind, f.table, ['missing-index', 'extra-index', 'missing-unique', 'extra-unique'].includes(f.kind) ? f.columns : f.column ?? null];

describe('remodel drift: models vs migrations, from the code alone', () => {
  it('finds exactly what compare_metadata finds after alembic upgrade head (planted drift of each kind), with file:line on each side', () => {
    const project = join(fixtures, 'drift', 'alembic-drift');
    const ours = drift(project).findings;
    const alembic = spawnSync('/usr/bin/python3', [judge, project, 'app.db'], { encoding: 'utf8' });
    if (alembic.status !== 0) throw new Error(alembic.stderr);
    const theirs = JSON.parse(alembic.stdout) as unknown[][];
    expect(theirs).toHaveLength(12);
    expect(ours.map(asAlembicSays).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(theirs);
    const phone = ours.find((f) => f.kind === 'missing-column')!;
    expect(phone.model).toEqual({ file: 'app/models.py', line: 20 });
    const legacy = ours.find((f) => f.kind === 'extra-column')!;
    expect(legacy.migration).toEqual({ file: 'migrations/versions/0002_drift.py', line: 21 });
    expect(ours.every((f) => !f.unsure)).toBe(true);
  });

  it("each finding's fix is Alembic code: pasted into a revision, drift finds nothing, and on PostgreSQL alembic upgrade head runs it and compare_metadata agrees", () => {
    const dir = makeGitRepo(join(fixtures, 'drift', 'alembic-drift'));
    dirs.push(dir);
    const result = remodel(['drift', dir, '--format', 'json'], repoRoot);
    const fixes = (JSON.parse(result.stdout) as { findings: Array<{ fix: string }> }).findings.map((f) => f.fix);
    expect(fixes).toHaveLength(12);
    expect(fixes.filter((fix) => fix.includes('...'))).toEqual([]);
    const body = fixes.map((fix) => `    ${fix}\n`).join('');
    writeFileSync(join(dir, 'migrations', 'versions', '0003_fixes.py'), `"""the fixes remodel drift printed"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = "0003"\ndown_revision = "0002"\n\n\ndef upgrade() -> None:\n${body}`);
    expect(drift(dir).findings).toEqual([]);
    const url = `${pgServer}/${freshDatabaseName()}`;
    const upgrade = spawnSync('/usr/bin/python3', ['-m', 'alembic', 'upgrade', 'head'], { cwd: dir, env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
    expect(upgrade.stderr).not.toMatch(/Error|Traceback/);
    expect(upgrade.status).toBe(0);
    const compare = ['import sys', 'import sqlalchemy as sa', 'from alembic.autogenerate import compare_metadata', 'from alembic.migration import MigrationContext', 'sys.path.insert(0, ".")', 'from app.db import Base', 'import app.models', 'with sa.create_engine(sys.argv[1]).connect() as c:', '    print(compare_metadata(MigrationContext.configure(c, opts={"compare_type": True}), Base.metadata))'].join('\n');
    const differences = spawnSync('/usr/bin/python3', ['-c', compare, url], { cwd: dir, encoding: 'utf8' });
    expect(differences.stderr).toBe('');
    expect(differences.stdout.trim()).toBe('[]');
  });

  it('a tree without drift gives no finding, and nor does one after a tables: rename and its generated revision', () => {
    expect(drift(join(fixtures, 'rename-tables', 'alembic-backend')).findings).toEqual([]);
    expect(drift(join(repoRoot, 'examples', 'python-backend')).findings).toEqual([]);
    const dir = makeGitRepo(join(fixtures, 'rename-tables', 'alembic-backend'));
    dirs.push(dir);
    expect(remodel(['apply', '--map', 'import-map.yaml'], dir).status).toBe(0);
    expect(drift(dir).findings).toEqual([]);
  });

  it("a migration's ForeignKey to a table renamed since is fk-target-mismatch, renamed_from the old name (the seed's bug, which Alembic cannot reflect)", () => {
    const dir = makeGitRepo(join(fixtures, 'rename-tables', 'alembic-backend'));
    dirs.push(dir);
    expect(remodel(['apply', '--map', 'import-map.yaml'], dir).status).toBe(0);
    writeFileSync(join(dir, 'migrations', 'versions', '0003_tokens.py'), '"""tokens"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = "0003"\ndown_revision = "0002"\n\n\ndef upgrade() -> None:\n    op.create_table(\n        "tokens",\n        sa.Column("id", sa.Integer(), nullable=False),\n        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),\n        sa.PrimaryKeyConstraint("id"),\n    )\n');
    writeFileSync(join(dir, 'app', 'models.py'), `${readFileSync(join(dir, 'app', 'models.py'), 'utf8')}\n\nclass Token(Base):\n    __tablename__ = "tokens"\n\n    id = Column(Integer, primary_key=True)\n    user_id = Column(Integer, ForeignKey("api_users.id"))\n`);
    const findings = drift(dir).findings;
    expect(findings).toEqual([expect.objectContaining({ kind: 'fk-target-mismatch', table: 'tokens', column: 'user_id', renamed_from: 'users', migration: { file: 'migrations/versions/0003_tokens.py', line: 13 }, unsure: false })]);
  });

  it('branches joined by a merge revision are replayed both; two heads are one line naming them, exit 2', () => {
    const dir = makeGitRepo(join(fixtures, 'rename-tables', 'alembic-backend'));
    dirs.push(dir);
    const revision = (id: string, down: string, body: string): string => `"""${id}"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = "${id}"\ndown_revision = ${down}\n\n\ndef upgrade() -> None:\n    ${body}\n`;
    const versions = join(dir, 'migrations', 'versions');
    writeFileSync(join(versions, '0002_a.py'), revision('0002a', '"0001"', 'op.add_column("tags", sa.Column("color", sa.String(length=7), nullable=True))'));
    writeFileSync(join(versions, '0002_b.py'), revision('0002b', '"0001"', 'op.add_column("tags", sa.Column("weight", sa.Integer(), nullable=True))'));
    const heads = remodel(['drift', dir], repoRoot);
    expect(heads.status).toBe(2);
    expect(heads.stderr).toMatch(/^remodel: alembic\.ini: the migrations have 2 heads \((0002a, 0002b|0002b, 0002a)\)/);
    writeFileSync(join(versions, '0003_merge.py'), revision('0003', '("0002a", "0002b")', 'pass'));
    const findings = drift(dir).findings;
    expect(findings.map((f) => [f.kind, f.table, f.column])).toEqual([
      ['extra-column', 'tags', 'color'],
      ['extra-column', 'tags', 'weight'],
    ]);
  });

  it("one class name in two modules on two tables is duplicate-model (the seed's AccessAuditLog): a finding Alembic has no word for, and the only one here", () => {
    const dir = makeGitRepo(join(fixtures, 'rename-tables', 'alembic-backend'));
    dirs.push(dir);
    const model = (table: string): string => `from sqlalchemy import Column, Integer, Text\n\nfrom app.db import Base\n\n\nclass AccessAuditLog(Base):\n    __tablename__ = "${table}"\n\n    id = Column(Integer, primary_key=True)\n    message = Column(Text)\n`;
    writeFileSync(join(dir, 'app', 'audit.py'), model('access_audit_logs'));
    writeFileSync(join(dir, 'app', 'legacy_audit.py'), model('audit_logs'));
    writeFileSync(join(dir, 'app', 'models.py'), `${readFileSync(join(dir, 'app', 'models.py'), 'utf8')}\nfrom app import audit, legacy_audit  # noqa: E402,F401\n`);
    const create = (table: string): string => `op.create_table("${table}", sa.Column("id", sa.Integer(), nullable=False), sa.Column("message", sa.Text(), nullable=True), sa.PrimaryKeyConstraint("id"))`;
    writeFileSync(join(dir, 'migrations', 'versions', '0002_audit.py'), `"""audit"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = "0002"\ndown_revision = "0001"\n\n\ndef upgrade() -> None:\n    ${create('access_audit_logs')}\n    ${create('audit_logs')}\n`);
    const alembic = spawnSync('/usr/bin/python3', [judge, dir, 'app.db'], { encoding: 'utf8' });
    expect(alembic.stderr).not.toMatch(/Traceback/);
    expect(JSON.parse(alembic.stdout)).toEqual([]);
    expect(drift(dir).findings).toEqual([
      expect.objectContaining({ kind: 'duplicate-model', table: 'access_audit_logs, audit_logs', model: { file: 'app/audit.py', line: 6 }, detail: 'AccessAuditLog is defined in 2 modules: app/audit.py:6 (table access_audit_logs), app/legacy_audit.py:6 (table audit_logs)', unsure: false }),
    ]);
  });

  it('a step the replay cannot follow is unresolved, and findings on the tables it touches are unsure; --exit-code and markdown', () => {
    const dir = makeGitRepo(join(fixtures, 'drift', 'alembic-drift'));
    dirs.push(dir);
    writeFileSync(join(dir, 'migrations', 'versions', '0003_data.py'), '"""data"""\nfrom alembic import op\n\nrevision = "0003"\ndown_revision = "0002"\n\n\ndef upgrade() -> None:\n    op.execute("UPDATE users SET legacy_flag = 0")\n');
    const findings = drift(dir).findings;
    expect(findings.find((f) => f.kind === 'unresolved')).toMatchObject({ table: 'users', migration: { file: 'migrations/versions/0003_data.py', line: 9 }, unsure: true });
    expect(findings.filter((f) => f.table === 'users').every((f) => f.unsure)).toBe(true);
    expect(findings.filter((f) => f.table === 'tags').every((f) => !f.unsure)).toBe(true);
    const md = remodel(['drift', dir, '--exit-code'], repoRoot);
    expect(md.status).toBe(1);
    expect(md.stdout).toContain('| kind | table | column | model | migration | detail | fix |');
    expect(remodel(['drift', join(fixtures, 'rename-tables', 'alembic-backend'), '--exit-code'], repoRoot).status).toBe(0);
    expect(remodel(['drift', join(dir, 'nowhere')], repoRoot)).toMatchObject({ status: 2, stderr: expect.stringMatching(/^remodel: .*nowhere: not a folder\n$/) });
  });
});

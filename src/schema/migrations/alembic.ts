import { stringLiteral } from '../../core/literals';
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { UsageError } from '../../core/errors';
import type { Workspace } from '../../core/types';
import type { TableRename } from '../../importmap/types';
import { objectRenameRulePython, qualifiedName } from '../tables/names';
import { renderMako } from './mako';

/** An Alembic environment as `alembic.ini` (or the map's `migrations.alembic`) describes it; paths repository-relative. */
export interface AlembicScripts {
  /** script_location */
  dir: string;
  /** the folders revisions live in (`version_locations`, default `<dir>/versions`) */
  versions: string[];
  fileTemplate: string;
  truncateSlugLength: number;
  /** where it was found, for messages */
  source: string;
}

/** `[alembic]` options of an ini file (ConfigParser's basic syntax: `key = value`, `key: value`, `%%` for `%`). */
function iniOptions(text: string): Map<string, string> {
  const options = new Map<string, string>();
  let section = '';
  let last: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(raw) || !raw.trim()) continue;
    const header = /^\s*\[([^\]]+)\]/.exec(raw);
    if (header) {
      section = header[1]!.trim();
      last = undefined;
      continue;
    }
    if (section !== 'alembic') continue;
    if (/^\s/.test(raw) && last) {
      options.set(last, `${options.get(last)}\n${raw.trim()}`); // a continuation line
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (pair) options.set((last = pair[1]!.trim().toLowerCase()), pair[2]!.trim());
  }
  return options;
}

/** Finds the Alembic environment: the map's `migrations.alembic`, else the one `alembic.ini` of the tree. */
export function findAlembic(workspace: Workspace, configured: string | undefined): AlembicScripts | undefined {
  const inis = workspace.files.filter((file) => posix.basename(file) === 'alembic.ini');
  const norm = (path: string): string => posix.normalize(path).replace(/\/$/, '');
  for (const ini of inis) {
    const here = posix.dirname(ini);
    const options = iniOptions(workspace.read(ini));
    const expand = (value: string): string => norm(posix.join(here === '.' ? '' : here, value.replace(/%\(here\)s\/?/g, '').replace(/%%/g, '%')) || '.');
    const location = options.get('script_location');
    if (!location || location.includes(':')) continue; // `package:folder` locations live outside the tree
    const dir = expand(location);
    if (configured !== undefined && dir !== norm(configured)) continue;
    const versions = options.get('version_locations')?.split(/[\s,]+/).filter(Boolean).map(expand) ?? [`${dir}/versions`];
    return {
      dir,
      versions,
      fileTemplate: (options.get('file_template') ?? '%(rev)s_%(slug)s').replace(/%%/g, '%'),
      truncateSlugLength: Number(options.get('truncate_slug_length') ?? 40) || 40,
      source: ini,
    };
  }
  if (configured === undefined) return undefined;
  const dir = norm(configured);
  if (!workspace.files.some((file) => file.startsWith(`${dir}/`))) throw new UsageError(`migrations.alembic: '${configured}' holds no file`);
  return { dir, versions: [`${dir}/versions`], fileTemplate: '%(rev)s_%(slug)s', truncateSlugLength: 40, source: 'migrations.alembic' };
}

interface Revision {
  id: string;
  down: string[];
  file: string;
}

/** `revision = "abc"` / `revision: str = "abc"`, `down_revision = None | "x" | ("a", "b")`, at the start of a line. */
function readRevision(file: string, text: string): Revision | undefined {
  const assigned = (name: string): string | undefined => new RegExp(`^${name}\\s*(?::[^=\\n]+)?=\\s*(.+)$`, 'm').exec(text)?.[1]?.trim();
  const id = /^['"]([^'"]+)['"]/.exec(assigned('revision') ?? '')?.[1];
  if (!id) return undefined;
  const down = [...(assigned('down_revision') ?? '').matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return { id, down, file };
}

/** The revisions of the environment and their heads (a head is a revision no other one revises). */
export function alembicHeads(workspace: Workspace, scripts: AlembicScripts): { heads: string[]; revisions: Revision[] } {
  const revisions = workspace.files
    .filter((file) => file.endsWith('.py') && scripts.versions.includes(posix.dirname(file)))
    .flatMap((file) => readRevision(file, workspace.read(file)) ?? []);
  const revised = new Set(revisions.flatMap((r) => r.down));
  return { heads: revisions.filter((r) => !revised.has(r.id)).map((r) => r.id), revisions };
}

/**
 * The renames some revision already carries out (`op.rename_table("users", "api_users", schema=...)` in its text): a
 * second plan after `apply` generates nothing again.
 */
export function migratedRenames(workspace: Workspace, scripts: AlembicScripts, renames: readonly TableRename[]): TableRename[] {
  const calls = alembicHeads(workspace, scripts).revisions.flatMap((revision) => [...workspace.read(revision.file).matchAll(/rename_table\(([^)]*)\)/g)].map((m) => m[1]!));
  return renames.filter(({ from, to }) =>
    calls.some((args) => {
      const strings = [...args.matchAll(/(\w+\s*=\s*)?['"]([^'"]*)['"]/g)].map((m) => ({ key: m[1]?.replace(/\s*=\s*$/, ''), value: m[2]! }));
      const positional = strings.filter((s) => !s.key).map((s) => s.value);
      const schema = strings.find((s) => s.key === 'schema')?.value;
      return positional[0] === from.name && positional[1] === to.name && schema === from.schema;
    }),
  );
}

/** Alembic's generic `script.py.mako`, for an environment that has none. */
const genericTemplate = `"""\${message}

Revision ID: \${up_revision}
Revises: \${down_revision | comma,n}
Create Date: \${create_date}

"""
from alembic import op
import sqlalchemy as sa
\${imports if imports else ""}

# revision identifiers, used by Alembic.
revision = \${repr(up_revision)}
down_revision = \${repr(down_revision)}
branch_labels = \${repr(branch_labels)}
depends_on = \${repr(depends_on)}


def upgrade() -> None:
    \${upgrades if upgrades else "pass"}


def downgrade() -> None:
    \${downgrades if downgrades else "pass"}
`;



/** A call statement in the body of upgrade()/downgrade() (4 spaces in), laid out as black lays it out (88 columns). */
function call(name: string, args: string[], schema: string | undefined): string {
  const parts = [...args.map((arg) => stringLiteral(arg)), ...(schema ? [`schema=${stringLiteral(schema)}`] : [])];
  const flat = `${name}(${parts.join(', ')})`;
  if (4 + flat.length <= 88) return flat;
  const hugged = `${' '.repeat(8)}${parts.join(', ')}`;
  if (hugged.length <= 88) return `${name}(\n${hugged}\n    )`;
  return `${name}(\n${parts.map((part) => `${' '.repeat(8)}${part},`).join('\n')}\n    )`;
}

/** The statements of upgrade() and downgrade() for a set of renames. */
function operations(renames: readonly TableRename[]): { upgrades: string; downgrades: string } {
  const up: string[] = [];
  const down: string[] = [];
  for (const { from, to } of renames) {
    up.push(call('op.rename_table', [from.name, to.name], from.schema), call('_rename_objects', [to.name, from.name, to.name], from.schema));
  }
  for (const { from, to } of [...renames].reverse()) {
    down.push(call('_rename_objects', [to.name, to.name, from.name], from.schema), call('op.rename_table', [to.name, from.name], from.schema));
  }
  return { upgrades: up.join('\n    '), downgrades: down.join('\n    ') };
}

/**
 * What a table rename leaves to rename in the database, found there when the revision runs (Alembic has no
 * operation for it, and names given by earlier migrations or by the dialect are known only to the database).
 */
const renameObjectsPython = `${objectRenameRulePython}


def _rename_objects(table, old, new, schema=None):
    """Renames what still carries the table name \`old\` after a rename to \`new\`.

    The table's indexes, constraints and sequences, and the foreign keys of other
    tables named after it. SQLite keeps constraint names inside the table: there
    only its indexes are objects to rename (dropped and created again).
    """
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    quote = bind.dialect.identifier_preparer.quote

    def qualified(name):
        return "%s.%s" % (quote(schema), quote(name)) if schema else quote(name)

    indexes = inspector.get_indexes(table, schema=schema)
    if bind.dialect.name == "sqlite":
        for index in indexes:
            renamed = _renamed(index["name"], old, new)
            if renamed:
                op.drop_index(index["name"], table_name=table, schema=schema)
                op.create_index(
                    renamed,
                    table,
                    index["column_names"],
                    unique=bool(index["unique"]),
                    schema=schema,
                )
        _rename_sqlite_constraints(table, old, new, schema)
        for other in inspector.get_table_names(schema=schema):
            referred = inspector.get_foreign_keys(other, schema=schema)
            if other != table and any(fk["referred_table"] == table for fk in referred):
                _rename_sqlite_constraints(other, old, new, schema, owner=other)
        return
    constraints = [inspector.get_pk_constraint(table, schema=schema).get("name")]
    for found in (
        inspector.get_unique_constraints(table, schema=schema),
        inspector.get_foreign_keys(table, schema=schema),
        inspector.get_check_constraints(table, schema=schema),
    ):
        constraints += [constraint["name"] for constraint in found]
    referring = [
        (other, fk["name"])
        for other in inspector.get_table_names(schema=schema)
        if other != table
        for fk in inspector.get_foreign_keys(other, schema=schema)
        if fk["referred_table"] == table
        and (fk.get("referred_schema") or None) == (schema or None)
    ]
    rename_constraint = "ALTER TABLE %s RENAME CONSTRAINT %s TO %s"
    for name in constraints:
        renamed = _renamed(name, old, new)
        if renamed:
            op.execute(
                rename_constraint % (qualified(table), quote(name), quote(renamed))
            )
    for index in indexes:
        renamed = _renamed(index["name"], old, new)
        # a unique or primary key constraint's index was renamed with it
        if renamed and index["name"] not in constraints:
            op.execute(
                "ALTER INDEX %s RENAME TO %s"
                % (qualified(index["name"]), quote(renamed))
            )
    if bind.dialect.name == "postgresql":
        for column in inspector.get_columns(table, schema=schema):
            sequence = bind.execute(
                sa.text("SELECT pg_get_serial_sequence(:t, :c)"),
                {"t": qualified(table), "c": column["name"]},
            ).scalar()
            # or the sequence its default names: nextval('users_id_seq'::regclass)
            default = re.search(r"nextval\\('([^']+)'", str(column.get("default") or ""))
            sequence = sequence or (default.group(1) if default else None)
            if not sequence:
                continue
            renamed = _renamed(sequence.split(".")[-1].strip('"'), old, new)
            if renamed:
                op.execute(
                    "ALTER SEQUENCE %s RENAME TO %s" % (sequence, quote(renamed))
                )
    for other, name in referring:
        renamed = _renamed(name, old, new, owner=other)
        if renamed:
            op.execute(
                rename_constraint % (qualified(other), quote(name), quote(renamed))
            )`;

/** A project whose revisions black formats (a `post_write_hooks` entry, or double-quoted revision ids): its `repr`s are double-quoted. */
function formatsWithBlack(workspace: Workspace, scripts: AlembicScripts): boolean {
  const hooks = scripts.source.endsWith('alembic.ini') ? (workspace.read(scripts.source).split(/^\[post_write_hooks\]/m)[1] ?? '').split(/^\[/m)[0]! : '';
  if (/\bblack\b/.test(hooks)) return true;
  return alembicHeads(workspace, scripts).revisions.some((revision) => /^revision\s*(?::[^=\n]+)?=\s*"/m.test(workspace.read(revision.file)));
}

/** SQLite: named constraints live in the table's own SQL, so renaming them means recreating the table (batch mode). */
const renameSqliteConstraintsPython = `def _rename_sqlite_constraints(table, old, new, schema=None, owner=None):
    """SQLite: constraints named after \`old\` get the new name, the table recreated."""
    inspector = sa.inspect(op.get_bind())
    pk = inspector.get_pk_constraint(table, schema=schema)
    found = [("primary", pk)] if pk.get("name") else []
    for kind, read in (
        ("unique", inspector.get_unique_constraints),
        ("check", inspector.get_check_constraints),
        ("foreignkey", inspector.get_foreign_keys),
    ):
        found += [(kind, constraint) for constraint in read(table, schema=schema)]
    changes = [
        (kind, c, _renamed(c["name"], old, new, owner))
        for kind, c in found
        if _renamed(c["name"], old, new, owner)
    ]
    if not changes:
        return
    # op.f(): the names are final, not for a naming convention to build on
    with op.batch_alter_table(table, schema=schema, recreate="always") as batch:
        for kind, constraint, renamed in changes:
            batch.drop_constraint(op.f(constraint["name"]), type_=kind)
            columns = constraint.get("constrained_columns")
            if kind == "primary":
                batch.create_primary_key(op.f(renamed), columns)
            elif kind == "unique":
                batch.create_unique_constraint(
                    op.f(renamed), constraint["column_names"]
                )
            elif kind == "check":
                batch.create_check_constraint(
                    op.f(renamed), sa.text(constraint["sqltext"])
                )
            else:
                batch.create_foreign_key(
                    op.f(renamed),
                    constraint["referred_table"],
                    columns,
                    constraint["referred_columns"],
                    referent_schema=constraint.get("referred_schema"),
                )`;

/**
 * The new revision's id in the project's style: the next number where every id is one (`0001`, `0002`), else 12 hex
 * digits as Alembic makes them, derived from what the revision does so that plan and apply agree.
 */
function revisionId(head: string | undefined, renames: readonly TableRename[], existing: readonly string[]): string {
  if (existing.length && existing.every((id) => /^\d+$/.test(id))) {
    const width = Math.max(...existing.map((id) => id.length));
    return String(Math.max(...existing.map(Number)) + 1).padStart(width, '0');
  }
  return createHash('sha1').update(JSON.stringify({ head, renames: renames.map((r) => [qualifiedName(r.from), qualifiedName(r.to)]) })).digest('hex').slice(0, 12);
}

/** `str(datetime)` as Alembic writes `create_date`. */
function pythonDatetime(date: Date): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds() * 1000, 6)}`;
}

/**
 * The revision that renames the tables, as `alembic revision -m ...` would lay it out: the environment's own
 * `script.py.mako`, the `file_template` name, a 12-digit id, `down_revision` the single head (several heads: the
 * one-line error naming them). `created` is the revision's date (the map's, so that plan and apply agree).
 */
export function alembicRenameRevision(workspace: Workspace, scripts: AlembicScripts, renames: readonly TableRename[], created: Date): { path: string; text: string } {
  const { heads, revisions } = alembicHeads(workspace, scripts);
  if (heads.length > 1) throw new UsageError(`${scripts.source}: the migrations have ${heads.length} heads (${heads.join(', ')}); merge them first (alembic merge heads), then plan again`);
  const head = heads[0];
  const id = revisionId(head, renames, revisions.map((r) => r.id));
  const message = renames.length === 1 ? `rename table ${qualifiedName(renames[0]!.from)} to ${renames[0]!.to.name}` : `rename tables ${renames.map((r) => qualifiedName(r.from)).join(', ')}`;
  const templateFile = `${scripts.dir}/script.py.mako`;
  const template = workspace.has(templateFile) ? workspace.read(templateFile) : genericTemplate;
  const { upgrades, downgrades } = operations(renames);
  const rendered = renderMako(template, templateFile, formatsWithBlack(workspace, scripts) ? '"' : "'", {
    message,
    up_revision: id,
    down_revision: head ?? null,
    branch_labels: null,
    depends_on: null,
    create_date: pythonDatetime(created),
    imports: 'import re',
    upgrades,
    downgrades,
  });
  const text = `${rendered.replace(/\n*$/, '\n')}\n\n${renameObjectsPython}\n\n\n${renameSqliteConstraintsPython}\n`;
  let slug = (message.match(/\w+/g) ?? []).join('_').toLowerCase();
  if (slug.length > scripts.truncateSlugLength) slug = `${slug.slice(0, scripts.truncateSlugLength).replace(/_[^_]*$/, '')}_`;
  const fields: Record<string, string | number> = {
    rev: id,
    slug,
    epoch: Math.floor(created.getTime() / 1000),
    year: created.getFullYear(),
    month: created.getMonth() + 1,
    day: created.getDate(),
    hour: created.getHours(),
    minute: created.getMinutes(),
    second: created.getSeconds(),
  };
  // Python %-formatting as file_template uses it: `%(rev)s`, `%(month).2d`, `%(day)02d`
  const name = scripts.fileTemplate.replace(/%\((\w+)\)(0?\d*)(?:\.(\d+))?([sd])/g, (_whole, key: string, width: string, precision: string | undefined, kind: string) => {
    const value = fields[key];
    if (value === undefined) throw new UsageError(`${scripts.source}: file_template: unknown field '${key}'`);
    if (kind === 's') return String(value);
    const digits = Number(precision ?? 0);
    return String(value).padStart(Math.max(digits, width.startsWith('0') ? Number(width) : 0), '0').padStart(Number(width || 0), ' ');
  });
  return { path: `${scripts.versions[0]}/${name}.py`, text };
}

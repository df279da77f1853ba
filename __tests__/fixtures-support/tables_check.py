"""Runs a project's Alembic migrations for real and checks a generated table-rename revision (issue 19, item 4).

usage: /usr/bin/python3 tables_check.py PROJECT DATABASE_URL RENAMES_JSON [SEED_JSON]

RENAMES_JSON: [[schema_or_null, old, new], ...]. The project's migrations must end with the rename revision; the one
before it is where the rows of SEED_JSON (default PROJECT/seed.json) ({"rows": [[table, {column: value}], ...]}) are inserted. Prints one
JSON object: what was found (the test asserts on it).
"""
import importlib
import json
import os
import re
import sys

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
import sqlalchemy as sa

project, url, renames = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
os.chdir(project)
sys.path.insert(0, project)
os.environ["DATABASE_URL"] = url
config = Config(os.path.join(project, "alembic.ini"))
config.set_main_option("sqlalchemy.url", url)
engine = sa.create_engine(url)
schemas = sorted({schema for schema, _, _ in renames if schema}) or [None]


def objects():
    """Every named object: tables, indexes, constraints, sequences (PostgreSQL), as (schema, kind, owner, name)."""
    inspector = sa.inspect(engine)
    found = set()
    for schema in schemas + ([None] if None not in schemas else []):
        for table in inspector.get_table_names(schema=schema):
            if table == "alembic_version":
                continue
            found.add((schema, "table", table, table))
            for index in inspector.get_indexes(table, schema=schema):
                found.add((schema, "index", table, index["name"]))
            pk = inspector.get_pk_constraint(table, schema=schema).get("name")
            if pk:
                found.add((schema, "pk", table, pk))
            for kind, items in (("unique", inspector.get_unique_constraints(table, schema=schema)), ("fk", inspector.get_foreign_keys(table, schema=schema))):
                for item in items:
                    if item.get("name"):
                        found.add((schema, kind, table, item["name"]))
        if engine.dialect.name == "postgresql":
            with engine.connect() as connection:
                owned = connection.execute(sa.text(
                    "SELECT s.relname, t.relname FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace"
                    " LEFT JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i') LEFT JOIN pg_class t ON t.oid = d.refobjid"
                    " WHERE s.relkind = 'S' AND n.nspname = :schema"), {"schema": schema or "public"}).all()
            for sequence, owner in owned:
                found.add((schema, "sequence", owner or "", sequence))
    return found


def rows():
    inspector = sa.inspect(engine)
    counts = {}
    with engine.connect() as connection:
        for schema in schemas + ([None] if None not in schemas else []):
            for table in inspector.get_table_names(schema=schema):
                if table != "alembic_version":
                    name = "%s.%s" % (schema, table) if schema else table
                    counts[name] = connection.execute(sa.text("SELECT count(*) FROM %s" % name)).scalar()
    return counts


def carries_old_name(schema, kind, owner, name):
    """True when an object's name still holds a renamed table's old name as a whole `_` part (its owner's own name aside)."""
    for rename_schema, old, new in renames:
        if (rename_schema or None) != (schema or None):
            continue
        stripped = name.replace(owner, "", 1) if owner and owner != old and kind != "table" else name
        if kind == "table":
            stripped = name if name == old else ""
        # a part that is the new name (`event_customer_reviews` holds `customer_reviews`) is not the old one
        stripped = re.sub(r"(^|_)%s(?=_|$)" % re.escape(new), r"\1", stripped)
        if re.search(r"(^|_)%s(_|$)" % re.escape(old), stripped):
            return True
    return False


script = ScriptDirectory.from_config(config)
head = script.get_current_head()
previous = script.get_revision(head).down_revision
command.upgrade(config, previous)

# rows in every table, before the rename
with open(sys.argv[4] if len(sys.argv) > 4 else os.path.join(project, "seed.json")) as seed:
    seed_rows = json.load(seed)["rows"]
with engine.begin() as connection:
    for table, values in seed_rows:
        columns = ", ".join(values)
        connection.execute(sa.text("INSERT INTO %s (%s) VALUES (%s)" % (table, columns, ", ".join(":" + c for c in values))), values)
    if engine.dialect.name == "postgresql":
        for table in sorted({t for t, values in seed_rows if "id" in values}):
            connection.execute(sa.text("SELECT setval(pg_get_serial_sequence(:t, 'id'), (SELECT max(id) FROM %s))" % table), {"t": table})

before_objects = objects()
before_rows = rows()
command.upgrade(config, "head")
after_objects = objects()
after_rows = rows()

result = {"dialect": engine.dialect.name}
renamed = {("%s.%s" % (s, old) if s else old): ("%s.%s" % (s, new) if s else new) for s, old, new in renames}
result["rows_kept"] = {renamed.get(t, t): n for t, n in before_rows.items()} == after_rows
result["old_names_left"] = sorted("%s %s on %s" % (kind, name, owner) for schema, kind, owner, name in after_objects if carries_old_name(schema, kind, owner, name))
result["objects_renamed"] = sorted(name for _, kind, _, name in after_objects - before_objects if kind != "table")

inspector = sa.inspect(engine)
fk_targets = set()
for schema in schemas + ([None] if None not in schemas else []):
    for table in inspector.get_table_names(schema=schema):
        for fk in inspector.get_foreign_keys(table, schema=schema):
            fk_targets.add("%s -> %s" % (table, fk["referred_table"]))
result["fk_targets"] = sorted(fk_targets)

# the id sequences still serve new rows (PostgreSQL: the renamed sequence is still the column's default)
if engine.dialect.name == "postgresql":
    with engine.begin() as connection:
        for schema, old, new in renames:
            name = "%s.%s" % (schema, new) if schema else new
            if "id" not in [c["name"] for c in sa.inspect(engine).get_columns(new, schema=schema)]:
                continue
            top = connection.execute(sa.text("SELECT coalesce(max(id), 0) FROM %s" % name)).scalar()
            default = connection.execute(sa.text("SELECT column_default FROM information_schema.columns WHERE table_schema = :s AND table_name = :t AND column_name = 'id'"), {"s": schema or "public", "t": new}).scalar()
            following = connection.execute(sa.text("SELECT %s" % default)).scalar()
            result.setdefault("sequences_serve", []).append(following > top)

# the models as remodel rewrote them: env.py registered them on the Base's metadata when the migrations ran
Base = importlib.import_module(os.environ.get("REMODEL_BASE_MODULE", "app.db")).Base

with engine.connect() as connection:
    context = MigrationContext.configure(connection, opts={"compare_type": True, "include_schemas": schemas != [None]})
    result["drift"] = [repr(diff) for diff in compare_metadata(context, Base.metadata)]

command.downgrade(config, "-1")
result["downgrade_restores_names"] = objects() == before_objects
result["downgrade_keeps_rows"] = rows() == before_rows
result["downgrade_missing"] = sorted("%s %s" % (kind, name) for _, kind, _, name in before_objects - objects())
print(json.dumps(result))

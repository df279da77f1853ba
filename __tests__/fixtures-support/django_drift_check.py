"""What Django itself finds: the operations its autodetector proposes (`makemigrations --dry-run`, no questions asked,
so no rename is guessed) between the migrations' state and the models, each turned into the database change it makes,
printed as [kind, table, column-or-columns] in remodel's words (DESIGN §5), one JSON list.

An operation that changes no database object (AlterModelOptions, AlterModelManagers, an AlterField of help_text,
default or choices only) prints nothing; a change on a table the same run creates or drops is that table's. Types are
compared as PostgreSQL declares them (an auto field by its class: `integer` and `bigint` keys differ).

usage: /usr/bin/python3 django_drift_check.py PROJECT
"""
import json
import os
import re
import sys
import tempfile

project = os.path.abspath(sys.argv[1])
os.chdir(project)
sys.path.insert(0, project)
with open("manage.py") as manage:
    settings_module = re.search(r"DJANGO_SETTINGS_MODULE[\"'],\s*[\"']([\w.]+)", manage.read()).group(1)
os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
os.environ["DATABASE_NAME"] = os.path.join(tempfile.mkdtemp(), "db.sqlite3")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.backends.postgresql.base import DatabaseWrapper as PostgreSQLWrapper  # noqa: E402
from django.db.migrations import operations as ops  # noqa: E402
from django.db.migrations.autodetector import MigrationAutodetector  # noqa: E402
from django.db.migrations.loader import MigrationLoader  # noqa: E402
from django.db.migrations.questioner import MigrationQuestioner  # noqa: E402
from django.db.migrations.state import ProjectState  # noqa: E402
from django.db.models import UniqueConstraint  # noqa: E402
from django.db.models.fields import AutoFieldMixin  # noqa: E402

from django.core.management import call_command  # noqa: E402

call_command("migrate", verbosity=0)  # the history runs, on a real (SQLite) database
loader = MigrationLoader(None, ignore_no_migrations=True)
before = loader.project_state()
after = ProjectState.from_apps(apps)
changes = MigrationAutodetector(before, after, MigrationQuestioner(specified_apps=None, dry_run=True)).changes(graph=loader.graph)
old_apps, new_apps = before.apps, after.apps


def has_table(model):
    return model._meta.managed and not model._meta.proxy and not model._meta.abstract


def join_tables(model):
    return [f.remote_field.through._meta.db_table for f in model._meta.local_many_to_many if f.remote_field.through._meta.auto_created]


# PostgreSQL's column types (SQLite's `decimal` hides max_digits); no connection is opened for them
postgresql = PostgreSQLWrapper({**connection.settings_dict, "ENGINE": "django.db.backends.postgresql"})


def db_type(field):
    return field.get_internal_type() if isinstance(field, AutoFieldMixin) else field.db_type(postgresql)


def current_table(app, name):
    """A model's table as the models have it: a change found on a model whose table the same run moves (AlterModelTable,
    which the autodetector orders after index and constraint removals) is the moved table's, as its fields' are."""
    try:
        return new_apps.get_model(app, name)._meta.db_table
    except LookupError:
        return old_apps.get_model(app, name)._meta.db_table


def columns(model, names):
    return [model._meta.get_field(name).column for name in names]


def field_change(table, old, new):
    out = []
    if old.column != new.column:
        return [["extra-column", table, old.column], ["missing-column", table, new.column]]
    if db_type(old) != db_type(new):
        out.append(["type-mismatch", table, new.column])
    if old.null != new.null and not new.primary_key:
        out.append(["nullable-mismatch", table, new.column])
    indexed = lambda f: bool(f.db_index) and not f.unique and not f.primary_key
    if indexed(old) != indexed(new):
        out.append(["missing-index" if indexed(new) else "extra-index", table, [new.column]])
    unique = lambda f: bool(f.unique) and not f.primary_key
    if unique(old) != unique(new):
        out.append(["missing-unique" if unique(new) else "extra-unique", table, [new.column]])
    # the table and column the foreign key references (`to_field` changes the column)
    target = lambda f: (f.related_model._meta.db_table, f.target_field.column) if f.is_relation and f.related_model and not f.many_to_many else None
    old_target, new_target = target(old), target(new)
    if old_target and new_target and old_target != new_target:
        out.append(["fk-target-mismatch", table, new.column])
    return out


found = []
created, dropped = set(), set()
for app, migrations in changes.items():
    for migration in migrations:
        for op in migration.operations:
            if isinstance(op, (ops.CreateModel, ops.DeleteModel)):
                creating = isinstance(op, ops.CreateModel)
                model = (new_apps if creating else old_apps).get_model(app, op.name)
                if has_table(model):
                    for table in [model._meta.db_table, *join_tables(model)]:
                        (created if creating else dropped).add(table)
                        found.append(["missing-table" if creating else "extra-table", table, None])
            elif isinstance(op, (ops.AddField, ops.RemoveField)):
                adding = isinstance(op, ops.AddField)
                model = (new_apps if adding else old_apps).get_model(app, op.model_name)
                field = model._meta.get_field(op.name)
                # a field removed from a model whose table the same run moves is the moved table's, as an added one is
                table = current_table(app, op.model_name)
                if field.many_to_many:
                    if field.remote_field.through._meta.auto_created:
                        found.append(["missing-table" if adding else "extra-table", field.remote_field.through._meta.db_table, None])
                else:
                    found.append(["missing-column" if adding else "extra-column", table, field.column])
            elif isinstance(op, ops.AlterField):
                old_model, new_model = old_apps.get_model(app, op.model_name), new_apps.get_model(app, op.model_name)
                found.extend(field_change(new_model._meta.db_table, old_model._meta.get_field(op.name), new_model._meta.get_field(op.name)))
            elif isinstance(op, (ops.AddIndex, ops.RemoveIndex)):
                adding = isinstance(op, ops.AddIndex)
                model = (new_apps if adding else old_apps).get_model(app, op.model_name)
                index = op.index if adding else next(i for i in model._meta.indexes if i.name == op.name)
                found.append(["missing-index" if adding else "extra-index", current_table(app, op.model_name), columns(model, [f.lstrip("-") for f in index.fields])])
            elif isinstance(op, (ops.AddConstraint, ops.RemoveConstraint)):
                adding = isinstance(op, ops.AddConstraint)
                model = (new_apps if adding else old_apps).get_model(app, op.model_name)
                constraint = op.constraint if adding else next(c for c in model._meta.constraints if c.name == op.name)
                if isinstance(constraint, UniqueConstraint):
                    found.append(["missing-unique" if adding else "extra-unique", current_table(app, op.model_name), columns(model, constraint.fields)])
            elif isinstance(op, (ops.AlterUniqueTogether, ops.AlterIndexTogether)):
                unique = isinstance(op, ops.AlterUniqueTogether)
                option = "unique_together" if unique else "index_together"
                old_model, new_model = old_apps.get_model(app, op.name), new_apps.get_model(app, op.name)
                old_sets, new_sets = set(map(tuple, getattr(old_model._meta, option))), set(map(tuple, getattr(new_model._meta, option)))
                kind = "unique" if unique else "index"
                found.extend(["missing-" + kind, new_model._meta.db_table, columns(new_model, names)] for names in sorted(new_sets - old_sets))
                found.extend(["extra-" + kind, new_model._meta.db_table, columns(old_model, names)] for names in sorted(old_sets - new_sets))
            elif isinstance(op, ops.AlterModelTable):
                old_model, new_model = old_apps.get_model(app, op.name), new_apps.get_model(app, op.name)
                for old_table, new_table in zip([old_model._meta.db_table, *join_tables(old_model)], [new_model._meta.db_table, *join_tables(new_model)]):
                    found += [["missing-table", new_table, None], ["extra-table", old_table, None]]
            elif isinstance(op, (ops.AlterModelOptions, ops.AlterModelManagers)):
                pass
            else:
                found.append([type(op).__name__, None, None])

out = {json.dumps(f) for f in found if f[0] in ("missing-table", "extra-table") or f[1] not in created | dropped}
print(json.dumps([json.loads(f) for f in sorted(out)]))

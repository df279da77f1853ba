"""What Alembic itself finds: `alembic upgrade head` on a fresh SQLite database, then compare_metadata (compare_type and
compare_server_default on, the latter with later Alembic's symmetric SQLite parentheses) against the project's models, printed as [kind, table, column-or-columns] in remodel's
words (DESIGN §5), one JSON list.

usage: /usr/bin/python3 drift_check.py PROJECT BASE_MODULE
"""
import importlib
import json
import os
import re
import sys
import tempfile

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
import sqlalchemy as sa

project, base_module = sys.argv[1], sys.argv[2]
os.chdir(project)
sys.path.insert(0, project)
url = "sqlite:///" + os.path.join(tempfile.mkdtemp(), "drift.db")
os.environ["DATABASE_URL"] = url
config = Config(os.path.join(project, "alembic.ini"))
config.set_main_option("sqlalchemy.url", url)
command.upgrade(config, "head")
Base = importlib.import_module(base_module).Base



def compare_server_default(context, inspector_column, metadata_column, inspector_default, metadata_default, rendered_metadata_default):
    """Alembic 1.8's SQLite comparison strips the parentheses SQLite reflection puts around an expression default on
    the model's side only, so `func.now()` never equals the `(CURRENT_TIMESTAMP)` it created: every expression default
    is reported, whatever both sides say. Strip them on both sides (as later Alembic releases do), nothing else."""
    if inspector_default is None or rendered_metadata_default is None:
        return None
    strip = lambda text: re.sub(r"^\"?'(.+)'\"?$", r"\1", re.sub(r"^\((.+)\)$", r"\1", text))
    return strip(inspector_default) != strip(rendered_metadata_default)


kinds = {
    "add_table": "missing-table", "remove_table": "extra-table",
    "add_column": "missing-column", "remove_column": "extra-column",
    "modify_type": "type-mismatch", "modify_nullable": "nullable-mismatch", "modify_default": "default-mismatch",
    "add_index": "missing-index", "remove_index": "extra-index",
    "add_fk": "missing-fk", "remove_fk": "extra-fk",
}
out = []
with sa.create_engine(url).connect() as connection:
    context = MigrationContext.configure(connection, opts={"compare_type": True, "compare_server_default": compare_server_default})
    for diff in compare_metadata(context, Base.metadata):
        for step in diff if isinstance(diff, list) else [diff]:
            op = step[0]
            if op in ("add_table", "remove_table"):
                out.append([kinds[op], step[1].name, None])
            elif op in ("add_column", "remove_column"):
                out.append([kinds[op], step[2], step[3].name])
            elif op.startswith("modify_"):
                out.append([kinds[op], step[2], step[3]])
            elif op in ("add_index", "remove_index"):
                out.append([kinds[op], step[1].table.name, [c.name for c in step[1].columns]])
            elif op in ("add_constraint", "remove_constraint"):
                kind = ("missing-" if op == "add_constraint" else "extra-") + ("unique" if isinstance(step[1], sa.UniqueConstraint) else "constraint")
                out.append([kind, step[1].table.name, [c.name for c in step[1].columns]])
            elif op in ("add_fk", "remove_fk"):
                out.append([kinds[op], step[1].parent.name, ", ".join(c.name for c in step[1].columns)])
            else:
                out.append([op, None, None])
print(json.dumps(sorted(out, key=json.dumps)))

"""Runs a Django project's migrations for real and checks a generated AlterModelTable migration (issue 19, item 4).

usage: /usr/bin/python3 django_tables_check.py PROJECT APP FIRST_MIGRATION

Migrates APP to FIRST_MIGRATION on a fresh SQLite database, inserts PROJECT/seed.sql, migrates to the latest, runs
`makemigrations --check`, migrates back. Prints one JSON object (the test asserts on it).
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

project, app, first = sys.argv[1:4]
database = os.path.join(tempfile.mkdtemp(), "db.sqlite3")
env = {**os.environ, "DATABASE_NAME": database, "PYTHONDONTWRITEBYTECODE": "1"}


def manage(*args):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=project, env=env, capture_output=True, text=True)


def tables():
    with sqlite3.connect(database) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'django_%' AND name NOT LIKE 'sqlite_%'")]
        return {name: connection.execute('SELECT count(*) FROM "%s"' % name).fetchone()[0] for name in names}


result = {}
step = manage("migrate", app, first)
assert step.returncode == 0, step.stderr
with sqlite3.connect(database) as connection, open(os.path.join(project, "seed.sql")) as seed:
    connection.executescript(seed.read())
result["before"] = tables()
step = manage("migrate")
result["migrate"] = step.returncode
result["migrate_stderr"] = step.stderr[-2000:]
result["after"] = tables()
check = manage("makemigrations", "--check", "--dry-run")
result["makemigrations_check"] = check.returncode
result["makemigrations_output"] = (check.stdout + check.stderr)[-2000:]
step = manage("migrate", app, first)
result["migrate_back"] = step.returncode
result["back"] = tables()
print(json.dumps(result))

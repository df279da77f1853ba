"""Seeds a generated Django project, or checks it once remodel moved its models (django-state-moves-generated.test.ts).

usage: /usr/bin/python3 django_state_check.py PROJECT seed|check DATABASE

seed:  migrates a new SQLite DATABASE, runs PROJECT/seed.py, prints every table's row count.
check: `makemigrations --check`, migrates DATABASE, migrates a new database from nothing; prints the return codes,
       their output and every table's row count. One JSON object either way (the test asserts on it).
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

project, phase, database = sys.argv[1:4]


def manage(*args, name=database):
    env = {**os.environ, "DATABASE_NAME": name, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONWARNINGS": "ignore"}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=project, env=env, capture_output=True, text=True)


def counts():
    with sqlite3.connect(database) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'django_%' AND name NOT LIKE 'sqlite_%'")]
        return {name: connection.execute('SELECT count(*) FROM "%s"' % name).fetchone()[0] for name in sorted(names)}


if phase == "seed":
    step = manage("migrate")
    assert step.returncode == 0, step.stderr
    with open(os.path.join(project, "seed.py")) as seed:
        step = manage("shell", "-c", seed.read())
    assert step.returncode == 0, step.stderr
    print(json.dumps({"counts": counts()}))
else:
    check = manage("makemigrations", "--check", "--dry-run")
    migrate = manage("migrate")
    fresh = manage("migrate", name=os.path.join(tempfile.mkdtemp(), "fresh.sqlite3"))
    print(json.dumps({
        "makemigrations": [check.returncode, (check.stdout + check.stderr).strip()[-3000:]],
        "migrate": [migrate.returncode, migrate.stderr.strip()[-3000:]],
        "fresh": [fresh.returncode, fresh.stderr.strip()[-3000:]],
        "counts": counts(),
    }))

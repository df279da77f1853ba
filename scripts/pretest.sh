#!/usr/bin/env bash
# `npm test` runs this first: the tests prove remodel's output with the real tools users run (Debian's packages, for
# /usr/bin/python3, and PostgreSQL 15). It installs whichever of them is missing when it can (root with apt-get), else
# names them and stops; then it starts the PostgreSQL cluster and gives the tests a role and a database of their own.
set -euo pipefail

# "<debian package> <check command>": the check passes when the package's part the tests use is there
required=(
  "python3-sqlalchemy /usr/bin/python3 -c 'import sqlalchemy'"
  "python3-alembic /usr/bin/python3 -c 'import alembic'"
  "python3-django /usr/bin/python3 -c 'import django'"
  "python3-psycopg2 /usr/bin/python3 -c 'import psycopg2'"
  "postgresql command -v pg_ctlcluster && ls /usr/lib/postgresql/15/bin/postgres"
  "black command -v black"
  "isort command -v isort"
  "mypy command -v mypy"
  "pylint command -v pylint"
  "chromium command -v chromium"
  "git command -v git"
)

missing=()
for entry in "${required[@]}"; do
  package=${entry%% *}
  check=${entry#* }
  eval "$check" >/dev/null 2>&1 || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "pretest: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "pretest: the tests need these Debian packages, which are missing: ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

# PostgreSQL 15: the cluster running, and a role `remodel` (password `remodel`, may create databases) for the tests,
# which create and drop databases of their own (REMODEL_PG_URL overrides where they connect).
if [ -z "${REMODEL_PG_URL:-}" ]; then
  if ! pg_lsclusters 2>/dev/null | grep -q '^15 *main'; then
    if [ "$(id -u)" = 0 ]; then pg_createcluster 15 main >/dev/null; else echo "pretest: no PostgreSQL 15 cluster (pg_createcluster 15 main)" >&2; exit 1; fi
  fi
  if ! pg_lsclusters | grep -q '^15 *main .*online'; then
    if [ "$(id -u)" = 0 ]; then pg_ctlcluster 15 main start; else pg_ctlcluster 15 main start || { echo "pretest: cannot start PostgreSQL 15 (pg_ctlcluster 15 main start)" >&2; exit 1; }; fi
  fi
  as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sudo -n -u postgres sh -c "$1"; fi; }
  if ! PGPASSWORD=remodel psql -h localhost -U remodel -d remodel -tAc 'select 1' >/dev/null 2>&1; then
    as_postgres "psql -qtAc \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'remodel') THEN CREATE ROLE remodel LOGIN CREATEDB PASSWORD 'remodel'; END IF; END\\\$\\\$\"" >/dev/null
    as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'remodel'\" | grep -q 1 || createdb -O remodel remodel" >/dev/null
  fi
fi

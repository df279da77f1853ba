#!/usr/bin/env python3
"""Import Python modules of a tree in one process and configure the SQLAlchemy mappers.

usage: /usr/bin/python3 sqlalchemy_check.py DIR MODULE [MODULE ...]

DIR goes first on sys.path; MODULEs are imported in the order given, in this one
process, then ``sqlalchemy.orm.configure_mappers()`` runs. Prints exactly one JSON
line on stdout and exits 0 either way:

    {"ok": true, "error": null, "failed_module": null}
    {"ok": false, "error": "InvalidRequestError: Table 'bookings' is already defined ...",
     "failed_module": "api.routes.bookings"}

``failed_module`` is the module whose import failed, or "(configure_mappers)" when
every import worked and the mappers did not. Anything the imported code prints on
stdout is sent to stderr, so stdout stays one JSON line. Exit code 2 only for bad
usage (a usage line on stderr, nothing on stdout).
"""
import importlib
import json
import os
import sys
import warnings

CONFIGURE = "(configure_mappers)"


def describe(exc):
    lines = str(exc).strip().splitlines()
    return "%s: %s" % (type(exc).__name__, lines[0] if lines else "")


def run(root, modules):
    sys.path.insert(0, os.path.abspath(root))
    current = None
    try:
        for current in modules:
            importlib.import_module(current)
        current = CONFIGURE
        from sqlalchemy.orm import configure_mappers

        configure_mappers()
    except BaseException as exc:  # noqa: BLE001 - report anything, SystemExit included
        if isinstance(exc, KeyboardInterrupt):
            raise
        return {"ok": False, "error": describe(exc), "failed_module": current}
    return {"ok": True, "error": None, "failed_module": None}


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: sqlalchemy_check.py DIR MODULE [MODULE ...]\n")
        return 2
    real_stdout = sys.stdout
    sys.stdout = sys.stderr  # whatever the imported code prints must not corrupt the JSON line
    sys.dont_write_bytecode = True  # leave no __pycache__ in the checked tree
    warnings.simplefilter("default")  # deprecation warnings from shims go to stderr, visibly
    try:
        result = run(argv[1], argv[2:])
    finally:
        sys.stdout = real_stdout
    real_stdout.write(json.dumps(result) + "\n")
    real_stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

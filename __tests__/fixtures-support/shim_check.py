#!/usr/bin/env python3
"""Probe the deprecation shims of a consolidated tree with real imports.

usage: /usr/bin/python3 shim_check.py DIR

Writes one probe module into DIR (``_remodel_probe.py``), imports it with every warning recorded, and prints
one JSON line: whether old paths give the canonical objects, and every DeprecationWarning raised (message,
file name, line) while the probe's own import statements ran.
"""
import importlib
import json
import os
import sys
import warnings

PROBE = '''\
import models.booking
from core.auth.station_models import UserStationAssignment
from models.social import normalize_handle
import db.models.core
import db.models.identity
'''


def main(argv):
    root = os.path.abspath(argv[1])
    sys.path.insert(0, root)
    sys.dont_write_bytecode = True
    probe = os.path.join(root, "_remodel_probe.py")
    with open(probe, "w") as out:
        out.write(PROBE)
    real_stdout, sys.stdout = sys.stdout, sys.stderr
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            module = importlib.import_module("_remodel_probe")
            same_booking = module.models.booking.Booking is module.db.models.core.Booking
        from sqlalchemy.orm import configure_mappers

        configure_mappers()
    finally:
        sys.stdout = real_stdout
        os.remove(probe)
    result = {
        "same_booking": same_booking,
        "same_station_user": module.UserStationAssignment is module.db.models.identity.StationUser,
        "normalize_handle": module.normalize_handle("@Chef.Mario"),
        "warnings": [
            {"message": str(w.message), "file": os.path.relpath(w.filename, root), "line": w.lineno}
            for w in caught
            if issubclass(w.category, DeprecationWarning)
        ],
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

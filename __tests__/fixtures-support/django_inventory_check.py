"""What Django's own model metadata says about each project model: table, local concrete fields and every relation
(forward and reverse, by accessor name), printed as one JSON object keyed by class name.

usage: /usr/bin/python3 django_inventory_check.py PROJECT APP [APP ...]
"""
import json
import os
import re
import sys
import tempfile

project, labels = os.path.abspath(sys.argv[1]), sys.argv[2:]
os.chdir(project)
sys.path.insert(0, project)
with open("manage.py") as manage:
    os.environ["DJANGO_SETTINGS_MODULE"] = re.search(r"DJANGO_SETTINGS_MODULE[\"'],\s*[\"']([\w.]+)", manage.read()).group(1)
os.environ["DATABASE_NAME"] = os.path.join(tempfile.mkdtemp(), "db.sqlite3")

import django  # noqa: E402

django.setup()
from django.apps import apps  # noqa: E402


def kind(field):
    for name in ("many_to_one", "one_to_many", "one_to_one", "many_to_many"):
        if getattr(field, name):
            return name.replace("_", "-")


out = {}
for label in labels:
    for model in apps.get_app_config(label).get_models():
        meta = model._meta
        relations = []
        for field in meta.get_fields(include_hidden=False):
            if not field.is_relation or (field.auto_created and not field.concrete and not hasattr(field, "get_accessor_name")):
                continue
            if field.model is not model and field.concrete:
                continue  # declared on a parent (multi-table inheritance): the parent lists it
            if hasattr(field, "get_accessor_name"):
                accessor = field.get_accessor_name()
                if accessor is None or field.hidden or field.related_model is model and field.remote_field.model is not model:
                    continue
                if field.model is not model:
                    continue
                relations.append([accessor, field.related_model.__name__, kind(field)])
            else:
                relations.append([field.name, field.related_model.__name__, kind(field)])
        out[model.__name__] = {
            "table": meta.db_table,
            "fields": [[f.name, f.column, f.null, f.primary_key, bool(f.unique) and not f.primary_key] for f in meta.local_concrete_fields],
            "relations": sorted(relations),
        }
print(json.dumps(out, sort_keys=True))

"""What SQLAlchemy's mappers say about the models a module loads: per class, its table, column attributes (attribute ->
column) and relationships (name -> [target class, direction]), as one JSON object keyed by "file:Class".

usage: /usr/bin/python3 inventory_check.py PROJECT MODULE BASE_MODULE
"""
import importlib
import inspect
import json
import os
import sys

project, module, base_module = sys.argv[1:4]
sys.path.insert(0, project)
importlib.import_module(module)
Base = importlib.import_module(base_module).Base
kinds = {"MANYTOONE": "many-to-one", "ONETOMANY": "one-to-many", "MANYTOMANY": "many-to-many"}
out = {}
for mapper in Base.registry.mappers:
    cls = mapper.class_
    file = os.path.relpath(inspect.getsourcefile(cls), project)
    relations = {}
    for rel in mapper.relationships:
        kind = kinds[rel.direction.name]
        if not rel.uselist and kind != "many-to-many":
            kind = "one-to-one" if kind == "one-to-many" else kind
        relations[rel.key] = [rel.mapper.class_.__name__, kind]
    out["%s:%s" % (file, cls.__name__)] = {
        "table": mapper.local_table.fullname,
        "columns": {attr.key: attr.columns[0].name for attr in mapper.column_attrs},
        "relations": relations,
    }
print(json.dumps(out, sort_keys=True))

#!/usr/bin/env python3
"""The seed-001 baseline: fix imports with str.replace, as fix_imports.py in shared/seeds/001 does.

    python3 bench/naive_replace.py TREE MAP.json

IMPORT_MAP is built from the remodel map's `rewrite` entries the way the seed wrote it by hand:
a whole-module entry gives "from OLD import" -> "from NEW import"; a name-level entry (or a rename)
gives one "from OLD import Name" -> "from NEW import NewName" pair per name. Every .py file under
the map's import root is read, each pair is applied with str.replace, and the file is written back
if anything matched, printing one line per fixed file (like the seed).

It is deliberately no smarter than the seed: it misses `import a.b`, relative imports,
`from pkg import module`, strings, references to renamed names, and it breaks a from-import
that mixes moved and staying names. It exists to be timed; it must run on a scratch copy.
"""
import json
import sys
from pathlib import Path


def build_import_map(rewrite):
    import_map = {}
    for entry in rewrite:
        old, new = entry["from"], entry["to"]
        rename = entry.get("rename") or {}
        names = entry.get("names")
        if names is None and not rename:
            import_map[f"from {old} import"] = f"from {new} import"
            continue
        for name in names or rename:
            import_map[f"from {old} import {name}"] = f"from {new} import {rename.get(name, name)}"
        if names is None:  # the other names of a renamed whole-module move
            import_map.setdefault(f"from {old} import", f"from {new} import")
    return import_map


def fix_imports(file_path, import_map):
    with open(file_path, "r") as f:
        content = f.read()

    modified = False
    for old, new in import_map.items():
        if old in content:
            content = content.replace(old, new)
            modified = True

    if modified:
        with open(file_path, "w") as f:
            f.write(content)
        print(f"Fixed: {file_path}")
    return modified


def main(argv):
    if len(argv) != 3:
        print("usage: naive_replace.py TREE MAP.json", file=sys.stderr)
        return 2
    tree, map_file = Path(argv[1]), argv[2]
    with open(map_file) as f:
        import_map_file = json.load(f)
    roots = import_map_file.get("root", ".")
    roots = [roots] if isinstance(roots, str) else roots
    import_map = build_import_map(import_map_file.get("rewrite", []))
    for root in roots:
        for py_file in sorted((tree / root).rglob("*.py")):
            fix_imports(py_file, import_map)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Lists every import of an old module that survives in a tree, judged apart from remodel with Python's own `ast`.

usage: python3 old_references.py ROOT RULES.json
RULES.json: [{"from": "models.booking", "names": ["Booking"] | null, "package": false}, ...]
Prints `path:first_line:last_line` per import statement that still imports an old module (a whole-module entry:
the module, or a submodule of a package entry; a name-level entry: one of its names from the module). Files that
do not parse are skipped (remodel leaves them untouched and reports them).
"""
import ast
import json
import os
import sys


def module_of(root, path):
    rel = os.path.relpath(path, root)[:-3].replace(os.sep, ".")
    return rel[: -len(".__init__")] if rel.endswith(".__init__") else ("" if rel == "__init__" else rel)


def absolute(root, path, level, module):
    if level == 0:
        return module
    own = module_of(root, path)
    package = own if path.endswith("__init__.py") else own.rpartition(".")[0]
    parts = package.split(".") if package else []
    # climbing to or above the top-level package is an ImportError in Python
    if level - 1 >= len(parts):
        return None
    base = parts[: len(parts) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def covers(rule, module):
    old = rule["from"]
    if module == old:
        return True
    return bool(rule.get("package")) and module.startswith(old + ".")


def main():
    root, rules = sys.argv[1], json.load(open(sys.argv[2]))
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in (".git", "__pycache__", "node_modules")]
        for name in files:
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            try:
                tree = ast.parse(open(path, "rb").read())
            except (SyntaxError, ValueError):
                continue
            for node in ast.walk(tree):
                hit = False
                if isinstance(node, ast.Import):
                    hit = any(covers(rule, alias.name) and not rule.get("names") for rule in rules for alias in node.names)
                elif isinstance(node, ast.ImportFrom):
                    module = absolute(root, path, node.level, node.module or "")
                    if module is None:
                        continue
                    for rule in rules:
                        if rule.get("names"):
                            hit = hit or (module == rule["from"] and any(a.name in rule["names"] or a.name == "*" for a in node.names))
                        else:
                            hit = hit or covers(rule, module) or any(covers(rule, f"{module}.{a.name}") for a in node.names)
                if hit:
                    print(f"{os.path.relpath(path, root)}:{node.lineno}:{getattr(node, 'end_lineno', node.lineno)}")


main()

#!/usr/bin/env python3
"""Resolve what a Python file imports and compare two versions of it (bench/replay).

Used by bench/replay/run.js; plain standard library (ast), Python 3.8+.

  compare_imports.py refs  --tree T --root R [--root R2] --old MOD [--old MOD2] [--package] FILE...
      which FILEs (relative to T) reference an old module in BEFORE: an import that resolves to it
      (or, with --package, to a submodule), or a string constant that names it as a dotted token.
      Prints JSON {file: [reasons]} for the files that do.

  compare_imports.py compare --root R [--root R2] --prefix P [--prefix P2] < pairs.json
      pairs.json: [{"key": ..., "a": {"tree": ..., "path": ...}, "b": {"tree": ..., "path": ...}}]
      For each pair resolves, in both versions:
        imports    every import statement -> (module, name) ("name" None for `import a.b`,
                   "*" for star imports); relative imports resolved from the file's package
        bindings   (module, name, bound-as): what local name the import binds (aliases)
        uses       every load of a name bound by an import whose module starts with a PREFIX,
                   resolved to module.name (so a rename that missed a reference shows up)
        qualified  attribute chains through such bindings, resolved (`import a.b` + `a.b.c.X` -> a.b.c.X)
        strings    every occurrence of a PREFIX as a dotted token in a string constant (docstrings too),
                   with the rest of its line
      and prints JSON {key: {"equal": bool, "<kind>": {"only_a": [...], "only_b": [...]}}};
      with --rename OLD=NEW, "only_old_prefix": true when a differs from b only by still naming OLD.

  compare_imports.py exports --tree T --root R MODULE...
      the names each module offers to `from MODULE import X` (statically: __all__, else every public
      module-level binding, star imports followed inside the tree, module __getattr__ noted).
"""
import argparse
import ast
import json
import os
import re
import sys
from collections import Counter


def module_of(path, roots):
    """Dotted module name of a file path (relative to the tree) under the first root that contains it."""
    for root in roots:
        root = os.path.normpath(root)
        rel = os.path.normpath(path) if root == "." else None
        if rel is None:
            prefix = root + os.sep
            if not os.path.normpath(path).startswith(prefix):
                continue
            rel = os.path.normpath(path)[len(prefix):]
        if not rel.endswith(".py"):
            return None, False
        parts = rel[:-3].split(os.sep)
        is_pkg = parts[-1] == "__init__"
        if is_pkg:
            parts = parts[:-1]
        return ".".join(parts), is_pkg
    return None, False


def resolve_from(node, module, is_pkg):
    """Absolute module of an ImportFrom node."""
    if not node.level:
        return node.module or ""
    if module is None:
        return ("." * node.level) + (node.module or "")
    parts = module.split(".") if module else []
    if not is_pkg:
        parts = parts[:-1]
    if node.level > 1:
        parts = parts[: len(parts) - (node.level - 1)] if node.level - 1 <= len(parts) else []
    base = ".".join(parts)
    if node.module:
        return f"{base}.{node.module}" if base else node.module
    return base


def parse(text, path):
    try:
        return ast.parse(text, filename=path)
    except SyntaxError as error:
        return error


def under(name, prefixes):
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def token_re(prefixes):
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(p) for p in prefixes) + r")(?![\w])")


def facts(text, path, roots, prefixes):
    tree = parse(text, path)
    if isinstance(tree, SyntaxError):
        return {"error": f"{path}: {tree}"}
    module, is_pkg = module_of(path, roots)
    imports, bindings = Counter(), Counter()
    bound = {}  # local name -> dotted path it stands for (only for modules under a prefix)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                imports[(alias.name, None)] += 1
                if alias.asname:
                    bindings[(alias.name, None, alias.asname)] += 1
                    if under(alias.name, prefixes):
                        bound[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    bindings[(alias.name, None, top)] += 1
                    if any(p.split(".")[0] == top for p in prefixes):
                        bound[top] = top
        elif isinstance(node, ast.ImportFrom):
            source = resolve_from(node, module, is_pkg)
            for alias in node.names:
                imports[(source, alias.name)] += 1
                if alias.name != "*":
                    local = alias.asname or alias.name
                    bindings[(source, alias.name, local)] += 1
                    if under(source, prefixes) or under(f"{source}.{alias.name}", prefixes):
                        bound[local] = f"{source}.{alias.name}"
    uses, qualified, strings = Counter(), Counter(), Counter()
    pattern = token_re(prefixes) if prefixes else None
    # attribute chains: take the outermost Attribute of each chain rooted at a bound Name
    inner = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
            inner.add(id(node.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and id(node) not in inner:
            chain, cur = [], node
            while isinstance(cur, ast.Attribute):
                chain.append(cur.attr)
                cur = cur.value
            if isinstance(cur, ast.Name) and cur.id in bound:
                dotted = ".".join([bound[cur.id]] + list(reversed(chain)))
                if under(dotted, prefixes):
                    qualified[dotted] += 1
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in bound:
            target = bound[node.id]
            if under(target, prefixes) and node.id != target.split(".")[0]:
                uses[target] += 1
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and pattern and pattern.search(node.value):
            # one entry per occurrence: the dotted name with the text around it on its line
            for match in pattern.finditer(node.value):
                start = node.value.rfind("\n", 0, match.start()) + 1
                end = node.value.find("\n", match.end())
                line = node.value[start : end if end >= 0 else len(node.value)].strip()
                strings[line if len(line) <= 200 else line[:197] + "..."] += 1
    return {"imports": imports, "bindings": bindings, "uses": uses, "qualified": qualified, "strings": strings}


def show(item):
    if isinstance(item, tuple):
        module, name = item[0], item[1]
        text = f"import {module}" if name is None else f"from {module} import {name}"
        if len(item) > 2:
            text += f" (bound as {item[2]})"
        return text
    return item


def diff(a, b):
    out = {}
    for kind in ("imports", "bindings", "uses", "qualified", "strings"):
        ca, cb = a[kind], b[kind]
        if kind == "imports":  # compared as sets (DESIGN: one statement may be split or merged)
            only_a = sorted((show(k) for k in set(ca) - set(cb)), key=str)
            only_b = sorted((show(k) for k in set(cb) - set(ca)), key=str)
        else:  # multisets: a missed occurrence counts
            only_a = sorted(f"{show(k)} x{n}" if n > 1 else show(k) for k, n in (ca - cb).items())
            only_b = sorted(f"{show(k)} x{n}" if n > 1 else show(k) for k, n in (cb - ca).items())
        if only_a or only_b:
            out[kind] = {"only_a": only_a, "only_b": only_b}
    return out


def rename_text(text, pairs):
    for old, new in pairs:
        text = re.sub(r"(?<![\w.])" + re.escape(old) + r"(?![\w])", new, text)
    return text


def renamed(f, pairs):
    def one(item):
        if isinstance(item, tuple):
            return tuple(rename_text(x, pairs) if isinstance(x, str) else x for x in item)
        return rename_text(item, pairs)

    out = {}
    for kind, counter in f.items():
        c = Counter()
        for k, n in counter.items():
            c[one(k)] += n
        out[kind] = c
    return out


def read(tree, path):
    full = os.path.join(tree, path)
    if not os.path.exists(full):
        return None
    with open(full, encoding="utf-8", errors="surrogateescape") as handle:
        return handle.read()


def cmd_compare(args):
    pairs = json.load(sys.stdin)
    result = {}
    for pair in pairs:
        texts = [read(side["tree"], side["path"]) for side in (pair["a"], pair["b"])]
        if any(t is None for t in texts):
            result[pair["key"]] = {"equal": False, "missing": [s["path"] for s, t in zip((pair["a"], pair["b"]), texts) if t is None]}
            continue
        fa = facts(texts[0], pair["a"]["path"], args.root, args.prefix)
        fb = facts(texts[1], pair["b"]["path"], args.root, args.prefix)
        if "error" in fa or "error" in fb:
            result[pair["key"]] = {"equal": False, "error": [f.get("error") for f in (fa, fb) if "error" in f]}
            continue
        d = diff(fa, fb)
        entry = {"equal": not d, "same_text": texts[0] == texts[1]}
        entry.update(d)
        if d and args.rename:
            # would a's facts equal b's if every old prefix had been rewritten? then a simply kept the old module
            pairs_ = [r.split("=", 1) for r in args.rename]
            entry["only_old_prefix"] = not diff(renamed(fa, pairs_), fb)
        result[pair["key"]] = entry
    json.dump(result, sys.stdout, indent=1, sort_keys=True)


def cmd_refs(args):
    pattern = token_re(args.old)
    out = {}
    for path in args.files:
        text = read(args.tree, path)
        if text is None:
            continue
        tree = parse(text, path)
        if isinstance(tree, SyntaxError):
            out[path] = ["syntax-error"]
            continue
        module, is_pkg = module_of(path, args.root)
        matches = (lambda m: under(m, args.old)) if args.package else (lambda m: m in args.old)
        reasons = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                if any(matches(a.name) or (not args.package and any(a.name.startswith(o + ".") for o in args.old)) for a in node.names):
                    reasons.add("import")
            elif isinstance(node, ast.ImportFrom):
                source = resolve_from(node, module, is_pkg)
                if matches(source) or any(matches(f"{source}.{a.name}") for a in node.names):
                    reasons.add("import")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and pattern.search(node.value):
                reasons.add("string")
        if reasons:
            out[path] = sorted(reasons)
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


def module_file(tree, roots, module):
    for root in roots:
        base = os.path.join(tree, root, *module.split("."))
        for candidate in (base + ".py", os.path.join(base, "__init__.py")):
            if os.path.exists(candidate):
                return os.path.relpath(candidate, tree)
    return None


def exports(tree_dir, roots, module, seen=None):
    seen = seen or set()
    if module in seen:
        return set(), []
    seen.add(module)
    path = module_file(tree_dir, roots, module)
    if path is None:
        return set(), [f"{module}: no file"]
    text = read(tree_dir, path)
    tree = parse(text, path)
    if isinstance(tree, SyntaxError):
        return set(), [f"{module}: {tree}"]
    mod, is_pkg = module_of(path, roots)
    names, notes = set(), []
    explicit = None
    for node in tree.body:
        targets = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            targets = [node.name]
            if node.name == "__getattr__":
                notes.append(f"{module}: module __getattr__ (names beyond these may resolve dynamically)")
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    targets.append(t.id)
                    if t.id == "__all__" and isinstance(node.value, (ast.List, ast.Tuple)):
                        explicit = [e.value for e in node.value.elts if isinstance(e, ast.Constant)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            targets = [node.target.id]
        elif isinstance(node, ast.Import):
            targets = [a.asname or a.name.split(".")[0] for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = resolve_from(node, mod, is_pkg)
            for a in node.names:
                if a.name == "*":
                    sub, subnotes = exports(tree_dir, roots, source, seen)
                    names |= sub
                    notes += subnotes
                else:
                    targets.append(a.asname or a.name)
        names |= {t for t in targets if not t.startswith("_")}
    if explicit is not None:
        return set(explicit), notes
    return names, notes


def cmd_exports(args):
    out = {}
    for module in args.modules:
        names, notes = exports(args.tree, args.root, module)
        out[module] = {"names": sorted(names), "notes": notes}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    refs = sub.add_parser("refs")
    refs.add_argument("--tree", required=True)
    refs.add_argument("--root", action="append", required=True)
    refs.add_argument("--old", action="append", required=True)
    refs.add_argument("--package", action="store_true")
    refs.add_argument("files", nargs="*")
    compare = sub.add_parser("compare")
    compare.add_argument("--root", action="append", required=True)
    compare.add_argument("--prefix", action="append", default=[])
    compare.add_argument("--rename", action="append", default=[], help="OLD=NEW: flag pairs whose only difference is OLD kept")
    exp = sub.add_parser("exports")
    exp.add_argument("--tree", required=True)
    exp.add_argument("--root", action="append", required=True)
    exp.add_argument("modules", nargs="+")
    args = parser.parse_args()
    if args.cmd == "refs" and not args.files:
        args.files = [line.strip() for line in sys.stdin if line.strip()]
    {"refs": cmd_refs, "compare": cmd_compare, "exports": cmd_exports}[args.cmd](args)


if __name__ == "__main__":
    main()

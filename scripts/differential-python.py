#!/usr/bin/env python3
"""Differential test of Stele's Python import reader against Python's own `ast` module.

For every .py file of a tree (Django 5.1.4 from PyPI by default), parse it with `ast`, find every
import the way grimp (import-linter's engine) does, resolve each to the module it imports, and
compare with `stele scan --format json` on the same tree:

  * a file's module: its dotted path below the directory of its top `__init__.py` package
    (`django/db/models/base.py` -> `django.db.models.base`, `__init__.py` -> the package);
  * `import a.b` -> `a.b`; `from a.b import c` -> `a.b.c` when that is a module or package of the
    tree, else `a.b`; `from . import x` / `from ..a import b` against the file's package;
    `from a import *` -> `a`; an internal module down to the deepest part that exists, an external
    one by its first part (grimp's squashing); `importlib.import_module("lit")`, `import_module("lit")`
    and `__import__("lit")` as `import lit` (dynamic), any other such call ambiguous;
  * an import in the body of `if TYPE_CHECKING:` / `if x.TYPE_CHECKING:` is type-only;
  * one import per (line, module) of a file.

Every (line, module, type-only, dynamic) that `ast` sees must be in Stele's scan, and nothing else.

Usage: scripts/differential-python.py [--stele .build/release/stele] [--tree DIR]
         (default tree: Django 5.1.4's wheel, downloaded with pip into /tmp/stele-python/django)
       scripts/differential-python.py selftest [STELE]   (known answers, and one real file through
                                                          ast and Stele; CI runs it)
Exit status 1 on any mismatch.
"""
import argparse, ast, json, os, re, subprocess, sys, tempfile, time


def module_names(root):
    """path (relative) -> dotted module, for every .py file: the __init__.py chain."""
    names = {}
    for directory, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.relpath(os.path.join(directory, name), root)
            parts = path[:-3].split(os.sep)
            base = len(parts) - 1
            while base > 0 and os.path.exists(os.path.join(root, *parts[:base], "__init__.py")):
                base -= 1
            mod = parts[base:]
            if mod[-1] == "__init__":
                mod = mod[:-1]
            if mod and all(re.fullmatch(r"\w+", p) for p in mod):
                names[path.replace(os.sep, "/")] = ".".join(mod)
    return names


def is_type_checking(test):
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
           (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING" and isinstance(test.value, ast.Name))


def dynamic_name(call):
    f = call.func
    if isinstance(f, ast.Name) and f.id in ("__import__", "import_module"):
        return True
    return isinstance(f, ast.Attribute) and f.attr == "import_module" and isinstance(f.value, ast.Name) and f.value.id == "importlib"


def ast_imports(source, module, is_package, known, top_level):
    """[(line, module, type_only, dynamic)] and the count of ambiguous dynamic imports."""
    tree = ast.parse(source)
    found, seen, ambiguous = [], set(), 0
    package = module.split(".") if is_package else module.split(".")[:-1]

    def resolve(target):
        if target[0] in top_level:
            while len(target) > 1 and ".".join(target) not in known:
                target = target[:-1]
            return ".".join(target)
        return target[0]

    def add(line, target, type_only, dynamic):
        key = (line, resolve(target))
        if key not in seen:
            seen.add(key)
            found.append((line, key[1], type_only, dynamic))

    def visit(node, type_only):
        nonlocal ambiguous
        if isinstance(node, ast.If) and is_type_checking(node.test):
            for child in node.body:
                visit(child, True)
            for child in node.orelse:
                visit(child, type_only)
            visit(node.test, type_only)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(node.lineno, alias.name.split("."), type_only, False)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level - 1 >= len(package):
                    ambiguous += 1
                    return
                base = package[:len(package) - (node.level - 1)]
            else:
                base = []
            base = base + (node.module.split(".") if node.module else [])
            for alias in node.names:
                if alias.name != "*" and ".".join(base + [alias.name]) in known:
                    add(node.lineno, base + [alias.name], type_only, False)
                else:
                    add(node.lineno, base, type_only, False)
        elif isinstance(node, ast.Call) and dynamic_name(node):
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value and not arg.value.startswith(".") \
                    and not node.keywords and len(node.args) >= 1:
                add(node.lineno, [p for p in arg.value.split(".") if p], type_only, True)
            else:
                ambiguous += 1
        for child in ast.iter_child_nodes(node):
            visit(child, type_only)

    visit(tree, False)
    return found, ambiguous


def stele_imports(file):
    return [(i["line"], i["module"], "type-only" in i["attributes"], "dynamic" in i["attributes"]) for i in file["imports"]]


def compare(tree, stele):
    names = module_names(tree)
    known = set()
    for m in names.values():
        parts = m.split(".")
        for k in range(1, len(parts) + 1):
            known.add(".".join(parts[:k]))
    top_level = {m.split(".")[0] for m in known}
    started = time.time()
    scan = subprocess.run([stele, "scan", tree, "--format", "json", "--no-cache"], capture_output=True, text=True)
    elapsed = time.time() - started
    if scan.returncode != 0:
        print(scan.stderr)
        return None
    files = {f["path"]: f for f in json.loads(scan.stdout)["files"] if f["language"] == "python" and f["path"].endswith(".py")}
    totals = dict(files=0, imports=0, matched=0, missing=0, extra=0, module_mismatch=0, ambiguous_ast=0, ambiguous_stele=0,
                  type_only=0, dynamic=0)
    problems = []
    for path in sorted(names):
        with open(os.path.join(tree, path), "rb") as f:
            source = f.read()
        try:
            expected, ambiguous = ast_imports(source, names[path], path.endswith("__init__.py"), known, top_level)
        except SyntaxError as e:
            problems.append(f"{path}: ast cannot parse it ({e}); skipped")
            continue
        totals["files"] += 1
        file = files.get(path)
        if file is None:
            problems.append(f"{path}: not in Stele's scan")
            totals["missing"] += len(expected)
            continue
        if file["module"] != names[path]:
            totals["module_mismatch"] += 1
            problems.append(f"{path}: module {file['module']} in Stele, {names[path]} by ast")
        got = stele_imports(file)
        totals["imports"] += len(expected)
        totals["ambiguous_ast"] += ambiguous
        totals["ambiguous_stele"] += len(file.get("unresolvedImports", []))
        totals["type_only"] += sum(1 for e in expected if e[2])
        totals["dynamic"] += sum(1 for e in expected if e[3])
        for e in expected:
            if e in got:
                totals["matched"] += 1
            else:
                totals["missing"] += 1
                problems.append(f"{path}:{e[0]}: ast sees {e[1]} (type-only {e[2]}, dynamic {e[3]}); Stele does not")
        for g in got:
            if g not in expected:
                totals["extra"] += 1
                problems.append(f"{path}:{g[0]}: Stele sees {g[1]} (type-only {g[2]}, dynamic {g[3]}); ast does not")
    if totals["ambiguous_ast"] != totals["ambiguous_stele"]:
        problems.append(f"ambiguous dynamic imports: ast {totals['ambiguous_ast']}, Stele {totals['ambiguous_stele']}")
    return totals, problems, elapsed


def selftest(stele):
    failed = 0
    cases = [
        ("import a.b as c, d\nimport pkg.sub.gone\n", "m", False, [(1, "a", False, False), (1, "d", False, False), (2, "pkg.sub", False, False)]),
        ("from pkg import sub, name\n", "pkg.m", False, [(1, "pkg.sub", False, False), (1, "pkg", False, False)]),
        ("from . import sub\nfrom .. import x\n", "pkg.inner", True, [(1, "pkg.inner.sub", False, False), (2, "pkg", False, False)]),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.sub\nelse:\n    import os\n", "pkg.m", False,
         [(1, "typing", False, False), (3, "pkg.sub", True, False), (5, "os", False, False)]),
        ("import importlib\nimportlib.import_module('pkg.sub')\n__import__(name)\n", "pkg.m", False,
         [(1, "importlib", False, False), (2, "pkg.sub", False, True)]),
        ("s = 'import nope'\n'''\nimport nope\n'''\n# import nope\n", "m", False, []),
    ]
    known = {"pkg", "pkg.sub", "pkg.m", "pkg.inner", "pkg.inner.sub", "m"}
    for i, (source, module, is_package, want) in enumerate(cases):
        got, _ = ast_imports(source, module, is_package, known, {"pkg", "m"})
        if got != want:
            failed += 1
            print(f"selftest case {i}: got {got}, want {want}")
    with tempfile.TemporaryDirectory() as tree:
        os.makedirs(os.path.join(tree, "app", "core"))
        for path, text in [
            ("app/__init__.py", ""),
            ("app/core/__init__.py", "from . import models\n"),
            ("app/core/models.py", 'from __future__ import annotations\nimport typing\nif typing.TYPE_CHECKING:\n    from ..core import views\n'
                                   'def f():\n    from app import core, gone\n    return f"{x[\'import y\']}"\n'
                                   'x = """\nimport hidden\n"""\nimportlib.import_module("json")\n'),
            ("app/core/views.py", "from .models import (\n    f,  # comment\n)\nfrom app.core.models import *\n"),
        ]:
            with open(os.path.join(tree, path), "w") as f:
                f.write(text)
        result = compare(tree, stele)
        if result is None or result[1] or result[0]["imports"] != 9:
            failed += 1
            print(f"selftest real tree: {result}")
    print(f"selftest: {len(cases) + 1 - failed} passed, {failed} failed")
    return 1 if failed else 0


def main():
    if sys.argv[1:2] == ["selftest"]:
        stele = sys.argv[2] if len(sys.argv) > 2 else ".build/debug/stele"
        sys.exit(selftest(os.path.abspath(stele)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--stele", default=".build/release/stele" if os.path.exists(".build/release/stele") else ".build/debug/stele")
    ap.add_argument("--tree", default="", help="a Python tree (default: Django 5.1.4, downloaded)")
    args = ap.parse_args()
    tree = args.tree
    if not tree:
        tree = "/tmp/stele-python/django"
        if not os.path.isdir(os.path.join(tree, "django")):
            os.makedirs("/tmp/stele-python/dl", exist_ok=True)
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "django==5.1.4", "--no-deps", "-d", "/tmp/stele-python/dl"], check=True)
            wheel = [f for f in os.listdir("/tmp/stele-python/dl") if f.lower().startswith("django-5.1.4") and f.endswith(".whl")][0]
            subprocess.run(["unzip", "-q", "-o", os.path.join("/tmp/stele-python/dl", wheel), "-d", tree], check=True)
    result = compare(os.path.abspath(tree), os.path.abspath(args.stele))
    if result is None:
        sys.exit(1)
    totals, problems, elapsed = result
    for p in problems[:200]:
        print(p)
    print(f"files {totals['files']}, imports {totals['imports']} (type-only {totals['type_only']}, dynamic {totals['dynamic']}), "
          f"matched {totals['matched']}, missing {totals['missing']}, extra {totals['extra']}, "
          f"module mismatches {totals['module_mismatch']}, ambiguous dynamic ast {totals['ambiguous_ast']} / Stele {totals['ambiguous_stele']}; "
          f"stele scan {elapsed:.2f} s")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Differential test of Stele's Java and Kotlin header reader against the compilers' own parsers.

Java: javac's tree API (`JavacTask.parse()`, scripts/JavaImports.java, run by the JDK's
single-file launcher); Kotlin: the Kotlin compiler's PSI (scripts/KotlinImports.kt, built against
the `kotlin-compiler.jar` of Debian's `kotlin` package). For every file of a tree, each gives the
`package` clause and every import (line, dotted name as written with `.*` for an import on demand,
static or not); `stele scan --format json` on the same tree must give the same: the file's module
is its package (none for the unnamed package), and its imports (resolved or not) have the same
line, `path` and `static` attribute. Counted: files, imports, matches, missing (the compiler's,
not Stele's), extra (Stele's, not the compiler's), package mismatches; and of the imports of a type
the tree declares (a file `Name.java` or `Name.kt` in a package, by the compiler), how many Stele
names by that package.

Usage: scripts/differential-jvm.py java TREE [STELE]     (javac on every .java file)
       scripts/differential-jvm.py kotlin TREE [STELE]   (the Kotlin PSI on every .kt and .kts file)
       scripts/differential-jvm.py selftest [STELE]      (known answers through javac and Stele; CI runs it)
Exit status 1 on any mismatch.
"""
import json, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
KOTLIN_LIB = "/usr/share/kotlin/kotlinc/lib"


def compiler_java(tree, paths):
    out = subprocess.run(["java", os.path.join(HERE, "JavaImports.java"), tree, "-"], input="\n".join(paths),
                         capture_output=True, text=True, check=True).stdout
    result = {}
    for line in out.splitlines():
        one = json.loads(line)
        result[one["path"]] = (one["package"], sorted((i["line"], i["name"], i["static"]) for i in one["imports"]))
    return result


def compiler_kotlin(tree, paths):
    build = os.path.join(tempfile.gettempdir(), "stele-kotlin-imports")
    jars = [os.path.join(KOTLIN_LIB, j) for j in ["kotlin-compiler.jar", "trove4j.jar", "kotlin-stdlib.jar", "kotlin-reflect.jar",
                                                  "kotlin-script-runtime.jar", "annotations-13.0.jar"]]
    source = os.path.join(HERE, "KotlinImports.kt")
    if not os.path.exists(os.path.join(build, "KotlinImportsKt.class")) or \
            os.path.getmtime(source) > os.path.getmtime(os.path.join(build, "KotlinImportsKt.class")):
        subprocess.run(["kotlinc", source, "-cp", jars[0], "-d", build], check=True, capture_output=True)
    out = subprocess.run(["java", "-cp", ":".join([build] + jars), "KotlinImportsKt", tree], input="\n".join(paths),
                         capture_output=True, text=True, check=True).stdout
    result = {}
    for line in out.splitlines():
        one = json.loads(line)
        result[one["path"]] = (one["package"] or None, sorted((i["line"], i["name"], False) for i in one["imports"]))
    return result


def stele_scan(tree, stele):
    started = time.time()
    out = subprocess.run([stele, "scan", tree, "--format", "json"], capture_output=True, text=True, check=True).stdout
    elapsed = time.time() - started
    result = {}
    for f in json.loads(out)["files"]:
        if f["language"] not in ("java", "kotlin"):
            continue
        imports = [(i["line"], i["path"], "static" in i["attributes"]) for i in f["imports"] + f["unresolvedImports"]]
        result[f["path"]] = (f["module"], sorted(imports))
    return result, elapsed


def stele_resolved(tree, stele):
    """path -> [(line, import as written, the package Stele names)]."""
    out = subprocess.run([stele, "scan", tree, "--format", "json"], capture_output=True, text=True, check=True).stdout
    return {f["path"]: [(i["line"], i["path"], i["module"]) for i in f["imports"]]
            for f in json.loads(out)["files"] if f["language"] in ("java", "kotlin")}


def compare(tree, stele, language):
    extensions = (".java",) if language == "java" else (".kt", ".kts")
    paths = []
    for directory, dirs, files in os.walk(tree):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(extensions):
                paths.append(os.path.relpath(os.path.join(directory, name), tree))
    started = time.time()
    want = (compiler_java if language == "java" else compiler_kotlin)(tree, paths)
    compiler_seconds = time.time() - started
    got, stele_seconds = stele_scan(tree, stele)
    counts = {"files": len(want), "imports": 0, "matches": 0, "missing": 0, "extra": 0, "package mismatches": 0}
    problems = []
    for path, (package, imports) in sorted(want.items()):
        module, found = got.get(path, (None, []))
        counts["imports"] += len(imports)
        if module != package:
            counts["package mismatches"] += 1
            problems.append(f"{path}: package {package!r}, Stele's module {module!r}")
        left = list(found)
        for one in imports:
            if one in left:
                left.remove(one)
                counts["matches"] += 1
            else:
                counts["missing"] += 1
                problems.append(f"{path}:{one[0]}: missing {one}")
        for one in left:
            counts["extra"] += 1
            problems.append(f"{path}:{one[0]}: extra {one}")
    # Resolution: an import of a type the tree declares (a file `P/Name.java` in package P, by the
    # compiler) must name P: the longest prefix of the import that is such a package, followed by
    # the type's name or `*`.
    declared = {}
    for path, (package, _) in want.items():
        if package:
            declared.setdefault(package, set()).add(os.path.basename(path).rsplit(".", 1)[0])
    counts["imports of the tree's types"] = counts["named by their package"] = 0
    resolved = stele_resolved(tree, stele)
    for path, imports in resolved.items():
        for line, written, module in imports:
            parts = written.split(".")
            truth = next((".".join(parts[:k]) for k in range(len(parts) - 1, 0, -1)
                          if ".".join(parts[:k]) in declared and (parts[k] == "*" or parts[k] in declared[".".join(parts[:k])])), None)
            if truth is None:
                continue
            counts["imports of the tree's types"] += 1
            if module == truth:
                counts["named by their package"] += 1
            else:
                problems.append(f"{path}:{line}: `{written}` named {module!r}, its package is {truth!r}")
    counts["compiler seconds"] = round(compiler_seconds, 1)
    counts["stele scan seconds"] = round(stele_seconds, 2)
    return counts, problems


def selftest(stele):
    """Every form of the header, in files whose answers are known, through javac and Stele."""
    cases = {
        "a/Plain.java": ("package a.b;\nimport java.util.List;\nimport java.util.*;\nimport static java.lang.Math.max;\n"
                         "import static java.lang.Math.*;\nclass Plain {}\n",
                         ("a.b", [(2, "java.util.List", False), (3, "java.util.*", False), (4, "java.lang.Math.max", True),
                                  (5, "java.lang.Math.*", True)])),
        "a/Odd.java": ("/* import no.Comment; /* */ @Deprecated\npackage\n  a . c ;\n// import no.Line;\nimport java\n .util /* x */ . Map;\n"
                       ";;import c.d.E.F;\nclass Odd { String s = \"\"\"\n  import no.Block;\n  \\\"\"\" \"\"\"; char c = '\\'';\n}\n",
                       ("a.c", [(5, "java.util.Map", False), (7, "c.d.E.F", False)])),
        "Unnamed.java": ("import java.io.File;\nclass Unnamed {}\nimport java.no.Later;\n", (None, [(1, "java.io.File", False)])),
        "module-info.java": ("import java.util.List;\nmodule m { requires java.base; }\n", (None, [(1, "java.util.List", False)])),
    }
    failed = 0
    with tempfile.TemporaryDirectory() as tree:
        for path, (text, _) in cases.items():
            os.makedirs(os.path.join(tree, os.path.dirname(path)), exist_ok=True)
            with open(os.path.join(tree, path), "w") as f:
                f.write(text)
        want = compiler_java(tree, list(cases))
        got, _ = stele_scan(tree, stele)
        for path, (_, known) in cases.items():
            if want.get(path) != known:
                failed += 1
                print(f"selftest: javac reads {path} as {want.get(path)}, the known answer is {known}")
            if got.get(path) != known:
                failed += 1
                print(f"selftest: Stele reads {path} as {got.get(path)}, the known answer is {known}")
    print(f"selftest: {len(cases)} files, {sum(len(k[1]) for _, k in cases.values())} imports, {failed} failures")
    return failed == 0


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "selftest":
        stele = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".build/debug/stele")
        sys.exit(0 if selftest(stele) else 1)
    if len(sys.argv) < 3 or sys.argv[1] not in ("java", "kotlin"):
        print(__doc__)
        sys.exit(2)
    stele = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else ".build/debug/stele")
    counts, problems = compare(os.path.abspath(sys.argv[2]), stele, sys.argv[1])
    for line in problems[:60]:
        print(line)
    print(json.dumps(counts))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

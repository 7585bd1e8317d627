#!/usr/bin/env python3
"""Checks what `stele init` promises on a real tree: right after it, `stele check` passes, and
turning any one real import between two layered modules around makes it fail.

    scripts/init-reversal.py ROOT [STELE]

ROOT is a repository with no `rules/architecture.stele` yet (it is written there: use a copy, e.g.
`git archive --remote=https://github.com/vapor/vapor 4.122.3 | tar -x -C /tmp/vapor`). For every
module A that imports module B (both in a layer), a file importing A is added to B's directory,
`stele check` must fail, and the file is removed again. Prints the counts; exit 1 on any miss.
"""
import json
import os
import subprocess
import sys


def run(stele, *args, cwd):
    return subprocess.run([stele, *args], cwd=cwd, capture_output=True, text=True)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    root = os.path.abspath(sys.argv[1])
    stele = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else "stele"
    init = run(stele, "init", ".", cwd=root)
    if init.returncode != 0:
        print(init.stderr)
        return 1
    check = run(stele, "check", ".", cwd=root)
    if check.returncode != 0:
        print("stele check fails right after init:\n" + check.stdout + check.stderr)
        return 1

    # The layered modules, from the comments init wrote.
    layered = set()
    with open(os.path.join(root, "rules/architecture.stele")) as f:
        for line in f:
            if line.startswith("# layer "):
                modules = line.split(":", 1)[1].split("=")[-1]
                layered.update(m.strip() for m in modules.split(","))
    scan = json.loads(run(stele, "scan", ".", "--format", "json", cwd=root).stdout)
    directories = {m["name"]: m["directory"] for m in scan["modules"]}
    edges = set()
    for f in scan["files"]:
        a = f.get("module")
        if a not in layered:
            continue
        for i in f["imports"]:
            b = i["module"]
            if b in layered and b != a:
                edges.add((a, b))

    missed = []
    for a, b in sorted(edges):
        probe = os.path.join(root, directories[b], "SteleInitReversalProbe.swift")
        with open(probe, "w") as out:
            out.write("import %s\n" % a)
        try:
            result = run(stele, "check", ".", cwd=root)
        finally:
            os.remove(probe)
        if result.returncode != 1:
            missed.append((a, b))
    print("%s: %d layered modules, %d imports between them, %d turned around: %d failed the check, %d did not"
          % (os.path.basename(root), len(layered), len(edges), len(edges), len(edges) - len(missed), len(missed)))
    for a, b in missed:
        print("  not caught: %s imports %s" % (b, a))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

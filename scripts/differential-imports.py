#!/usr/bin/env python3
"""Differential test of Stele's Swift import scanner against the compiler.

For every Swift package copy on this machine (/opt/swift-packages/OWNER/NAME.git, newest tag), export
the tree, run `stele scan --format json` on it, and for every .swift file ask the compiler which
modules it imports:  swiftc -frontend -emit-imported-modules FILE -o -

Pass criteria (per file):
  * every module the compiler reports is in Stele's scan of that file (no misses), and
  * every extra module Stele reports is under an #if branch (it carries a condition), i.e. one the
    compiler considered inactive on this platform.

Usage: scripts/differential-imports.py [--stele .build/release/stele] [--packages N] [--work DIR] [--jobs 2]
       scripts/differential-imports.py selftest [STELE]   (the comparison on known answers, and one
                                                            real file through swiftc and Stele; CI runs it)
Exit status 1 when any file misses an import or has an unconditional extra.
"""
import argparse, concurrent.futures, glob, json, os, re, shutil, subprocess, sys


def newest_tag(repo):
    tags = subprocess.run(["git", "-C", repo, "tag"], capture_output=True, text=True).stdout.split()
    def key(t):
        return [int(x) if x.isdigit() else -1 for x in re.split(r"[.\-]", t.lstrip("v"))]
    tags = [t for t in tags if re.match(r"^v?\d+(\.\d+)*$", t)]
    return max(tags, key=key) if tags else None


def export(repo, tag, dest):
    owner_name = "/".join(repo.rstrip("/").split("/")[-2:])[:-len(".git")]
    os.makedirs(dest, exist_ok=True)
    archive = subprocess.run(["git", "archive", f"--remote=https://github.com/{owner_name}", tag], capture_output=True)
    if archive.returncode != 0:
        archive = subprocess.run(["git", "-C", repo, "archive", tag], capture_output=True)
    subprocess.run(["tar", "-x", "-C", dest], input=archive.stdout, check=True)


def compiler_imports(path):
    r = subprocess.run(["swiftc", "-frontend", "-emit-imported-modules", path, "-o", "-"], capture_output=True, text=True)
    if r.returncode != 0:
        return None
    return {line.strip().split(".")[0] for line in r.stdout.splitlines() if line.strip()}


def compare(expected, imports):
    """One file: the compiler's modules against Stele's imports (each with its #if conditions).
    Returns (matched, missing, extra under #if, extra without a condition), sorted."""
    found = {}
    for imp in imports:
        found.setdefault(imp["module"], []).append(imp["conditions"])
    matched = sorted(m for m in expected if m in found)
    missing = sorted(m for m in expected if m not in found)
    extra = sorted(set(found) - set(expected))
    conditional = [m for m in extra if all(conditions for conditions in found[m])]
    unconditional = [m for m in extra if m not in conditional]
    return matched, missing, conditional, unconditional


def selftest(stele):
    """The comparison on known answers, then one real file through both the compiler and Stele:
    a file whose inactive #if branch imports a module the compiler does not see."""
    failed = 0
    cases = [
        ({"Foundation"}, [{"module": "Foundation", "conditions": []}], (["Foundation"], [], [], [])),
        ({"Foundation", "NIO"}, [{"module": "Foundation", "conditions": []}], (["Foundation"], ["NIO"], [], [])),
        ({"Foundation"}, [{"module": "Foundation", "conditions": []}, {"module": "UIKit", "conditions": ["os(iOS)"]}],
         (["Foundation"], [], ["UIKit"], [])),
        (set(), [{"module": "Glibc", "conditions": []}], ([], [], [], ["Glibc"])),
        ({"A"}, [{"module": "A", "conditions": ["X"]}, {"module": "A", "conditions": []}], (["A"], [], [], [])),
    ]
    for i, (expected, imports, want) in enumerate(cases):
        got = tuple(compare(expected, imports))
        if got != want:
            failed += 1
            print(f"selftest compare {i}: got {got}, want {want}")
    import tempfile
    with tempfile.TemporaryDirectory() as tree:
        path = os.path.join(tree, "a.swift")
        with open(path, "w") as f:
            f.write("import Foundation\n#if os(Windows)\nimport WinSDK\n#endif\n// import Hidden\nlet s = \"import Nope\"\n")
        expected = compiler_imports(path)
        scan = subprocess.run([stele, "scan", tree, "--format", "json"], capture_output=True, text=True)
        imports = json.loads(scan.stdout)["files"][0]["imports"] if scan.returncode == 0 else []
        got = tuple(compare(expected or set(), imports))
        if expected is None or got[1] or got[3] or got[2] != ["WinSDK"] or "Foundation" not in got[0]:
            failed += 1
            print(f"selftest real file: compiler {sorted(expected or [])}, stele {[i['module'] for i in imports]}, compared {got}")
    print(f"selftest: {len(cases) + 1 - failed} passed, {failed} failed")
    return 1 if failed else 0


def main():
    if sys.argv[1:2] == ["selftest"]:
        stele = sys.argv[2] if len(sys.argv) > 2 else ".build/debug/stele"
        sys.exit(selftest(os.path.abspath(stele)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--stele", default=".build/release/stele" if os.path.exists(".build/release/stele") else ".build/debug/stele")
    ap.add_argument("--packages", type=int, default=0, help="at most this many packages (0: all)")
    ap.add_argument("--work", default="/tmp/stele-differential")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    stele = os.path.abspath(args.stele)

    repos = sorted(glob.glob("/opt/swift-packages/*/*.git"))
    if args.packages:
        repos = repos[: args.packages]
    totals = dict(packages=0, files=0, compiler_failed=0, compiler_imports=0, matched=0, missing=0,
                  extra_conditional=0, extra_unconditional=0)
    problems = []
    for repo in repos:
        tag = newest_tag(repo)
        if not tag:
            continue
        name = "/".join(repo.split("/")[-2:])[:-4]
        dest = os.path.join(args.work, name.replace("/", "__"))
        if not os.path.isdir(dest):
            try:
                export(repo, tag, dest)
            except subprocess.CalledProcessError:
                print(f"skip {name}: cannot export {tag}", file=sys.stderr)
                continue
        scan = subprocess.run([stele, "scan", dest, "--format", "json"], capture_output=True, text=True)
        if scan.returncode != 0:
            problems.append(f"{name}: stele scan exited {scan.returncode}: {scan.stderr[:300]}")
            continue
        try:
            facts = {f["path"]: f for f in json.loads(scan.stdout)["files"] if f["language"] == "swift"}
        except (ValueError, KeyError) as error:
            problems.append(f"{name}: stele scan printed no valid JSON: {error}")
            continue
        totals["packages"] += 1
        paths = sorted(facts)
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            compiled = dict(zip(paths, pool.map(lambda p: compiler_imports(os.path.join(dest, p)), paths)))
        for path in paths:
            totals["files"] += 1
            expected = compiled[path]
            if expected is None:
                totals["compiler_failed"] += 1
                continue
            matched, missing, conditional, unconditional = compare(expected, facts[path]["imports"])
            totals["compiler_imports"] += len(expected)
            totals["matched"] += len(matched)
            totals["missing"] += len(missing)
            totals["extra_conditional"] += len(conditional)
            totals["extra_unconditional"] += len(unconditional)
            problems += [f"MISSING {name} {path}: compiler imports {m}, stele does not" for m in missing]
            problems += [f"EXTRA {name} {path}: stele reports {m} without an #if condition" for m in unconditional]
        print(f"{name} {tag}: {len(paths)} files", file=sys.stderr)

    for p in problems[:200]:
        print(p)
    print(json.dumps(totals, indent=2))
    ok = totals["missing"] == 0 and totals["extra_unconditional"] == 0
    print(f"differential: {totals['matched']} passed, {totals['missing'] + totals['extra_unconditional']} failed")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

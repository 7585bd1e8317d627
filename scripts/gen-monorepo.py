#!/usr/bin/env python3
"""Writes a synthetic SwiftPM monorepo for the scale benchmark (scripts/bench.sh --scale N).

    scripts/gen-monorepo.py DIR FILES [MODULES]

FILES Swift files (about 100 lines each) spread over MODULES targets (default FILES / 100), each
module importing the three below it (M42 imports M41, M40, M39), plus Foundation. With it come
two rule sets, as hard-linked variants of the same files:
  DIR/one-rule  `M0 must not import M1`: one simple import-level rule
  DIR/layers    `layers M{n-1} > ... > M0`: every module a layer, in order
The output depends on the arguments only (no randomness), so every run measures the same tree.
"""
import os
import sys


def module_source(module, index, imports):
    lines = [f"import {m}" for m in imports] + ["import Foundation", ""]
    lines.append(f"/// File {index} of {module}: declarations and uses the scanner reads.")
    lines.append(f"public struct {module}Type{index} {{")
    for k in range(40):
        lines.append(f"    public var field{k}: Int = {k}")
    lines.append("    public init() {}")
    lines.append("")
    lines.append(f"    public func compute(_ input: Int) -> Int {{")
    for k in range(40):
        lines.append(f"        let value{k} = input &+ field{k} // a comment on the value")
    lines.append("        return value0 &+ value39")
    lines.append("    }")
    lines.append("}")
    lines.append("")
    lines.append(f"func helper{index}() -> String {{ \"{module} is only a string\" }}")
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    root, files = sys.argv[1], int(sys.argv[2])
    modules = int(sys.argv[3]) if len(sys.argv) > 3 else max(1, files // 100)
    base = os.path.join(root, "tree")
    names = [f"M{i}" for i in range(modules)]
    targets = []
    for i, name in enumerate(names):
        deps = names[max(0, i - 3):i][::-1]
        targets.append(f'        .target(name: "{name}", dependencies: [{", ".join(chr(34) + d + chr(34) for d in deps)}]),')
    os.makedirs(base, exist_ok=True)
    with open(os.path.join(base, "Package.swift"), "w") as f:
        f.write("// swift-tools-version:5.9\nimport PackageDescription\n\nlet package = Package(\n"
                "    name: \"Monorepo\",\n    targets: [\n" + "\n".join(targets) + "\n    ]\n)\n")
    for k in range(files):
        i = k % modules
        name = names[i]
        directory = os.path.join(base, "Sources", name)
        if k < modules:
            os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, f"File{k // modules}.swift"), "w") as f:
            f.write(module_source(name, k // modules, names[max(0, i - 3):i][::-1]))
    for variant, rules in [("one-rule", "M0 must not import M1\n"),
                           ("layers", "layers " + " > ".join(reversed(names)) + "\n")]:
        target = os.path.join(root, variant)
        if not os.path.exists(target):
            os.system(f"cp -al '{base}' '{target}'")
        os.makedirs(os.path.join(target, "rules"), exist_ok=True)
        with open(os.path.join(target, "rules", "bench.stele"), "w") as f:
            f.write(rules)


if __name__ == "__main__":
    main()

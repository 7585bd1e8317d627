#!/usr/bin/env python3
"""Accuracy of Stele's symbol resolution (file -> file dependencies inside a module) against the compiler.

Two ground truths come out of one debug `swift build` (see docs/symbol-accuracy.md):

index (the one measured against): the index store every SwiftPM debug build writes
  (.build/debug/index/store), read through the toolchain's libIndexStore with ctypes. File A depends on
  file B (same module, A != B) when a source reference in A (not an implicit one) names a declaration
  defined in B: a type (struct, class, enum, protocol, actor), typealias, macro, free function or global
  variable, nested ones included; members (and associated types, generic parameters) only with --members. Each reference has its line and column.
swiftdeps (shown beside it): the frontend's fine-grained dependency graph behind incremental builds,
  written readable by -emit-fine-grained-dependency-sourcefile-dot-files (<file>.swiftdeps.dot). A -> B
  when A depends on a top-level name or a nominal type that B declares (not only extends). It records
  name lookups, not uses, and charges some lookups to whichever file triggered them: on the packages
  measured it holds every index pair and has 1.2-2.7 times as many; 464 of its 472 extra pairs are
  through names that do not occur in A's text at all.

Usage
  End to end (export, build, extract truth, run Stele, compare); packages cached under --work:
    scripts/symbol-accuracy.py --packages apple/swift-argument-parser@1.8.2 apple/swift-log@1.16.2 \\
        --stele .build/release/stele [--work /tmp/stele-accuracy] [--json results.json] [--members]
  Truth only, from a package already built (debug; for swiftdeps with -Xfrontend the flag above):
    scripts/symbol-accuracy.py truth PACKAGE_DIR [--source index|swiftdeps] [--members] [-o truth.json]
  Compare saved files:
    scripts/symbol-accuracy.py compare TRUTH.json STELE_SCAN.json [--json results.json]
  A naive regex resolver printing Stele's JSON shape (a floor, and a stand-in while Stele has no symbols):
    scripts/symbol-accuracy.py baseline scan PACKAGE_DIR --format json
  Check the comparison arithmetic and the .dot reader on built-in hand-made data:
    scripts/symbol-accuracy.py selftest

Truth JSON: {"Module": {"files": [...], "edges": [[a, b], ...], "names": {"a->b": [names]},
  "references": [[a, line, column, name, b, kind], ...]    (index only)
  "extends": {"a->b": [names]}}}                            (swiftdeps only: pairs that exist only because
B extends a type A uses; reported, never counted). Paths are relative to the package root.
"""
import argparse, json, os, re, shutil, subprocess, sys

DOT_FLAG = "-emit-fine-grained-dependency-sourcefile-dot-files"
SHAPES = {"box": "topLevel", "parallelogram": "nominal", "ellipse": "potentialMember", "triangle": "member",
          "diamond": "dynamicLookup", "house": "externalDepend", "hexagon": "sourceFileProvide"}
NODE = re.compile(r'^"\d+" \[ label = "(.*)", shape = (\w+) , fillcolor = (\w+), style = (\w+) \];$')
PRIVATE = re.compile(r"\(([^()\s]+) in _[0-9A-F]+\)")  # demangled private context: (Name in _DISCRIMINATOR)
IDENTIFIER = re.compile(r"^[A-Za-z_`$][A-Za-z0-9_`$]*$")
DEFAULT_WORK = "/tmp/stele-accuracy"


# ---------------------------------------------------------------------------------------------- truth

def read_dot(path):
    """(provides, depends): kind -> set of human-readable keys, from one .swiftdeps.dot file."""
    provides, depends = {}, {}
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            match = NODE.match(line.strip())
            if not match:
                continue
            label, shape = match.group(1), match.group(2)
            kind = SHAPES.get(shape)
            if label.endswith(" in here"):
                target, name = provides, label[: -len(" in here")]
            elif label.endswith(" in somewhere else"):
                target, name = depends, label[: -len(" in somewhere else")]
            else:
                continue
            if kind is None or name[:1].isdigit():  # undemangled per-extension keys (7Mod4TypeV@hash)
                continue
            target.setdefault(kind, set()).add(PRIVATE.sub(r"\1", name))
    return provides, depends


def module_truth(module, sources, package_root):
    """sources: {absolute source path: dot path}. Returns the truth dict of one module."""
    prefix = module + "."
    rel = {src: os.path.relpath(src, package_root) for src in sources}
    provides, depends = {}, {}
    for src, dot in sources.items():
        provides[rel[src]], depends[rel[src]] = read_dot(dot)
    # who declares / extends each key
    declared, extended = {}, {}
    for f, prov in provides.items():
        tops, members = prov.get("topLevel", set()), prov.get("member", set())
        for name in tops:
            if IDENTIFIER.match(name):
                declared.setdefault(("top", name), set()).add(f)
        for nominal in prov.get("nominal", set()):
            if not nominal.startswith(prefix):
                continue
            inner = nominal[len(prefix):]
            is_declared = (inner in tops) if "." not in inner else (nominal in members)
            (declared if is_declared else extended).setdefault(("nom", nominal), set()).add(f)
    names, extends = {}, {}
    for a, dep in depends.items():
        for kind, tag in (("topLevel", "top"), ("nominal", "nom")):
            for key in dep.get(kind, set()):
                shown = key[len(prefix):] if tag == "nom" and key.startswith(prefix) else key
                for b in declared.get((tag, key), ()):
                    if b != a:
                        names.setdefault((a, b), set()).add(shown)
                for b in extended.get((tag, key), ()):
                    if b != a:
                        extends.setdefault((a, b), set()).add(shown)
    for pair in names:
        extends.pop(pair, None)
    key = lambda pair: f"{pair[0]}->{pair[1]}"
    return {"files": sorted(rel.values()),
            "edges": [list(p) for p in sorted(names)],
            "names": {key(p): sorted(names[p]) for p in sorted(names)},
            "extends": {key(p): sorted(extends[p]) for p in sorted(extends)}}


def discover_modules(package_root, build_dir=None):
    """{module: {absolute source path: output-file-map entry}} for the package's own modules in a debug
    build. Skipped: dependencies' checkouts, generated sources, and SwiftPM's second build of a module
    for the host (NAME-tool)."""
    package_root = os.path.realpath(package_root)
    build_dir = build_dir or os.path.join(package_root, ".build", "debug")
    if not os.path.isdir(build_dir):
        raise SystemExit(f"no debug build at {build_dir}: run swift build (with -Xfrontend {DOT_FLAG}) first")
    modules = {}
    for entry in sorted(os.listdir(build_dir)):
        ofm = os.path.join(build_dir, entry, "output-file-map.json")
        if not entry.endswith(".build") or entry.endswith("-tool.build") or not os.path.isfile(ofm):
            continue
        with open(ofm) as handle:
            outputs = json.load(handle)
        sources = {}
        for src, out in outputs.items():
            real = os.path.realpath(src) if src else ""
            if real.endswith(".swift") and real.startswith(package_root + os.sep) \
                    and (os.sep + ".build" + os.sep) not in real[len(package_root):]:
                sources[real] = out
        if sources:
            modules[entry[: -len(".build")]] = sources
    return package_root, build_dir, modules


def swiftdeps_truth(package_root, modules):
    truth = {}
    for module, sources in modules.items():
        dots = {s: o.get("swift-dependencies", "") + ".dot" for s, o in sources.items()}
        missing = [s for s, d in dots.items() if not os.path.isfile(d)]
        if len(missing) == len(dots):
            continue  # module not built (test targets without --build-tests)
        if missing:
            print(f"warning: {module}: {len(missing)} of {len(dots)} files have no .swiftdeps.dot "
                  f"(e.g. {os.path.relpath(missing[0], package_root)}); module skipped, rebuild with the flag",
                  file=sys.stderr)
            continue
        truth[module] = module_truth(module, dots, package_root)
    return truth


# Index store (written by every SwiftPM debug build on Linux: -index-store-path .build/debug/index/store),
# read through the toolchain's libIndexStore with ctypes.
TYPE_KINDS = {4: "macro", 5: "enum", 6: "struct", 7: "class", 8: "protocol", 11: "typealias"}
GLOBAL_KINDS = {12: "func", 13: "var"}
MEMBER_KINDS = {14: "field", 15: "case", 16: "method", 17: "class method", 18: "static method",
                19: "property", 20: "class property", 21: "static property", 22: "init"}
ROLE_DECLARATION, ROLE_DEFINITION, ROLE_REFERENCE, ROLE_IMPLICIT = 1, 2, 4, 1 << 8
PROPERTY_LOCAL = 1 << 7
OPERATOR_SUBKINDS = {1008, 1009, 1010}
ACCESSOR_SUBKINDS = {3, 4, 1000, 1001, 1002, 1003, 1014, 1015, 1016, 1017, 1018}


class IndexStore:
    def __init__(self, path, library=None):
        import ctypes
        self.c = ctypes
        library = library or next((p for p in (os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(
            swift_bin("swift")))), "lib", "libIndexStore.so"), "/opt/swift/usr/lib/libIndexStore.so")
            if os.path.exists(p)), "libIndexStore.so")
        lib = ctypes.CDLL(library)

        class StringRef(ctypes.Structure):
            _fields_ = [("data", ctypes.c_void_p), ("length", ctypes.c_size_t)]
        P, B = ctypes.c_void_p, ctypes.c_bool

        def fn(name, res, *args):
            f = getattr(lib, name)
            f.restype, f.argtypes = res, list(args)
            return f
        self.StringRef = StringRef
        self.UNIT_CB = ctypes.CFUNCTYPE(B, P, StringRef)
        self.PTR_CB = ctypes.CFUNCTYPE(B, P, P)
        err = P()
        self.f = {
            "units": fn("indexstore_store_units_apply_f", B, P, ctypes.c_uint, P, self.UNIT_CB),
            "unit": fn("indexstore_unit_reader_create", P, P, ctypes.c_char_p, ctypes.POINTER(P)),
            "unit_dispose": fn("indexstore_unit_reader_dispose", None, P),
            "unit_main": fn("indexstore_unit_reader_get_main_file", StringRef, P),
            "unit_output": fn("indexstore_unit_reader_get_output_file", StringRef, P),
            "unit_deps": fn("indexstore_unit_reader_dependencies_apply_f", B, P, P, self.PTR_CB),
            "dep_kind": fn("indexstore_unit_dependency_get_kind", ctypes.c_int, P),
            "dep_name": fn("indexstore_unit_dependency_get_name", StringRef, P),
            "dep_path": fn("indexstore_unit_dependency_get_filepath", StringRef, P),
            "record": fn("indexstore_record_reader_create", P, P, ctypes.c_char_p, ctypes.POINTER(P)),
            "record_dispose": fn("indexstore_record_reader_dispose", None, P),
            "occurrences": fn("indexstore_record_reader_occurrences_apply_f", B, P, P, self.PTR_CB),
            "occ_symbol": fn("indexstore_occurrence_get_symbol", P, P),
            "occ_roles": fn("indexstore_occurrence_get_roles", ctypes.c_uint64, P),
            "occ_line_col": fn("indexstore_occurrence_get_line_col", None, P, ctypes.POINTER(ctypes.c_uint),
                               ctypes.POINTER(ctypes.c_uint)),
            "sym_usr": fn("indexstore_symbol_get_usr", StringRef, P),
            "sym_name": fn("indexstore_symbol_get_name", StringRef, P),
            "sym_kind": fn("indexstore_symbol_get_kind", ctypes.c_int, P),
            "sym_subkind": fn("indexstore_symbol_get_subkind", ctypes.c_int, P),
            "sym_properties": fn("indexstore_symbol_get_properties", ctypes.c_uint64, P),
        }
        create = fn("indexstore_store_create", P, ctypes.c_char_p, ctypes.POINTER(P))
        self.store = create(path.encode(), ctypes.byref(err))
        if not self.store:
            raise RuntimeError(f"cannot open index store {path}")

    def text(self, ref):
        return self.c.string_at(ref.data, ref.length).decode("utf-8", "replace") if ref.length else ""

    def units(self):
        names = []
        self.f["units"](self.store, 0, None, self.UNIT_CB(lambda _, n: names.append(self.text(n)) or True))
        return names

    def unit(self, name):
        """(main file, output file, [(record name, record file)])"""
        err = self.c.c_void_p()
        reader = self.f["unit"](self.store, name.encode(), self.c.byref(err))
        if not reader:
            return None
        records = []

        def dep(_, d):
            if self.f["dep_kind"](d) == 2:  # INDEXSTORE_UNIT_DEPENDENCY_RECORD
                records.append((self.text(self.f["dep_name"](d)), self.text(self.f["dep_path"](d))))
            return True
        self.f["unit_deps"](reader, None, self.PTR_CB(dep))
        result = (self.text(self.f["unit_main"](reader)), self.text(self.f["unit_output"](reader)), records)
        self.f["unit_dispose"](reader)
        return result

    def occurrences(self, record):
        """[(usr, name, kind, subkind, properties, roles, line, column)]"""
        err = self.c.c_void_p()
        reader = self.f["record"](self.store, record.encode(), self.c.byref(err))
        if not reader:
            return []
        out, f = [], self.f
        line, column = self.c.c_uint(), self.c.c_uint()

        def occ(_, o):
            s = f["occ_symbol"](o)
            f["occ_line_col"](o, self.c.byref(line), self.c.byref(column))
            out.append((self.text(f["sym_usr"](s)), self.text(f["sym_name"](s)), f["sym_kind"](s), f["sym_subkind"](s),
                        f["sym_properties"](s), f["occ_roles"](o), line.value, column.value))
            return True
        f["occurrences"](reader, None, self.PTR_CB(occ))
        f["record_dispose"](reader)
        return out


def counted_kind(kind, subkind, properties, members):
    if properties & PROPERTY_LOCAL or subkind in OPERATOR_SUBKINDS or subkind in ACCESSOR_SUBKINDS:
        return None
    if subkind in (1012, 1013):  # associated type, generic parameter (seen in other files through extensions)
        return ("associatedtype" if subkind == 1012 else "generic parameter") if members else None
    return TYPE_KINDS.get(kind) or GLOBAL_KINDS.get(kind) or (MEMBER_KINDS.get(kind) if members else None)


def index_truth(package_root, build_dir, modules, members=False):
    """A -> B when a source reference (not implicit) in A names a declaration defined in B: a type,
    typealias, macro, free function or global variable (and with members=True also methods, properties,
    enum cases and initializers). Every reference is kept with its line and column."""
    store_path = os.path.join(build_dir, "index", "store")
    if not os.path.isdir(store_path):
        print(f"warning: no index store at {store_path}", file=sys.stderr)
        return {}
    store = IndexStore(store_path)
    by_object = {}
    for module, sources in modules.items():
        for src, out in sources.items():
            if "object" in out:
                by_object[os.path.realpath(out["object"])] = (module, src)
    records = {}  # (module, source) -> record name
    for unit in store.units():
        info = store.unit(unit)
        if not info:
            continue
        main, output, recs = info
        key = by_object.get(os.path.realpath(output)) if output else None
        if key and os.path.realpath(main) == key[1]:
            for name, path in recs:
                if os.path.realpath(path) == key[1]:
                    records[key] = name
    truth = {}
    for module, sources in modules.items():
        present = [s for s in sources if (module, s) in records]
        if not present:
            continue
        if len(present) < len(sources):
            missing = sorted(set(sources) - set(present))
            print(f"warning: {module}: {len(missing)} of {len(sources)} files not in the index store "
                  f"(e.g. {os.path.relpath(missing[0], package_root)}); module skipped", file=sys.stderr)
            continue
        rel = {s: os.path.relpath(s, package_root) for s in sources}
        occurrences = {rel[s]: store.occurrences(records[(module, s)]) for s in sources}
        defined = {}
        for f, occs in occurrences.items():
            for usr, name, kind, subkind, props, roles, line, col in occs:
                if roles & (ROLE_DEFINITION | ROLE_DECLARATION) and not roles & ROLE_IMPLICIT \
                        and counted_kind(kind, subkind, props, members):
                    defined.setdefault(usr, set()).add(f)
        names, references = {}, []
        for a, occs in occurrences.items():
            seen = set()
            for usr, name, kind, subkind, props, roles, line, col in occs:
                if not roles & ROLE_REFERENCE or roles & ROLE_IMPLICIT or usr not in defined:
                    continue
                short = name.split("(")[0]
                for b in sorted(defined[usr]):
                    if b != a and (line, col, usr, b) not in seen:
                        seen.add((line, col, usr, b))
                        names.setdefault((a, b), set()).add(short)
                        references.append([a, line, col, short, b, counted_kind(kind, subkind, props, members)])
        key = lambda pair: f"{pair[0]}->{pair[1]}"
        truth[module] = {"files": sorted(rel.values()), "edges": [list(p) for p in sorted(names)],
                         "names": {key(p): sorted(names[p]) for p in sorted(names)},
                         "references": sorted(references)}
    return truth


def package_truth(package_root, build_dir=None, source="index", members=False):
    root, build_dir, modules = discover_modules(package_root, build_dir)
    if source == "swiftdeps":
        return swiftdeps_truth(root, modules)
    return index_truth(root, build_dir, modules, members)


# ------------------------------------------------------------------------------------------ compare

def pct(part, whole):
    return None if whole == 0 else round(100.0 * part / whole, 1)


def fmt(value):
    return "n/a" if value is None else f"{value:.1f}%"


def compare(truth, scan, top=15):
    """Metrics of one package. truth: dict as written by package_truth; scan: parsed `stele scan` JSON."""
    module_of = {f: m for m, t in truth.items() for f in t["files"]}
    truth_pairs, truth_names, extends = set(), {}, {}
    for m, t in truth.items():
        for a, b in t["edges"]:
            truth_pairs.add((a, b))
        for k, v in t["names"].items():
            truth_names[tuple(k.split("->", 1))] = v
        for k, v in t.get("extends", {}).items():
            extends[tuple(k.split("->", 1))] = v
    symbols = scan.get("symbols")
    if symbols is None:
        raise ValueError("the Stele JSON has no \"symbols\" key (this Stele does not resolve symbols yet)")
    norm = lambda p: os.path.normpath(p) if p else p
    scanned = {norm(f["path"]) for f in scan.get("files", [])}
    not_scanned = sorted(f for f in module_of if f not in scanned)

    same = lambda a, b: a != b and a in module_of and module_of.get(a) == module_of.get(b)
    resolved, ambiguous = {}, {}  # pair -> [(name, line, column)]
    edges_in, edges_ambiguous, ambiguous_single = 0, 0, 0
    for e in symbols.get("edges", []):
        a = norm(e["file"])
        if a not in module_of:
            continue
        ref = (e.get("name"), e.get("line"), e.get("column"))
        if e.get("declaredIn") is not None:
            if same(a, norm(e["declaredIn"])):
                edges_in += 1
                resolved.setdefault((a, norm(e["declaredIn"])), []).append(ref)
        else:
            candidates = [norm(c) for c in e.get("ambiguous") or [] if same(a, norm(c))]
            if candidates:
                edges_in += 1
                edges_ambiguous += 1
                for c in candidates:
                    ambiguous.setdefault((a, c), []).append(ref)
    S, A, T = set(resolved), set(ambiguous), truth_pairs
    tp = S & T
    result = {
        "truth": {"modules": len(truth), "files": len(module_of), "pairs": len(T), "extensionOnlyPairs": len(extends)},
        "stele": {"declarations": symbols.get("declarations"), "references": symbols.get("references"),
                  "resolved": symbols.get("resolved"), "ambiguous": symbols.get("ambiguous"),
                  "resolvedPairs": len(S), "ambiguousPairs": len(A - S),
                  "edgesInModules": edges_in, "ambiguousEdgesInModules": edges_ambiguous},
        "truePositives": len(tp), "falsePositives": len(S - T), "falseNegatives": len(T - S),
        "precision": pct(len(tp), len(S)), "recall": pct(len(tp), len(T)),
        "foundWithAmbiguous": len(T & (S | A)), "recallWithAmbiguous": pct(len(T & (S | A)), len(T)),
        "ambiguousShare": pct(symbols.get("ambiguous") or 0, symbols.get("references") or 0),
        "ambiguousShareOfCrossFileEdges": pct(edges_ambiguous, edges_in),
        "notScannedByStele": not_scanned,
    }
    # reference level (index truth only): a reference is the same when file, line and name agree
    truth_refs = [tuple(r) for m in truth.values() for r in m.get("references", [])]
    first_ref = {}
    if truth_refs:
        where = {}  # (file, line, name) -> set of defining files
        for a, line, col, name, b, kind in truth_refs:
            where.setdefault((a, line, name), set()).add(b)
            first_ref.setdefault((a, b), (line, col))
        stele_at = {}
        for (a, b), refs in resolved.items():
            for name, line, col in refs:
                stele_at.setdefault((a, line, name), set()).add(b)
        amb_at = {}
        for (a, c), refs in ambiguous.items():
            for name, line, col in refs:
                amb_at.setdefault((a, line, name), set()).add(c)
        stele_total = sum(len(v) for v in resolved.values())
        right = wrong_target = 0
        for (a, b), refs in resolved.items():
            for name, line, col in refs:
                targets = where.get((a, line, name))
                if targets and b in targets:
                    right += 1
                elif targets:
                    wrong_target += 1
        found = sum(1 for a, line, col, name, b, kind in truth_refs if b in stele_at.get((a, line, name), ()))
        found_amb = sum(1 for a, line, col, name, b, kind in truth_refs
                        if b in stele_at.get((a, line, name), ()) or b in amb_at.get((a, line, name), ()))
        missed_kinds = {}
        for a, line, col, name, b, kind in truth_refs:
            if b not in stele_at.get((a, line, name), ()):
                missed_kinds[kind] = missed_kinds.get(kind, 0) + 1
        result["referenceLevel"] = {
            "truthReferences": len(truth_refs), "steleResolvedReferences": stele_total,
            "confirmed": right, "wrongFile": wrong_target, "unconfirmed": stele_total - right - wrong_target,
            "found": found, "foundWithAmbiguous": found_amb,
            "precision": pct(right, stele_total), "recall": pct(found, len(truth_refs)),
            "recallWithAmbiguous": pct(found_amb, len(truth_refs)),
            "missedByKind": dict(sorted(missed_kinds.items(), key=lambda kv: -kv[1])),
        }
    # why: false positives with the names Stele used and what the compiler says those names link to
    by_source_name = {}
    for (a, b), ns in truth_names.items():
        for n in ns:
            by_source_name.setdefault((a, n.split(".")[-1]), []).append(b)
    fps = []
    for pair in sorted(S - T, key=lambda p: (-len(resolved[p]), p)):
        a, b = pair
        names = sorted({r[0] for r in resolved[pair]})
        first = min(resolved[pair], key=lambda r: (r[1] or 0, r[2] or 0))
        hints = []
        for n in names:
            elsewhere = sorted(set(by_source_name.get((a, n), [])))
            if elsewhere:
                hints.append(f"compiler: {n} -> {', '.join(elsewhere)}")
        if pair in extends:
            hints.append(f"compiler: {b} only extends {', '.join(extends[pair])}")
        fps.append({"from": a, "to": b, "references": len(resolved[pair]), "names": names,
                    "first": f"{a}:{first[1]}:{first[2]}", "hints": hints})
    fns = []
    for pair in sorted(T - S, key=lambda p: (-len(truth_names.get(p, [])), p)):
        a, b = pair
        names = truth_names.get(pair, [])
        steles = {}
        for (x, y), refs in resolved.items():
            if x == a:
                for r in refs:
                    steles.setdefault(r[0], set()).add(y)
        hints = []
        if pair in ambiguous:
            hints.append("stele: ambiguous candidate (" + ", ".join(sorted({r[0] for r in ambiguous[pair]})) + ")")
        for n in names:
            other = steles.get(n.split(".")[-1])
            if other:
                hints.append(f"stele: {n.split('.')[-1]} -> {', '.join(sorted(other))}")
        entry = {"from": a, "to": b, "names": names, "hints": hints}
        if pair in first_ref:
            entry["first"] = f"{a}:{first_ref[pair][0]}:{first_ref[pair][1]}"
        fns.append(entry)
    result["topFalsePositives"] = fps[:top]
    result["topFalseNegatives"] = fns[:top]
    return result


def combine(results):
    """Overall numbers: pairs and references summed over packages (micro average)."""
    add = lambda f: sum(f(r) or 0 for r in results)
    T, S, tp = add(lambda r: r["truth"]["pairs"]), add(lambda r: r["stele"]["resolvedPairs"]), add(lambda r: r["truePositives"])
    overall = {"truthPairs": T, "resolvedPairs": S, "truePositives": tp, "falsePositives": S - tp,
               "falseNegatives": T - tp, "precision": pct(tp, S), "recall": pct(tp, T),
               "recallWithAmbiguous": pct(add(lambda r: r["foundWithAmbiguous"]), T),
               "ambiguousShare": pct(add(lambda r: r["stele"]["ambiguous"]), add(lambda r: r["stele"]["references"])),
               "ambiguousShareOfCrossFileEdges": pct(add(lambda r: r["stele"]["ambiguousEdgesInModules"]),
                                                     add(lambda r: r["stele"]["edgesInModules"]))}
    refs = [r["referenceLevel"] for r in results if "referenceLevel" in r]
    if refs:
        truth_refs, stele_refs = sum(x["truthReferences"] for x in refs), sum(x["steleResolvedReferences"] for x in refs)
        overall["referenceLevel"] = {
            "truthReferences": truth_refs, "steleResolvedReferences": stele_refs,
            "precision": pct(sum(x["confirmed"] for x in refs), stele_refs),
            "recall": pct(sum(x["found"] for x in refs), truth_refs),
            "recallWithAmbiguous": pct(sum(x["foundWithAmbiguous"] for x in refs), truth_refs)}
    return overall


def report(name, r, out=sys.stdout):
    t, s = r["truth"], r["stele"]
    print(f"== {name}", file=out)
    print(f"   compiler: {t['modules']} modules, {t['files']} files, {t['pairs']} file pairs "
          f"(+{t['extensionOnlyPairs']} pairs only through extensions, not counted)", file=out)
    print(f"   stele:    {s['declarations']} declarations, {s['references']} references, {s['resolved']} resolved, "
          f"{s['ambiguous']} ambiguous; {s['resolvedPairs']} resolved file pairs in these modules "
          f"(+{s['ambiguousPairs']} only as ambiguous candidates)", file=out)
    print(f"   precision {fmt(r['precision'])} ({r['truePositives']}/{s['resolvedPairs']}), "
          f"recall {fmt(r['recall'])} ({r['truePositives']}/{t['pairs']}), "
          f"recall with ambiguous {fmt(r['recallWithAmbiguous'])}, "
          f"ambiguous references {fmt(r['ambiguousShare'])} "
          f"(of cross-file edges in these modules {fmt(r['ambiguousShareOfCrossFileEdges'])})", file=out)
    ref = r.get("referenceLevel")
    if ref:
        print(f"   references: {ref['truthReferences']} cross-file references per the compiler, "
              f"{ref['steleResolvedReferences']} resolved by Stele; precision {fmt(ref['precision'])} "
              f"({ref['confirmed']} confirmed, {ref['wrongFile']} to the wrong file, {ref['unconfirmed']} unconfirmed), "
              f"recall {fmt(ref['recall'])}, with ambiguous {fmt(ref['recallWithAmbiguous'])}; "
              f"missed by kind {ref['missedByKind']}", file=out)
    if r["notScannedByStele"]:
        print(f"   {len(r['notScannedByStele'])} compiled files not in Stele's scan, e.g. {r['notScannedByStele'][0]}",
              file=out)
    if r["topFalsePositives"]:
        print(f"   false positives (Stele resolves, compiler has no such dependency), top {len(r['topFalsePositives'])}:",
              file=out)
        for fp in r["topFalsePositives"]:
            hint = ("  [" + "; ".join(fp["hints"]) + "]") if fp["hints"] else ""
            print(f"     {fp['from']} -> {fp['to']}: {', '.join(fp['names'])} ({fp['references']} refs, "
                  f"first {fp['first']}){hint}", file=out)
    if r["topFalseNegatives"]:
        print(f"   false negatives (compiler dependency Stele does not resolve), top {len(r['topFalseNegatives'])}:",
              file=out)
        for fn in r["topFalseNegatives"]:
            hint = ("  [" + "; ".join(fn["hints"]) + "]") if fn["hints"] else ""
            at = f" (first {fn['first']})" if fn.get("first") else ""
            print(f"     {fn['from']} -> {fn['to']}: {', '.join(fn['names'])}{at}{hint}", file=out)


# ------------------------------------------------------------------------------------ end to end

def swift_bin(tool):
    found = shutil.which(tool)
    if found:
        return found
    candidate = os.path.join("/opt/swift/usr/bin", tool)
    return candidate if os.path.exists(candidate) else tool


def export(spec, dest):
    repo, _, tag = spec.partition("@")
    if not tag:
        raise SystemExit(f"{spec}: expected OWNER/NAME@TAG")
    os.makedirs(dest, exist_ok=True)
    archive = subprocess.run(["git", "archive", f"--remote=https://github.com/{repo}", tag], capture_output=True)
    if archive.returncode != 0:
        mirror = f"/opt/swift-packages/{repo}.git"
        archive = subprocess.run(["git", "-C", mirror, "archive", tag], capture_output=True)
    if archive.returncode != 0:
        shutil.rmtree(dest, ignore_errors=True)
        raise RuntimeError(f"cannot export {spec}: {archive.stderr.decode(errors='replace')[:300]}")
    subprocess.run(["tar", "-x", "-C", dest], input=archive.stdout, check=True)


def build(dest, jobs, tests, log):
    command = [swift_bin("swift"), "build", "-j", str(jobs), "-Xswiftc", "-Xfrontend", "-Xswiftc", DOT_FLAG]
    if tests:
        command.append("--build-tests")
    print(f"   building: {' '.join(command)} (log: {log})", file=sys.stderr)
    with open(log, "w") as handle:
        return subprocess.run(command, cwd=dest, stdout=handle, stderr=subprocess.STDOUT).returncode


def run(args):
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    stele = os.path.abspath(args.stele) if args.stele else None
    results, failures = {}, []
    for spec in args.packages:
        slug = spec.replace("/", "__").replace("@", "-")
        dest = os.path.join(work, "packages", slug)
        print(f"== {spec}", file=sys.stderr)
        try:
            if not os.path.isdir(dest):
                export(spec, dest)
            marker = os.path.join(dest, ".build", "stele-accuracy-built")
            if args.rebuild or not os.path.exists(marker):
                log = os.path.join(work, slug + ".build.log")
                if build(dest, args.jobs, args.build_tests, log) != 0:
                    raise RuntimeError(f"swift build failed, see {log}")
                open(marker, "w").close()
            truths = {}
            for source in ("index", "swiftdeps"):
                truths[source] = package_truth(dest, None, source, args.members)
                suffix = "-members" if args.members and source == "index" else ""
                with open(os.path.join(work, f"{slug}.truth-{source}{suffix}.json"), "w") as handle:
                    json.dump(truths[source], handle, indent=1, sort_keys=True)
                for module, t in sorted(truths[source].items()):
                    if t["edges"]:
                        print(f"   {source} truth {module}: {len(t['files'])} files, {len(t['edges'])} edges",
                              file=sys.stderr)
            if not stele:
                continue
            scan = subprocess.run([stele, "scan", dest, "--format", "json"], capture_output=True, text=True)
            if scan.returncode not in (0, 1):
                raise RuntimeError(f"stele scan exited {scan.returncode}: {scan.stderr[:300]}")
            with open(os.path.join(work, slug + ".stele.json"), "w") as handle:
                handle.write(scan.stdout)
            parsed = json.loads(scan.stdout)
            results[spec] = {source: compare(truths[source], parsed, args.top) for source in truths}
        except (RuntimeError, ValueError, subprocess.CalledProcessError) as error:
            failures.append(f"{spec}: {error}")
            print(f"   error: {error}", file=sys.stderr)
    for spec, r in results.items():
        report(spec, r["index"])
        d = r["swiftdeps"]
        print(f"   against the swiftdeps graph instead ({d['truth']['pairs']} pairs): precision {fmt(d['precision'])}, "
              f"recall {fmt(d['recall'])}, recall with ambiguous {fmt(d['recallWithAmbiguous'])}")
    if results:
        overall = {source: combine([r[source] for r in results.values()]) for source in ("index", "swiftdeps")}
        o, d = overall["index"], overall["swiftdeps"]
        print(f"== overall ({len(results)} packages): precision {fmt(o['precision'])} "
              f"({o['truePositives']}/{o['resolvedPairs']}), recall {fmt(o['recall'])} "
              f"({o['truePositives']}/{o['truthPairs']}), recall with ambiguous "
              f"{fmt(o['recallWithAmbiguous'])}, ambiguous references {fmt(o['ambiguousShare'])}")
        if "referenceLevel" in o:
            x = o["referenceLevel"]
            print(f"   references: precision {fmt(x['precision'])}, recall {fmt(x['recall'])}, "
                  f"with ambiguous {fmt(x['recallWithAmbiguous'])} ({x['truthReferences']} compiler, "
                  f"{x['steleResolvedReferences']} Stele)")
        print(f"   against the swiftdeps graph: precision {fmt(d['precision'])}, recall {fmt(d['recall'])}, "
              f"recall with ambiguous {fmt(d['recallWithAmbiguous'])}")
        if args.json:
            with open(args.json, "w") as handle:
                json.dump({"packages": results, "overall": overall}, handle, indent=1)
    for f in failures:
        print(f"failed: {f}")
    return 1 if failures else 0


# ------------------------------------------------------------------------------------------ baseline

BASELINE_DECL = re.compile(r"\b(?:struct|class|enum|protocol|typealias|actor|func|macro)\s+([A-Za-z_][A-Za-z0-9_]*)")
BASELINE_TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def strip_comments_and_strings(text):
    """Blank out comments and string literals, keeping line and column positions (rough: enough for a floor)."""
    out, i, n = list(text), 0, len(text)
    blank = lambda a, b: [out.__setitem__(k, " ") for k in range(a, b) if out[k] != "\n"]
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            blank(i, j)
            i = j
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            j = n if j < 0 else j + 3
            blank(i, j)
            i = j
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] not in '"\n':
                j += 2 if text[j] == "\\" else 1
            blank(i, min(j + 1, n))
            i = j + 1
        else:
            i += 1
    return "".join(out)


def baseline(package):
    """Stele's `scan --format json` shape (files + symbols) from a naive name matcher: a capitalised or called
    identifier that some other file of the same Sources/<Module>/ declares as a type or function."""
    root = os.path.realpath(package)
    texts = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.endswith(".swift"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8", errors="replace") as handle:
                    texts[os.path.relpath(path, root)] = strip_comments_and_strings(handle.read())
    module = lambda p: (p.split("/")[1] if p.count("/") >= 2 else "Sources") if p.startswith("Sources/") else None
    declared = {}
    for path, text in texts.items():
        for m in BASELINE_DECL.finditer(text):
            declared.setdefault((module(path), m.group(1)), set()).add(path)
    edges, references, resolved, ambiguous = [], 0, 0, 0
    for path, text in texts.items():
        for number, line in enumerate(text.split("\n"), 1):
            for m in BASELINE_TOKEN.finditer(line):
                before = line[: m.start()].rstrip()
                if before.endswith(".") or re.search(r"\b(?:struct|class|enum|protocol|typealias|actor|func|macro)$", before):
                    continue
                owners = declared.get((module(path), m.group(0)))
                if not owners or module(path) is None:
                    continue
                references += 1
                if path in owners:
                    resolved += 1
                    continue
                edge = {"file": path, "line": number, "column": m.start() + 1, "name": m.group(0)}
                if len(owners) == 1:
                    resolved += 1
                    edge["declaredIn"] = next(iter(owners))
                else:
                    ambiguous += 1
                    edge["ambiguous"] = sorted(owners)
                edges.append(edge)
    return {"version": 1, "files": [{"path": p, "language": "swift", "module": module(p)} for p in sorted(texts)],
            "symbols": {"declarations": sum(len(v) for v in declared.values()), "references": references,
                        "resolved": resolved, "ambiguous": ambiguous, "edges": edges}}


# ------------------------------------------------------------------------------------------ selftest

def selftest():
    """Hand-made truth and Stele output with known answers."""
    truth = {"M": {"files": ["S/M/a.swift", "S/M/b.swift", "S/M/c.swift", "S/M/d.swift"],
                   "edges": [["S/M/a.swift", "S/M/b.swift"], ["S/M/a.swift", "S/M/c.swift"],
                             ["S/M/b.swift", "S/M/c.swift"], ["S/M/d.swift", "S/M/a.swift"]],
                   "names": {"S/M/a.swift->S/M/b.swift": ["Foo"], "S/M/a.swift->S/M/c.swift": ["Bar"],
                             "S/M/b.swift->S/M/c.swift": ["Bar", "Outer.Inner"], "S/M/d.swift->S/M/a.swift": ["run"]},
                   "extends": {"S/M/c.swift->S/M/b.swift": ["Foo"]},
                   "references": [["S/M/a.swift", 1, 5, "Foo", "S/M/b.swift", "struct"],
                                  ["S/M/a.swift", 2, 5, "Foo", "S/M/b.swift", "struct"],
                                  ["S/M/a.swift", 6, 1, "Bar", "S/M/c.swift", "func"],
                                  ["S/M/b.swift", 3, 1, "Inner", "S/M/c.swift", "struct"],
                                  ["S/M/d.swift", 10, 1, "run", "S/M/a.swift", "func"]]},
             "N": {"files": ["S/N/x.swift", "S/N/y.swift"], "edges": [["S/N/x.swift", "S/N/y.swift"]],
                   "names": {"S/N/x.swift->S/N/y.swift": ["Baz"]},
                   "references": [["S/N/x.swift", 7, 1, "Baz", "S/N/y.swift", "struct"]]}}
    scan = {"files": [{"path": p, "module": p.split("/")[1]} for p in
                      ["S/M/a.swift", "S/M/b.swift", "S/M/c.swift", "S/M/d.swift", "S/N/x.swift", "S/N/y.swift",
                       "Tests/T/t.swift"]],
            "symbols": {"declarations": 9, "references": 10, "resolved": 8, "ambiguous": 2, "edges": [
                {"file": "S/M/a.swift", "line": 1, "column": 5, "name": "Foo", "declaredIn": "S/M/b.swift"},  # TP
                {"file": "S/M/a.swift", "line": 2, "column": 5, "name": "Foo", "declaredIn": "S/M/b.swift"},  # same pair
                {"file": "S/M/b.swift", "line": 3, "column": 1, "name": "Inner", "declaredIn": "S/M/c.swift"},  # TP
                {"file": "S/M/c.swift", "line": 4, "column": 1, "name": "Foo", "declaredIn": "S/M/b.swift"},  # FP (extension)
                {"file": "S/M/c.swift", "line": 5, "column": 1, "name": "Bar", "declaredIn": "S/M/d.swift"},  # FP
                {"file": "S/M/a.swift", "line": 6, "column": 1, "name": "Bar", "ambiguous": ["S/M/c.swift", "S/M/d.swift"]},
                {"file": "S/N/x.swift", "line": 7, "column": 1, "name": "Baz", "ambiguous": ["S/N/y.swift", "S/M/a.swift"]},
                {"file": "S/N/x.swift", "line": 8, "column": 1, "name": "Qux", "declaredIn": "S/M/a.swift"},  # other module
                {"file": "Tests/T/t.swift", "line": 9, "column": 1, "name": "Foo", "declaredIn": "S/M/b.swift"},  # not compiled
            ]}}
    r = compare(truth, scan)
    checks = [
        (r["truth"]["pairs"], 5), (r["stele"]["resolvedPairs"], 4), (r["truePositives"], 2),
        (r["falsePositives"], 2), (r["falseNegatives"], 3), (r["precision"], 50.0), (r["recall"], 40.0),
        (r["recallWithAmbiguous"], 80.0), (r["ambiguousShare"], 20.0), (r["stele"]["edgesInModules"], 7),
        (r["ambiguousShareOfCrossFileEdges"], round(100 * 2 / 7, 1)), (r["stele"]["ambiguousPairs"], 3),
        (r["topFalsePositives"][0]["from"], "S/M/c.swift"),
        (sorted(h for fp in r["topFalsePositives"] for h in fp["hints"]),
         ["compiler: S/M/b.swift only extends Foo"]),
        ([fn["names"] for fn in r["topFalseNegatives"]], [["Bar"], ["run"], ["Baz"]]),
        (r["topFalseNegatives"][0]["hints"], ["stele: ambiguous candidate (Bar)"]),
        (r["notScannedByStele"], []),
        (r["referenceLevel"], {"truthReferences": 6, "steleResolvedReferences": 5, "confirmed": 3, "wrongFile": 0,
                               "unconfirmed": 2, "found": 3, "foundWithAmbiguous": 5, "precision": 60.0,
                               "recall": 50.0, "recallWithAmbiguous": 83.3,
                               "missedByKind": {"func": 2, "struct": 1}}),
        (r["topFalseNegatives"][1].get("first"), "S/M/d.swift:10:1"),
    ]
    overall = combine([r, r])
    checks += [(overall["precision"], 50.0), (overall["recall"], 40.0), (overall["truthPairs"], 10)]
    failed = [(i, got, want) for i, (got, want) in enumerate(checks) if got != want]
    for i, got, want in failed:
        print(f"selftest check {i}: got {got!r}, want {want!r}")
    # the dot reader, on a hand-written file in the frontend's format
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        dots = {}
        for name, body in {
            "a": ['"1" [ label = "Foo in here", shape = box , fillcolor = yellow, style = solid ];',
                  '"2" [ label = "M.Foo in here", shape = parallelogram , fillcolor = yellow, style = solid ];',
                  '"3" [ label = "M.Foo.Inner in here", shape = triangle , fillcolor = yellow, style = solid ];',
                  '"4" [ label = "M.Foo.Inner in here", shape = parallelogram , fillcolor = yellow, style = solid ];',
                  '"5" [ label = "Bar in somewhere else", shape = box , fillcolor = azure, style = dotted ];',
                  '"6" [ label = "== in here", shape = box , fillcolor = yellow, style = solid ];'],
            "b": ['"1" [ label = "Bar in here", shape = box , fillcolor = yellow, style = solid ];',
                  '"2" [ label = "M.Foo in here", shape = parallelogram , fillcolor = white, style = solid ];',
                  '"3" [ label = "M.Foo.Inner in somewhere else", shape = parallelogram , fillcolor = azure, style = dotted ];',
                  '"4" [ label = "M.(Hidden in _0A1B).X in here", shape = parallelogram , fillcolor = white, style = solid ];',
                  '"5" [ label = "== in somewhere else", shape = box , fillcolor = azure, style = dotted ];'],
            "c": ['"1" [ label = "M.Foo in somewhere else", shape = parallelogram , fillcolor = azure, style = dotted ];',
                  '"2" [ label = "Foo in somewhere else", shape = box , fillcolor = azure, style = dotted ];',
                  '"3" [ label = "7M3FooV@00ff in somewhere else", shape = parallelogram , fillcolor = azure, style = dotted ];'],
        }.items():
            path = os.path.join(tmp, name + ".swiftdeps.dot")
            with open(path, "w") as handle:
                handle.write('digraph "x" {\n' + "\n".join(body) + "\n}\n")
            dots[os.path.join(tmp, "Sources", "M", name + ".swift")] = path
        t = module_truth("M", dots, tmp)
        want = {"files": ["Sources/M/a.swift", "Sources/M/b.swift", "Sources/M/c.swift"],
                "edges": [["Sources/M/a.swift", "Sources/M/b.swift"], ["Sources/M/b.swift", "Sources/M/a.swift"],
                          ["Sources/M/c.swift", "Sources/M/a.swift"]],
                "names": {"Sources/M/a.swift->Sources/M/b.swift": ["Bar"],
                          "Sources/M/b.swift->Sources/M/a.swift": ["Foo.Inner"],
                          "Sources/M/c.swift->Sources/M/a.swift": ["Foo"]},
                "extends": {"Sources/M/c.swift->Sources/M/b.swift": ["Foo"]}}
        if t != want:
            failed.append(("dot", t, want))
            print(f"selftest dot reader: got {json.dumps(t)}, want {json.dumps(want)}")
        if read_dot(dots[os.path.join(tmp, "Sources", "M", "b.swift")])[0].get("nominal") != {"M.Foo", "M.Hidden.X"}:
            failed.append(("private", None, None))
            print("selftest: private discriminator not stripped")
    print(f"selftest: {len(checks) + 2 - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


# ---------------------------------------------------------------------------------------------- main

def main(argv):
    if argv[:1] == ["selftest"]:
        return selftest()
    if argv[:1] == ["baseline"]:
        # also callable as a stand-in Stele: `symbol-accuracy.py baseline scan DIR --format json`
        rest = [x for x in argv[1:] if x not in ("scan", "--format", "json")]
        print(json.dumps(baseline(rest[0] if rest else "."), indent=1))
        return 0
    if argv[:1] == ["truth"]:
        ap = argparse.ArgumentParser(prog="symbol-accuracy.py truth")
        ap.add_argument("package")
        ap.add_argument("--build-dir", help="debug build directory (default PACKAGE/.build/debug)")
        ap.add_argument("--source", choices=["index", "swiftdeps"], default="index")
        ap.add_argument("--members", action="store_true", help="index: count member declarations too")
        ap.add_argument("-o", "--output")
        a = ap.parse_args(argv[1:])
        truth = package_truth(a.package, a.build_dir, a.source, a.members)
        text = json.dumps(truth, indent=1, sort_keys=True)
        if a.output:
            with open(a.output, "w") as handle:
                handle.write(text + "\n")
        else:
            print(text)
        for module, t in sorted(truth.items()):
            print(f"{module}: {len(t['files'])} files, {len(t['edges'])} edges", file=sys.stderr)
        return 0
    if argv[:1] == ["compare"]:
        ap = argparse.ArgumentParser(prog="symbol-accuracy.py compare")
        ap.add_argument("truth")
        ap.add_argument("stele", help="output of `stele scan PACKAGE --format json`")
        ap.add_argument("--top", type=int, default=15)
        ap.add_argument("--json")
        a = ap.parse_args(argv[1:])
        with open(a.truth) as t, open(a.stele) as s:
            r = compare(json.load(t), json.load(s), a.top)
        report(os.path.basename(a.stele), r)
        if a.json:
            with open(a.json, "w") as handle:
                json.dump(r, handle, indent=1)
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--packages", nargs="+", required=True, metavar="OWNER/NAME@TAG")
    ap.add_argument("--stele", help="stele binary; without it only the compiler truth is extracted")
    ap.add_argument("--work", default=DEFAULT_WORK, help=f"exports, builds and outputs (default {DEFAULT_WORK})")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--build-tests", action="store_true", help="also build (and measure) test targets")
    ap.add_argument("--members", action="store_true",
                    help="index truth: count references to members (methods, properties, cases, inits, "
                         "associated types) and generic parameters too")
    ap.add_argument("--rebuild", action="store_true", help="run swift build even when a cached build exists")
    ap.add_argument("--top", type=int, default=15, help="false positives / negatives listed per package")
    ap.add_argument("--json", help="write all results to this file")
    return run(ap.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

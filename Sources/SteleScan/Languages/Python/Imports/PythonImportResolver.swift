/// Names the module each import of a Python file imports, the way Python and grimp (the engine of
/// import-linter) see it, once every file's module is known (`PythonModuleMap`):
///
/// - `import a.b.c`: `a.b.c`; `from a.b import c`: `a.b.c` when that is a module or package of the
///   project (`a/b/c.py`, `a/b/c/`), else `a.b` (then `c` is a name defined in `a.b`);
///   `from a import *`: `a`.
/// - `from .x import y` against the file's package (its own module for an `__init__.py`, else its
///   parent), one level up per further dot.
/// - A project module is named down to the deepest part that exists (`import a.b.gone` → `a.b`);
///   an external one by its first part (`import os.path` → `os`), as grimp squashes externals.
/// - `importlib.import_module("a.b")` and `__import__("a.b")` as `import a.b`, attributed `dynamic`.
///
/// A relative import that climbs above the top package, and a non-literal dynamic import, name no
/// module: they go to `SourceFile.unresolvedImports`. Two names of one statement that land in the
/// same module (`from a import b, c`) are one import.
///
/// Names are worked on as dotted strings, cut at their last dot: the standard library's `split`
/// and `joined` cost a fifth of a Django scan here.
enum PythonImportResolver {
    static let dynamic = "dynamic"

    static func resolve(_ file: SourceFile, known: Set<String>, topLevel: Set<String>) -> SourceFile {
        var file = file
        guard !file.imports.isEmpty else { return file }
        let name = PythonModuleMap.fileName(file.path)
        let isPackage = name == "__init__.py" || name == "__init__.pyi"
        let package: String? = file.module.map { isPackage ? $0 : parent($0) }
        // Split once per file, for the paths of relative imports.
        var packageParts: [String]?
        var resolved: [Import] = []
        resolved.reserveCapacity(file.imports.count)
        for raw in file.imports {
            var one = raw
            var target: String
            switch raw.kind {
            case "from":
                let dots = raw.module.utf8.prefix { $0 == UInt8(ascii: ".") }.count
                let rest = String(raw.module.utf8.dropFirst(dots))!
                var base = ""
                var upParts: ArraySlice<String> = []
                if dots > 0 {
                    guard var up = package, !up.isEmpty else { file.unresolvedImports.append(unresolved(raw)); continue }
                    for _ in 1..<dots {
                        guard !up.isEmpty else { break }
                        up = parent(up)
                    }
                    if up.isEmpty { file.unresolvedImports.append(unresolved(raw)); continue }
                    base = up
                    if packageParts == nil { packageParts = parts(package!) }
                    upParts = packageParts!.dropLast(dots - 1)
                }
                base = base.isEmpty ? rest : rest.isEmpty ? base : base + "." + rest
                let imported = raw.path.last ?? "*"
                target = base
                if imported != "*" {
                    let candidate = base + "." + imported
                    if known.contains(candidate) { target = candidate }
                    one.path = upParts.isEmpty ? raw.path : Array(upParts) + raw.path
                } else {
                    one.path = Array(upParts) + raw.path.dropLast()
                }
            case nil, "dynamic":
                target = raw.module
                if raw.kind != nil { one.attributes.append(dynamic) }
            default:
                file.unresolvedImports.append(unresolved(raw))
                continue
            }
            guard !target.isEmpty else { file.unresolvedImports.append(unresolved(raw)); continue }
            let first = target.utf8.firstIndex(of: UInt8(ascii: ".")).map { String(target[..<$0]) } ?? target
            if topLevel.contains(first) {
                while !known.contains(target), target.utf8.contains(UInt8(ascii: ".")) { target = parent(target) }
                one.module = target
            } else {
                one.module = first
            }
            one.kind = nil
            // A duplicate is of the same statement: among the last imports, on the same line.
            var duplicate = false
            for earlier in resolved.reversed() {
                guard earlier.line == one.line else { break }
                if earlier.module == one.module { duplicate = true; break }
            }
            if !duplicate { resolved.append(one) }
        }
        file.imports = resolved
        return file
    }

    /// `a.b.c` → `a.b`; `a` → "".
    static func parent(_ name: String) -> String {
        name.utf8.lastIndex(of: UInt8(ascii: ".")).map { String(name[..<$0]) } ?? ""
    }

    /// `a.b.c` → ["a", "b", "c"].
    static func parts(_ name: String) -> [String] {
        var result: [String] = []
        let utf8 = name.utf8
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            if utf8[i] == UInt8(ascii: ".") {
                result.append(String(name[start..<i]))
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        result.append(String(name[start...]))
        return result
    }

    /// A dynamic import whose module cannot be known without running the code.
    static func unresolved(_ raw: Import) -> Import {
        var one = raw
        one.kind = nil
        one.attributes += raw.kind == "ambiguous" || raw.kind == "dynamic" ? [dynamic, "ambiguous"] : ["ambiguous"]
        return one
    }
}

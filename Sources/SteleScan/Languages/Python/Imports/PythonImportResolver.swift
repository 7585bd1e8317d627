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
enum PythonImportResolver {
    static let dynamic = "dynamic"

    static func resolve(_ file: SourceFile, known: Set<String>, topLevel: Set<String>) -> SourceFile {
        var file = file
        guard !file.imports.isEmpty else { return file }
        let isPackage = ["__init__.py", "__init__.pyi"].contains(PythonModuleMap.fileName(file.path))
        let package: [Substring] = file.module.map { module in
            let parts = module.split(separator: ".")
            return isPackage ? parts : Array(parts.dropLast())
        } ?? []
        var resolved: [Import] = []
        var seen = Set<String>()
        for raw in file.imports {
            var one = raw
            var target: [Substring]
            switch raw.kind {
            case "from":
                let dots = raw.module.prefix { $0 == "." }.count
                var base: [Substring]
                if dots > 0 {
                    guard file.module != nil, dots - 1 <= package.count, dots - 1 < package.count || !package.isEmpty else {
                        file.unresolvedImports.append(unresolved(raw))
                        continue
                    }
                    base = Array(package.dropLast(dots - 1))
                    if base.isEmpty { file.unresolvedImports.append(unresolved(raw)); continue }
                } else {
                    base = []
                }
                base += raw.module.dropFirst(dots).split(separator: ".")
                let name = raw.path.first ?? "*"
                target = base
                if name != "*" {
                    let candidate = (base + [Substring(name)]).joined(separator: ".")
                    if known.contains(candidate) { target.append(Substring(name)) }
                    one.path = base.map(String.init) + [name]
                } else {
                    one.path = base.map(String.init)
                }
            case nil, "dynamic":
                target = raw.module.split(separator: ".")
                if raw.kind != nil { one.attributes.append(dynamic) }
            default:
                file.unresolvedImports.append(unresolved(raw))
                continue
            }
            guard let first = target.first else { file.unresolvedImports.append(unresolved(raw)); continue }
            if topLevel.contains(String(first)) {
                while target.count > 1, !known.contains(target.joined(separator: ".")) { target.removeLast() }
                one.module = target.joined(separator: ".")
            } else {
                one.module = String(first)
            }
            one.kind = nil
            guard seen.insert("\(one.line)\u{1F}\(one.module)").inserted else { continue }
            resolved.append(one)
        }
        file.imports = resolved
        return file
    }

    /// A dynamic import whose module cannot be known without running the code.
    static func unresolved(_ raw: Import) -> Import {
        var one = raw
        one.kind = nil
        one.attributes += raw.kind == "ambiguous" || raw.kind == "dynamic" ? [dynamic, "ambiguous"] : ["ambiguous"]
        return one
    }
}

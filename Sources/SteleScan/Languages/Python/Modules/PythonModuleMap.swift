/// Which module each Python file is, by the dotted name Python imports it by:
/// `django/db/models/base.py` → `django.db.models.base`, `django/db/__init__.py` → `django.db`.
/// Every file is a module of its own (as Python, grimp and import-linter see it); a rule's dotted
/// name means a package and everything below it (`Architecture`).
///
/// The name is the path below the file's source root (ADR-0008):
/// - under a Python project (`pyproject.toml`, `setup.cfg`, `setup.py`), the deepest of: its
///   `package-dir` entries (`"" = "lib"`, `app = "lib/app"`), its `packages.find` `where`
///   directories, its `src/` when it holds Python files, and its own directory. Below a root every
///   directory is a package, `__init__.py` or not (namespace packages);
/// - elsewhere, the file's chain of `__init__.py` packages: `svc/payments/api.py`, with
///   `svc/payments/__init__.py` and no `svc/__init__.py`, is `payments.api`; a file in a folder
///   with no `__init__.py` is a top-level module by its own name.
/// A path with a part that is not made of letters, digits and `_` (`my-scripts/x.py`) is in no module.
///
/// Python modules are not `ResolvedModule`s: no manifest declares them or their dependencies
/// (so `manifests must match imports` does not judge them). Files carry their module name.
struct PythonModuleMap: ModuleMap {
    let modules: [ResolvedModule] = []
    let resolvesImports = true
    /// Path → module, for every Python file of the listing that has one.
    let moduleOf: [String: String]
    /// Every module and package name: each file's module and each of its parents (a namespace
    /// package has no file, yet `from ns import sub` imports `ns.sub`).
    let known: Set<String>
    /// The first part of every name in `known`: an import whose first part is not one is external.
    let topLevel: Set<String>

    init(projects: [PythonProject], files: [String]) {
        var initDirectories = Set<String>()
        var pythonFiles: [String] = []
        for path in files where path.hasSuffix(".py") || path.hasSuffix(".pyi") {
            pythonFiles.append(path)
            let name = PythonModuleMap.fileName(path)
            if name == "__init__.py" || name == "__init__.pyi" { initDirectories.insert(RepositoryPath.folder(of: path)) }
        }
        // Roots and package directories, deepest first: the first that holds a file names it.
        var places: [(directory: String, prefix: String)] = []
        for project in projects {
            for (package, directory) in project.packageDirectories { places.append((directory, package)) }
            for root in project.roots { places.append((root, "")) }
            let src = project.directory.isEmpty ? "src" : project.directory + "/src"
            if project.roots.isEmpty, pythonFiles.contains(where: { $0.hasPrefix(src + "/") }) { places.append((src, "")) }
            places.append((project.directory, ""))
        }
        places.sort { ($0.directory.utf8.count, $0.directory, $0.prefix) > ($1.directory.utf8.count, $1.directory, $1.prefix) }
        var moduleOf: [String: String] = [:]
        var known = Set<String>()
        for path in pythonFiles {
            let placed = places.first { PythonModuleMap.contains($0.directory, path) }
            let name: String?
            if let placed {
                let relative = placed.directory.isEmpty ? path : String(path.dropFirst(placed.directory.count + 1))
                name = PythonModuleMap.dottedName(relative, prefix: placed.prefix)
            } else {
                var base = RepositoryPath.folder(of: path)
                while !base.isEmpty, initDirectories.contains(base) { base = RepositoryPath.folder(of: base) }
                name = PythonModuleMap.dottedName(base.isEmpty ? path : String(path.dropFirst(base.count + 1)), prefix: "")
            }
            guard let name else { continue }
            moduleOf[path] = name
            var prefix = Substring(name)
            while true {
                guard known.insert(String(prefix)).inserted, let dot = prefix.lastIndex(of: ".") else { break }
                prefix = prefix[..<dot]
            }
        }
        self.moduleOf = moduleOf
        self.known = known
        topLevel = Set(known.map { String($0.split(separator: ".", maxSplits: 1)[0]) })
    }

    func modules(ofSorted paths: [String]) -> [String?] { paths.map { moduleOf[$0] } }

    func resolve(_ file: SourceFile) -> SourceFile {
        guard file.language == .python else { return file }
        return PythonImportResolver.resolve(file, known: known, topLevel: topLevel)
    }

    static func contains(_ directory: String, _ path: String) -> Bool {
        directory.isEmpty || (path.hasPrefix(directory) && path.utf8.count > directory.utf8.count
            && path.utf8[path.utf8.index(path.utf8.startIndex, offsetBy: directory.utf8.count)] == UInt8(ascii: "/"))
    }

    static func fileName(_ path: String) -> Substring {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? Substring(path)
    }

    /// `a/b/c.py` → `a.b.c`, `a/b/__init__.py` → `a.b`, with `prefix.` before it; nil when a
    /// part is not an identifier.
    /// Each part is letters, digits and `_`: a leading digit is allowed, as `import_module` (and
    /// grimp) take `migrations/0001_initial.py` as the module `migrations.0001_initial`. Worked
    /// on bytes: this runs for every Python file.
    static func dottedName(_ relative: String, prefix: String) -> String? {
        var bytes = Array(relative.utf8)
        if bytes.last == UInt8(ascii: "i") { bytes.removeLast() }
        guard bytes.count > 3, bytes.suffix(3).elementsEqual(".py".utf8) else { return nil }
        bytes.removeLast(3)
        let initName = Array("__init__".utf8)
        if bytes.count >= initName.count, bytes.suffix(initName.count).elementsEqual(initName),
           bytes.count == initName.count || bytes[bytes.count - initName.count - 1] == UInt8(ascii: "/") {
            bytes.removeLast(min(bytes.count, initName.count + 1))
        }
        if !prefix.isEmpty { bytes = Array(prefix.utf8) + (bytes.isEmpty ? [] : [UInt8(ascii: ".")] + bytes) }
        guard !bytes.isEmpty else { return nil }
        var previous = UInt8(ascii: ".")
        for k in bytes.indices {
            let byte = bytes[k]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") {
                guard previous != UInt8(ascii: ".") else { return nil }
                bytes[k] = UInt8(ascii: ".")
            } else if !PythonLexer.isNameByte(byte) {
                return nil
            }
            previous = bytes[k]
        }
        guard previous != UInt8(ascii: ".") else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Which package each Go file is in (ADR-0010): a package is a directory, named by its import
/// path: the path of the innermost `go.mod` above it and the folder below that go.mod
/// (`orders/api.go` under a go.mod of `module example.com/shop` is in `example.com/shop/orders`).
/// Nested modules are their own: the innermost go.mod wins. A folder under no go.mod is named by
/// its path from the root (a GOPATH's `src`, scanned, names `github.com/x/y` as Go does), and Go's
/// own `src` (module `std`) by the folder alone (`net/http`). `vendor/` folders are not listed (the
/// walker skips vendored code), so a vendored package is imported as the other module it is.
///
/// A rule's name that is a package (`example.com/shop/orders`) means it and every package below
/// it (`Architecture`). Go packages are not `ResolvedModule`s: `manifests must match imports`
/// does not judge them.
struct GoModuleMap: ModuleMap {
    let modules: [ResolvedModule] = []
    let resolvesImports = true
    /// The import path of every folder holding a `.go` file.
    let packageOfDirectory: [String: String]

    init(modules: [GoModule], files: [String]) {
        var at: [String: GoModule] = [:]
        for module in modules.sorted(by: { $0.directory < $1.directory }) { at[module.directory] = module }
        var named: [String: String] = [:]
        var previous: String?
        for path in files where GoModuleMap.isSource(path) {
            let directory = RepositoryPath.folder(of: path)
            if directory == previous { continue }
            previous = directory
            if named[directory] == nil { named[directory] = GoModuleMap.importPath(of: directory, modules: at) }
        }
        packageOfDirectory = named
    }

    static func isSource(_ path: String) -> Bool { Language.of(path: path) == .go }

    /// The import path of the package in `directory`.
    static func importPath(of directory: String, modules: [String: GoModule]) -> String {
        var up = directory
        while true {
            if let module = modules[up], let path = module.path {
                let below = up.isEmpty ? directory : String(directory.dropFirst(up.utf8.count).drop { $0 == "/" })
                if path == "std" { return below.isEmpty ? "std" : below }
                return below.isEmpty ? path : path + "/" + below
            }
            if up.isEmpty { break }
            up = RepositoryPath.folder(of: up)
        }
        return directory.isEmpty ? "." : directory
    }

    func modules(ofSorted paths: [String]) -> [String?] {
        paths.map { GoModuleMap.isSource($0) ? packageOfDirectory[RepositoryPath.folder(of: $0)] : nil }
    }

    func resolve(_ file: SourceFile) -> SourceFile {
        guard file.language == .go else { return file }
        return GoImportResolver.resolve(file)
    }
}

import SteleCore

/// One `package.json` of the tree: its folder and the name other packages import it by
/// (`@acme/orders`), with the fields that say which file a bare import of it loads.
struct TypeScriptPackage: Equatable, Sendable {
    /// The folder, relative to the root ("" for the root's own package.json).
    var directory: String
    var manifestPath: String
    /// nil for a package.json without a `name` (a private root often has none): it names no module.
    var name: String?
    /// `types`, `typings`, `module`, `main`, and `exports["."]` when it is a string (or its
    /// `import`, `default`, `types` conditions), in that order: the entry candidates.
    var entries: [String]
    /// `imports`: the package's private specifiers (`"#db": "./src/db/index.ts"`, `"#ui/*": …`),
    /// each to its target (a string, or the first of its `types`, `import`, `default`, `require`,
    /// `node` conditions that is one).
    var imports: [String: String] = [:]

    static func isManifest(_ path: String) -> Bool {
        path == "package.json" || path.hasSuffix("/package.json")
    }

    /// Reads a package.json; one that is not JSON gives a package with no name, and a warning.
    static func parse(_ bytes: [UInt8], path: String) -> (TypeScriptPackage, Diagnostic?) {
        let directory = path == "package.json" ? "" : String(path.dropLast("/package.json".count))
        var package = TypeScriptPackage(directory: directory, manifestPath: path, name: nil, entries: [])
        guard let json = JSON.parse(bytes: bytes), case .object = json else {
            return (package, .warning("package.json is not a JSON object: its package is not a module",
                                      at: SourceLocation(file: path, line: 1, column: 1)))
        }
        if let name = json["name"]?.stringValue, !name.isEmpty { package.name = name }
        for key in ["types", "typings", "module", "main"] {
            if let entry = json[key]?.stringValue { package.entries.append(entry) }
        }
        if let exports = json["exports"] {
            let dot = exports["."] ?? exports
            if let entry = dot.stringValue { package.entries.append(entry) }
            for condition in ["types", "import", "default", "require"] {
                if let entry = dot[condition]?.stringValue { package.entries.append(entry) }
            }
        }
        if case .object(let members)? = json["imports"] {
            for (pattern, target) in members where pattern.hasPrefix("#") {
                let chosen = target.stringValue
                    ?? ["types", "import", "default", "require", "node"].lazy.compactMap { target[$0]?.stringValue }.first
                if let chosen { package.imports[pattern] = chosen }
            }
        }
        return (package, nil)
    }
}

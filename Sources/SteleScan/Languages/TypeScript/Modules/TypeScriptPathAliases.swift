/// The `compilerOptions.paths` and `baseUrl` that apply to the files below one `tsconfig.json`'s
/// folder: the aliases they import by (`"@ui/*": ["src/ui/*"]`), its own or, when it has none, those
/// of the first config it `extends` (a relative path: `../../tsconfig.base.json`) that has some.
struct TypeScriptPathAliases: Equatable, Sendable {
    /// The folder of the `tsconfig.json` whose files they apply to ("" for the root).
    var directory: String
    /// `baseUrl` against the folder of the config that sets it, normalised; nil when not set.
    var baseURL: String?
    /// Each pattern (one `*` at most) and its targets, relative to `baseUrl`, else to `pathsBase`.
    var paths: [(pattern: String, targets: [String])]
    /// The folder of the config that declares `paths` (an extended one's, maybe).
    var pathsBase: String

    init(directory: String, baseURL: String?, paths: [(pattern: String, targets: [String])], pathsBase: String? = nil) {
        self.directory = directory
        self.baseURL = baseURL
        self.paths = paths
        self.pathsBase = pathsBase ?? directory
    }

    static func == (a: TypeScriptPathAliases, b: TypeScriptPathAliases) -> Bool {
        a.directory == b.directory && a.baseURL == b.baseURL && a.pathsBase == b.pathsBase
            && a.paths.map(\.pattern) == b.paths.map(\.pattern) && a.paths.map(\.targets) == b.paths.map(\.targets)
    }

    /// `tsconfig.json`: the config of its folder's files.
    static func isFolderConfig(_ path: String) -> Bool {
        path == "tsconfig.json" || path.hasSuffix("/tsconfig.json")
    }

    /// `tsconfig.json`, `tsconfig.base.json`, `tsconfig.app.json`: read, as configs others may extend.
    static func isManifest(_ path: String) -> Bool {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? Substring(path)
        return name.hasPrefix("tsconfig") && name.hasSuffix(".json")
    }

    /// The candidate paths (relative to the root, without extension lookup) for `specifier`, in
    /// the order TypeScript tries them: the longest matching pattern's targets, then `baseUrl`.
    func candidates(for specifier: String) -> [String] {
        let base = baseURL ?? pathsBase
        var best: (prefixLength: Int, targets: [String])?
        for (pattern, targets) in paths {
            if let star = pattern.firstIndex(of: "*") {
                let prefix = pattern[..<star], suffix = pattern[pattern.index(after: star)...]
                guard specifier.hasPrefix(prefix), specifier.hasSuffix(suffix), specifier.count >= prefix.count + suffix.count else { continue }
                let middle = String(specifier.dropFirst(prefix.count).dropLast(suffix.count))
                if best == nil || prefix.count > best!.prefixLength {
                    best = (prefix.count, targets.map { $0.replacingFirstStar(with: middle) })
                }
            } else if pattern == specifier {
                best = (Int.max, targets)
            }
        }
        var result = (best?.targets ?? []).compactMap { TypeScriptImportResolver.join(base, $0) }
        if baseURL != nil, let joined = TypeScriptImportResolver.join(base, specifier) { result.append(joined) }
        return result
    }
}

private extension String {
    func replacingFirstStar(with text: String) -> String {
        guard let star = firstIndex(of: "*") else { return self }
        return String(self[..<star]) + text + String(self[index(after: star)...])
    }
}

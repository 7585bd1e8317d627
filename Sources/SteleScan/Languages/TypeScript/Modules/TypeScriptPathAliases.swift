/// The `compilerOptions.paths` and `baseUrl` of one `tsconfig.json`: the aliases its folder's files
/// import by (`"@ui/*": ["src/ui/*"]`). A tsconfig that `extends` another does not inherit its
/// aliases here; each tsconfig applies to the files below its own folder.
struct TypeScriptPathAliases: Equatable, Sendable {
    /// The tsconfig's folder ("" for the root).
    var directory: String
    /// `baseUrl` against the folder, normalised; nil when not set.
    var baseURL: String?
    /// Each pattern (one `*` at most) and its targets, relative to `baseUrl` (or the folder).
    var paths: [(pattern: String, targets: [String])]

    static func == (a: TypeScriptPathAliases, b: TypeScriptPathAliases) -> Bool {
        a.directory == b.directory && a.baseURL == b.baseURL
            && a.paths.map(\.pattern) == b.paths.map(\.pattern) && a.paths.map(\.targets) == b.paths.map(\.targets)
    }

    static func isManifest(_ path: String) -> Bool {
        path == "tsconfig.json" || path.hasSuffix("/tsconfig.json")
    }

    /// The candidate paths (relative to the root, without extension lookup) for `specifier`, in
    /// the order TypeScript tries them: the longest matching pattern's targets, then `baseUrl`.
    func candidates(for specifier: String) -> [String] {
        let base = baseURL ?? directory
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

import SteleCore

/// Reads a `tsconfig.json`, which TypeScript lets hold comments and trailing commas: the file is
/// lexed as TypeScript (`TypeScriptLexer`: strings, `//` and `/* */` comments), the comments and
/// every `,` before a `}` or `]` are dropped, and the rest is strict JSON (`SteleCore`'s parser).
enum TypeScriptConfigReader {
    /// One config as read: its own aliases, if any, and the config it `extends` (a path from the
    /// root, `.json` added, for a relative `extends`; nil for none or a package's config).
    struct Config: Equatable, Sendable {
        var aliases: TypeScriptPathAliases?
        var extends: String?
    }

    /// The aliases of the files below each `tsconfig.json` among `configs` (by path): its own, else
    /// the first in its `extends` chain (at most eight deep; a cycle ends it) that has some.
    static func aliases(_ configs: [String: Config]) -> [TypeScriptPathAliases] {
        var result: [TypeScriptPathAliases] = []
        for path in configs.keys.sorted() where TypeScriptPathAliases.isFolderConfig(path) {
            var current = path
            for _ in 0..<8 {
                guard let config = configs[current] else { break }
                if var found = config.aliases {
                    found.directory = RepositoryPath.folder(of: path)
                    result.append(found)
                    break
                }
                guard let next = config.extends else { break }
                current = next
            }
        }
        return result
    }

    static func parse(_ bytes: [UInt8], path: String) -> (Config?, Diagnostic?) {
        var code: [TypeScriptToken] = []
        var comments: [TypeScriptToken] = []
        TypeScriptLexer.tokenize(bytes, into: &code, comments: &comments)
        var text: [UInt8] = []
        for (k, token) in code.enumerated() {
            if token.kind == .punct, bytes[token.start] == UInt8(ascii: ","), k + 1 < code.count, code[k + 1].kind == .punct,
               bytes[code[k + 1].start] == UInt8(ascii: "}") || bytes[code[k + 1].start] == UInt8(ascii: "]") { continue }
            text += bytes[token.start..<token.end]
            text.append(UInt8(ascii: " "))
        }
        let directory = RepositoryPath.folder(of: path)
        guard let json = JSON.parse(bytes: text), case .object = json else {
            return (nil, .warning("tsconfig.json not read: not JSON, even with comments and trailing commas allowed",
                                  at: SourceLocation(file: path, line: 1, column: 1)))
        }
        var extends: String?
        if let parent = json["extends"]?.stringValue, parent.hasPrefix("."), let joined = TypeScriptImportResolver.join(directory, parent) {
            extends = joined.hasSuffix(".json") ? joined : joined + ".json"
        }
        let options = json["compilerOptions"]
        let baseURL = options?["baseUrl"]?.stringValue.flatMap { TypeScriptImportResolver.join(directory, $0) }
        var paths: [(pattern: String, targets: [String])] = []
        if case .object(let members)? = options?["paths"] {
            for (pattern, targets) in members {
                paths.append((pattern, targets.arrayValue?.compactMap(\.stringValue) ?? []))
            }
        }
        let aliases = baseURL != nil || !paths.isEmpty ? TypeScriptPathAliases(directory: directory, baseURL: baseURL, paths: paths) : nil
        return (Config(aliases: aliases, extends: extends), nil)
    }
}

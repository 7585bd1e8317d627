import SteleCore

/// Reads a `tsconfig.json`, which TypeScript lets hold comments and trailing commas: the file is
/// lexed as TypeScript (`TypeScriptLexer`: strings, `//` and `/* */` comments), the comments and
/// every `,` before a `}` or `]` are dropped, and the rest is strict JSON (`SteleCore`'s parser).
enum TypeScriptConfigReader {
    static func parse(_ bytes: [UInt8], path: String) -> (TypeScriptPathAliases?, Diagnostic?) {
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
        let directory = TypeScriptModuleMap.parent(path)
        guard let json = JSON.parse(String(decoding: text, as: UTF8.self)), case .object = json else {
            return (nil, .warning("tsconfig.json not read: not JSON, even with comments and trailing commas allowed",
                                  at: SourceLocation(file: path, line: 1, column: 1)))
        }
        let options = json["compilerOptions"]
        let baseURL = options?["baseUrl"]?.stringValue.flatMap { TypeScriptImportResolver.join(directory, $0) }
        var paths: [(pattern: String, targets: [String])] = []
        if case .object(let members)? = options?["paths"] {
            for (pattern, targets) in members {
                paths.append((pattern, targets.arrayValue?.compactMap(\.stringValue) ?? []))
            }
        }
        guard baseURL != nil || !paths.isEmpty else { return (nil, nil) }
        return (TypeScriptPathAliases(directory: directory, baseURL: baseURL, paths: paths), nil)
    }
}

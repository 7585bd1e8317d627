/// Finds uses of named symbols in Swift source, for `A must not use S` rules: a name (`print`,
/// `NSManagedObjectContext`) as an identifier that is not a member (`x.print` is another `print`),
/// or a member chain (`UserDefaults.standard`, `DispatchQueue.main.sync`) as consecutive tokens.
///
/// It works on the lexer's tokens, so nothing in a comment or a string counts. It matches names;
/// it does not resolve them: a local variable that shadows a forbidden name is still reported.
/// Symbol resolution (a later stage) will tell those apart.
public enum SwiftSymbolUseScanner {
    public struct Use: Hashable, Sendable {
        /// The symbol as the rule names it.
        public var symbol: String
        public var line: Int
        public var column: Int
    }

    /// The uses, and every `stele:allow` suppression in the file (it is lexed to the end anyway,
    /// and a use can be anywhere).
    public static func uses(of symbols: Set<String>, in source: [UInt8]) -> (uses: [Use], suppressions: [Suppression]) {
        guard !symbols.isEmpty else { return ([], []) }
        // Each symbol as its chain of names; indexed by the first name.
        var chains: [String: [[String]]] = [:]
        for symbol in symbols {
            let parts = symbol.split(separator: ".").map(String.init)
            if let first = parts.first { chains[first, default: []].append(parts) }
        }
        var lexer = SwiftLexer(source)
        var tokens: [SwiftToken] = []
        var suppressions: [Suppression] = []
        while let token = lexer.next() {
            guard token.isComment else { tokens.append(token); continue }
            if let suppression = Suppression.parse(token, in: lexer) {
                suppressions.append(suppression)
            }
        }
        var uses: [Use] = []
        for (i, token) in tokens.enumerated() where token.kind == .identifier || token.kind == .backtickIdentifier {
            let name = identifier(token, lexer)
            guard let candidates = chains[name] else { continue }
            // `x.print` names a member of something else; `.print` alone (implicit member) too.
            if i > 0, isDot(tokens[i - 1], lexer) { continue }
            for chain in candidates where matches(chain, at: i, tokens, lexer) {
                uses.append(Use(symbol: chain.joined(separator: "."), line: token.line, column: token.column))
            }
        }
        return (uses, suppressions)
    }

    static func matches(_ chain: [String], at start: Int, _ tokens: [SwiftToken], _ lexer: SwiftLexer) -> Bool {
        var i = start
        for (k, part) in chain.enumerated() {
            if k > 0 {
                guard i + 1 < tokens.count, isDot(tokens[i], lexer) else { return false }
                i += 1
            }
            guard i < tokens.count, tokens[i].kind == .identifier || tokens[i].kind == .backtickIdentifier,
                  identifier(tokens[i], lexer) == part else { return false }
            i += 1
        }
        return true
    }

    static func isDot(_ token: SwiftToken, _ lexer: SwiftLexer) -> Bool {
        token.kind == .punctuation && lexer.bytes[token.start] == UInt8(ascii: ".")
    }

    static func identifier(_ token: SwiftToken, _ lexer: SwiftLexer) -> String {
        let text = lexer.text(of: token)
        return token.kind == .backtickIdentifier ? String(text.dropFirst().dropLast()) : text
    }
}

import SteleCore

/// One token of a rule statement. Rules are one line each, so tokens carry only a column.
public struct RuleToken: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A name or keyword: `Domain`, `must`, `app.core`, `ADR-0007`, `2027-03-31`.
        case word
        /// A path pattern: anything with `/`, `*`, `?`, `{` or `[`.
        case glob
        /// A double-quoted string, unescaped.
        case string
        /// One of `,` `>` `=` `(` `)`.
        case symbol
    }

    public var kind: Kind
    public var text: String
    /// 0-based offset of the token's first character in the statement text.
    public var offset: Int

    public func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.lowercased() == keyword
    }

    public func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
}

/// Splits a rule statement into tokens. `#` starts a comment outside strings and globs.
public enum RuleTokenizer {
    public struct Failure: Error, Equatable {
        public var message: String
        public var offset: Int
        public var hint: String?
    }

    public static func tokenize(_ text: String) -> Result<[RuleToken], Failure> {
        let chars = Array(text)
        var tokens: [RuleToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" { i += 1; continue }
            if c == "#" { break }
            if ",>=()".contains(c) {
                tokens.append(RuleToken(kind: .symbol, text: String(c), offset: i))
                i += 1
                continue
            }
            if c == "\"" || c == "\u{201C}" {
                let start = i
                var value = ""
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "\\", i + 1 < chars.count { value.append(chars[i + 1]); i += 2; continue }
                    if chars[i] == "\"" || chars[i] == "\u{201D}" { closed = true; i += 1; break }
                    value.append(chars[i]); i += 1
                }
                guard closed else {
                    return .failure(Failure(message: "unterminated string", offset: start, hint: "close it with `\"`"))
                }
                tokens.append(RuleToken(kind: .string, text: value, offset: start))
                continue
            }
            // A run: up to whitespace or a symbol; commas inside `{a,b}` belong to the run.
            let start = i
            var depth = 0
            while i < chars.count {
                let d = chars[i]
                if d == "{" { depth += 1 } else if d == "}" { depth = max(0, depth - 1) }
                if d == " " || d == "\t" || d == "\"" { break }
                if depth == 0 && ",>=()".contains(d) {
                    // `Feature(*)`-style parentheses end a name, but `(` inside a glob does not occur.
                    break
                }
                i += 1
            }
            let run = String(chars[start..<i])
            tokens.append(RuleToken(kind: Glob.looksLikeGlob(run) ? .glob : .word, text: run, offset: start))
        }
        return .success(tokens)
    }
}

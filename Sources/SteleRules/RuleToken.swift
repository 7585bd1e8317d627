import SteleCore

/// One token of a rule statement. Rules are one line each, so tokens carry only a column.
struct RuleToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A name or keyword: `Domain`, `must`, `app.core`, `ADR-0007`, `2027-03-31`.
        case word
        /// A path pattern: anything with `/`, `*`, `?`, `{` or `[`.
        case glob
        /// A quoted string, unescaped: double quotes (straight or curly), single quotes or
        /// backticks. A path with spaces is written this way: `"Sources/App/State Machine/**"`.
        case string
        /// One of `,` `>` `=` `(` `)`.
        case symbol
    }

    var kind: Kind
    var text: String
    /// 0-based offset of the token's first character in the statement text.
    var offset: Int

    func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.lowercased() == keyword
    }

    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
}

/// Splits a rule statement into tokens. `#` starts a comment outside strings and globs.
enum RuleTokenizer {
    struct Failure: Error, Equatable {
        var message: String
        var offset: Int
        var hint: String?
    }

    /// Opening quotes and the characters that close them.
    static let closingQuote: [Character: [Character]] = [
        "\"": ["\""], "\u{201C}": ["\u{201D}", "\""], "'": ["'"], "\u{2018}": ["\u{2019}", "'"], "`": ["`"],
    ]

    static func tokenize(_ text: String) -> Result<[RuleToken], Failure> {
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
            // Arrows, as ADRs draw them (`UI → Domain`, `UI -> Domain`): a symbol of their own, which
            // the parser refuses with a hint, since arrows are written both highest-first and
            // lowest-first.
            if c == "\u{2192}" || (c == "-" && i + 1 < chars.count && chars[i + 1] == ">") {
                tokens.append(RuleToken(kind: .symbol, text: "→", offset: i))
                i += c == "-" ? 2 : 1
                continue
            }
            if let close = RuleTokenizer.closingQuote[c] {
                let start = i
                var value = ""
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "\\", i + 1 < chars.count { value.append(chars[i + 1]); i += 2; continue }
                    if close.contains(chars[i]) { closed = true; i += 1; break }
                    value.append(chars[i]); i += 1
                }
                guard closed else {
                    return .failure(Failure(message: "unterminated string", offset: start, hint: "close it with `\(close.first!)`"))
                }
                if let problem = Glob.complexityProblem(value) {
                    return .failure(Failure(message: "glob too complex: \(problem)", offset: start,
                                            hint: "split it into several globs separated by `,`, or name the folders with `**`"))
                }
                tokens.append(RuleToken(kind: .string, text: value, offset: start))
                continue
            }
            // A run: up to whitespace or a symbol; commas inside `{a,b}` belong to the run, and
            // `\ ` is a space inside it (`Sources/State\ Machine/**`).
            let start = i
            var depth = 0
            var run = ""
            while i < chars.count {
                let d = chars[i]
                if d == "\\", i + 1 < chars.count, chars[i + 1] == " " { run.append(" "); i += 2; continue }
                if d == "{" { depth += 1 } else if d == "}" { depth = max(0, depth - 1) }
                if d == " " || d == "\t" || d == "\"" { break }
                if depth == 0 && ",>=()".contains(d) {
                    // `Feature(*)`-style parentheses end a name, but `(` inside a glob does not occur.
                    break
                }
                if d == "-", i + 1 < chars.count, chars[i + 1] == ">" { break }
                run.append(d)
                i += 1
            }
            if Glob.looksLikeGlob(run), !RuleToken.isPackageName(run), let problem = Glob.complexityProblem(run) {
                return .failure(Failure(message: "glob too complex: \(problem)", offset: start,
                                        hint: "split it into several globs separated by `,`, or name the folders with `**`"))
            }
            tokens.append(RuleToken(kind: Glob.looksLikeGlob(run) && !RuleToken.isPackageName(run) ? .glob : .word, text: run, offset: start))
        }
        return .success(tokens)
    }
}

extension RuleToken {
    /// A package name that holds a `/` but is no path: npm's `@scope/name` or a Go import path.
    static func isPackageName(_ text: String) -> Bool { isScopedPackage(text) || isGoImportPath(text) }

    /// `@acme/orders`: an npm scoped package name, which names a module (every TypeScript module
    /// below it), not a path, though it holds a `/`. A path never starts with `@` in practice.
    static func isScopedPackage(_ text: String) -> Bool {
        guard text.hasPrefix("@") else { return false }
        let parts = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.~".unicodeScalars.contains($0) }
        }
    }

    /// `example.com/shop/orders`, `github.com/spf13/cobra`: a Go import path whose first part is a
    /// domain (lowercase, a dot, a top-level part of 2 to 6 letters), which names a package and
    /// every one below it. A folder of a repository is rarely named so; a standard-library path
    /// with a `/` (`net/http`) has no domain and stays a path: rules name it by its first part
    /// (`net`, every package below it) or a path without `/`.
    static func isGoImportPath(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, let domain = parts.first, domain.contains("."), !domain.hasPrefix("."),
              domain.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }),
              let top = domain.split(separator: ".").last, (2...6).contains(top.count), top.allSatisfy({ ("a"..."z").contains($0) })
        else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.~".unicodeScalars.contains($0) }
        }
    }
}

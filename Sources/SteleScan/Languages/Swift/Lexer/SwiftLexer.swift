#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SteleCore

/// A tokenizer for Swift source, over UTF-8 bytes.
///
/// It is the reason Stele can trust what it reports: `import` inside a comment, a string, a raw
/// string or an interpolation is not an import, and only a real lexer knows where those end. It
/// handles nested block comments, every string form (`"…"`, `"""…"""`, `#"…"#` with any number of
/// `#`, interpolations holding strings, parentheses and comments), regex literals, backticks,
/// attributes, `#if` conditions spanning lines, and a shebang. Invalid UTF-8 and unterminated
/// literals end a token gracefully; nothing here can trap on bad input.
///
/// It allocates nothing per token: tokens are byte ranges. Use `next()` to walk them.
struct SwiftLexer {
    let bytes: [UInt8]
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    private var sawTokenOnLine = false
    /// The last non-comment token, for telling a regex literal from a division.
    private var previous: SwiftToken?
    /// Where lexing stops: the end of the source, or of the interpolation being lexed.
    private let limit: Int
    /// When set, the top-level interpolations of the strings lexed are collected here.
    private var interpolationRanges: [Interpolation]?
    /// How deep in nested string literals the lexer is (a string inside an interpolation is 2).
    private var stringDepth = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.limit = bytes.count
        // A shebang is a comment to us: skip to the end of the first line.
        if limit >= 2, bytes[0] == UInt8(ascii: "#"), bytes[1] == UInt8(ascii: "!") {
            while pos < limit, bytes[pos] != newline { pos += 1 }
        }
    }

    /// Lexes `range` of `bytes` only: the code inside a string interpolation. `line` and `lineStart`
    /// (the offset where that line begins) place its tokens in the whole file.
    init(_ bytes: [UInt8], range: Range<Int>, line: Int, lineStart: Int) {
        self.bytes = bytes
        self.limit = min(range.upperBound, bytes.count)
        self.pos = range.lowerBound
        self.line = line
        self.lineStart = lineStart
        self.sawTokenOnLine = true
    }

    /// The code inside one `\( … )` of a string literal.
    struct Interpolation: Equatable, Sendable {
        var range: Range<Int>
        var line: Int
        /// The offset of the first byte of `line`.
        var lineStart: Int
    }

    /// The interpolations of a string-literal token, outermost only (lex each with
    /// `init(_:range:line:lineStart:)` to find the ones nested in it). Code in an interpolation is
    /// code: `"\(LoginView.title)"` uses `LoginView`.
    func interpolations(in token: SwiftToken) -> [Interpolation] {
        guard token.kind == .stringLiteral, token.end - token.start >= 4 else { return [] }
        var sub = SwiftLexer(bytes, range: token.start..<token.end, line: token.line, lineStart: token.start - token.column + 1)
        sub.interpolationRanges = []
        _ = sub.next()
        return sub.interpolationRanges ?? []
    }

    /// The source text of a token (invalid UTF-8 is repaired with U+FFFD).
    func text(of token: SwiftToken) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    /// Whether the token's text is exactly `word` (ASCII), without making a string.
    func token(_ token: SwiftToken, is word: StaticString) -> Bool {
        matches(token.start, token.end - token.start, word)
    }

    /// Whether the token is the punctuation character `c` (`(`, `.`, `{`).
    @inline(__always) func isPunctuation(_ token: SwiftToken, _ c: Unicode.Scalar) -> Bool {
        token.kind == .punctuation && bytes[token.start] == UInt8(truncatingIfNeeded: c.value)
    }

    /// Whether the token is exactly the operator `text` (`=`, `->`).
    @inline(__always) func isOperator(_ token: SwiftToken, _ text: StaticString) -> Bool {
        token.kind == .operator && self.token(token, is: text)
    }

    /// Whether the token's text is exactly `text`, without making a string.
    func token(_ token: SwiftToken, isText text: String) -> Bool {
        let length = token.end - token.start
        guard length == text.utf8.count else { return false }
        // Byte for byte on buffers (a generic `elementsEqual` over the two views cost ten times more).
        var text = text
        return text.withUTF8 { wanted in
            bytes.withUnsafeBufferPointer { all in
                for i in 0..<length where all[token.start + i] != wanted[i] { return false }
                return true
            }
        }
    }

    /// Whether the token's bytes contain `word` (ASCII), without making a string. Every comment
    /// before the last import is searched for `stele:allow`: the C library's `memchr` finds the
    /// candidates by the word's `:` (its first byte when it has none), a rare byte in prose.
    func token(_ token: SwiftToken, contains word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard length > 0, token.end - token.start >= length else { return false }
        return word.withUTF8Buffer { wanted in
            let anchor = wanted.firstIndex(of: UInt8(ascii: ":")) ?? 0
            return bytes.withUnsafeBytes { raw in
                ByteSearch.contains(UnsafeRawBufferPointer(wanted), anchor: anchor, in: raw, from: token.start, to: token.end)
            }
        }
    }

    /// Where the lexer is: `reset(to:)` goes back there. Cheaper than copying the lexer to look
    /// ahead, which retains and releases its buffers (such copies were about a tenth of the
    /// import scan's instructions on the 50,000-file monorepo).
    struct Mark {
        fileprivate var pos: Int
        fileprivate var line: Int
        fileprivate var lineStart: Int
        fileprivate var sawTokenOnLine: Bool
        fileprivate var previous: SwiftToken?
        fileprivate var stringDepth: Int
    }

    var mark: Mark {
        Mark(pos: pos, line: line, lineStart: lineStart, sawTokenOnLine: sawTokenOnLine, previous: previous, stringDepth: stringDepth)
    }

    /// Goes back to `mark`, taken from this lexer (interpolations collected since stay collected:
    /// only a lexer of one string literal collects them, and it never looks ahead).
    mutating func reset(to mark: Mark) {
        pos = mark.pos
        line = mark.line
        lineStart = mark.lineStart
        sawTokenOnLine = mark.sawTokenOnLine
        previous = mark.previous
        stringDepth = mark.stringDepth
    }

    /// The next token, or nil at the end of the source.
    mutating func next() -> SwiftToken? {
        skipWhitespace()
        guard pos < limit else { return nil }
        let start = pos
        let startLine = line
        let column = pos - lineStart + 1
        let first = !sawTokenOnLine
        let kind = scanToken()
        let token = SwiftToken(kind: kind, start: start, end: pos, line: startLine, column: column, isFirstOnLine: first)
        if !token.isComment {
            sawTokenOnLine = true
            previous = token
        }
        return token
    }

    // MARK: - Scanning

    private let newline = UInt8(ascii: "\n")

    @inline(__always) private func byte(_ i: Int) -> UInt8 { i < limit ? bytes[i] : 0 }

    private mutating func skipWhitespace() {
        while pos < limit {
            let c = bytes[pos]
            if c == newline {
                pos += 1
                line += 1
                lineStart = pos
                sawTokenOnLine = false
            } else if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C {
                pos += 1
            } else {
                return
            }
        }
    }

    private mutating func scanToken() -> SwiftToken.Kind {
        let c = bytes[pos]
        switch c {
        case UInt8(ascii: "/"):
            let n = byte(pos + 1)
            if n == UInt8(ascii: "/") { skipToEndOfLine(); return .lineComment }
            if n == UInt8(ascii: "*") { skipBlockComment(); return .blockComment }
            if regexMayStartHere(), let end = regexEnd(from: pos) { pos = end; return .regexLiteral }
            return scanOperator()
        case UInt8(ascii: "\""):
            scanString(hashes: 0)
            return .stringLiteral
        case UInt8(ascii: "#"):
            return scanPound()
        case UInt8(ascii: "@"):
            pos += 1
            if isIdentifierStart(byte(pos)) { skipIdentifier(); return .attribute }
            return .operator
        case UInt8(ascii: "`"):
            pos += 1
            while pos < limit, bytes[pos] != UInt8(ascii: "`"), bytes[pos] != newline { pos += 1 }
            if byte(pos) == UInt8(ascii: "`") { pos += 1 }
            return .backtickIdentifier
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"):
            pos += 1
            return .punctuation
        case UInt8(ascii: "."):
            if byte(pos + 1) == UInt8(ascii: ".") { return scanOperator() }
            pos += 1
            return .punctuation
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            scanNumber()
            return .number
        default:
            if isIdentifierStart(c) { skipIdentifier(); return .identifier }
            if isOperatorCharacter(c) { return scanOperator() }
            pos += 1 // a stray byte (`\`, a control character): one token, never a stall
            return .operator
        }
    }

    private mutating func scanPound() -> SwiftToken.Kind {
        // Raw string `#"…"#`, extended regex `#/…/#`, or a pound keyword / directive.
        var hashes = 0
        while byte(pos + hashes) == UInt8(ascii: "#") { hashes += 1 }
        let after = byte(pos + hashes)
        if after == UInt8(ascii: "\"") {
            pos += hashes
            scanString(hashes: hashes)
            return .stringLiteral
        }
        if after == UInt8(ascii: "/"), let end = extendedRegexEnd(hashes: hashes) {
            pos = end
            return .regexLiteral
        }
        if hashes == 1, isIdentifierStart(after) {
            let keywordStart = pos + 1
            pos += 1
            skipIdentifier()
            let length = pos - keywordStart
            if matches(keywordStart, length, "if") || matches(keywordStart, length, "elseif") {
                skipCondition()
                return .conditionalDirective
            }
            if matches(keywordStart, length, "else") || matches(keywordStart, length, "endif") {
                return .conditionalDirective
            }
            return .poundKeyword
        }
        pos += 1
        return .operator
    }

    private func matches(_ start: Int, _ length: Int, _ word: StaticString) -> Bool {
        guard length == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { buffer in
            for k in 0..<length where bytes[start + k] != buffer[k] { return false }
            return true
        }
    }

    /// The condition of `#if` / `#elseif`: to the end of the line, and on to the next lines while
    /// it ends in `&&` / `||` or has unclosed parentheses.
    private mutating func skipCondition() {
        var depth = 0
        while pos < limit {
            var lastSignificant: UInt8 = 0
            var secondLast: UInt8 = 0
            while pos < limit, bytes[pos] != newline {
                let c = bytes[pos]
                if c == UInt8(ascii: "/"), byte(pos + 1) == UInt8(ascii: "/") { skipToEndOfLine(); break }
                if c == UInt8(ascii: "/"), byte(pos + 1) == UInt8(ascii: "*") { skipBlockComment(); continue }
                if c == UInt8(ascii: "(") { depth += 1 }
                if c == UInt8(ascii: ")") { depth = max(0, depth - 1) }
                if c != 0x20 && c != 0x09 && c != 0x0D { secondLast = lastSignificant; lastSignificant = c }
                pos += 1
            }
            let continues = depth > 0
                || (lastSignificant == UInt8(ascii: "&") && secondLast == UInt8(ascii: "&"))
                || (lastSignificant == UInt8(ascii: "|") && secondLast == UInt8(ascii: "|"))
            guard continues, pos < limit else { return }
            pos += 1 // the newline, kept inside the directive token
            line += 1
            lineStart = pos
        }
    }

    /// To the newline (or the limit): with the C library's `memchr`, as comments are most of what
    /// the import scan reads before the imports (a licence header is a dozen lines).
    private mutating func skipToEndOfLine() {
        guard pos < limit else { return }
        pos = bytes.withUnsafeBytes { raw in
            guard let found = memchr(raw.baseAddress! + pos, Int32(newline), limit - pos) else { return limit }
            return UnsafeRawPointer(found) - raw.baseAddress!
        }
    }

    private mutating func skipBlockComment() {
        pos += 2
        var depth = 1
        while pos < limit {
            let c = bytes[pos]
            if c == UInt8(ascii: "*"), byte(pos + 1) == UInt8(ascii: "/") {
                pos += 2
                depth -= 1
                if depth == 0 { return }
            } else if c == UInt8(ascii: "/"), byte(pos + 1) == UInt8(ascii: "*") {
                pos += 2
                depth += 1
            } else {
                if c == newline { line += 1; lineStart = pos + 1; sawTokenOnLine = false }
                pos += 1
            }
        }
    }

    /// A string starting at `pos` (the first `"`), after `hashes` `#`s already consumed. Ends after
    /// the closing quote(s) and `#`s, or at the end of the line (single-line) / file (multi-line).
    private mutating func scanString(hashes: Int) {
        stringDepth += 1
        defer { stringDepth -= 1 }
        // `"""` opens a multi-line string only when the rest of its line is blank (Swift's rule);
        // `#"""#` is the one-character string `"`.
        var multiline = byte(pos + 1) == UInt8(ascii: "\"") && byte(pos + 2) == UInt8(ascii: "\"")
        if multiline {
            var k = pos + 3
            while k < limit, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0D { k += 1 }
            multiline = k >= limit || bytes[k] == newline
        }
        pos += multiline ? 3 : 1
        while pos < limit {
            let c = bytes[pos]
            if c == UInt8(ascii: "\\") && hashesFollow(pos + 1, hashes) {
                let afterEscape = pos + 1 + hashes
                if byte(afterEscape) == UInt8(ascii: "(") {
                    pos = afterEscape + 1
                    let start = pos, startLine = line, startOfLine = lineStart
                    skipInterpolation()
                    if stringDepth == 1, interpolationRanges != nil {
                        let end = pos > start && byte(pos - 1) == UInt8(ascii: ")") ? pos - 1 : pos
                        interpolationRanges?.append(Interpolation(range: start..<end, line: startLine, lineStart: startOfLine))
                    }
                } else {
                    // An escaped character; an escaped newline continues a multi-line string.
                    pos = afterEscape
                    if byte(pos) == newline { line += 1; lineStart = pos + 1 }
                    if pos < limit { pos += 1 }
                }
                continue
            }
            if c == UInt8(ascii: "\"") {
                if multiline {
                    if byte(pos + 1) == UInt8(ascii: "\""), byte(pos + 2) == UInt8(ascii: "\""), hashesFollow(pos + 3, hashes) {
                        pos += 3 + hashes
                        return
                    }
                } else if hashesFollow(pos + 1, hashes) {
                    pos += 1 + hashes
                    return
                }
                pos += 1
                continue
            }
            if c == newline {
                if !multiline { return } // unterminated: the string ends with its line
                line += 1
                lineStart = pos + 1
            }
            pos += 1
        }
    }

    @inline(__always) private func hashesFollow(_ at: Int, _ count: Int) -> Bool {
        var k = 0
        while k < count {
            if byte(at + k) != UInt8(ascii: "#") { return false }
            k += 1
        }
        return true
    }

    /// Inside `\( … )`: skips to the matching `)`, through nested strings, comments and parentheses.
    private mutating func skipInterpolation() {
        var depth = 1
        while pos < limit {
            let c = bytes[pos]
            switch c {
            case UInt8(ascii: "("):
                depth += 1
                pos += 1
            case UInt8(ascii: ")"):
                depth -= 1
                pos += 1
                if depth == 0 { return }
            case UInt8(ascii: "\""):
                scanString(hashes: 0)
            case UInt8(ascii: "#"):
                var hashes = 0
                while byte(pos + hashes) == UInt8(ascii: "#") { hashes += 1 }
                if byte(pos + hashes) == UInt8(ascii: "\"") {
                    pos += hashes
                    scanString(hashes: hashes)
                } else {
                    pos += hashes
                }
            case UInt8(ascii: "/") where byte(pos + 1) == UInt8(ascii: "*"):
                skipBlockComment()
            case UInt8(ascii: "/") where byte(pos + 1) == UInt8(ascii: "/"):
                skipToEndOfLine()
            case newline:
                line += 1
                pos += 1
                lineStart = pos
            default:
                pos += 1
            }
        }
    }

    /// Whether a `/` here can open a regex literal rather than divide: at the start of an
    /// expression (after an operator, an opening bracket, a comma, a colon, `=`, a keyword like
    /// `return`), and not followed by a space (Swift's own rule for bare `/…/` literals).
    private func regexMayStartHere() -> Bool {
        let next = byte(pos + 1)
        if next == 0x20 || next == 0x09 || next == newline || next == UInt8(ascii: "=") || next == 0 { return false }
        guard let previous else { return true }
        switch previous.kind {
        case .operator, .conditionalDirective:
            return true
        case .punctuation:
            let p = bytes[previous.start]
            return p != UInt8(ascii: ")") && p != UInt8(ascii: "]") && p != UInt8(ascii: "}")
        case .identifier:
            for keyword in SwiftLexer.expressionKeywords where token(previous, is: keyword) { return true }
            return false
        default:
            return false
        }
    }

    static let expressionKeywords: [StaticString] = ["return", "case", "in", "where", "throw", "try", "await", "if", "guard", "while", "else", "some", "let", "var"]

    /// The end of a bare regex literal `/…/` starting at `start`, if it closes on the same line.
    private func regexEnd(from start: Int) -> Int? {
        var i = start + 1
        var inClass = false
        var depth = 0
        while i < limit {
            let c = bytes[i]
            if c == newline { return nil }
            if c == UInt8(ascii: "\\") { i += 2; continue }
            // SE-0354: an unbalanced `)` means the `/` was an operator (`{ /Result.success ~= $0 }).map(/Result.success)`).
            if !inClass, c == UInt8(ascii: "(") { depth += 1 }
            if !inClass, c == UInt8(ascii: ")") { depth -= 1; if depth < 0 { return nil } }
            if c == UInt8(ascii: "[") { inClass = true } else if c == UInt8(ascii: "]") { inClass = false } else if c == UInt8(ascii: "/"), !inClass {
                // `/ ` before the close would have been a division: Swift rejects a literal ending in space.
                if bytes[i - 1] == 0x20 { return nil }
                return i + 1
            }
            i += 1
        }
        return nil
    }

    /// The end of an extended regex `#/…/#` (with `hashes` `#`s), which may span lines.
    private mutating func extendedRegexEnd(hashes: Int) -> Int? {
        var i = pos + hashes + 1
        var lines = 0
        var lastNewline = -1
        while i < limit {
            let c = bytes[i]
            if c == UInt8(ascii: "\\") { i += 2; continue }
            if c == newline { lines += 1; lastNewline = i }
            if c == UInt8(ascii: "/"), hashesFollow(i + 1, hashes) {
                if lines > 0 { line += lines; lineStart = lastNewline + 1 }
                return i + 1 + hashes
            }
            i += 1
        }
        return nil
    }

    private mutating func scanNumber() {
        while pos < limit {
            let c = bytes[pos]
            if isIdentifierContinue(c) {
                pos += 1
            } else if c == UInt8(ascii: "."), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte(pos + 1)) {
                pos += 1
            } else if c == UInt8(ascii: "+") || c == UInt8(ascii: "-"), isExponentMarker(bytes[pos - 1]) {
                pos += 1
            } else {
                return
            }
        }
    }

    /// `e`/`E` (decimal) or `p`/`P` (hex) before a signed exponent: `1e-9`, `0x1p+3`.
    @inline(__always) private func isExponentMarker(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || c == UInt8(ascii: "p") || c == UInt8(ascii: "P")
    }

    private mutating func scanOperator() -> SwiftToken.Kind {
        // Only operators that start with `.` may contain one (`...`, `..<`): `x?.y` is `?`, `.`.
        let dotted = bytes[pos] == UInt8(ascii: ".")
        pos += 1
        while pos < limit {
            let c = bytes[pos]
            // A comment start ends an operator: `a+/* x */b`.
            if c == UInt8(ascii: "/"), byte(pos + 1) == UInt8(ascii: "/") || byte(pos + 1) == UInt8(ascii: "*") { break }
            guard isOperatorCharacter(c) || (dotted && c == UInt8(ascii: ".")) else { break }
            pos += 1
        }
        return .operator
    }

    @inline(__always) private mutating func skipIdentifier() {
        while pos < limit, isIdentifierContinue(bytes[pos]) { pos += 1 }
    }

    @inline(__always) private func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "$") || c >= 0x80
    }

    @inline(__always) private func isIdentifierContinue(_ c: UInt8) -> Bool {
        isIdentifierStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }

    @inline(__always) private func isOperatorCharacter(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "!"), UInt8(ascii: "*"),
             UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"),
             UInt8(ascii: "^"), UInt8(ascii: "~"), UInt8(ascii: "?"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}

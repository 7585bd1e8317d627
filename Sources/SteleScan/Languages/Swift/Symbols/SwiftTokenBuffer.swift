import SteleCore

/// The tokens the symbol scanner walks: a file's tokens without comments (whose suppressions are
/// kept), with the code inside each string interpolation in place after its string.
enum SwiftTokenBuffer {
    /// Lexes the whole of `lexer`'s source into `tokens`, a buffer a scan of many files reuses (the
    /// tokens take about five times the file's size; fresh memory for each file cost a tenth of
    /// the scan in page faults). Returns the suppressions the comments hold.
    static func fill(_ tokens: inout [SwiftToken], from lexer: inout SwiftLexer) -> [Suppression] {
        tokens.removeAll(keepingCapacity: true)
        tokens.reserveCapacity(lexer.bytes.count / 5)
        var suppressions: [Suppression] = []
        while let token = lexer.next() {
            if token.isComment {
                if let suppression = Suppression.parse(token, in: lexer) { suppressions.append(suppression) }
                continue
            }
            tokens.append(token)
            if token.kind == .stringLiteral { appendInterpolations(of: token, lexer: lexer, to: &tokens) }
        }
        return suppressions
    }

    /// The tokens of the code inside `"\( … )"`, in place after the string: it is code like any other.
    /// The parentheses come with it: an interpolation is an argument list (`\(raw: name)`,
    /// `\(value, specifier: "%.2f")`), whose labels are labels.
    static func appendInterpolations(of token: SwiftToken, lexer: SwiftLexer, to tokens: inout [SwiftToken]) {
        let bytes = lexer.bytes
        guard bytes[token.start..<token.end].contains(UInt8(ascii: "\\")) else { return }
        for part in lexer.interpolations(in: token) {
            let open = part.range.lowerBound - 1, close = part.range.upperBound
            let parenthesised = open >= 0 && bytes[open] == UInt8(ascii: "(") && close < bytes.count && bytes[close] == UInt8(ascii: ")")
            if parenthesised {
                tokens.append(SwiftToken(kind: .punctuation, start: open, end: open + 1, line: part.line,
                                         column: open - part.lineStart + 1, isFirstOnLine: false))
            }
            var sub = SwiftLexer(bytes, range: part.range, line: part.line, lineStart: part.lineStart)
            var last: SwiftToken?
            while let inner = sub.next() {
                if inner.isComment { continue }
                tokens.append(inner)
                last = inner
                if inner.kind == .stringLiteral { appendInterpolations(of: inner, lexer: lexer, to: &tokens) }
            }
            if parenthesised {
                // Its position is never reported: the last token's line is close enough.
                tokens.append(SwiftToken(kind: .punctuation, start: close, end: close + 1, line: last?.line ?? part.line,
                                         column: 1, isFirstOnLine: false))
            }
        }
    }
}

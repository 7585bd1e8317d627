/// Where a token is, in 32-bit fields: every language's lexer keeps a file's tokens, and a token
/// of 20 or 24 bytes instead of 40 or 48 halves that memory (files over 4 GiB are never lexed).
struct TokenSpan: Hashable, Sendable {
    private var start32: UInt32
    private var end32: UInt32
    private var line32: UInt32
    private var column32: UInt32

    /// Byte range in the source: `start..<end`.
    var start: Int { Int(start32) }
    var end: Int { Int(end32) }
    /// 1-based line and UTF-8 column of `start`.
    var line: Int { Int(line32) }
    var column: Int { Int(column32) }

    init(start: Int, end: Int, line: Int, column: Int) {
        start32 = UInt32(truncatingIfNeeded: start)
        end32 = UInt32(truncatingIfNeeded: end)
        line32 = UInt32(truncatingIfNeeded: line)
        column32 = UInt32(truncatingIfNeeded: column)
    }
}

/// A token of some language's lexer: its position comes from its span.
protocol SpannedToken {
    var span: TokenSpan { get }
}

extension SpannedToken {
    var start: Int { span.start }
    var end: Int { span.end }
    var line: Int { span.line }
    var column: Int { span.column }
}

/// One token of Python source, as byte offsets (no strings are made while lexing; see
/// `PythonLexer.text(of:)`). Only what the import reader needs is told apart: names, strings,
/// single-byte operators, comments and the end of each logical line.
struct PythonToken: Equatable, Sendable {
    enum Kind: UInt8, Sendable {
        /// `import`, `foo`, `TYPE_CHECKING`: keywords are names too; callers compare the text.
        case name
        case number
        /// Every string form, prefix included (`rb'…'`, `f"{x}"`, `"""…"""`), as one token.
        case string
        /// One byte of punctuation or operator: `.`, `(`, `,`, `:`, `;`, `*`, `=`, ...
        case op
        /// `# …` to the end of the line, newline excluded.
        case comment
        /// The end of a logical line: a newline outside brackets and not escaped by a backslash.
        case newline
    }

    var kind: Kind
    // 32-bit fields: a token is 20 bytes (files over 4 GiB are never lexed).
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

    init(kind: Kind, start: Int, end: Int, line: Int, column: Int) {
        self.kind = kind
        start32 = UInt32(truncatingIfNeeded: start)
        end32 = UInt32(truncatingIfNeeded: end)
        line32 = UInt32(truncatingIfNeeded: line)
        column32 = UInt32(truncatingIfNeeded: column)
    }
}

/// One token of Python source, as byte offsets (no strings are made while lexing; see
/// `PythonLexer.text(of:)`). Only what the import reader needs is told apart: names, strings,
/// single-byte operators, comments and the end of each logical line.
struct PythonToken: Equatable, Sendable, SpannedToken {
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
    var span: TokenSpan

    init(kind: Kind, start: Int, end: Int, line: Int, column: Int) {
        self.kind = kind
        span = TokenSpan(start: start, end: end, line: line, column: column)
    }
}

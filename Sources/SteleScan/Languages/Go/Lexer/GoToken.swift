/// One token of Go source, as byte offsets (no strings are made while lexing). Only what the
/// import reader needs is told apart.
struct GoToken: Equatable, Sendable, SpannedToken {
    enum Kind: UInt8, Sendable {
        /// `package`, `import`, `fmt`, `_`: keywords are names too; callers compare the text.
        case name
        case number
        /// `"…"`, quotes included; escapes are left as written.
        case string
        /// `` `…` ``, backticks included; it may span lines.
        case rawString
        /// `'x'`, `'\n'`.
        case rune
        /// One byte of punctuation or operator: `(`, `)`, `.`, `;`, `=`, ...
        case punct
        /// `// …` (line end excluded) or `/* … */`.
        case comment
    }

    var kind: Kind
    var span: TokenSpan

    init(kind: Kind, start: Int, end: Int, line: Int, column: Int) {
        self.kind = kind
        span = TokenSpan(start: start, end: end, line: line, column: column)
    }
}

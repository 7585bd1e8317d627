/// One token of TypeScript or JavaScript source, as byte offsets (no strings are made while
/// lexing). Only what the import reader needs is told apart.
struct TypeScriptToken: Equatable, Sendable, SpannedToken {
    enum Kind: UInt8, Sendable {
        /// `import`, `from`, `foo`, `$x`: keywords are names too; callers compare the text.
        case name
        case number
        /// `'…'` or `"…"`, quotes included.
        case string
        /// One piece of a template literal, from its opening `` ` `` or the `}` that closes a
        /// substitution, to its closing `` ` `` or the `${` that opens the next one. A template
        /// without substitutions is one token from backtick to backtick.
        case template
        /// `/…/flags`.
        case regex
        /// One byte of punctuation or operator: `.`, `(`, `{`, `,`, `;`, `=`, `*`, ...
        case punct
        /// `// …` (newline excluded), `/* … */`, and a `#!` line at the start of the file.
        case comment
    }

    var kind: Kind
    var span: TokenSpan

    init(kind: Kind, start: Int, end: Int, line: Int, column: Int) {
        self.kind = kind
        span = TokenSpan(start: start, end: end, line: line, column: column)
    }
}

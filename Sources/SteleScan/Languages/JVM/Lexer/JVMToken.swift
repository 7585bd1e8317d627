/// One token of Java or Kotlin source, as byte offsets (no strings are made while lexing). Only
/// what the header reader needs is told apart: names, literals, one-byte punctuation and comments.
struct JVMToken: Equatable, Sendable, SpannedToken {
    enum Kind: UInt8, Sendable {
        /// `package`, `import`, `foo`, `` `when` `` (backticks included): keywords are names too.
        case name
        case number
        /// Every string form as one token, quotes included: `"…"`, Java's text blocks and Kotlin's
        /// raw strings `"""…"""`, with Kotlin's `${…}` templates inside.
        case string
        /// `'a'`, `'\n'` (in a Gradle Groovy script, a `'…'` string).
        case character
        /// One byte of punctuation or operator: `.`, `;`, `*`, `@`, `:`, `(`, ...
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

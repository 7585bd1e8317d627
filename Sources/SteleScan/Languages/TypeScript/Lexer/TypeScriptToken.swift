/// One token of TypeScript or JavaScript source, as byte offsets (no strings are made while
/// lexing). Only what the import reader needs is told apart.
struct TypeScriptToken: Equatable, Sendable {
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

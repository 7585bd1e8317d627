/// One token of Swift source. Tokens carry byte offsets, not strings, so that lexing a large tree
/// allocates almost nothing; `SwiftLexer.text(of:)` makes a string when one is needed.
struct SwiftToken: Equatable, Sendable, SpannedToken {
    enum Kind: UInt8, Sendable {
        /// `foo`, `import`, `$0`: keywords are identifiers too; callers compare the text.
        case identifier
        /// `` `class` ``
        case backtickIdentifier
        /// `@testable`, `@_spi`: the `@` and the name, not the arguments.
        case attribute
        /// `#if`, `#elseif`, `#else`, `#endif`: the token covers the directive *and* its condition,
        /// up to the end of the line (or further, when the condition continues).
        case conditionalDirective
        /// `#available`, `#selector`, `#warning`, `#sourceLocation`, a macro like `#Preview`.
        case poundKeyword
        /// Every string form, interpolations included, as one token.
        case stringLiteral
        /// `/a+b/`, `#/.../#`
        case regexLiteral
        case number
        /// `(`, `)`, `[`, `]`, `{`, `}`, `,`, `:`, `;`, `.`
        case punctuation
        /// `+`, `==`, `->`, `?`, `!`, `&&` ...
        case `operator`
        /// `// ...` (to the end of the line, newline excluded)
        case lineComment
        /// `/* ... */`, nested ones included
        case blockComment
    }

    var kind: Kind
    /// No other token precedes this one on its line (comments aside): where statements start.
    var isFirstOnLine: Bool
    var span: TokenSpan

    init(kind: Kind, start: Int, end: Int, line: Int, column: Int, isFirstOnLine: Bool) {
        self.kind = kind
        self.isFirstOnLine = isFirstOnLine
        span = TokenSpan(start: start, end: end, line: line, column: column)
    }

    var isComment: Bool { kind == .lineComment || kind == .blockComment }
}

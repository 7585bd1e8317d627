import SteleCore

/// Swift's comment syntax, for the suppressions comments hold.
extension Suppression {
    /// The suppression a comment token holds, if any; checks the bytes before making a string, as
    /// most comments (license headers) are not suppressions.
    static func parse(_ token: SwiftToken, in lexer: SwiftLexer) -> Suppression? {
        guard token.isComment, lexer.token(token, contains: "stele:allow") else { return nil }
        return parse(comment: lexer.text(of: token), line: token.line, column: token.column)
    }

    /// Reads a `//` or `/* */` comment's text; nil when it is not a suppression. A doc comment
    /// (`///`, `/**`) is never one: it documents the syntax rather than using it.
    static func parse(comment: String, line: Int, column: Int) -> Suppression? {
        var body = Substring(comment)
        guard (body.hasPrefix("//") && !body.hasPrefix("///")) || (body.hasPrefix("/*") && !body.hasPrefix("/**")) else { return nil }
        body = body.dropFirst(2)
        if body.hasSuffix("*/") { body = body.dropLast(2) }
        return parse(commentBody: body, line: line, column: column)
    }
}

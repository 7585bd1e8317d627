/// Splits text into lines the way editors count them: at `\n`, `\r\n` or `\r`.
///
/// A `\r\n` is a single `Character` in Swift, so splitting on `"\n"` alone leaves a file with
/// Windows line endings as one long line. A leading byte-order mark is dropped too: it would
/// otherwise hide the first line's content (front matter, a title, a rule).
public enum TextLines {
    public static func split(_ text: String) -> [Substring] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        return body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }
}

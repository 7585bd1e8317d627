import SteleCore

/// An inline suppression: `// stele:allow ADR-0003 -- the reason` (or in a block comment, or in the
/// comment syntax of the file's language), on the offending line or the line before it. `// stele:allow ADR-0003 until 2027-03-31 -- reason` is a
/// waiver: from that date on it allows nothing, and the finding is back.
public struct Suppression: Hashable, Sendable {
    /// What it allows: an ADR id (`ADR-0003`) or a rule id (`ADR-0003/domain-must-not-import-grdb`).
    public var target: String
    /// The text after `--`; nil when there is none (which is itself reported).
    public var reason: String?
    public var line: Int
    public var column: Int
    /// `until YYYY-MM-DD` as written, if given: the first day it no longer allows anything.
    public var until: String?

    public init(target: String, reason: String?, line: Int, column: Int, until: String? = nil) {
        self.target = target
        self.reason = reason
        self.line = line
        self.column = column
        self.until = until
    }

    static let marker = "stele:allow"

    /// Reads the text of a comment after its opener (`//`, `/*`, `#`: each language strips its
    /// own, and its closer); nil when it is not a suppression. The text must start with the marker,
    /// after blanks: a sentence that mentions the syntax is not one.
    public static func parse(commentBody: Substring, line: Int, column: Int) -> Suppression? {
        let body = commentBody.drop(while: { $0 == " " || $0 == "\t" })
        guard body.hasPrefix(marker) else { return nil }
        var rest = body.dropFirst(marker.count)
        var reason: String?
        if let dash = rest.firstRange(of: "--") {
            let text = rest[dash.upperBound...].trimmingWhitespace()
            reason = text.isEmpty ? nil : text
            rest = rest[..<dash.lowerBound]
        }
        var target = rest.trimmingWhitespace()
        var until: String?
        if let range = target.firstRange(of: " until ") {
            until = String(target[range.upperBound...].trimmingWhitespace())
            target = String(target[..<range.lowerBound].trimmingWhitespace())
        }
        return Suppression(target: target, reason: reason, line: line, column: column, until: until)
    }
}

extension Suppression {
    /// Every `stele:allow` of a file, to its end (the import scan stops reading comments after the
    /// last import): for findings in the middle of a file that no symbol rule read, the judge's.
    public static func all(in bytes: [UInt8], path: String) -> [Suppression] {
        guard let language = Language.of(path: path), let support = LanguageRegistry.support(for: language) else { return [] }
        return support.makeReader(for: language).imports(in: bytes, wholeFile: true).suppressions
    }
}

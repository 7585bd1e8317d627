/// A path pattern, relative to the repository root: `*` matches within one path segment, `**` across
/// segments (zero or more), `?` one character, `{a,b}` alternatives, `[abc]` / `[a-z]` one of a set.
///
/// A pattern whose last segment has no wildcard (`Sources/App`, `Sources/App/`) matches that path and
/// everything below it, because that is what people mean when they write a folder in a rule.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    public let pattern: String
    /// The brace-expanded alternatives, each split into segments.
    private let alternatives: [[String]]

    public init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = pattern
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        alternatives = Glob.expandBraces(trimmed).map { alternative in
            var segments = alternative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            // A literal last segment may name a folder, meaning "everything inside it"; `**` matches
            // zero segments too, so the literal path itself still matches.
            if alternative.hasSuffix("/") || !(segments.last ?? "").contains(where: { "*?[".contains($0) }) {
                segments.append("**")
            }
            return segments
        }
    }

    public var description: String { pattern }

    /// Whether the text looks like a glob rather than a name: it has a `/` or a wildcard.
    public static func looksLikeGlob(_ text: String) -> Bool {
        text.contains(where: { "/*?{[".contains($0) })
    }

    /// Whether `path` (repo-relative, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        capture(in: path) != nil
    }

    /// Matches `path`; on success returns what the first single-segment `*` matched (empty when the
    /// pattern has none). This is how `component Feature(*) = Sources/Features/*/**` names its members.
    public func capture(in path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
        for alternative in alternatives {
            var captured: [UInt8]? = nil
            let pats = alternative.map { Array($0.utf8) }
            if Glob.matchSegments(pats, 0, segments, 0, &captured) {
                return captured.map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
        }
        return nil
    }

    /// Whether a file's *name* (last path segment) matches, for naming rules like `"*ViewModel.swift"`.
    public func matchesFileName(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if pattern.contains("/") { return matches(path) }
        return Glob.expandBraces(pattern).contains { alt in
            var unused: [UInt8]? = nil
            return Glob.matchSegment(Array(alt.utf8), 0, Array(name.utf8), 0, &unused, capturing: false)
        }
    }

    // MARK: - Matching

    private static func matchSegments(_ pats: [[UInt8]], _ pi: Int, _ segs: [[UInt8]], _ si: Int, _ captured: inout [UInt8]?) -> Bool {
        if pi == pats.count { return si == segs.count }
        if pats[pi] == Array("**".utf8) {
            // Collapse consecutive `**`.
            if pi + 1 < pats.count, pats[pi + 1] == Array("**".utf8) {
                return matchSegments(pats, pi + 1, segs, si, &captured)
            }
            var k = si
            while k <= segs.count {
                var attempt = captured
                if matchSegments(pats, pi + 1, segs, k, &attempt) { captured = attempt; return true }
                k += 1
            }
            return false
        }
        guard si < segs.count else { return false }
        var attempt = captured
        guard matchSegment(pats[pi], 0, segs[si], 0, &attempt, capturing: attempt == nil) else { return false }
        if matchSegments(pats, pi + 1, segs, si + 1, &attempt) { captured = attempt; return true }
        return false
    }

    /// Matches one segment. Records the first `*`'s match in `captured` when `capturing`.
    private static func matchSegment(_ p: [UInt8], _ pi: Int, _ s: [UInt8], _ si: Int, _ captured: inout [UInt8]?, capturing: Bool) -> Bool {
        var pi = pi, si = si
        while pi < p.count {
            switch p[pi] {
            case UInt8(ascii: "*"):
                // Hidden files are matched by `*` too: people write `Sources/*` meaning every file.
                for end in stride(from: s.count, through: si, by: -1) {
                    var attempt = captured
                    if matchSegment(p, pi + 1, s, end, &attempt, capturing: false) {
                        if capturing { captured = Array(s[si..<end]) } else { captured = attempt }
                        return true
                    }
                }
                return false
            case UInt8(ascii: "?"):
                guard si < s.count else { return false }
                pi += 1; si += 1
            case UInt8(ascii: "["):
                guard si < s.count, let close = p[(pi + 1)...].firstIndex(of: UInt8(ascii: "]")) else {
                    // An unclosed `[` is a literal.
                    guard si < s.count, s[si] == p[pi] else { return false }
                    pi += 1; si += 1; continue
                }
                var set = Array(p[(pi + 1)..<close])
                let negate = set.first == UInt8(ascii: "!") || set.first == UInt8(ascii: "^")
                if negate { set.removeFirst() }
                var found = false
                var k = 0
                while k < set.count {
                    if k + 2 < set.count, set[k + 1] == UInt8(ascii: "-") {
                        if set[k] <= s[si] && s[si] <= set[k + 2] { found = true }
                        k += 3
                    } else {
                        if set[k] == s[si] { found = true }
                        k += 1
                    }
                }
                guard found != negate else { return false }
                pi = close + 1; si += 1
            default:
                guard si < s.count, s[si] == p[pi] else { return false }
                pi += 1; si += 1
            }
        }
        return si == s.count
    }

    /// `a{b,c}d` -> `abd`, `acd`; nested braces work; an unbalanced brace is taken literally.
    static func expandBraces(_ pattern: String) -> [String] {
        let chars = Array(pattern)
        guard let open = chars.firstIndex(of: "{") else { return [pattern] }
        var depth = 0
        var close: Int?
        var commas: [Int] = []
        for i in open..<chars.count {
            switch chars[i] {
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { close = i }
            case "," where depth == 1: commas.append(i)
            default: break
            }
            if close != nil { break }
        }
        guard let close else { return [pattern] }
        let prefix = String(chars[..<open])
        let suffix = String(chars[(close + 1)...])
        let bounds = [open] + commas + [close]
        var results: [String] = []
        for k in 0..<(bounds.count - 1) {
            let option = String(chars[(bounds[k] + 1)..<bounds[k + 1]])
            results += expandBraces(prefix + option + suffix)
        }
        return results
    }
}

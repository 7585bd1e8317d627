/// A path pattern, relative to the repository root: `*` matches within one path segment, `**` across
/// segments (zero or more), `?` one character, `{a,b}` alternatives, `[abc]` / `[a-z]` one of a set.
///
/// A pattern whose last segment has no wildcard (`Sources/App`, `Sources/App/`) matches that path and
/// everything below it, because that is what people mean when they write a folder in a rule.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    public let pattern: String
    /// The brace-expanded alternatives, each split into segments.
    private let alternatives: [[Segment]]
    /// The brace-expanded alternatives of a pattern without `/`, matched against file names alone.
    private let nameAlternatives: [[UInt8]]

    /// One segment of a pattern: `**`, a literal name, or a name with wildcards.
    struct Segment: Hashable, Sendable {
        let bytes: [UInt8]
        let isAnyDepth: Bool
        let isLiteral: Bool

        init(bytes: [UInt8]) {
            self.bytes = bytes
            isAnyDepth = bytes == Array("**".utf8)
            isLiteral = !bytes.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") }
        }
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        nameAlternatives = pattern.contains("/") ? [] : Glob.expandBraces(pattern).map { Array($0.utf8) }
        var trimmed = pattern
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        alternatives = Glob.expandBraces(trimmed).map { alternative in
            var segments = alternative.split(separator: "/", omittingEmptySubsequences: true).map { Segment(bytes: Array($0.utf8)) }
            // A literal last segment may name a folder, meaning "everything inside it"; `**` matches
            // zero segments too, so the literal path itself still matches.
            if alternative.hasSuffix("/") || segments.last?.isLiteral ?? true {
                segments.append(Segment(bytes: Array("**".utf8)))
            }
            // Consecutive `**` mean one.
            return segments.enumerated().filter { i, segment in !(segment.isAnyDepth && i > 0 && segments[i - 1].isAnyDepth) }.map(\.element)
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
    ///
    /// Rules match every file of the tree against their globs, so this works on the path's bytes
    /// in place, and a literal leading segment that differs ends an alternative at once.
    public func capture(in path: String) -> String? {
        var path = path
        return path.withUTF8 { bytes -> String? in
            var segments: [Range<Int>] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "/") {
                if i > start { segments.append(start..<i) }
                start = i + 1
            }
            for alternative in alternatives {
                var captured: Range<Int>? = nil
                if Glob.matchSegments(alternative, 0, segments, 0, bytes, &captured) {
                    return captured.map { String(decoding: bytes[$0], as: UTF8.self) } ?? ""
                }
            }
            return nil
        }
    }

    /// Whether a file's *name* (last path segment) matches, for naming rules like `"*ViewModel.swift"`.
    public func matchesFileName(_ path: String) -> Bool {
        if pattern.contains("/") { return matches(path) }
        var name = path.split(separator: "/").last.map(String.init) ?? path
        return name.withUTF8 { bytes in
            nameAlternatives.contains { alternative in
                var unused: Range<Int>? = nil
                return Glob.matchSegment(alternative[...], bytes[...], &unused, capturing: false)
            }
        }
    }

    // MARK: - Matching

    private static func matchSegments(_ pats: [Segment], _ pi: Int, _ segs: [Range<Int>], _ si: Int,
                                      _ bytes: UnsafeBufferPointer<UInt8>, _ captured: inout Range<Int>?) -> Bool {
        if pi == pats.count { return si == segs.count }
        if pats[pi].isAnyDepth {
            var k = si
            while k <= segs.count {
                var attempt = captured
                if matchSegments(pats, pi + 1, segs, k, bytes, &attempt) { captured = attempt; return true }
                k += 1
            }
            return false
        }
        guard si < segs.count else { return false }
        var attempt = captured
        guard matchSegment(pats[pi].bytes[...], bytes[segs[si]], &attempt, capturing: attempt == nil) else { return false }
        if matchSegments(pats, pi + 1, segs, si + 1, bytes, &attempt) { captured = attempt; return true }
        return false
    }

    /// Matches one segment. Records the first `*`'s match (a range of the path's bytes) in
    /// `captured` when `capturing`.
    private static func matchSegment(_ p: ArraySlice<UInt8>, _ s: Slice<UnsafeBufferPointer<UInt8>>, _ captured: inout Range<Int>?,
                                     capturing: Bool) -> Bool {
        var pi = p.startIndex, si = s.startIndex
        while pi < p.endIndex {
            switch p[pi] {
            case UInt8(ascii: "*"):
                // Hidden files are matched by `*` too: people write `Sources/*` meaning every file.
                for end in stride(from: s.endIndex, through: si, by: -1) {
                    var attempt = captured
                    if matchSegment(p[(pi + 1)...], s[end...], &attempt, capturing: false) {
                        if capturing { captured = si..<end } else { captured = attempt }
                        return true
                    }
                }
                return false
            case UInt8(ascii: "?"):
                guard si < s.endIndex else { return false }
                pi += 1; si += 1
            case UInt8(ascii: "["):
                guard si < s.endIndex, let close = p[(pi + 1)...].firstIndex(of: UInt8(ascii: "]")) else {
                    // An unclosed `[` is a literal.
                    guard si < s.endIndex, s[si] == p[pi] else { return false }
                    pi += 1; si += 1; continue
                }
                var set = p[(pi + 1)..<close]
                let negate = set.first == UInt8(ascii: "!") || set.first == UInt8(ascii: "^")
                if negate { set = set.dropFirst() }
                var found = false
                var k = set.startIndex
                while k < set.endIndex {
                    if k + 2 < set.endIndex, set[k + 1] == UInt8(ascii: "-") {
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
                guard si < s.endIndex, s[si] == p[pi] else { return false }
                pi += 1; si += 1
            }
        }
        return si == s.endIndex
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

/// A path pattern, relative to the repository root: `*` matches within one path segment, `**` across
/// segments (zero or more), `?` one character, `{a,b}` alternatives, `[abc]` / `[a-z]` one of a set.
///
/// A pattern whose last segment has no wildcard (`Sources/App`, `Sources/App/`) matches that path and
/// everything below it, because that is what people mean when they write a folder in a rule.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    public let pattern: String
    /// The brace-expanded alternatives, each split into segments.
    private let alternatives: [[Segment]]
    /// For each alternative, what a matching path must start and end with.
    private let bounds: [Bounds]
    /// The brace-expanded alternatives of a pattern without `/`, matched against file names alone.
    private let nameAlternatives: [[UInt8]]

    /// One segment of a pattern: `**`, a literal name, or a name with wildcards.
    struct Segment: Hashable, Sendable {
        let bytes: [UInt8]
        let isAnyDepth: Bool
        let isLiteral: Bool

        init(bytes: [UInt8]) {
            isAnyDepth = bytes == Array("**".utf8)
            // Within a segment, `**` is `*`: a run of stars is one, so matching stays linear.
            var collapsed: [UInt8] = []
            collapsed.reserveCapacity(bytes.count)
            for byte in bytes where !(byte == UInt8(ascii: "*") && collapsed.last == UInt8(ascii: "*") && !isAnyDepth) { collapsed.append(byte) }
            self.bytes = isAnyDepth ? bytes : collapsed
            isLiteral = !bytes.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") }
        }
    }

    /// What a path must look like to match one alternative, checked before the segment walk: most
    /// paths a rule's glob meets do not match it (`**/*.ts` and a `.js` file, `Sources/App/**` and
    /// another folder's file), and these checks turn them away without allocating anything.
    struct Bounds: Hashable, Sendable {
        /// The alternative's leading literal segments: a matching path's first segments are these.
        let prefix: [[UInt8]]
        /// The last segment's literal tail after its last `*` (`.swift` of `*.swift`), when the
        /// alternative ends in such a segment: a matching path's last segment ends with it.
        let suffix: [UInt8]
        /// The alternative is its literal segments and a final `**` (`Sources/App/**`): a path that
        /// starts with them matches, capturing nothing, with no walk.
        let prefixIsWhole: Bool

        init(_ segments: [Segment]) {
            prefix = segments.prefix { $0.isLiteral && !$0.isAnyDepth }.map(\.bytes)
            prefixIsWhole = prefix.count == segments.count - 1 && segments.last?.isAnyDepth == true
            // Only `*` as wildcards in the last segment: a `*` inside a `[…]` class is no star.
            if let last = segments.last, !last.isAnyDepth, !last.bytes.contains(UInt8(ascii: "[")),
               let star = last.bytes.lastIndex(of: UInt8(ascii: "*")) {
                let tail = last.bytes[(star + 1)...]
                suffix = tail.contains(UInt8(ascii: "?")) ? [] : Array(tail)
            } else {
                suffix = []
            }
        }

        /// Whether `path` passes both checks. Segments are read as the walk reads them: empty ones
        /// (`a//b`, a trailing `/`) are not segments.
        func admit(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
            if !suffix.isEmpty {
                var end = path.count
                while end > 0, path[end - 1] == UInt8(ascii: "/") { end -= 1 }
                guard end >= suffix.count else { return false }
                var k = 0
                while k < suffix.count {
                    // The tail holds no `/`, so it lies inside the last segment when it matches.
                    guard path[end - suffix.count + k] == suffix[k] else { return false }
                    k += 1
                }
            }
            var at = 0
            for literal in prefix {
                while at < path.count, path[at] == UInt8(ascii: "/") { at += 1 }
                guard at + literal.count <= path.count else { return false }
                var k = 0
                while k < literal.count {
                    guard path[at + k] == literal[k] else { return false }
                    k += 1
                }
                at += literal.count
                guard at == path.count || path[at] == UInt8(ascii: "/") else { return false }
            }
            return true
        }
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        // A pattern too complex to expand (see `complexityProblem`) is taken literally: the rule
        // parser has already said so, and matching must stay bounded whatever the input.
        let expandable = Glob.complexityProblem(pattern) == nil
        nameAlternatives = pattern.contains("/") ? [] : (expandable ? Glob.expandBraces(pattern) : [pattern]).map { Segment(bytes: Array($0.utf8)).bytes }
        var trimmed = pattern
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        alternatives = (expandable ? Glob.expandBraces(trimmed) : [trimmed]).map { alternative in
            var segments = alternative.split(separator: "/", omittingEmptySubsequences: true).map { Segment(bytes: Array($0.utf8)) }
            // A literal last segment may name a folder, meaning "everything inside it"; `**` matches
            // zero segments too, so the literal path itself still matches.
            if alternative.hasSuffix("/") || segments.last?.isLiteral ?? true {
                segments.append(Segment(bytes: Array("**".utf8)))
            }
            // Consecutive `**` mean one.
            return segments.enumerated().filter { i, segment in !(segment.isAnyDepth && i > 0 && segments[i - 1].isAnyDepth) }.map(\.element)
        }
        bounds = alternatives.map(Bounds.init)
    }

    public var description: String { pattern }

    /// Whether the text looks like a glob rather than a name: it has a `/` or a wildcard.
    public static func looksLikeGlob(_ text: String) -> Bool {
        text.contains(where: { "/*?{[".contains($0) })
    }

    /// The alternatives' segments (tests).
    var segmentsForTesting: [[Segment]] { alternatives }

    /// Whether `path` (repo-relative, `/`-separated) matches.
    public func matches(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { match($0, capturing: false) } != nil
    }

    /// Matches `path`; on success returns what the first single-segment `*` matched (empty when the
    /// pattern has none). This is how `component Feature(*) = Sources/Features/*/**` names its members.
    public func capture(in path: String) -> String? {
        var path = path
        return path.withUTF8 { bytes in
            match(bytes, capturing: true).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    /// The match of `path`'s bytes: nil when it does not match, else the range the first
    /// single-segment `*` matched (empty when not `capturing`, or when there is none).
    ///
    /// Every file of the tree meets every rule's globs, so this works on the bytes in place: an
    /// alternative's `Bounds` turn most paths away first, and the walk keeps its segments in
    /// stack memory. With `usingBounds` false, every alternative is walked (the tests compare).
    func match(_ bytes: UnsafeBufferPointer<UInt8>, capturing: Bool, usingBounds: Bool = true) -> Range<Int>? {
        guard let first = bounds.indices.first(where: { !usingBounds || bounds[$0].admit(bytes) }) else { return nil }
        if usingBounds, bounds[first].prefixIsWhole { return 0..<0 }
        var slashes = 0
        for byte in bytes where byte == UInt8(ascii: "/") { slashes += 1 }
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: slashes + 1) { storage -> Range<Int>? in
            var count = 0
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "/") {
                if i > start { storage[count] = start..<i; count += 1 }
                start = i + 1
            }
            let segments = UnsafeBufferPointer(rebasing: storage[..<count])
            for k in first..<alternatives.count where k == first || !usingBounds || bounds[k].admit(bytes) {
                if usingBounds, bounds[k].prefixIsWhole { return 0..<0 }
                var captured: Range<Int>? = nil
                if Glob.matchSegments(alternatives[k], segments, bytes, &captured, capturing: capturing) { return captured ?? 0..<0 }
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

    /// Pattern segments against path segments, `**` standing for any run of segments: the classic
    /// wildcard walk with one backtracking point (the last `**`), so a pattern of many `**` against
    /// a deep path is linear-times-length, never exponential. Records which path segment each
    /// pattern segment matched; the capture is taken from that alignment afterwards.
    private static func matchSegments(_ pats: [Segment], _ segs: UnsafeBufferPointer<Range<Int>>, _ bytes: UnsafeBufferPointer<UInt8>,
                                      _ captured: inout Range<Int>?, capturing: Bool) -> Bool {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: pats.count) { at in
            at.initialize(repeating: -1)
            return matchSegments(pats, segs, bytes, &captured, capturing: capturing, at: at)
        }
    }

    private static func matchSegments(_ pats: [Segment], _ segs: UnsafeBufferPointer<Range<Int>>, _ bytes: UnsafeBufferPointer<UInt8>,
                                      _ captured: inout Range<Int>?, capturing: Bool, at: UnsafeMutableBufferPointer<Int>) -> Bool {
        var pi = 0, si = 0
        var star = -1, starSegment = 0
        var unused: Range<Int>? = nil
        while si < segs.count {
            if pi < pats.count, pats[pi].isAnyDepth {
                star = pi; starSegment = si; pi += 1
                continue
            }
            if pi < pats.count, matchSegment(pats[pi].bytes[...], bytes[segs[si]], &unused, capturing: false) {
                at[pi] = si; pi += 1; si += 1
                continue
            }
            guard star >= 0 else { return false }
            pi = star + 1; starSegment += 1; si = starSegment
        }
        while pi < pats.count, pats[pi].isAnyDepth { pi += 1 }
        guard pi == pats.count else { return false }
        guard capturing else { return true }
        // What the first single-segment `*` matched, in the alignment found.
        for (k, pattern) in pats.enumerated() where !pattern.isAnyDepth && pattern.bytes.contains(UInt8(ascii: "*")) && at[k] >= 0 {
            var capture: Range<Int>? = nil
            if matchSegment(pattern.bytes[...], bytes[segs[at[k]]], &capture, capturing: true) { captured = capture }
            break
        }
        return true
    }

    /// Matches one segment, linearly: `*` (runs of it collapsed) remembers where it started, and a
    /// mismatch goes back to the last one, one byte further. With `capturing`, records what the
    /// segment's first `*` matched, as long as the rest still matches (tried longest first).
    private static func matchSegment(_ p: ArraySlice<UInt8>, _ s: Slice<UnsafeBufferPointer<UInt8>>, _ captured: inout Range<Int>?,
                                     capturing: Bool) -> Bool {
        if capturing, let firstStar = p.firstIndex(of: UInt8(ascii: "*")) {
            // The part before the first `*` has no `*`: it matches a fixed number of bytes.
            var unused: Range<Int>? = nil
            let head = p[..<firstStar]
            var si = s.startIndex
            var pi = head.startIndex
            while pi < head.endIndex {
                guard si < s.endIndex, let next = matchOne(head, pi, s[si]) else { return false }
                pi = next; si += 1
            }
            for end in stride(from: s.endIndex, through: si, by: -1)
            where matchSegment(p[(firstStar + 1)...], s[end...], &unused, capturing: false) {
                captured = si..<end
                return true
            }
            return false
        }
        var pi = p.startIndex, si = s.startIndex
        var star: Int?, starText = si
        while si < s.endIndex {
            if pi < p.endIndex, p[pi] == UInt8(ascii: "*") {
                // Hidden files are matched by `*` too: people write `Sources/*` meaning every file.
                star = pi; starText = si; pi += 1
                continue
            }
            if pi < p.endIndex, let next = matchOne(p, pi, s[si]) {
                pi = next; si += 1
                continue
            }
            guard let star else { return false }
            pi = star + 1; starText += 1; si = starText
        }
        while pi < p.endIndex, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.endIndex
    }

    /// Whether the pattern item at `pi` (`?`, a `[set]`, or a literal byte; an unclosed `[` is a
    /// literal) matches `byte`; the index after the item when it does.
    private static func matchOne(_ p: ArraySlice<UInt8>, _ pi: Int, _ byte: UInt8) -> Int? {
        switch p[pi] {
        case UInt8(ascii: "?"):
            return pi + 1
        case UInt8(ascii: "["):
            guard let close = p[(pi + 1)...].firstIndex(of: UInt8(ascii: "]")) else { return byte == p[pi] ? pi + 1 : nil }
            var set = p[(pi + 1)..<close]
            let negate = set.first == UInt8(ascii: "!") || set.first == UInt8(ascii: "^")
            if negate { set = set.dropFirst() }
            var found = false
            var k = set.startIndex
            while k < set.endIndex {
                if k + 2 < set.endIndex, set[k + 1] == UInt8(ascii: "-") {
                    if set[k] <= byte && byte <= set[k + 2] { found = true }
                    k += 3
                } else {
                    if set[k] == byte { found = true }
                    k += 1
                }
            }
            return found != negate ? close + 1 : nil
        default:
            return byte == p[pi] ? pi + 1 : nil
        }
    }

    /// The most brace alternatives a pattern may expand to, and the deepest brace nesting.
    public static let maximumAlternatives = 1_000
    public static let maximumBraceDepth = 16

    /// Why a pattern is too complex to use, or nil: braces nested deeper than 16, or expanding to
    /// more than 1,000 alternatives (`{a,b}{c,d}…` doubles with each group). Found without expanding.
    public static func complexityProblem(_ pattern: String) -> String? {
        var depth = 0, deepest = 0
        for c in pattern.utf8 {
            if c == UInt8(ascii: "{") { depth += 1; deepest = max(deepest, depth) } else if c == UInt8(ascii: "}") { depth = max(0, depth - 1) }
        }
        if deepest > maximumBraceDepth { return "braces nested \(deepest) deep (at most \(maximumBraceDepth))" }
        let count = alternativeCount(Array(pattern.utf8)[...], limit: maximumAlternatives + 1)
        if count > maximumAlternatives { return "more than \(maximumAlternatives) alternatives in its braces" }
        return nil
    }

    /// How many alternatives brace expansion gives, counting up to `limit` (depth already bounded).
    static func alternativeCount(_ chars: ArraySlice<UInt8>, limit: Int) -> Int {
        guard let open = chars.firstIndex(of: UInt8(ascii: "{")) else { return 1 }
        var depth = 0
        var close: Int?
        var commas: [Int] = []
        for i in open..<chars.endIndex {
            switch chars[i] {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { close = i }
            case UInt8(ascii: ",") where depth == 1: commas.append(i)
            default: break
            }
            if close != nil { break }
        }
        guard let close else { return 1 }
        let bounds = [open] + commas + [close]
        var options = 0
        for k in 0..<(bounds.count - 1) {
            options += alternativeCount(chars[(bounds[k] + 1)..<bounds[k + 1]], limit: limit)
            if options >= limit { return limit }
        }
        let rest = alternativeCount(chars[(close + 1)...], limit: limit)
        return min(limit, options * rest)
    }

    /// `a{b,c}d` -> `abd`, `acd`; nested braces work; an unbalanced brace is taken literally.
    static func expandBraces(_ pattern: String) -> [String] {
        expandBraces(Array(pattern.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// On the UTF-8 bytes, as `alternativeCount` counts them (`{`, `,` and `}` are ASCII, never part
    /// of another character's bytes): Characters one by one took a third of a second under the
    /// fuzzer for a pattern expanding to a few hundred alternatives.
    static func expandBraces(_ bytes: [UInt8]) -> [[UInt8]] {
        guard let open = bytes.firstIndex(of: UInt8(ascii: "{")) else { return [bytes] }
        var depth = 0
        var close: Int?
        var commas: [Int] = []
        for i in open..<bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { close = i }
            case UInt8(ascii: ",") where depth == 1: commas.append(i)
            default: break
            }
            if close != nil { break }
        }
        guard let close else { return [bytes] }
        let bounds = [open] + commas + [close]
        var results: [[UInt8]] = []
        for k in 0..<(bounds.count - 1) {
            results += expandBraces(Array(bytes[..<open]) + bytes[(bounds[k] + 1)..<bounds[k + 1]] + bytes[(close + 1)...])
        }
        return results
    }
}

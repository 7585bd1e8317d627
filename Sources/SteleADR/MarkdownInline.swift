/// Inline Markdown stripped to the words a rule is made of: ``- `Domain` must **not** depend on
/// [Infra](x.md)`` reads `Domain must not depend on Infra`.
///
/// Conservative on purpose: code spans keep their content verbatim (globs live there), links keep
/// their text, and `*`/`_` are removed only in matched emphasis pairs that open after a space or the
/// start and close before a space, punctuation or the end; `snake_case`, `a * b` and `Sources/**`
/// stay as they are.
enum MarkdownInline {
    static func strip(_ text: String) -> String {
        strip(text, depth: 0)
    }

    /// Links nested deeper than this keep their brackets: a line of thousands of nested `[` is
    /// someone's test of the parser, not a rule, and must cost linear time and bounded stack.
    static let maximumLinkDepth = 16

    static func strip(_ text: String, depth: Int) -> String {
        let chars = Array(text)
        let index = Index(chars)
        var pieces: [Piece] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "`" {
                // A code span: as many backticks close it as opened it.
                var run = 0
                while i + run < chars.count, chars[i + run] == "`" { run += 1 }
                if let close = index.closingBackticks(from: i + run, count: run) {
                    var content = String(chars[(i + run)..<close])
                    if content.hasPrefix(" ") && content.hasSuffix(" ") && content.count > 1 { content = String(content.dropFirst().dropLast()) }
                    pieces.append(.text(content))
                    i = close + run
                    continue
                }
                pieces.append(.text(String(repeating: "`", count: run)))
                i += run
                continue
            }
            if depth < maximumLinkDepth, c == "[" || (c == "!" && i + 1 < chars.count && chars[i + 1] == "["),
               let link = link(chars, at: c == "!" ? i + 1 : i, index: index) {
                pieces.append(.text(strip(link.text, depth: depth + 1)))
                i = link.end
                continue
            }
            if c == "*" || c == "_" {
                var run = 0
                while i + run < chars.count, chars[i + run] == c, run < 3 { run += 1 }
                let before: Character? = i > 0 ? chars[i - 1] : nil
                let after: Character? = i + run < chars.count ? chars[i + run] : nil
                pieces.append(.delimiter(c, run, opens: opens(before, after, c), closes: closes(before, after, c)))
                i += run
                continue
            }
            if c == "\\", i + 1 < chars.count, "*_`[]\\".contains(chars[i + 1]) {
                pieces.append(.text(String(chars[i + 1])))
                i += 2
                continue
            }
            pieces.append(.text(String(c)))
            i += 1
        }
        // Pair delimiters: a closer matches the nearest opener of the same character and length.
        var removed = Set<Int>()
        var openers: [Int] = []
        for (k, piece) in pieces.enumerated() {
            guard case .delimiter(let c, let run, let opens, let closes) = piece else { continue }
            if closes, let match = openers.lastIndex(where: { if case .delimiter(c, run, _, _) = pieces[$0] { return true } else { return false } }) {
                removed.insert(openers[match])
                removed.insert(k)
                openers.removeSubrange(match...)
            } else if opens {
                openers.append(k)
            }
        }
        var out = ""
        for (k, piece) in pieces.enumerated() {
            switch piece {
            case .text(let t): out += t
            case .delimiter(let c, let run, _, _): if !removed.contains(k) { out += String(repeating: c, count: run) }
            }
        }
        return out
    }

    private enum Piece {
        case text(String)
        case delimiter(Character, Int, opens: Bool, closes: Bool)
    }

    private static func opens(_ before: Character?, _ after: Character?, _ c: Character) -> Bool {
        guard let after, !after.isWhitespace, after != c else { return false }
        guard let before else { return true }
        return before.isWhitespace || "([\"'".contains(before)
    }

    private static func closes(_ before: Character?, _ after: Character?, _ c: Character) -> Bool {
        guard let before, !before.isWhitespace, before != "/" else { return false }
        guard let after else { return true }
        return after.isWhitespace || ".,;:!?)]\"'".contains(after)
    }

    /// Where brackets close and backtick runs stand, found in one pass, so that each `[` and each
    /// run of backticks is resolved by a lookup instead of a scan to the end of the line.
    struct Index {
        /// For each `[`, its matching `]` (nil when unclosed).
        var bracketClose: [Int: Int] = [:]
        /// The next `)` / `]` at or after each position (chars.count when none).
        var nextParen: [Int]
        var nextBracket: [Int]
        /// Starts of backtick runs, by run length, ascending.
        var backtickRuns: [Int: [Int]] = [:]

        init(_ chars: [Character]) {
            var open: [Int] = []
            var i = 0
            while i < chars.count {
                switch chars[i] {
                case "[": open.append(i)
                case "]": if let o = open.popLast() { bracketClose[o] = i }
                case "`":
                    var run = 0
                    while i + run < chars.count, chars[i + run] == "`" { run += 1 }
                    backtickRuns[run, default: []].append(i)
                    i += run
                    continue
                default: break
                }
                i += 1
            }
            nextParen = Array(repeating: chars.count, count: chars.count + 1)
            nextBracket = Array(repeating: chars.count, count: chars.count + 1)
            for k in stride(from: chars.count - 1, through: 0, by: -1) {
                nextParen[k] = chars[k] == ")" ? k : nextParen[k + 1]
                nextBracket[k] = chars[k] == "]" ? k : nextBracket[k + 1]
            }
        }

        /// The first run of exactly `count` backticks at or after `start`.
        func closingBackticks(from start: Int, count: Int) -> Int? {
            guard let runs = backtickRuns[count] else { return nil }
            var low = 0, high = runs.count
            while low < high {
                let mid = (low + high) / 2
                if runs[mid] < start { low = mid + 1 } else { high = mid }
            }
            return low < runs.count ? runs[low] : nil
        }
    }

    /// `[text](url)`, `[text][ref]` or `[text]` followed by nothing link-like (then not a link).
    private static func link(_ chars: [Character], at open: Int, index: Index) -> (text: String, end: Int)? {
        guard let i = index.bracketClose[open], i + 1 < chars.count else { return nil }
        let text = String(chars[(open + 1)..<i])
        let end: Int
        switch chars[i + 1] {
        case "(": end = index.nextParen[i + 2]
        case "[": end = index.nextBracket[i + 2]
        default: return nil
        }
        guard end < chars.count else { return nil }
        return (text, end + 1)
    }
}

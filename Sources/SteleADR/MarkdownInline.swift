/// Inline Markdown stripped to the words a rule is made of: ``- `Domain` must **not** depend on
/// [Infra](x.md)`` reads `Domain must not depend on Infra`.
///
/// Conservative on purpose: code spans keep their content verbatim (globs live there), links keep
/// their text, and `*`/`_` are removed only in matched emphasis pairs that open after a space or the
/// start and close before a space, punctuation or the end; `snake_case`, `a * b` and `Sources/**`
/// stay as they are.
public enum MarkdownInline {
    public static func strip(_ text: String) -> String {
        let chars = Array(text)
        var pieces: [Piece] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "`" {
                // A code span: as many backticks close it as opened it.
                var run = 0
                while i + run < chars.count, chars[i + run] == "`" { run += 1 }
                if let close = closingBackticks(chars, from: i + run, count: run) {
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
            if c == "[" || (c == "!" && i + 1 < chars.count && chars[i + 1] == "["), let link = link(chars, at: c == "!" ? i + 1 : i) {
                pieces.append(.text(strip(link.text)))
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

    private static func closingBackticks(_ chars: [Character], from start: Int, count: Int) -> Int? {
        var i = start
        while i < chars.count {
            if chars[i] == "`" {
                var run = 0
                while i + run < chars.count, chars[i + run] == "`" { run += 1 }
                if run == count { return i }
                i += run
            } else {
                i += 1
            }
        }
        return nil
    }

    /// `[text](url)`, `[text][ref]` or `[text]` followed by nothing link-like (then not a link).
    private static func link(_ chars: [Character], at open: Int) -> (text: String, end: Int)? {
        var depth = 0
        var i = open
        while i < chars.count {
            if chars[i] == "[" { depth += 1 } else if chars[i] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            i += 1
        }
        guard i < chars.count, i + 1 < chars.count else { return nil }
        let text = String(chars[(open + 1)..<i])
        let closer: Character
        switch chars[i + 1] {
        case "(": closer = ")"
        case "[": closer = "]"
        default: return nil
        }
        guard let end = chars[(i + 2)...].firstIndex(of: closer) else { return nil }
        return (text, end + 1)
    }
}

import SteleCore

/// An ADR's decision and its reason in a sentence or two, for `stele explain` and `stele agents`:
/// the first paragraph of its Context section (the reason) and of its Decision section (the
/// decision), Markdown stripped. Pure: text in, values out.
public struct ADRSummary: Hashable, Sendable {
    /// Why: the opening of "Context", "Context and Problem Statement", "Background", "Problem"…
    public var context: String?
    /// What was decided: the opening of "Decision" or "Decision Outcome".
    public var decision: String?

    public init(context: String?, decision: String?) {
        self.context = context
        self.decision = decision
    }

    static let contextHeadings: Set<String> = ["context", "context and problem statement", "background", "problem", "problem statement",
                                               "motivation", "context and motivation", "why"]
    static let decisionHeadings: Set<String> = ["decision", "decision outcome", "the decision", "decisions"]

    /// Reads the summary of one ADR's Markdown text.
    public static func read(_ text: String) -> ADRSummary {
        let lines = TextLines.split(text)
        let front = FrontMatter(lines: lines)
        let outline = MarkdownOutline(lines: lines, from: front.lineCount)
        func opening(of headings: Set<String>) -> String? {
            guard let heading = outline.headings.first(where: { headings.contains(ADRRuleExtractor.normalisedHeading($0.text)) }) else { return nil }
            return firstParagraph(in: outline.section(of: heading, lineCount: lines.count), lines: lines, outline: outline)
        }
        return ADRSummary(context: opening(of: contextHeadings), decision: opening(of: decisionHeadings))
    }

    /// The first paragraph (or first list item) of a section, on one line; nil when it has none
    /// before a heading or code block.
    static func firstParagraph(in range: Range<Int>, lines: [Substring], outline: MarkdownOutline) -> String? {
        var parts: [String] = []
        for index in range {
            if outline.isCode[index] || outline.headings.contains(where: { $0.line == index }) {
                if parts.isEmpty { continue } else { break }
            }
            let line = lines[index]
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                if parts.isEmpty { continue } else { break }
            }
            let isItem = ADRRuleExtractor.listMarkerLength(line.drop(while: { $0 == " " || $0 == "\t" })) != nil
            if isItem && !parts.isEmpty { break }
            parts.append(ADRParser.stripListMarker(line).trimmingWhitespace())
        }
        guard !parts.isEmpty else { return nil }
        let text = MarkdownInline.strip(parts.joined(separator: " ")).trimmingWhitespace()
        return text.isEmpty ? nil : text
    }

    /// The opening sentences of `text` up to about `limit` characters: whole sentences while they
    /// fit (at least one), a cut at a word with "…" when even the first does not.
    public static func sentences(_ text: String, limit: Int = 200) -> String {
        let characters = Array(text)
        var ends: [Int] = []
        for i in characters.indices where characters[i] == "." || characters[i] == "!" || characters[i] == "?" {
            let next = i + 1 < characters.count ? characters[i + 1] : " "
            let afterSpace = i + 2 < characters.count ? characters[i + 2] : "A"
            guard next == " " || i + 1 == characters.count, afterSpace.isUppercase || afterSpace.isNumber || afterSpace == "`" else { continue }
            // "e.g. X", "i.e. Y": not the end of a sentence.
            let word = String(characters[max(0, i - 3)...i]).lowercased()
            if word.hasSuffix("e.g.") || word.hasSuffix("i.e.") { continue }
            ends.append(i + 1)
        }
        if !ends.contains(characters.count) { ends.append(characters.count) }
        var chosen = ends[0]
        for end in ends.dropFirst() where end <= limit { chosen = end }
        if chosen <= limit { return String(characters[..<chosen]).trimmingWhitespace() }
        var cut = String(characters[..<limit])
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        while let last = cut.last, last == "," || last == ":" || last == ";" { cut.removeLast() }
        return cut + "…"
    }
}

import SteleCore

/// Finds the rule statements of an ADR: every line of a ```` ```stele ```` block, and every bullet
/// under a heading named Rules, Enforcement, Guardrails, Constraints or Architecture rules.
enum ADRRuleExtractor {
    static let ruleHeadings: Set<String> = ["rules", "enforcement", "guardrails", "constraints", "architecture rules"]

    /// The other sections of the ADR templates people use (Nygard, MADR, Y-statements, arc42's
    /// decision log): none of them holds rules.
    static let otherSections: Set<String> = [
        "context", "context and problem statement", "problem", "problem statement", "decision", "decision drivers",
        "considered options", "options", "decision outcome", "outcome", "consequences", "positive consequences",
        "negative consequences", "good", "bad", "neutral", "pros and cons of the options", "pros and cons", "validation",
        "confirmation", "more information", "links", "notes", "status", "rationale", "justification", "alternatives",
        "alternatives considered", "references", "implications", "risks", "related decisions", "related", "assumptions",
        "open questions", "follow-up", "follow-ups", "discussion", "background", "summary", "deciders", "date",
    ]

    static func extract(lines: [Substring], outline: MarkdownOutline, file: String) -> (rules: [ADRRuleLine], diagnostics: [Diagnostic]) {
        var rules: [ADRRuleLine] = []
        var diagnostics: [Diagnostic] = []

        for fence in outline.fences {
            if fence.close == nil {
                diagnostics.append(.warning("code fence is never closed", at: SourceLocation(file: file, line: fence.open + 1, column: 1),
                                            hint: "close it with a line of the same fence characters; everything after it is read as code"))
            }
            guard fence.language == "stele" else { continue }
            let end = fence.close ?? lines.count
            var count = 0
            for index in (fence.open + 1)..<end {
                let indent = lines[index].prefix(while: { $0 == " " || $0 == "\t" }).count
                let text = lines[index].dropFirst(indent).trimmingTrailingWhitespace()
                guard !text.isEmpty else { continue }
                rules.append(ADRRuleLine(text: text, location: SourceLocation(file: file, line: index + 1, column: indent + 1), origin: .steleBlock))
                if !text.hasPrefix("#") { count += 1 }
            }
            if count == 0 {
                diagnostics.append(.warning("empty stele block: no rules", at: SourceLocation(file: file, line: fence.open + 1, column: 1),
                                            hint: "write one rule per line, e.g. `Domain must not import UIKit`, or remove the block"))
            }
        }

        // A rules heading nested inside another (`## Rules` › `### Constraints`) is already covered
        // by it. A nested heading that names another part of an ADR (`### Consequences` under
        // `## Rules`) ends the rules: its sentences are not rules. Other nested headings (`### Layering`)
        // group rules and stay in.
        var covered = 0..<0
        for heading in outline.headings where ruleHeadings.contains(normalisedHeading(heading.text)) && !covered.contains(heading.line) {
            let section = outline.section(of: heading, lineCount: lines.count)
            let end = outline.headings.first { section.contains($0.line) && otherSections.contains(normalisedHeading($0.text)) }?.line ?? section.upperBound
            covered = section.lowerBound..<end
            rules += bullets(in: covered, lines: lines, outline: outline, file: file)
        }
        rules.sort { $0.location < $1.location }
        return (rules, diagnostics)
    }

    /// "**Rules:**" → "rules".
    static func normalisedHeading(_ text: String) -> String {
        var t = MarkdownInline.strip(text).trimmingWhitespace().lowercased()
        while let last = t.last, last == ":" || last == "." { t.removeLast() }
        return t.trimmingWhitespace()
    }

    /// List items in a line range; a bullet wrapping onto indented lines is one item.
    static func bullets(in range: Range<Int>, lines: [Substring], outline: MarkdownOutline, file: String) -> [ADRRuleLine] {
        var items: [ADRRuleLine] = []
        var current: (text: String, location: SourceLocation, contentIndent: Int)?
        func finish() {
            if let item = current {
                var text = MarkdownInline.strip(item.text).trimmingWhitespace()
                // A task-list box is not part of the rule.
                for box in ["[ ] ", "[x] ", "[X] "] where text.hasPrefix(box) { text = String(text.dropFirst(box.count)) }
                if !text.isEmpty { items.append(ADRRuleLine(text: text, location: item.location, origin: .rulesSection)) }
            }
            current = nil
        }
        let headingLines = Set(outline.headings.map(\.line))
        for index in range {
            if outline.isCode[index] || headingLines.contains(index) { finish(); continue }
            let line = lines[index]
            let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).count
            let body = line.dropFirst(indent)
            if body.allSatisfy(\.isWhitespace) { finish(); continue }
            if let marker = listMarkerLength(body) {
                finish()
                let spaces = body.dropFirst(marker).prefix(while: { $0 == " " || $0 == "\t" }).count
                let content = body.dropFirst(marker + spaces)
                current = (String(content), SourceLocation(file: file, line: index + 1, column: indent + marker + spaces + 1), indent + marker)
            } else if var item = current, indent >= 1 || !body.isEmpty {
                // A continuation line (lazy or indented) joins the bullet.
                item.text += " " + body.trimmingWhitespace()
                current = item
            }
        }
        finish()
        return items
    }

    /// The length of a list marker (`-`, `*`, `+`, `1.`, `1)`) followed by a space, or nil.
    static func listMarkerLength(_ body: Substring) -> Int? {
        guard let first = body.first else { return nil }
        if first == "-" || first == "*" || first == "+" {
            let next = body.dropFirst().first
            return next == " " || next == "\t" ? 1 : nil
        }
        let digits = body.prefix(while: \.isNumber).count
        guard digits > 0, digits <= 9 else { return nil }
        let rest = body.dropFirst(digits)
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
        return digits + 1
    }
}

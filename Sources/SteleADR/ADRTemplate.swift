import SteleCore

/// A new ADR's file name and text, in a collection's format: what `stele adr new` writes.
///
/// Pure: format, number, title and date in; name and Markdown out.
public enum ADRTemplate {
    /// adr-tools' slug: lowercase letters and digits, anything else one hyphen, none at the ends.
    /// "Use GRDB for Storage!" → `use-grdb-for-storage`.
    public static func slug(_ title: String) -> String {
        var slug = ""
        for scalar in title.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "decision" : String(slug.prefix(80))
    }

    /// The number after the highest one in use (1 for an empty collection).
    public static func nextNumber(after adrs: [ADR]) -> Int {
        (adrs.compactMap(\.number).max() ?? 0) + 1
    }

    /// `0007-use-grdb.md`, `adr-007-use-grdb.md`, `20240301-use-grdb.md`, `use-grdb.md`.
    public static func fileName(format: ADRFormat, number: Int, title: String, date: String) -> String {
        let ext = format.fileExtension.isEmpty ? "" : "." + format.fileExtension
        switch format.numbering {
        case .digits(let width): return format.filePrefix + padded(number, width) + "-" + slug(title) + ext
        case .date: return date.filter(\.isNumber) + "-" + slug(title) + ext
        case .none: return slug(title) + ext
        }
    }

    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The ADR's Markdown: title, status and date in the collection's style, the usual sections, and
    /// a `stele` block to fill in.
    public static func render(format: ADRFormat, number: Int, title: String, date: String, status: String = "proposed",
                              context: String? = nil, decision: String? = nil, consequences: String? = nil, rules: [String] = [], withRules: Bool = true) -> String {
        let status = format.capitalisedStatus ? status.prefix(1).uppercased() + status.dropFirst() : status.lowercased()
        let heading: String
        switch format.titleForm {
        case .numbered: heading = "# \(number). \(title)"
        case .prefixed(let prefix, let separator, let width): heading = "# \(prefix)\(padded(number, width))\(separator)\(title)"
        case .plain: heading = "# \(title)"
        }
        var text = ""
        switch format.style {
        case .frontMatter:
            text += "---\nstatus: \(status)\ndate: \(date)\n---\n\n\(heading)\n\n"
        case .bullets:
            text += "\(heading)\n\n\(format.bullet) Status: \(status)\n\(format.bullet) Date: \(date)\n\n"
        case .statusLine:
            text += "\(heading)\n\nStatus: \(status)\nDate: \(date)\n\n"
        case .nygard:
            text += "\(heading)\n\nDate: \(date)\n\n## Status\n\n\(status)\n\n"
        }
        let madr = format.style == .frontMatter || format.style == .bullets
        text += madr ? "## Context and Problem Statement\n\n" : "## Context\n\n"
        text += (context ?? "What is the issue that motivates this decision, and what constrains it?") + "\n\n"
        text += madr ? "## Decision Outcome\n\n" : "## Decision\n\n"
        text += (decision ?? "What we decided, and why.") + "\n\n"
        text += madr ? "### Consequences\n\n" : "## Consequences\n\n"
        text += (consequences ?? "What becomes easier or harder because of this decision.") + "\n"
        guard withRules else { return text }
        text += "\n## Rules\n\nThe rules Stele enforces while this decision is in force: one per line in the block below\n"
        text += "(errors once it is accepted, warnings while it is proposed); the rule language is in Stele's docs/rule-language.md.\n\n"
        text += "```stele\n"
        if rules.isEmpty {
            text += "# component Domain = Sources/Domain/**\n# Domain must not import UIKit\n"
        } else {
            text += rules.map { $0 + "\n" }.joined()
        }
        text += "```\n"
        return text
    }

    /// adr-tools' first ADR, which `stele adr new` writes into a repository that has none.
    public static func recordArchitectureDecisions(format: ADRFormat, date: String) -> String {
        render(format: format, number: 1, title: "Record architecture decisions", date: date, status: "accepted",
               context: "We need to record the architectural decisions made on this project.",
               decision: "We will use Architecture Decision Records, as described by Michael Nygard in\n[Documenting Architecture Decisions](https://cognitect.com/blog/2011/11/15/documenting-architecture-decisions).\nStele enforces the rules they state.",
               consequences: "See Michael Nygard's article, linked above. `stele adr new \"Title\"` writes the next one; `stele adr lint` checks them.",
               withRules: false)
    }
}

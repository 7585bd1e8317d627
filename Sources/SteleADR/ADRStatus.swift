import SteleCore

/// An ADR's status, normalised from whatever words its author used.
public enum ADRStatus: String, Sendable, CaseIterable {
    case accepted, proposed, deprecated, superseded, rejected, unknown

    /// Whether the ADR's rules are checked: accepted and proposed ones are, and unknown ones too
    /// (as warnings), so that a typo in a status never silently switches a decision off.
    public var isInForce: Bool {
        switch self {
        case .accepted, .proposed, .unknown: return true
        case .deprecated, .superseded, .rejected: return false
        }
    }

    /// Whether the decision has been taken one way or the other (a later state than proposed).
    public var isDecided: Bool { self != .proposed && self != .unknown }

    /// The severity its rules get: accepted → error; proposed, unknown → warning; others none.
    public var severity: Severity? {
        switch self {
        case .accepted: return .error
        case .proposed, .unknown: return .warning
        case .deprecated, .superseded, .rejected: return nil
        }
    }

    /// Reads a status as written, history included: "Accepted", "superseded by [ADR-0005](…)",
    /// "In review", "Proposed → Accepted", "Implemented. Superseded by ADR-013", "✅ Accepted".
    /// The latest state named wins; remarks after it ("Accepted -> does not affect X") do not count.
    public static func normalise(_ text: String) -> ADRStatus {
        var latest = ADRStatus.unknown
        for segment in segments(text) {
            let status = normaliseOne(segment)
            if status != .unknown { latest = status }
        }
        return latest
    }

    /// A status text split where one state ends and the next starts: arrows, sentences, `;`, `,`-less
    /// "then". Commas are kept ("Accepted, Implemented" is one state).
    static func segments(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        func flush() { if !current.trimmingWhitespace().isEmpty { pieces.append(current) }; current = "" }
        while i < chars.count {
            let c = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            if "→⇒⟶➔➜".contains(c) || c == ";" { flush(); i += 1; continue }
            if (c == "-" || c == "=") && next == ">" { flush(); i += 2; continue }
            if c == ".", next == nil || next == " " { flush(); i += 1; continue }
            current.append(c)
            i += 1
        }
        flush()
        return pieces
    }

    /// One state: its first words, after any date, emoji or emphasis.
    static func normaliseOne(_ text: String) -> ADRStatus {
        let trimmed = text.trimmingWhitespace()
        // A template's placeholder (`{Deprecated|Proposed|Accepted}`) or quoted guidance is no status.
        if trimmed.hasPrefix(">") || (trimmed.contains("{") && trimmed.contains("|")) { return .unknown }
        let words = trimmed.lowercased().split(whereSeparator: { !$0.isLetter }).prefix(4).map(String.init)
        guard let first = words.first else { return emoji(trimmed) }
        let second = words.count > 1 ? words[1] : ""
        let third = words.count > 2 ? words[2] : ""
        if ["partly", "partially", "partial"].contains(first) {
            // Partly superseded, partially accepted: what is left of the decision is still in force.
            switch normaliseOne(words.dropFirst().joined(separator: " ")) {
            case .accepted, .superseded, .deprecated: return .accepted
            case let other: return other
            }
        }
        switch first {
        case "accepted", "approved", "adopted", "done", "decided", "active", "implemented", "agreed", "final", "completed", "enacted":
            return .accepted
        case "proposed", "draft", "open", "pending", "proposal", "wip", "incomplete", "drafting", "discussion", "rfc":
            return .proposed
        case "deprecated", "depreciated", "obsolete", "retired", "reverted", "archived", "sunset":
            return .deprecated
        case "superseded", "superceded", "replaced", "obsoleted":
            // "Superseded in part by ADR-9": the rest still stands.
            if second == "in" && third == "part" { return .accepted }
            return .superseded
        case "rejected", "declined", "withdrawn", "abandoned", "cancelled", "canceled", "dropped":
            return .rejected
        default:
            let pair = first + " " + second
            if ["in review", "under review", "in progress", "on hold", "under discussion", "for review", "in discussion", "not started"].contains(pair) { return .proposed }
            if pair == "not accepted" { return .rejected }
            return .unknown
        }
    }

    /// A status written as a sign only (an index's legend: ✅ Accepted, ❌ Rejected, ⌛️ Superseded, 🤔 Proposed).
    static func emoji(_ text: String) -> ADRStatus {
        guard let sign = text.unicodeScalars.first else { return .unknown }
        switch sign {
        case "✅", "✔": return .accepted
        case "❌", "✖", "⛔": return .rejected
        case "⌛", "⏳": return .superseded
        case "🤔", "📝", "🚧": return .proposed
        default: return .unknown
        }
    }
}

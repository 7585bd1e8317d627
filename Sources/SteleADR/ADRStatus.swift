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

    /// The severity its rules get: accepted → error; proposed, unknown → warning; others none.
    public var severity: Severity? {
        switch self {
        case .accepted: return .error
        case .proposed, .unknown: return .warning
        case .deprecated, .superseded, .rejected: return nil
        }
    }

    /// Reads the first words of a status: "Accepted", "superseded by [ADR-0005](…)", "In review".
    public static func normalise(_ text: String) -> ADRStatus {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter }).prefix(2).map(String.init)
        guard let first = words.first else { return .unknown }
        let pair = words.joined(separator: " ")
        switch first {
        case "accepted", "approved", "adopted", "done", "decided", "active", "implemented": return .accepted
        case "proposed", "draft", "open", "pending", "proposal", "wip": return .proposed
        case "deprecated", "obsolete", "retired": return .deprecated
        case "superseded", "superceded", "replaced": return .superseded
        case "rejected", "declined", "withdrawn", "abandoned": return .rejected
        default:
            if pair == "in review" || pair == "under review" || pair == "in progress" { return .proposed }
            return .unknown
        }
    }
}

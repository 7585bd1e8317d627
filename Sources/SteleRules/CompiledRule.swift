import SteleCore

/// A rule ready to be checked: the statement, where it comes from, how severe a violation is, and
/// whether it is in force.
public struct CompiledRule: Hashable, Sendable {
    public enum State: Hashable, Sendable {
        /// Checked; violations are findings.
        case enforced
        /// Its ADR is deprecated, superseded or rejected.
        case inactive(reason: String)
        /// `until DATE` lies in the future.
        case waived(until: String)
        /// Parsed and listed, but Stele cannot check it (yet): symbol rules, `judge` without a judge,
        /// names that match nothing in an ADR bullet.
        case notEnforced(reason: String)

        public var isEnforced: Bool { self == .enforced }

        /// A short word for reports and JSON.
        public var label: String {
            switch self {
            case .enforced: return "enforced"
            case .inactive: return "inactive"
            case .waived: return "waived"
            case .notEnforced: return "not-enforced"
            }
        }

        public var reason: String? {
            switch self {
            case .enforced: return nil
            case .inactive(let r), .notEnforced(let r): return r
            case .waived(let until): return "waived until \(until)"
            }
        }
    }

    /// The statement as written (markdown stripped), e.g. "Domain must not import GRDB".
    public var text: String
    public var rule: Rule
    public var provenance: Provenance
    public var severity: Severity
    public var state: State

    public init(text: String, rule: Rule, provenance: Provenance, severity: Severity, state: State) {
        self.text = text
        self.rule = rule
        self.provenance = provenance
        self.severity = severity
        self.state = state
    }

    /// A stable handle for `stele explain` and baselines: the ADR id (or rules file) and the line.
    public var id: String {
        let where_ = provenance.adr?.id ?? provenance.location.file
        return "\(where_):\(provenance.location.line)"
    }
}

/// A bullet in an ADR's rules section that is not in the rule language: kept, listed as not
/// enforced, and (later) judged by the LLM judge.
public struct ProseRule: Hashable, Sendable {
    public var text: String
    public var provenance: Provenance
    /// Why it did not parse, for `stele rules`: helps an author turn it into a machine rule.
    public var parseError: String

    public init(text: String, provenance: Provenance, parseError: String) {
        self.text = text
        self.provenance = provenance
        self.parseError = parseError
    }
}

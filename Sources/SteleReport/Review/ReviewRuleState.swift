import SteleCheck
import SteleRules

/// What the review says of one rule: the check's own state (`CompiledRule.State`), told apart the
/// way a reader asks: does it fail the build, only warn, or do nothing, and why.
public enum ReviewRuleState: Hashable, Sendable {
    /// Enforced; a violation is an error.
    case enforced
    /// Enforced, but a violation only warns (a proposed ADR, or `(warning)`).
    case warningOnly
    /// Not in force before `until`.
    case waived(until: String)
    /// About nothing: its subject matches no file, or it names a component or module that does not exist.
    case vacuous(reason: String)
    /// Its ADR is deprecated, superseded or rejected.
    case notInForce(reason: String)
    /// Listed but not checked (a `judge` rule without the judge).
    case notChecked(reason: String)
    /// A bullet that is not in the rule language: written for people, checked by nothing.
    case prose(reason: String)

    /// The state of a compiled rule, after the check (`vacuous` is `CheckResult.vacuous`).
    public init(_ rule: CompiledRule, vacuous: String?) {
        switch rule.state {
        case .enforced:
            if let vacuous { self = .vacuous(reason: "\(vacuous) matches no file") }
            else { self = rule.severity == .error ? .enforced : .warningOnly }
        case .waived(let until): self = .waived(until: until)
        case .inactive(let reason): self = .notInForce(reason: reason)
        case .notEnforced(let reason):
            // The checker leaves a rule not enforced only for names that mean nothing here; the
            // rule book, for a judge rule.
            if case .judge = rule.rule.kind { self = .notChecked(reason: reason) } else { self = .vacuous(reason: reason) }
        }
    }

    /// A short word for badges and JSON.
    public var label: String {
        switch self {
        case .enforced: return "enforced"
        case .warningOnly: return "warning-only"
        case .waived: return "waived"
        case .vacuous: return "vacuous"
        case .notInForce: return "not-in-force"
        case .notChecked: return "not-checked"
        case .prose: return "prose"
        }
    }

    /// The label as a reader reads it.
    public var words: String {
        switch self {
        case .enforced: return "enforced"
        case .warningOnly: return "warning only"
        case .waived(let until): return "waived until \(until)"
        case .vacuous: return "vacuous"
        case .notInForce: return "not in force"
        case .notChecked: return "not checked"
        case .prose: return "prose only"
        }
    }

    public var reason: String? {
        switch self {
        case .enforced, .warningOnly, .waived: return nil
        case .vacuous(let r), .notInForce(let r), .notChecked(let r), .prose(let r): return r
        }
    }

    /// Whether the check runs it: violations are reported.
    public var runs: Bool {
        switch self {
        case .enforced, .warningOnly: return true
        default: return false
        }
    }
}

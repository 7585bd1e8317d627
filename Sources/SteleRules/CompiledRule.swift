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
    /// Its place among the rules of the file it is written in (1 for the first), for `id`.
    public var number = 0
    /// For a prose rule the judge asks about (`ProseRule.judgedRule`): its id, `ADR-0004/prose-line-29`.
    public var proseID: String?

    public init(text: String, rule: Rule, provenance: Provenance, severity: Severity, state: State) {
        self.text = text
        self.rule = rule
        self.provenance = provenance
        self.severity = severity
        self.state = state
    }

    /// A short handle for SARIF rule ids, JUnit test names, JSON and `stele:allow`: the ADR (or, for
    /// a rules file, the file) and the rule's place in it, `ADR-0002/R3` or `rules/architecture.stele/R1`.
    /// No line number, so editing the prose around a rule does not change it.
    public var id: String {
        if let proseID { return proseID }
        let owner = provenance.origin == .steleFile ? provenance.location.file : provenance.adr?.id ?? provenance.location.file
        return owner + "/R\(number)"
    }

    /// The form ids took before, a slug of the rule's text (`ADR-0002/domain-must-not-import-grdb`):
    /// still accepted by `stele:allow`, so that suppressions written with it keep working.
    public var slugID: String {
        let owner = provenance.adr?.id ?? provenance.location.file
        return owner + "/" + CompiledRule.slug(text)
    }

    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingDash = false
            } else if scalar == "*" {
                if !slug.isEmpty { slug += "-" }
                slug += "all"
                pendingDash = true
            } else {
                pendingDash = true
            }
            if slug.count >= 64 { break }
        }
        return slug.isEmpty ? "rule" : slug
    }
}

/// A bullet in an ADR's rules section that is not in the rule language: kept, listed as not
/// enforced, and (later) judged by the LLM judge.
public struct ProseRule: Hashable, Sendable {
    public var text: String
    public var provenance: Provenance
    /// Why it did not parse, for `stele rules`: helps an author turn it into a machine rule.
    public var parseError: String
    /// Set when its ADR says `judge prose rules`: `stele check --judge` asks about it.
    public var judging: ProseJudging?

    public init(text: String, provenance: Provenance, parseError: String) {
        self.text = text
        self.provenance = provenance
        self.parseError = parseError
    }

    /// `ADR-0004/prose-line-29` (or the rules file's path for the ADR): how reports name it.
    public var id: String { (provenance.adr?.id ?? provenance.location.file) + "/prose-line-\(provenance.location.line)" }

    /// The prose rule as a rule the judge asks about `subject`'s files: its sentence, its ADR, the
    /// severity its ADR's status gives (or the opt-in's), and its own id.
    public func judgedRule(subject: Selector) -> CompiledRule {
        let severity = judging?.severity ?? provenance.adr?.status.severity ?? .warning
        var rule = CompiledRule(text: text, rule: Rule(kind: .judge(text, subject)), provenance: provenance, severity: severity,
                                state: .notEnforced(reason: RuleBook.judgeNotEnabled))
        rule.proseID = id
        return rule
    }
}

/// `judge prose rules [for A] [(severity)]`, written in an ADR: its prose rules are asked of the LLM
/// judge (with `stele check --judge`), about A's files, or, without `for`, about the files of the
/// components and modules each prose rule names.
public struct ProseJudging: Hashable, Sendable {
    public var subject: Selector?
    /// `(warning)`: judged violations are warnings, not the ADR's severity.
    public var severity: Severity?
    /// Where the opt-in is written.
    public var location = SourceLocation(file: "", line: 0, column: 0)

    public init(subject: Selector?, severity: Severity?) {
        self.subject = subject
        self.severity = severity
    }
}

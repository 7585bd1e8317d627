import SteleCore

/// The architecture review: the decisions next to the code as it is, as values. Built once
/// (`Review.build`) from what the check pipeline computed; each output (`ReviewHTML`,
/// `ReviewMarkdown`, `ReviewJSON`) only renders it. Every list is sorted.
public struct Review: Sendable {
    /// Where the review was made: a name for the repository, and its commit and date when git knows them.
    public struct Source: Sendable {
        public var name: String
        public var commit: String?
        public var date: String?
        public var toolVersion: String

        public init(name: String, commit: String? = nil, date: String? = nil, toolVersion: String) {
            self.name = name
            self.commit = commit
            self.date = date
            self.toolVersion = toolVersion
        }
    }

    public struct Summary: Sendable {
        public var files = 0
        public var modules = 0
        public var components = 0
        public var decisions = 0
        public var decisionsInForce = 0
        public var rulesEnforced = 0
        public var rulesWarningOnly = 0
        public var rulesProse = 0
        public var rulesVacuous = 0
        public var rulesWaived = 0
        public var rulesNotInForce = 0
        public var rulesNotChecked = 0
        public var errors = 0
        public var warnings = 0
        public var infos = 0
        /// Rule waivers (`until`) in effect, and inline `stele:allow` suppressions that accepted a finding.
        public var waivers = 0
        public var suppressions = 0
        /// Rule waivers and suppressions with an `until` date within 30 days.
        public var expiringSoon = 0
        /// Entries of the baseline given with `--baseline`; nil without one.
        public var baseline: Int?
        /// Findings the baseline accepts.
        public var baselined = 0
        /// Problems with the rules and ADRs themselves.
        public var inputErrors = 0
        public var inputWarnings = 0
    }

    public struct Rule: Sendable {
        /// `ADR-0002/R3`, or `rules/architecture.stele/R1`; for a prose rule, `ADR-0002/prose-line-14`.
        public var id: String
        public var text: String
        public var state: ReviewRuleState
        /// nil for a prose rule.
        public var severity: Severity?
        public var violations: Int
        public var location: SourceLocation
        /// The ADR the rule serves, when it is written elsewhere (`because ADR-0007` in a `.stele` file).
        public var citedFrom: String?
    }

    public enum Flag: Hashable, Sendable {
        /// In force, but no rule of it is checked.
        case nothingEnforces
        /// Deprecated, superseded or rejected, but these rules (written elsewhere, citing it) still run.
        case stillRuns([String])
        /// These rules are about nothing.
        case vacuous([String])
        /// These rules are broken.
        case violated(Int)
    }

    public struct Decision: Sendable {
        public var id: String
        public var title: String
        public var status: String
        public var statusText: String
        public var inForce: Bool
        public var date: String?
        public var file: String
        public var supersedes: [String]
        public var supersededBy: [String]
        public var rules: [Rule]
        public var flags: [Flag]
    }

    public struct Node: Sendable {
        public enum Kind: String, Sendable { case component, module, external, group }
        public var name: String
        public var kind: Kind
        public var files: Int
        /// Index of the declared layer holding it (0 is the top layer).
        public var layer: Int?
        /// Part of a dependency cycle.
        public var inCycle: Bool
        /// For a group (a drawing of more than `Review.groupingThreshold` nodes): the nodes it holds.
        public var members: [String] = []
    }

    public struct Edge: Sendable {
        public var from: Int
        public var to: Int
        public var imports: Int
        public var uses: Int
        /// Ids of the rules whose findings are dependencies of this edge, sorted.
        public var violations: [String]
        public var inCycle: Bool

        public var count: Int { imports + uses }
    }

    /// The component graph: nodes in the component graph's order, edges by (from, to).
    public struct Graph: Sendable {
        public var nodes: [Node]
        public var edges: [Edge]
        /// The declared layers' names, top first (from the longest `layers` rule that runs), if any.
        public var layers: [String]
    }

    public struct Component: Sendable {
        public var name: String
        public var kind: Node.Kind
        public var files: Int
        /// Lines of its files, when the review counted them.
        public var lines: Int?
        /// Afferent couplings: the components that depend on it. Efferent: those it depends on.
        public var fanIn: Int
        public var fanOut: Int
        /// Ce / (Ca + Ce); nil for a component with no dependency either way.
        public var instability: Double?
        /// What it depends on, by name, with the number of imports and uses.
        public var dependsOn: [(name: String, count: Int, violated: Bool)]
        /// Platform modules it imports (not counted in fan-out).
        public var platform: [String]
    }

    public struct Violation: Sendable {
        public var ruleID: String
        public var ruleText: String
        public var severity: Severity
        public var location: SourceLocation
        public var message: String
        /// The offending line, trimmed.
        public var excerpt: String
        public var baselined: Bool
        /// Survives line moves: what drift and the baseline match findings by.
        public var fingerprint: String
        /// New since the state the review is compared with (`--compare`, `--since`).
        public var isNew = false
        /// The LLM judge's marks, for a judged finding (`stele review --judge=replay`).
        public var judged: Judgement?
    }

    /// The LLM judge's marks on a judged violation.
    public struct Judgement: Sendable {
        public var model: String
        public var confidence: Double
        public var reason: String
    }

    /// The violations of one decision's rules (or of a rules file's rules that cite no decision).
    public struct ViolationGroup: Sendable {
        /// `ADR-0002`, or the rules file's path.
        public var owner: String
        public var title: String?
        public var violations: [Violation]
    }

    public var source: Source
    public var summary: Summary
    public var decisions: [Decision]
    /// Rules of `rules/*.stele` that cite no decision.
    public var otherRules: [Rule]
    /// The full component graph (project nodes, and externals that are not platform modules).
    public var graph: Graph
    /// What is drawn: the graph itself, or for more than `groupingThreshold` nodes, its nodes
    /// grouped by top folder.
    public var drawing: Graph
    public var components: [Component]
    public var violations: [ViolationGroup]
    public var diagnostics: [Diagnostic]
    /// What changed since an earlier state, when the review is asked to compare (`--compare`, `--since`).
    public var drift: ReviewDrift?

    /// Above this many nodes the report leads with the matrix and draws groups.
    public static let groupingThreshold = 60
    /// Waivers ending within this many days are counted apart.
    public static let expiryWindow = 30

    public var isLarge: Bool { graph.nodes.count > Review.groupingThreshold }
}

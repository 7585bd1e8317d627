import SteleADR
import SteleCheck
import SteleCore
import SteleGraph
import SteleRules

extension Review {
    /// What the check pipeline computed: the review adds no analysis of its own.
    public struct Input {
        public var source: Source
        public var today: String
        public var adrs: [ADR]
        public var book: RuleBook
        /// The check's result; findings' snippets as the report shows them (source lines for uses).
        public var result: CheckResult
        public var architecture: Architecture
        /// `ComponentGraph(architecture:)`, with externals.
        public var graph: ComponentGraph
        public var diagnostics: [Diagnostic]
        public var baseline: Baseline?
        /// Lines of each scanned file (by index), when counted; nil leaves sizes out.
        public var lines: [Int]?

        public init(source: Source, today: String, adrs: [ADR], book: RuleBook, result: CheckResult, architecture: Architecture,
                    graph: ComponentGraph, diagnostics: [Diagnostic], baseline: Baseline? = nil) {
            self.source = source
            self.today = today
            self.adrs = adrs
            self.book = book
            self.result = result
            self.architecture = architecture
            self.graph = graph
            self.diagnostics = diagnostics
            self.baseline = baseline
        }
    }

    public static func build(_ input: Input) -> Review {
        let result = input.result
        var violationsByRule: [String: Int] = [:]
        for finding in result.findings { violationsByRule[finding.rule.id, default: 0] += 1 }

        // Rules, each with its state, under the decision it serves.
        var rulesByADRFile: [String: [Rule]] = [:]
        var otherRules: [Rule] = []
        for compiled in result.rules {
            let rule = Rule(id: compiled.id, text: compiled.text, state: ReviewRuleState(compiled, vacuous: result.vacuous[compiled.id]),
                            severity: compiled.severity, violations: violationsByRule[compiled.id] ?? 0, location: compiled.provenance.location,
                            citedFrom: compiled.provenance.adr.flatMap { $0.file == compiled.provenance.location.file ? nil : compiled.provenance.location.file })
            if let adr = compiled.provenance.adr { rulesByADRFile[adr.file, default: []].append(rule) } else { otherRules.append(rule) }
        }
        for prose in input.book.proseRules {
            let inForce = prose.provenance.adr?.status.isInForce ?? true
            let state: ReviewRuleState = inForce ? .prose(reason: "not in the rule language (\(prose.parseError))")
                : .notInForce(reason: "\(prose.provenance.adr!.id) is \(prose.provenance.adr!.status.rawValue)")
            let rule = Rule(id: prose.id,
                            text: prose.text, state: state, severity: nil, violations: 0, location: prose.provenance.location, citedFrom: nil)
            if let adr = prose.provenance.adr { rulesByADRFile[adr.file, default: []].append(rule) } else { otherRules.append(rule) }
        }

        var decisions: [Decision] = []
        for adr in input.adrs {
            // Rules written in the ADR first, in file order, then those citing it from rules files.
            let rules = (rulesByADRFile[adr.file] ?? []).sorted { (a: Rule, b: Rule) -> Bool in
                (a.citedFrom == nil ? 0 : 1, a.location.file, a.location.line) < (b.citedFrom == nil ? 0 : 1, b.location.file, b.location.line)
            }
            var flags: [Flag] = []
            let running = rules.filter { $0.state.runs }
            if adr.status.isInForce && running.isEmpty { flags.append(.nothingEnforces) }
            if !adr.status.isInForce && !running.isEmpty { flags.append(.stillRuns(running.map { $0.id })) }
            let vacuous = rules.filter { if case .vacuous = $0.state { return true } else { return false } }
            if !vacuous.isEmpty { flags.append(.vacuous(vacuous.map { $0.id })) }
            let broken = rules.reduce(0) { $0 + $1.violations }
            if broken > 0 { flags.append(.violated(broken)) }
            decisions.append(Decision(id: adr.id, title: adr.title, status: adr.status.rawValue, statusText: adr.statusText,
                                      inForce: adr.status.isInForce, date: adr.date, file: adr.file, supersedes: adr.supersedes,
                                      supersededBy: adr.supersededBy, rules: rules, flags: flags))
        }
        otherRules.sort { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }

        let graph = ReviewGraphBuilder.graph(input)
        let drawing = graph.nodes.count > groupingThreshold ? ReviewGraphBuilder.grouped(graph, input) : graph
        let components = ReviewGraphBuilder.components(graph, input)

        // Violations by decision, in the order decisions are listed, then by rules file.
        let baselined = baselinedFindings(input)
        var groups: [String: [Violation]] = [:]
        for finding in result.findings {
            let key = finding.rule.provenance.adr?.file ?? finding.rule.provenance.location.file
            groups[key, default: []].append(Violation(ruleID: finding.rule.id, ruleText: finding.rule.text, severity: finding.severity,
                                                      location: finding.location, message: finding.message, excerpt: finding.snippet,
                                                      baselined: baselined.contains(identity(finding)), fingerprint: finding.fingerprint,
                                                      judged: finding.judged.map { Review.Judgement(model: $0.model, confidence: $0.confidence, reason: $0.reason) }))
        }
        var violationGroups: [ViolationGroup] = []
        for adr in input.adrs {
            if let list = groups.removeValue(forKey: adr.file) { violationGroups.append(ViolationGroup(owner: adr.id, title: adr.title, violations: list)) }
        }
        for key in groups.keys.sorted() { violationGroups.append(ViolationGroup(owner: key, title: nil, violations: groups[key]!)) }

        var summary = Summary()
        summary.files = input.architecture.scan.files.count
        summary.modules = input.architecture.internalModules.count
        summary.components = graph.nodes.filter { $0.kind != .external }.count
        summary.decisions = input.adrs.count
        summary.decisionsInForce = input.adrs.filter { $0.status.isInForce }.count
        for rule in decisions.flatMap(\.rules) + otherRules {
            switch rule.state {
            case .enforced: summary.rulesEnforced += 1
            case .warningOnly: summary.rulesWarningOnly += 1
            case .prose: summary.rulesProse += 1
            case .vacuous: summary.rulesVacuous += 1
            case .waived(let until):
                summary.rulesWaived += 1
                if let days = CalendarDay.days(from: input.today, to: until), days <= expiryWindow { summary.expiringSoon += 1 }
            case .notInForce: summary.rulesNotInForce += 1
            case .notChecked: summary.rulesNotChecked += 1
            }
        }
        summary.waivers = summary.rulesWaived
        summary.suppressions = result.suppressed.count
        for file in input.architecture.scan.files {
            for suppression in file.suppressions {
                guard let until = suppression.until, let days = CalendarDay.days(from: input.today, to: until), days > 0, days <= expiryWindow else { continue }
                summary.expiringSoon += 1
            }
        }
        summary.errors = result.errorCount
        summary.warnings = result.warningCount
        summary.infos = result.infoCount
        summary.baseline = input.baseline?.entries.count
        summary.baselined = baselined.count
        summary.inputErrors = input.diagnostics.filter { $0.severity == .error }.count
        summary.inputWarnings = input.diagnostics.filter { $0.severity == .warning }.count

        return Review(source: input.source, summary: summary, decisions: decisions, otherRules: otherRules, graph: graph, drawing: drawing,
                      components: components, violations: violationGroups, diagnostics: input.diagnostics)
    }

    static func identity(_ finding: Finding) -> String {
        "\(finding.fingerprint)|\(finding.location.file):\(finding.location.line):\(finding.location.column)|\(finding.message)"
    }

    static func baselinedFindings(_ input: Input) -> Set<String> {
        guard let baseline = input.baseline else { return [] }
        return Set(baseline.apply(to: input.result.findings).baselined.map(identity))
    }
}

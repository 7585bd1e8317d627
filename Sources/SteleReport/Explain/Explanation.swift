import SteleCore
import SteleADR
import SteleCheck
import SteleRules

/// `stele explain RULE|FINGERPRINT|ADR-ID`: a decision in plain words, its compiled rules, where
/// each is written, a minimal violation and its fix, and today's findings. Pure: the command line
/// runs the check and reads the ADRs' text; this finds what was asked for and says it.
public enum Explanation {
    /// Everything an explanation may draw on: one run of the check.
    public struct Input: Sendable {
        public var adrs: [ADR]
        /// Each ADR's context and decision, by ADR file.
        public var summaries: [String: ADRSummary]
        public var rules: [CompiledRule]
        public var proseRules: [ProseRule]
        public var findings: [Finding]
        public var suppressed: [Finding]
        public var scene: ExampleScene

        public init(adrs: [ADR], summaries: [String: ADRSummary], rules: [CompiledRule], proseRules: [ProseRule],
                    findings: [Finding], suppressed: [Finding] = [], scene: ExampleScene = ExampleScene()) {
            self.adrs = adrs
            self.summaries = summaries
            self.rules = rules
            self.proseRules = proseRules
            self.findings = findings
            self.suppressed = suppressed
            self.scene = scene
        }
    }

    /// What an argument names.
    public enum Subject: Sendable {
        case adr(ADR)
        /// One rule by its id, or every rule with the given text.
        case rules([CompiledRule])
        case prose(ProseRule)
        case finding(Finding)
    }

    /// An argument that names nothing: the message, and a hint (a did-you-mean when one is close).
    public struct Unknown: Error, Equatable, Sendable {
        public var message: String
        public var hint: String
    }

    // MARK: - Finding the subject

    /// The ADR an id names: `ADR-0003`, `adr-3`, `0003`, `3`, or a number-less ADR's own id.
    public static func adr(named argument: String, in adrs: [ADR]) -> ADR? {
        let lowered = argument.lowercased()
        if let exact = adrs.first(where: { $0.id.lowercased() == lowered }) { return exact }
        var digits = Substring(lowered)
        if digits.hasPrefix("adr") { digits = digits.dropFirst(3).drop(while: { $0 == "-" || $0 == "_" || $0 == " " || $0 == "#" }) }
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), let number = Int(digits) else { return nil }
        return adrs.first { $0.number == number }
    }

    /// Rule text as people retype it: case, spacing and backticks do not matter.
    static func normalised(_ text: String) -> String {
        text.lowercased().filter { $0 != "`" && $0 != "*" }.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    public static func subject(_ argument: String, in input: Input) -> Result<Subject, Unknown> {
        let trimmed = argument.trimmingWhitespace()
        if let adr = adr(named: trimmed, in: input.adrs) { return .success(.adr(adr)) }
        if let rule = input.rules.first(where: { $0.id == trimmed || $0.slugID == trimmed }) { return .success(.rules([rule])) }
        if let prose = input.proseRules.first(where: { $0.id == trimmed }) { return .success(.prose(prose)) }
        if let finding = (input.findings + input.suppressed).first(where: { $0.fingerprints.contains(trimmed.lowercased()) }) {
            return .success(.finding(finding))
        }
        let text = normalised(trimmed)
        // As `stele rules` prints it, or without its `because ADR-…`.
        let byText = input.rules.filter { normalised($0.text) == text || normalised(AgentsBrief.statement($0)) == text }
        if !byText.isEmpty { return .success(.rules(byText)) }
        if let prose = input.proseRules.first(where: { normalised($0.text) == text }) { return .success(.prose(prose)) }

        let candidates = input.adrs.map(\.id) + input.rules.map(\.id) + input.rules.map(\.text)
        // The start of a rule's text ("Domain must not import GRDB" for "… GRDB, UIKit"), else a near miss.
        let started = input.rules.filter { normalised($0.text).hasPrefix(text) }.map(\.text)
        if let close = (Set(started).count == 1 ? started.first : nil) ?? Suggestion.closest(to: trimmed, in: candidates) {
            return .failure(Unknown(message: "nothing named `\(trimmed)`: no ADR, rule or finding has that id or text",
                                    hint: "did you mean `\(close)`?"))
        }
        if trimmed.count >= 8, trimmed.allSatisfy(\.isHexDigit) {
            return .failure(Unknown(message: "no finding today has the fingerprint `\(trimmed)`",
                                    hint: "it may be fixed, or suppressed; `stele check --format json` lists today's fingerprints"))
        }
        return .failure(Unknown(message: "nothing named `\(trimmed)`: no ADR, rule or finding has that id or text",
                                hint: "pass an ADR id (`ADR-0002`, `0002`), a rule id or text as `stele rules --format json` prints it, or a finding's fingerprint from `stele check --format json`"))
    }

    // MARK: - The explanation as data

    /// One rule explained.
    public struct RuleEntry: Sendable {
        public var rule: CompiledRule
        public var example: RuleExample?
        public var findings: [Finding]
        public var suppressed: Int
    }

    public struct Document: Sendable {
        public var query: String
        /// `adr`, `rule`, `prose` or `finding`.
        public var kind: String
        public var adr: ADR?
        public var summary: ADRSummary?
        public var rules: [RuleEntry]
        public var proseRules: [ProseRule]
        public var finding: Finding?
    }

    public static func document(for subject: Subject, query: String, input: Input) -> Document {
        func entry(_ rule: CompiledRule) -> RuleEntry {
            RuleEntry(rule: rule, example: RuleExample.make(for: rule.rule, scene: input.scene),
                      findings: input.findings.filter { $0.rule.id == rule.id },
                      suppressed: input.suppressed.filter { $0.rule.id == rule.id }.count)
        }
        func adr(of provenance: Provenance) -> ADR? {
            provenance.adr.flatMap { ref in input.adrs.first { $0.id == ref.id && $0.file == ref.file } ?? input.adrs.first { $0.id == ref.id } }
        }
        switch subject {
        case .adr(let adr):
            let rules = input.rules.filter { $0.provenance.adr?.id == adr.id }
            return Document(query: query, kind: "adr", adr: adr, summary: input.summaries[adr.file], rules: rules.map(entry),
                            proseRules: input.proseRules.filter { $0.provenance.adr?.id == adr.id }, finding: nil)
        case .rules(let rules):
            let owner = rules.first.flatMap { adr(of: $0.provenance) }
            return Document(query: query, kind: "rule", adr: owner, summary: owner.flatMap { input.summaries[$0.file] }, rules: rules.map(entry),
                            proseRules: [], finding: nil)
        case .prose(let prose):
            let owner = adr(of: prose.provenance)
            return Document(query: query, kind: "prose", adr: owner, summary: owner.flatMap { input.summaries[$0.file] }, rules: [],
                            proseRules: [prose], finding: nil)
        case .finding(let finding):
            let rule = input.rules.first { $0.id == finding.rule.id } ?? finding.rule
            let owner = adr(of: rule.provenance)
            return Document(query: query, kind: "finding", adr: owner, summary: owner.flatMap { input.summaries[$0.file] }, rules: [entry(rule)],
                            proseRules: [], finding: finding)
        }
    }

    // MARK: - Text

    public static func text(_ document: Document) -> String {
        var out = ""
        if let finding = document.finding {
            out += "Finding \(finding.fingerprint)\n"
            out += "  \(finding.location): \(finding.severity.rawValue): \(finding.message)\n"
            if !finding.snippet.isEmpty { out += "      \(finding.snippet)\n" }
            out += "\n"
        }
        if let adr = document.adr {
            out += "\(adr.id): \(adr.title)\n"
            var facts = ["status: \(adr.status.rawValue)" + (adr.status.isInForce ? "" : " (its rules are not in force)")]
            if let date = adr.date { facts.append("date: \(date)") }
            facts.append(adr.file)
            out += "  " + facts.joined(separator: ", ") + "\n"
            if !adr.supersededBy.isEmpty { out += "  superseded by \(adr.supersededBy.joined(separator: ", "))\n" }
            if !adr.supersedes.isEmpty { out += "  supersedes \(adr.supersedes.joined(separator: ", "))\n" }
            if let context = document.summary?.context { out += "  why:      \(ADRSummary.sentences(context, limit: 400))\n" }
            if let decision = document.summary?.decision { out += "  decision: \(ADRSummary.sentences(decision, limit: 400))\n" }
            out += "\n"
        } else if document.kind != "prose" {
            out += "No ADR: the rule is written in a rules file without `because ADR-…`.\n\n"
        }
        if document.kind == "adr" && document.rules.isEmpty {
            out += document.proseRules.isEmpty ? "No rule enforces this decision.\n" : "No compiled rule enforces this decision.\n"
        }
        for (i, entry) in document.rules.enumerated() {
            if i > 0 || document.adr != nil { out += i > 0 ? "\n" : "" }
            out += ruleText(entry, showFindings: document.finding == nil)
        }
        if !document.proseRules.isEmpty {
            if !document.rules.isEmpty { out += "\n" }
            out += "Written for people, not checked (not in the rule language):\n"
            for prose in document.proseRules {
                out += "  \(prose.text)  (\(prose.provenance.location.file):\(prose.provenance.location.line))\n"
            }
        }
        return out
    }

    static func ruleText(_ entry: RuleEntry, showFindings: Bool) -> String {
        let rule = entry.rule
        var out = "Rule \(rule.id): \(rule.text)\n"
        let state = rule.state.isEnforced ? "enforced, \(rule.severity.rawValue)" : "\(rule.state.label)" + (rule.state.reason.map { ": \($0)" } ?? "")
        out += "  state:    \(state)\n"
        out += "  where:    \(rule.provenance.location.file):\(rule.provenance.location.line) (\(originWords(rule.provenance.origin)))\n"
        if let example = entry.example {
            out += "  Example violation: \(example.why)\n"
            for file in example.violation {
                out += "    \(file.path):\n"
                for line in TextLines.split(file.code) where !line.isEmpty { out += "      \(line)\n" }
            }
            out += "  Fix: \(example.fix)\n"
        } else {
            out += "  No example: this rule is judged, not matched against code.\n"
        }
        guard showFindings else { return out }
        if !rule.state.isEnforced {
            out += "  Findings today: none (the rule is not enforced)\n"
        } else if entry.findings.isEmpty {
            out += "  Findings today: none" + (entry.suppressed > 0 ? " (\(entry.suppressed) suppressed inline)" : "") + "\n"
        } else {
            out += "  Findings today: \(entry.findings.count)" + (entry.suppressed > 0 ? " (and \(entry.suppressed) suppressed inline)" : "") + "\n"
            for f in entry.findings {
                out += "    \(f.location): \(f.severity.rawValue): \(f.message)\n"
                if !f.snippet.isEmpty { out += "        \(f.snippet)\n" }
            }
        }
        return out
    }

    static func originWords(_ origin: Provenance.Origin) -> String {
        switch origin {
        case .steleFile: return "a rules file"
        case .steleBlock: return "a stele block of the ADR"
        case .rulesSection: return "a bullet of the ADR's rules section"
        }
    }

    // MARK: - JSON

    public static func json(_ document: Document) -> JSON {
        var members: [(String, JSON)] = [("version", .int(1)), ("query", .string(document.query)), ("kind", .string(document.kind))]
        if let adr = document.adr {
            members.append(("adr", .object([
                ("id", .string(adr.id)), ("title", .string(adr.title)), ("status", .string(adr.status.rawValue)),
                ("inForce", .bool(adr.status.isInForce)), ("date", .optional(adr.date)), ("file", .string(adr.file)),
                ("supersedes", ReportJSON.strings(adr.supersedes)), ("supersededBy", ReportJSON.strings(adr.supersededBy)),
                ("context", .optional(document.summary?.context)), ("decision", .optional(document.summary?.decision)),
            ])))
        } else {
            members.append(("adr", .null))
        }
        members.append(("rules", .array(document.rules.map(ruleJSON))))
        members.append(("proseRules", .array(document.proseRules.map { prose in
            .object([("id", .string(prose.id)), ("text", .string(prose.text)), ("source", ReportJSON.source(of: prose.provenance))])
        })))
        members.append(("finding", document.finding.map(ReportJSON.finding) ?? .null))
        return .object(members)
    }

    static func ruleJSON(_ entry: RuleEntry) -> JSON {
        let rule = entry.rule
        let example: JSON = entry.example.map { example in
            .object([
                ("violation", .array(example.violation.map { .object([("path", .string($0.path)), ("code", .string($0.code))]) })),
                ("why", .string(example.why)), ("fix", .string(example.fix)),
            ])
        } ?? .null
        return .object([
            ("id", .string(rule.id)), ("text", .string(rule.text)), ("severity", .string(rule.severity.rawValue)),
            ("state", .string(rule.state.label)), ("reason", .optional(rule.state.reason)),
            ("adr", ReportJSON.adr(of: rule.provenance)), ("source", ReportJSON.source(of: rule.provenance)),
            ("example", example),
            ("findings", .array(entry.findings.map(ReportJSON.finding))),
            ("suppressed", .int(entry.suppressed)),
        ])
    }
}

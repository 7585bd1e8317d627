import SteleCore
import SteleADR
import SteleRules

/// `stele rules`: the decision set as Stele reads it, every ADR and every rule with its provenance
/// and whether it is in force.
public enum RulesReport {
    /// After a prose rule's reason when its ADR says `judge prose rules`.
    static let judgedProse = "; its ADR says `judge prose rules`: asked of the LLM judge with `stele check --judge`"

    public struct Input {
        public var adrs: [ADR]
        public var adrDirectory: String?
        public var components: [ComponentDeclaration]
        public var rules: [CompiledRule]
        public var proseRules: [ProseRule]
        public var diagnostics: [Diagnostic]
        /// The implicit components (`Tests`, `Examples`) found, with how many files each holds.
        public var implicit: [(name: String, files: Int)]

        public init(adrs: [ADR], adrDirectory: String?, components: [ComponentDeclaration], rules: [CompiledRule],
                    proseRules: [ProseRule], diagnostics: [Diagnostic], implicit: [(name: String, files: Int)] = []) {
            self.adrs = adrs
            self.adrDirectory = adrDirectory
            self.components = components
            self.rules = rules
            self.proseRules = proseRules
            self.diagnostics = diagnostics
            self.implicit = implicit
        }

        /// For `only A may …` rules: who "everybody else" leaves out.
        func scope(of rule: CompiledRule) -> String? {
            switch rule.rule.kind {
            case .onlyMayDependOn, .onlyMayImport:
                guard !implicit.isEmpty else { return nil }
                return "applies to every file but " + implicit.map(\.name).joined(separator: ", ") + " (test and example code)"
            default:
                return nil
            }
        }
    }

    public static func json(_ input: Input) -> String {
        let adrs: [JSON] = input.adrs.map { adr in
            .object([
                ("id", .string(adr.id)), ("title", .string(adr.title)), ("status", .string(adr.status.rawValue)),
                ("statusText", .string(adr.statusText)), ("date", .optional(adr.date)), ("file", .string(adr.file)),
                ("supersedes", ReportJSON.strings(adr.supersedes)), ("supersededBy", ReportJSON.strings(adr.supersededBy)),
                ("inForce", .bool(adr.status.isInForce)),
            ])
        }
        let rules: [JSON] = input.rules.map { rule in
            .object([
                ("id", .string(rule.id)), ("text", .string(rule.text)), ("severity", .string(rule.severity.rawValue)),
                ("state", .string(rule.state.label)), ("reason", .optional(rule.state.reason)), ("prose", .bool(false)),
                ("until", .optional(rule.rule.until)), ("scope", .optional(input.scope(of: rule))),
                ("adr", ReportJSON.adr(of: rule.provenance)), ("source", ReportJSON.source(of: rule.provenance)),
            ])
        } + input.proseRules.map { prose in
            .object([
                ("id", .string(prose.id)),
                ("text", .string(prose.text)), ("severity", .null), ("state", .string("not-enforced")),
                ("reason", .string("prose rule: not in the rule language (\(prose.parseError))" + (prose.judging == nil ? "" : RulesReport.judgedProse))),
                ("prose", .bool(true)),
                ("until", .null),
                ("adr", ReportJSON.adr(of: prose.provenance)), ("source", ReportJSON.source(of: prose.provenance)),
            ])
        }
        let components: [JSON] = input.components.map { c in
            .object([
                ("name", .string(c.isParametrized ? "\(c.name)(*)" : c.name)),
                ("sources", ReportJSON.strings(c.sources.map(describe))),
                ("file", .string(c.location.file)), ("line", .int(c.location.line)),
            ])
        } + input.implicit.map { c in
            .object([("name", .string(c.name)), ("implicit", .bool(true)), ("files", .int(c.files))])
        }
        return JSON.object([
            ("version", .int(1)),
            ("adrDirectory", .optional(input.adrDirectory)),
            ("adrs", .array(adrs)),
            ("components", .array(components)),
            ("rules", .array(rules)),
            ("diagnostics", .array(input.diagnostics.map(ReportJSON.diagnostic))),
        ]).rendered()
    }

    public static func text(_ input: Input) -> String {
        var out = ""
        out += input.adrDirectory.map { "ADRs in \($0)/\n" } ?? "No ADR directory found.\n"
        for adr in input.adrs {
            let rules = input.rules.filter { $0.provenance.adr?.file == adr.file }.count
            out += "  \(adr.id)  \(adr.status.rawValue.padding(to: 10))  \(adr.title)  (\(rules) \(rules == 1 ? "rule" : "rules"))\n"
        }
        if !input.components.isEmpty || !input.implicit.isEmpty {
            out += "\nComponents\n"
            for c in input.components {
                let name = c.isParametrized ? "\(c.name)(*)" : c.name
                out += "  \(name) = \(c.sources.map(describe).joined(separator: ", "))  (\(c.location.file):\(c.location.line))\n"
            }
            for c in input.implicit {
                let what = c.name == "Tests" ? "test targets and Tests/ folders" : "Examples/, Samples/ and Demo/ folders"
                out += "  \(c.name)  implicit: \(what), \(c.files) \(c.files == 1 ? "file" : "files")\n"
            }
        }
        out += "\nRules\n"
        for rule in input.rules {
            let state = rule.state.isEnforced ? rule.severity.rawValue : rule.state.label
            out += "  [\(state.padding(to: 12))] \(rule.text)\n"
            out += "      \(rule.provenance.location.file):\(rule.provenance.location.line)"
            if let adr = rule.provenance.adr { out += "  \(adr.id) \"\(adr.title)\"" }
            if let reason = rule.state.reason { out += "  — \(reason)" }
            out += "\n"
            if let scope = input.scope(of: rule) { out += "      \(scope)\n" }
        }
        for prose in input.proseRules {
            out += "  [prose       ] \(prose.text)\n      \(prose.provenance.location.file):\(prose.provenance.location.line)  not enforced: not in the rule language"
                + (prose.judging == nil ? "" : RulesReport.judgedProse) + "\n"
        }
        if input.rules.isEmpty && input.proseRules.isEmpty { out += "  (none)\n" }
        return out
    }

    static func describe(_ source: ComponentDeclaration.Source) -> String {
        switch source {
        case .module(let m): return "module \(m)"
        case .external(let m): return "external \(m)"
        case .glob(let g): return g.pattern
        }
    }
}

extension String {
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

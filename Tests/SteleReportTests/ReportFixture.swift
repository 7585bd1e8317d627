import SteleADR
import SteleCheck
import SteleCore
import SteleRules

/// Hand-made findings for format tests: the formats are tested on values, not on a scan.
enum ReportFixture {
    static let adr = ADRReference(id: "ADR-0002", title: "Keep the domain layer pure", status: .accepted, file: "adr/0002-pure-domain.md")

    static func rule(_ text: String, kind: Rule.Kind, adr: ADRReference? = ReportFixture.adr, line: Int = 17,
                     severity: Severity = .error, state: CompiledRule.State = .enforced, number: Int = 1) -> CompiledRule {
        let location = SourceLocation(file: adr?.file ?? "rules/architecture.stele", line: line, column: 1)
        var rule = CompiledRule(text: text, rule: Rule(kind: kind), provenance: Provenance(adr: adr, location: location, origin: adr == nil ? .steleFile : .steleBlock),
                                severity: severity, state: state)
        rule.number = number
        return rule
    }

    static let importRule = rule("Domain must not import GRDB", kind: .mustNotImport(.name("Domain"), modules: ["GRDB"]))

    static let result: CheckResult = {
        let warningRule = rule("App must not import GRDB", kind: .mustNotImport(.name("App"), modules: ["GRDB"]), adr: nil, line: 4, severity: .warning)
        let findings = [
            Finding(rule: importRule, location: SourceLocation(file: "Sources/Domain/Order.swift", line: 2, column: 1),
                    message: "`Domain` imports `GRDB`", from: "Domain", to: "GRDB", snippet: "import GRDB"),
            Finding(rule: warningRule, location: SourceLocation(file: "Sources/App/main.swift", line: 3, column: 1),
                    message: "`App` imports `GRDB`", from: "App", to: "GRDB", snippet: "import GRDB"),
        ].sorted(by: Finding.ordered)
        let waived = rule("UI must not import GRDB", kind: .mustNotImport(.name("UI"), modules: ["GRDB"]), line: 18, state: .waived(until: "2027-01-01"), number: 2)
        return CheckResult(findings: findings, rules: [importRule, warningRule, waived], diagnostics: [])
    }()
}

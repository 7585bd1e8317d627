import Foundation
import SteleADR
import SteleCheck
import SteleCore
import SteleGraph
import SteleRules
import SteleScan

/// Runs the real stages on a real fixture tree: scanner, rule parser, rule book, architecture,
/// checker. Only the rules are given inline, so each test states the rule it is about.
enum CheckHarness {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func scan(_ fixture: String, symbols: Bool = true) -> ScanResult {
        ProjectScanner.scan(root: fixtures.appendingPathComponent(fixture).path, symbols: symbols)
    }

    /// Checks `rules` (the text of a `.stele` file) against the fixture.
    static func check(_ fixture: String, rules: String, today: String = "2026-01-01") -> CheckResult {
        let file = RuleFile.parse(rules, path: "rules/test.stele")
        precondition(file.diagnostics.isEmpty, "test rules do not parse: \(file.diagnostics)")
        let book = RuleBook.compile(ruleFiles: [file], adrs: [], today: today)
        return Checker.check(book, architecture: Architecture(scan: scan(fixture), components: book.components))
    }

    /// `file:line:col message` for each finding: what a test asserts on.
    static func lines(_ result: CheckResult) -> [String] {
        result.findings.map { "\($0.location) \($0.message)" }
    }
}

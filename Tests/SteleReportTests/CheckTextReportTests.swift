import XCTest
import SteleCheck
@testable import SteleReport

final class CheckTextReportTests: XCTestCase {
    func testCompilerStyleLinesWithRuleAndDecision() {
        XCTAssertEqual(CheckTextReport.render(ReportFixture.result, fileCount: 12), """
        Sources/App/main.swift:3:1: warning: `App` imports `GRDB`
            import GRDB
          rule: App must not import GRDB  (rules/architecture.stele:4)
          more: stele explain rules/architecture.stele/R1
        Sources/Domain/Order.swift:2:1: error: `Domain` imports `GRDB` [ADR-0002]
            import GRDB
          rule: Domain must not import GRDB  (adr/0002-pure-domain.md:17)
          why:  ADR-0002 "Keep the domain layer pure" (accepted, adr/0002-pure-domain.md)
          more: stele explain ADR-0002/R1
        stele: 1 error, 1 warning (12 files, 2 rules enforced, 1 not enforced)

        """)
    }

    func testConditionalImportsSayWhenTheyApply() {
        var finding = ReportFixture.result.findings[1]
        finding.conditions = ["canImport(UIKit)", "DEBUG"]
        let text = CheckTextReport.render(CheckResult(findings: [finding], rules: [ReportFixture.importRule], diagnostics: []), fileCount: 1)
        XCTAssertTrue(text.contains("    import GRDB\n  only when: #if canImport(UIKit) › #if DEBUG\n  rule: "), text)
    }

    func testCleanSummary() {
        let clean = CheckResult(findings: [], rules: [ReportFixture.importRule], diagnostics: [])
        XCTAssertEqual(CheckTextReport.render(clean, fileCount: 1), "stele: no violations (1 file, 1 rule enforced)\n")
    }
}

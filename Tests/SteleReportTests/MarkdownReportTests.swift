import XCTest
import SteleCheck
@testable import SteleReport

final class MarkdownReportTests: XCTestCase {
    func testSummaryAndTable() {
        XCTAssertEqual(MarkdownReport.render(ReportFixture.result, fileCount: 12), """
        ### Stele: 1 error, 1 warning (12 files, 2 rules enforced, 1 not enforced)

        | | Where | Finding | Rule | Decision |
        | --- | --- | --- | --- | --- |
        | ⚠️ | `Sources/App/main.swift:3` | `App` imports `GRDB` | App must not import GRDB | `rules/architecture.stele` |
        | ❌ | `Sources/Domain/Order.swift:2` | `Domain` imports `GRDB` | Domain must not import GRDB | [ADR-0002](adr/0002-pure-domain.md) Keep the domain layer pure (accepted) |

        """)
    }

    func testCleanAndCellEscaping() {
        let clean = CheckResult(findings: [], rules: [], diagnostics: [])
        XCTAssertTrue(MarkdownReport.render(clean, fileCount: 3).hasSuffix("Every enforced architecture decision holds.\n"))
        XCTAssertEqual(MarkdownReport.cell("a|b\nc"), "a\\|b c")
    }
}

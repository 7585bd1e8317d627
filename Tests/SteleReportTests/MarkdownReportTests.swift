import XCTest
import SteleCheck
@testable import SteleReport

final class MarkdownReportTests: XCTestCase {
    func testSummaryAndTable() {
        XCTAssertEqual(MarkdownReport.render(ReportFixture.result, fileCount: 12), """
        ### Stele: 1 error, 1 warning (12 files, 2 rules enforced, 1 not enforced)

        | | Where | Finding | Rule | Decision |
        | --- | --- | --- | --- | --- |
        | ❌ | [`Sources/Domain/Order.swift:2`](Sources/Domain/Order.swift#L2) | `Domain` imports `GRDB` | Domain must not import GRDB | [ADR-0002](adr/0002-pure-domain.md) Keep the domain layer pure (accepted) |
        | ⚠️ | [`Sources/App/main.swift:3`](Sources/App/main.swift#L3) | `App` imports `GRDB` | App must not import GRDB | `rules/architecture.stele` |

        """, "errors first, then warnings; each place a link to its line (issue 11)")
        let linked = MarkdownReport.render(ReportFixture.result, fileCount: 12, linkBase: "https://github.com/acme/shop/blob/abc123/")
        XCTAssertTrue(linked.contains("[`Sources/Domain/Order.swift:2`](https://github.com/acme/shop/blob/abc123/Sources/Domain/Order.swift#L2)"), linked)
        XCTAssertEqual(SARIFReport.uri("Sources/State Machine/Pool(1).swift"), "Sources/State%20Machine/Pool%281%29.swift", "link targets are URIs")
    }

    func testCleanAndCellEscaping() {
        let clean = CheckResult(findings: [], rules: [], diagnostics: [])
        XCTAssertTrue(MarkdownReport.render(clean, fileCount: 3).hasSuffix("Every enforced architecture decision holds.\n"))
        XCTAssertEqual(MarkupText.markdownCell("a|b\nc"), "a\\|b c")
        XCTAssertEqual(MarkupText.markdownCell("a\r\nb\rc\n\nd"), "a b c  d", "CRLF is one break; two breaks two spaces")
        XCTAssertEqual(MarkupText.markdownCell("Ünïcode | ✓"), "Ünïcode \\| ✓")
        XCTAssertEqual(MarkupText.markdownCell("plain"), "plain")
    }
}

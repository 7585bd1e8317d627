import Foundation
import XCTest
import SteleCheck
@testable import SteleReport

final class SARIFReportTests: XCTestCase {
    func testRunWithRulesResultsLocationsAndFingerprints() throws {
        let text = SARIFReport.render(ReportFixture.result, toolVersion: "0.1.0")
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "Stele")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["id"] as? String }, ["ADR-0002/R1", "rules/architecture.stele/R1"],
                       "enforced rules only; the waived one is not a descriptor")
        let help = try XCTUnwrap(rules[0]["help"] as? [String: Any])
        XCTAssertEqual(help["markdown"] as? String,
                       "`Domain must not import GRDB`\n\nDecision: [ADR-0002 Keep the domain layer pure](adr/0002-pure-domain.md) (accepted), line 17.")
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.map { $0["level"] as? String }, ["warning", "error"])
        let domain = results[1]
        XCTAssertEqual(domain["ruleId"] as? String, "ADR-0002/R1", "a short stable id, the rule text in the descriptor (issue 11)")
        XCTAssertEqual(domain["ruleIndex"] as? Int, 0)
        XCTAssertEqual((domain["message"] as? [String: Any])?["text"] as? String, "`Domain` imports `GRDB` (breaks ADR-0002: Keep the domain layer pure)")
        let physical = try XCTUnwrap(((domain["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        XCTAssertEqual((physical["artifactLocation"] as? [String: Any])?["uri"] as? String, "Sources/Domain/Order.swift")
        XCTAssertEqual((physical["artifactLocation"] as? [String: Any])?["uriBaseId"] as? String, "%SRCROOT%")
        XCTAssertEqual((physical["region"] as? [String: Any])?["startLine"] as? Int, 2)
        XCTAssertEqual((domain["partialFingerprints"] as? [String: String])?["steleFingerprint/v1"], ReportFixture.result.findings[1].fingerprint)
    }

    func testURIsArePercentEncoded() {
        XCTAssertEqual(SARIFReport.uri("Sources/My App/Café.swift"), "Sources/My%20App/Caf%C3%A9.swift")
    }
}

import Foundation
import XCTest
import SteleCheck
import SteleCore
@testable import SteleReport

final class CheckJSONReportTests: XCTestCase {
    func testSchemaVersionOneWithProvenance() throws {
        let text = CheckJSONReport.render(ReportFixture.result, fileCount: 12,
                                          diagnostics: [.warning("not scanned: binary", at: SourceLocation(file: "a.swift", line: 1, column: 1))])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(json["version"] as? Int, 1)
        XCTAssertEqual(json["summary"] as? [String: Int],
                       ["files": 12, "rules": 2, "rulesNotEnforced": 1, "proseRules": 0, "errors": 1, "warnings": 1, "infos": 0, "suppressed": 0])
        let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 2)
        XCTAssertTrue(findings[0]["adr"] is NSNull, "a .stele rule without `because` has no ADR")
        let adr = try XCTUnwrap(findings[1]["adr"] as? [String: Any])
        XCTAssertEqual(adr["id"] as? String, "ADR-0002")
        XCTAssertEqual(adr["line"] as? Int, 17)
        XCTAssertEqual((findings[1]["source"] as? [String: Any])?["origin"] as? String, "stele-block")
        let diagnostics = try XCTUnwrap(json["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.first?["message"] as? String, "not scanned: binary")
    }

    func testKeyOrderIsTheSpecsOrder() {
        let text = CheckJSONReport.render(ReportFixture.result, fileCount: 1, diagnostics: [])
        let keys = ["\"rule\"", "\"ruleId\"", "\"severity\"", "\"file\"", "\"line\"", "\"column\"", "\"message\"", "\"from\"", "\"to\""]
        let positions = keys.map { text.range(of: $0)!.lowerBound }
        XCTAssertEqual(positions, positions.sorted())
    }
}

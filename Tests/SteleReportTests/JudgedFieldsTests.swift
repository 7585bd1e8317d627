import Foundation
import XCTest
import SteleCheck
import SteleCore
@testable import SteleReport

/// A judged finding's marks (model, confidence, reason) are fields of their own in JSON and SARIF;
/// a finding that was not judged has no such member, so its output is byte for byte what it was.
final class JudgedFieldsTests: XCTestCase {
    static let judgedResult: CheckResult = {
        var result = ReportFixture.result
        var judged = Finding(rule: ReportFixture.rule("the domain never reads the clock", kind: .judge("the domain never reads the clock", .name("Domain")), number: 2),
                             location: SourceLocation(file: "Sources/Domain/Invoice.swift", line: 9, column: 1),
                             message: "judged: reads the clock with Date() (test-model, confidence 90%)", from: "Domain", to: "judge", snippet: "let issued = Date()")
        judged.judged = Finding.Judgement(model: "test-model", confidence: 0.9, reason: "reads the clock with Date()")
        result.findings = (result.findings + [judged]).sorted(by: Finding.ordered)
        return result
    }()

    func testJSONHasAJudgedMemberOnJudgedFindingsOnly() throws {
        let text = CheckJSONReport.render(Self.judgedResult, fileCount: 3, diagnostics: [])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
        let judged = try XCTUnwrap(findings.first { $0["file"] as? String == "Sources/Domain/Invoice.swift" })
        let marks = try XCTUnwrap(judged["judged"] as? [String: Any])
        XCTAssertEqual(marks["model"] as? String, "test-model")
        XCTAssertEqual(marks["confidence"] as? Double, 0.9)
        XCTAssertEqual(marks["reason"] as? String, "reads the clock with Date()")
        XCTAssertTrue(text.contains("\"fingerprint\": \"\(judged["fingerprint"]!)\",\n      \"judged\": {"), "after the fingerprint, last")
        XCTAssertEqual(findings.filter { $0["judged"] != nil }.count, 1)
        // The other findings render exactly as without the judged one.
        let plain = CheckJSONReport.render(ReportFixture.result, fileCount: 3, diagnostics: [])
        for finding in ReportFixture.result.findings {
            let one = ReportJSON.finding(finding).rendered()
            XCTAssertFalse(one.contains("judged"))
            XCTAssertTrue(plain.contains("\"fingerprint\": \"\(finding.fingerprint)\"\n"), "no member after the fingerprint")
        }
    }

    func testSARIFCarriesTheMarksInProperties() throws {
        let text = SARIFReport.render(Self.judgedResult, toolVersion: "0.1.0")
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let results = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let properties = results.compactMap { $0["properties"] as? [String: Any] }
        XCTAssertEqual(properties.count, 3)
        let judged = properties.compactMap { $0["judged"] as? [String: Any] }
        XCTAssertEqual(judged.count, 1)
        XCTAssertEqual(judged.first?["model"] as? String, "test-model")
        XCTAssertEqual(judged.first?["confidence"] as? Double, 0.9)
        XCTAssertEqual(SARIFReport.render(ReportFixture.result, toolVersion: "0.1.0").contains("judged"), false)
    }
}

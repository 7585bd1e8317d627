import XCTest
import SteleADR
import SteleCheck
import SteleCore
import SteleRules
@testable import SteleReport

final class ExplanationTests: XCTestCase {
    let adr = ADR(id: "ADR-0002", number: 2, title: "Keep the domain layer pure", status: .accepted, statusText: "Accepted", statusLine: 5,
                  date: nil, file: "adr/0002-pure-domain.md", supersedes: [], supersededBy: [], ruleLines: [])

    var input: Explanation.Input {
        Explanation.Input(adrs: [adr], summaries: ["adr/0002-pure-domain.md": ADRSummary(context: "Orders must stay testable.", decision: "No database in the domain.")],
                          rules: ReportFixture.result.rules, proseRules: [], findings: ReportFixture.result.findings)
    }

    func testAnADRIsNamedByItsIdInSeveralForms() {
        for name in ["ADR-0002", "adr-0002", "0002", "2", "adr-2", "ADR2"] {
            XCTAssertEqual(Explanation.adr(named: name, in: [adr])?.id, "ADR-0002", name)
        }
        XCTAssertNil(Explanation.adr(named: "ADR-0003", in: [adr]))
    }

    func testARuleIsNamedByIdOrByTextAsRetyped() throws {
        guard case .success(.rules(let byID)) = Explanation.subject("ADR-0002/R1", in: input) else { return XCTFail("not a rule") }
        XCTAssertEqual(byID.map(\.text), ["Domain must not import GRDB"])
        guard case .success(.rules(let byText)) = Explanation.subject("domain  must not import `GRDB`", in: input) else { return XCTFail("not a rule") }
        XCTAssertEqual(byText.map(\.id), ["ADR-0002/R1"])
    }

    func testAFindingIsNamedByItsFingerprint() {
        let finding = ReportFixture.result.findings[1]
        guard case .success(.finding(let found)) = Explanation.subject(finding.fingerprint, in: input) else { return XCTFail("not a finding") }
        XCTAssertEqual(found, finding)
    }

    func testAnUnknownNameGetsTheClosestOne() {
        guard case .failure(let unknown) = Explanation.subject("ADR-0020", in: input) else { return XCTFail("found") }
        XCTAssertEqual(unknown.hint, "did you mean `ADR-0002`?")
        guard case .failure(let start) = Explanation.subject("Domain must not", in: input) else { return XCTFail("found") }
        XCTAssertEqual(start.hint, "did you mean `Domain must not import GRDB`?")
    }

    func testTheTextSaysTheDecisionTheRuleTheExampleAndTodaysFindings() throws {
        guard case .success(let subject) = Explanation.subject("ADR-0002", in: input) else { return XCTFail("not found") }
        let text = Explanation.text(Explanation.document(for: subject, query: "ADR-0002", input: input))
        XCTAssertTrue(text.hasPrefix("ADR-0002: Keep the domain layer pure\n  status: accepted, adr/0002-pure-domain.md\n  why:      Orders must stay testable.\n  decision: No database in the domain.\n"), text)
        XCTAssertTrue(text.contains("Rule ADR-0002/R1: Domain must not import GRDB\n  state:    enforced, error\n  where:    adr/0002-pure-domain.md:17"), text)
        XCTAssertTrue(text.contains("    Sources/Domain/Example.swift:\n      import GRDB\n  Fix: remove `import GRDB` from Domain"), text)
        XCTAssertTrue(text.contains("  Findings today: 1\n    Sources/Domain/Order.swift:2:1: error: `Domain` imports `GRDB`\n"), text)
        // The waived rule of the same ADR is listed, not enforced.
        XCTAssertTrue(text.contains("Rule ADR-0002/R2: UI must not import GRDB\n  state:    waived: waived until 2027-01-01\n"), text)
    }
}

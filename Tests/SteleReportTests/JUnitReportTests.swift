import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import SteleCheck
@testable import SteleReport

final class JUnitReportTests: XCTestCase {
    func testOneSuitePerDecisionOneCasePerRuleFailuresPerFinding() throws {
        let xml = JUnitReport.render(ReportFixture.result)
        XCTAssertEqual(xml, """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="stele" tests="3" failures="1" errors="0">
          <testsuite name="ADR-0002 Keep the domain layer pure" tests="2" failures="1" errors="0" skipped="1">
            <testcase classname="ADR-0002" name="Domain must not import GRDB" file="adr/0002-pure-domain.md" line="17">
              <failure type="error" message="Sources/Domain/Order.swift:2:1: `Domain` imports `GRDB`">Sources/Domain/Order.swift:2:1: `Domain` imports `GRDB`&#10;    import GRDB</failure>
            </testcase>
            <testcase classname="ADR-0002" name="UI must not import GRDB" file="adr/0002-pure-domain.md" line="18">
              <skipped message="waived until 2027-01-01"/>
            </testcase>
          </testsuite>
          <testsuite name="rules/architecture.stele" tests="1" failures="0" errors="0" skipped="0">
            <testcase classname="rules/architecture.stele" name="App must not import GRDB" file="rules/architecture.stele" line="4">
              <system-out>warning: Sources/App/main.swift:3:1: `App` imports `GRDB`&#10;    import GRDB</system-out>
            </testcase>
          </testsuite>
        </testsuites>

        """)
        // And it is well-formed XML.
        XCTAssertNoThrow(try XMLDocument(xmlString: xml))
    }

    func testEscaping() {
        XCTAssertEqual(JUnitReport.escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;\u{FFFD}")
    }
}

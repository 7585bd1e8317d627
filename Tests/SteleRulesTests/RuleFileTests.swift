import XCTest
import SteleCore
@testable import SteleRules

final class RuleFileTests: XCTestCase {
    func testParsesLinesWithLocationsAndCollectsErrors() {
        let text = """
        # Project-wide rules
        component Domain = Sources/Domain/**

          Domain must not import UIKit   # trailing comment
        Domain mustnot import GRDB
        scan Sources\r
        """
        let file = RuleFile.parse(text, path: "rules/architecture.stele")
        XCTAssertEqual(file.lines.count, 3)
        XCTAssertEqual(file.lines[1].text, "Domain must not import UIKit")
        XCTAssertEqual(file.lines[1].location, SourceLocation(file: "rules/architecture.stele", line: 4, column: 3))
        XCTAssertEqual(file.settings, [.scan([Glob("Sources")])])
        XCTAssertEqual(file.diagnostics.count, 1)
        XCTAssertEqual(file.diagnostics.first?.location?.line, 5)
        XCTAssertEqual(file.diagnostics.first?.hint, "did you mean `must not import`?")
    }

    func testWindowsLineEndingsAndAByteOrderMark() {
        let file = RuleFile.parse("\u{FEFF}scan Sources\r\nDomain must not import UIKit\r\nDomain mustnt import GRDB\r\n", path: "rules/a.stele")
        XCTAssertEqual(file.lines.map(\.text), ["scan Sources", "Domain must not import UIKit"])
        XCTAssertEqual(file.lines[1].location.line, 2)
        XCTAssertEqual(file.diagnostics.first?.location?.line, 3)
    }
}

import XCTest
@testable import SteleCheck

final class ForbiddenImportCheckTests: XCTestCase {
    func testReportsTheImportAndNothingFromCommentsOrStrings() {
        let result = CheckHarness.check("shop", rules: "Domain must not import GRDB, UIKit, SwiftUI, Persistence")
        XCTAssertEqual(CheckHarness.lines(result), ["Sources/Domain/Order.swift:2:1 `Domain` imports `GRDB`"])
        XCTAssertEqual(result.findings.first?.snippet, "import GRDB")
        XCTAssertEqual(result.findings.first?.severity, .error)
    }

    func testExceptCarvesOutFiles() {
        let result = CheckHarness.check("shop", rules: "Domain must not import GRDB except Sources/Domain/Order.swift")
        XCTAssertEqual(result.findings, [])
    }

    func testImportUnderIfIsStillADependency() {
        let result = CheckHarness.check("shop", rules: "UI must not import UIKit (warning)")
        XCTAssertEqual(CheckHarness.lines(result), ["Sources/UI/OrderView.swift:4:1 `UI` imports `UIKit`"])
        XCTAssertEqual(result.findings.first?.severity, .warning)
    }
}

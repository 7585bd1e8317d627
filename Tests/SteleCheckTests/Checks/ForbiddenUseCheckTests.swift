import XCTest
@testable import SteleCheck

final class ForbiddenUseCheckTests: XCTestCase {
    func testUsesAreReportedAtTheirLocation() {
        let result = CheckHarness.check("shop", rules: "App must not use print\nUI must not use OrderStore, UserDefaults.standard")
        XCTAssertEqual(CheckHarness.lines(result), [
            "Sources/App/main.swift:4:1 `App` uses `print`",
            "Sources/UI/OrderView.swift:8:24 `UI` uses `OrderStore`",
        ])
        XCTAssertEqual(result.rules.map(\.state.label), ["enforced", "enforced"])
    }

    func testExceptAndComponentsWithoutUses() {
        XCTAssertEqual(CheckHarness.check("shop", rules: "App must not use print except Sources/App/main.swift").findings, [])
        XCTAssertEqual(CheckHarness.check("shop", rules: "Domain must not use print").findings, [], "Order.swift's comments and strings do not count")
    }
}

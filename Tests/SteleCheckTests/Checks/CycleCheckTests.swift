import XCTest
@testable import SteleCheck

final class CycleCheckTests: XCTestCase {
    func testModuleCycleReportedOnce() {
        let result = CheckHarness.check("shop", rules: "no cycles")
        XCTAssertEqual(CheckHarness.lines(result), ["Sources/Features/Cart/CartScreen.swift:1:1 dependency cycle: Cart → Login → Cart"])
    }

    func testScopedToAComponent() {
        XCTAssertEqual(CheckHarness.check("shop", rules: "no cycles in Sources/Domain/**").findings, [])
        XCTAssertEqual(CheckHarness.check("shop", rules: "Sources/Features must be acyclic").findings.count, 1)
    }

    func testAmongParametrizedMembers() {
        let result = CheckHarness.check("shop", rules: """
        component Feature(*) = Sources/Features/*/**
        no cycles in Feature(*)
        """)
        XCTAssertEqual(CheckHarness.lines(result), ["Sources/Features/Cart/CartScreen.swift:1:1 dependency cycle: Feature(Cart) → Feature(Login) → Feature(Cart)"])
    }
}

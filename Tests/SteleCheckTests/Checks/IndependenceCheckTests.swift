import XCTest
@testable import SteleCheck

final class IndependenceCheckTests: XCTestCase {
    func testMembersMustNotImportEachOther() {
        let result = CheckHarness.check("shop", rules: """
        component Feature(*) = Sources/Features/*/**
        Feature(*) must not depend on each other
        """)
        XCTAssertEqual(CheckHarness.lines(result), [
            "Sources/Features/Cart/CartScreen.swift:1:1 `Feature(Cart)` imports `Feature(Login)` (`import Login`): members of `Feature(*)` must not depend on each other",
            "Sources/Features/Login/LoginScreen.swift:1:1 `Feature(Login)` imports `Feature(Cart)` (`import Cart`): members of `Feature(*)` must not depend on each other",
        ])
    }
}

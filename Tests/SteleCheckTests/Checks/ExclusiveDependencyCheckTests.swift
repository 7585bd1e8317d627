import XCTest
@testable import SteleCheck

final class ExclusiveDependencyCheckTests: XCTestCase {
    func testOnlyMayImport() {
        let result = CheckHarness.check("shop", rules: "only Persistence may import GRDB")
        XCTAssertEqual(CheckHarness.lines(result), ["Sources/Domain/Order.swift:2:1 `Domain` imports `GRDB`, which only `Persistence` may import"])
    }

    func testOnlyMayDependOn() {
        let result = CheckHarness.check("shop", rules: "only UI may depend on Persistence")
        XCTAssertEqual(result.findings, [])
        let stricter = CheckHarness.check("shop", rules: "only App may depend on Domain")
        XCTAssertEqual(CheckHarness.lines(stricter), [
            "Sources/Persistence/OrderStore.swift:1:1 `Persistence` imports `Domain`, which only `App` may depend on",
            "Sources/UI/OrderView.swift:1:1 `UI` imports `Domain`, which only `App` may depend on",
        ], "test code (the implicit `Tests` component) is outside everybody else (issue 11)")
        // Naming it brings it back: a direct rule on the tests still applies.
        XCTAssertEqual(CheckHarness.lines(CheckHarness.check("shop", rules: "Tests must not depend on Domain")), [
            "Tests/DomainTests/OrderTests.swift:2:1 `Tests` imports `Domain`",
        ])
    }
}

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
            "Tests/DomainTests/OrderTests.swift:2:1 `DomainTests` imports `Domain`, which only `App` may depend on",
        ])
    }
}

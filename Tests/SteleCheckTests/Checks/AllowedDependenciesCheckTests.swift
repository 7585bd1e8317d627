import XCTest
@testable import SteleCheck

final class AllowedDependenciesCheckTests: XCTestCase {
    func testPlatformModulesAreExemptAndOthersReported() {
        let result = CheckHarness.check("shop", rules: "UI may only depend on Domain")
        XCTAssertEqual(CheckHarness.lines(result), [
            "Sources/UI/OrderView.swift:2:1 `UI` imports `Persistence`, which is not among its allowed dependencies (`Domain`)",
            "Sources/UI/OrderView.swift:4:1 `UI` imports `UIKit`, which is not among its allowed dependencies (`Domain`)",
        ])
    }

    func testConditionalImportsCarryTheirConditionAndLongListsAreShortened() {
        let result = CheckHarness.check("shop", rules: "UI may only depend on Domain, App, Cart, Login, DomainTests")
        XCTAssertEqual(result.findings.map(\.conditions), [[], ["canImport(UIKit)"]])
        XCTAssertEqual(result.findings.first?.message,
                       "`UI` imports `Persistence`, which is not among its allowed dependencies (`Domain`, `App`, `Cart` and 2 more)")
    }

    func testNamingAPlatformModuleMakesThemCount() {
        let result = CheckHarness.check("shop", rules: "Domain may only depend on Swift")
        XCTAssertEqual(CheckHarness.lines(result).first,
                       "Sources/Domain/Money.swift:1:1 `Domain` imports `Foundation`, which is not among its allowed dependencies (`Swift`)")
    }
}

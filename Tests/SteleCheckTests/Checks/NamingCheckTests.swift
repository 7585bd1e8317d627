import XCTest
@testable import SteleCheck

final class NamingCheckTests: XCTestCase {
    func testFilesNotMatchingThePatternAreReported() {
        let result = CheckHarness.check("shop", rules: "files in Sources/Features/** must be named \"*Screen.swift\"")
        XCTAssertEqual(result.findings, [])
        let strict = CheckHarness.check("shop", rules: "files in Domain must be named \"Order*.swift\"")
        XCTAssertEqual(CheckHarness.lines(strict), ["Sources/Domain/Money.swift:1:1 `Money.swift` is in `Domain` but is not named \"Order*.swift\""])
    }
}

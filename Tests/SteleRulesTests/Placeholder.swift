import XCTest

final class SteleRulesPlaceholderTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}

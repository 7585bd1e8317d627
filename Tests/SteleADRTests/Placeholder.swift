import XCTest

final class SteleADRPlaceholderTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}

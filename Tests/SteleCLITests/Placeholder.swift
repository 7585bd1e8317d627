import XCTest

final class stelePlaceholderTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}

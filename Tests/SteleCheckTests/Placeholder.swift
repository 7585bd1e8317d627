import XCTest

final class SteleCheckPlaceholderTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}

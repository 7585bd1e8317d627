import XCTest

final class SteleScanPlaceholderTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}

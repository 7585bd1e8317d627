import XCTest

final class SteleReportPlaceholderTests: XCTestCase {
    func testPlaceholder() { XCTAssertTrue(true) }
}

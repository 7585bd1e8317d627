import XCTest
import Domain

final class OrderTests: XCTestCase {
    func testTotal() { XCTAssertEqual(Order(total: 2).total, 2) }
}

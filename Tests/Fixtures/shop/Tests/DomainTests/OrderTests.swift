import XCTest
@testable import Domain

final class OrderTests: XCTestCase {
    func testTotal() { XCTAssertEqual(Money(cents: 1).cents, 1) }
}

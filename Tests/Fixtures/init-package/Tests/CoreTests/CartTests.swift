import XCTest
import Core
import Features

final class CartTests: XCTestCase {
    func testEmpty() { XCTAssertTrue(Cart(items: []).items.isEmpty) }
}

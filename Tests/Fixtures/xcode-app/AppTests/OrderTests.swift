import XCTest
@testable import App

final class OrderTests: XCTestCase {
    func testTitle() {
        XCTAssertEqual(Order(id: 1, title: "Tea").title, "Tea")
    }
}

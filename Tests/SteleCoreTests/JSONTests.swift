import XCTest
import Foundation
@testable import SteleCore

final class JSONTests: XCTestCase {
    func testKeysKeepTheirOrderAndOutputIsPretty() {
        let json = JSON.object([("b", .int(1)), ("a", .array([.string("x"), .null, .bool(true)])), ("e", .object([])), ("f", .array([]))])
        XCTAssertEqual(json.rendered(), """
        {
          "b": 1,
          "a": [
            "x",
            null,
            true
          ],
          "e": {},
          "f": []
        }

        """)
    }

    func testStringsAreEscaped() {
        XCTAssertEqual(JSON.string("a\"b\\c\nd\te\u{1}").rendered(), "\"a\\\"b\\\\c\\nd\\te\\u0001\"\n")
        XCTAssertEqual(JSON.string("→ ✓").rendered(), "\"→ ✓\"\n")
    }

    func testOutputParsesWithFoundation() throws {
        let json = JSON.object([("n", .double(0.5)), ("i", .double(3)), ("s", .string("\u{2028}"))])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.rendered().utf8)) as? [String: Any]
        XCTAssertEqual(parsed?["n"] as? Double, 0.5)
        XCTAssertEqual(parsed?["i"] as? Int, 3)
        XCTAssertEqual(parsed?["s"] as? String, "\u{2028}")
    }
}

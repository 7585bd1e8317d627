import XCTest
import SteleCore

final class LineCountTests: XCTestCase {
    func count(_ text: String) -> Int { LineCount.of(Array(text.utf8)) }

    func testLinesAsEditorsCountThem() {
        XCTAssertEqual(count(""), 0)
        XCTAssertEqual(count("a"), 1, "a last line without an ending counts")
        XCTAssertEqual(count("a\n"), 1)
        XCTAssertEqual(count("a\nb"), 2)
        XCTAssertEqual(count("a\n\n"), 2, "an empty line is a line")
        XCTAssertEqual(count("a\r\nb\r\n"), 2, "Windows endings are one ending each")
        XCTAssertEqual(count("a\rb\r"), 2, "classic Mac endings")
        XCTAssertEqual(count("a\r\n\rb"), 3)
        XCTAssertEqual(count("\n"), 1)
        XCTAssertEqual(LineCount.of(Array(repeating: 0x0A, count: 100_000)), 100_000)
    }
}

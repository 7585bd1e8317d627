import XCTest
import SteleCore

final class ByteSearchTests: XCTestCase {
    func offsets(of needle: String, anchor: Int, in text: String, from: Int = 0, to: Int? = nil) -> [Int] {
        var found: [Int] = []
        Array(needle.utf8).withUnsafeBytes { n in
            Array(text.utf8).withUnsafeBytes { h in
                ByteSearch.forEach(n, anchor: anchor, in: h, from: from, to: to) { found.append($0); return true }
            }
        }
        return found
    }

    func testEveryOccurrenceInOrderWhateverTheAnchor() {
        XCTAssertEqual(offsets(of: "import", anchor: 2, in: "import x; reimport; imporT; import"), [0, 12, 28])
        XCTAssertEqual(offsets(of: "import", anchor: 0, in: "import x; reimport; imporT; import"), [0, 12, 28])
        XCTAssertEqual(offsets(of: "aa", anchor: 1, in: "aaaa"), [0, 1, 2], "overlapping matches too")
    }

    func testOnlyMatchesWhollyInsideTheRange() {
        XCTAssertEqual(offsets(of: "ab", anchor: 1, in: "ab ab ab", from: 1), [3, 6])
        XCTAssertEqual(offsets(of: "ab", anchor: 0, in: "ab ab ab", to: 7), [0, 3], "the last one ends past 7")
        XCTAssertEqual(offsets(of: "abc", anchor: 0, in: "ab"), [])
        XCTAssertEqual(offsets(of: "", anchor: 0, in: "ab"), [])
    }

    func testStopsWhenTheBodySays() {
        var seen: [Int] = []
        Array("a".utf8).withUnsafeBytes { n in
            Array("aaa".utf8).withUnsafeBytes { h in
                ByteSearch.forEach(n, anchor: 0, in: h) { seen.append($0); return $0 < 1 }
            }
        }
        XCTAssertEqual(seen, [0, 1])
        Array("c:d".utf8).withUnsafeBytes { n in
            Array("ab c:d".utf8).withUnsafeBytes { h in
                XCTAssertTrue(ByteSearch.contains(n, anchor: 1, in: h))
                XCTAssertFalse(ByteSearch.contains(n, anchor: 1, in: h, to: 5))
            }
        }
    }
}

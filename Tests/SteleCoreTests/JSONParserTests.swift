import XCTest
@testable import SteleCore

final class JSONParserTests: XCTestCase {
    func testRoundTripsWhatStelePrints() {
        let value = JSON.object([("version", .int(1)), ("findings", .array([.object([("fingerprint", .string("ab\"c\n→"))]), .null, .bool(false), .double(0.5)]))])
        XCTAssertEqual(JSON.parse(value.rendered()), value)
    }

    func testEscapesAndSurrogates() {
        XCTAssertEqual(JSON.parse(#""a\u00e9\ud83d\ude00\/""#), .string("aé😀/"))
        XCTAssertEqual(JSON.parse(#"{"a": [1, -2, 3.5e1]}"#)?["a"], .array([.int(1), .int(-2), .double(35)]))
    }

    func testRejectsAnythingElse() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "1 2", "\"\\x\"", "\"a", "[\"\u{1}\"]", String(repeating: "[", count: 10_000)] {
            XCTAssertNil(JSON.parse(bad), bad.prefix(20).description)
        }
    }

    func testAccessors() {
        let v = JSON.parse(#"{"version": 1, "name": "x", "list": []}"#)
        XCTAssertEqual(v?["version"]?.intValue, 1)
        XCTAssertEqual(v?["name"]?.stringValue, "x")
        XCTAssertEqual(v?["list"]?.arrayValue?.count, 0)
        XCTAssertNil(v?["missing"])
    }

    func testBytesParseAsTheTextDoesAndRepairInvalidUTF8InStrings() {
        let text = #"{"name": "@acme/orders", "note": "tab\tand é", "n": [true, false, null, -1.5e2], "e": ""}"#
        XCTAssertEqual(JSON.parse(bytes: Array(text.utf8)), JSON.parse(text))
        XCTAssertEqual(JSON.parse(bytes: Array(text.utf8))?["note"], .string("tab\tand é"))
        // An invalid byte inside a string becomes U+FFFD, as `String(decoding:)` would make it.
        XCTAssertEqual(JSON.parse(bytes: [0x22, 0x61, 0xFF, 0x62, 0x22]), .string("a\u{FFFD}b"))
        XCTAssertNil(JSON.parse(bytes: [0x7B, 0xFF, 0x7D]), "an invalid byte outside a string is no JSON")
    }

    /// `\u` escapes: four hex digits of either case, surrogates only in pairs, nothing else (Swift's
    /// `UInt32(_:radix:)` would take `+12a` as hex).
    func testUnicodeEscapes() {
        func scalar(_ text: String) -> (Unicode.Scalar?, Int) {
            var index = 0
            let found = JSONUnicodeEscape.scalar(in: Array(text.utf8), at: &index)
            return (found, index)
        }
        XCTAssertEqual(scalar("00e9").0, "é")
        XCTAssertEqual(scalar("00E9x").1, 4)
        XCTAssertEqual(scalar("D83D\\uDE00").0, "😀")
        XCTAssertEqual(scalar("D83D\\uDE00").1, 10)
        for bad in ["+12a", "-000", "12", "12g4", "D83D", "D83D\\u0041", "DE00", "D83Dx\\uDE00"] {
            XCTAssertNil(scalar(bad).0, bad)
        }
        XCTAssertEqual(JSON.parse(#""\u00e9\uD83D\uDE00""#), .string("é😀"))
        XCTAssertNil(JSON.parse(#""\u+12a""#))
    }
}

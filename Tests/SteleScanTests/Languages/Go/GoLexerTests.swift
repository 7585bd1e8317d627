import XCTest
@testable import SteleScan

final class GoLexerTests: XCTestCase {
    func kinds(_ source: String) -> [(GoToken.Kind, String)] {
        let bytes = Array(source.utf8)
        return GoLexer.tokenize(bytes).map { ($0.kind, String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)) }
    }

    func testCommentsStringsRawStringsAndRunes() {
        let tokens = kinds("a // import \"x\"\n/* import\n \"y\" */ \"s\\\"t\" `raw\nimport \"z\"` '\\'' '\"' 0x1p-2 1e+9")
        XCTAssertEqual(tokens.map(\.0), [.name, .comment, .comment, .string, .rawString, .rune, .rune, .number, .number])
        XCTAssertEqual(tokens.map(\.1), ["a", "// import \"x\"", "/* import\n \"y\" */", "\"s\\\"t\"", "`raw\nimport \"z\"`", "'\\''", "'\"'", "0x1p-2", "1e+9"])
    }

    func testPositionsAreOneBasedAndCountEveryLineEnd() {
        let bytes = Array("package p\r\n\r\nimport (\n\t`a\nb` \"c\"\n)".utf8)
        let tokens = GoLexer.tokenize(bytes)
        XCTAssertEqual(tokens.map(\.line), [1, 1, 3, 3, 4, 5, 6])
        XCTAssertEqual(tokens.map(\.column), [1, 9, 1, 8, 2, 4, 1])
    }

    func testUnterminatedFormsEndAtTheLineOrTheFile() {
        XCTAssertEqual(kinds("\"open\nx").map(\.0), [.string, .name], "an interpreted string ends at its line")
        XCTAssertEqual(kinds("`open\nx").map(\.1), ["`open\nx"], "a raw string runs to the end of the file")
        XCTAssertEqual(kinds("/* open\nx").map(\.0), [.comment])
        XCTAssertEqual(kinds("\"a\\").map(\.1), ["\"a\\"], "a backslash at the end of the file")
    }

    func testByteOrderMarkAndUnicodeNames() {
        let tokens = kinds("\u{FEFF}package δ")
        XCTAssertEqual(tokens.map(\.1), ["package", "δ"])
        XCTAssertEqual(GoLexer.tokenize(Array("\u{FEFF}package δ".utf8)).first?.column, 1)
    }
}

import XCTest
@testable import SteleScan

final class PythonLexerTests: XCTestCase {
    func tokens(_ source: String) -> [(PythonToken.Kind, String)] {
        var tokens: [PythonToken] = []
        let bytes = Array(source.utf8)
        PythonLexer.tokenize(bytes, into: &tokens)
        return tokens.map { ($0.kind, String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)) }
    }

    func strings(_ source: String) -> [String] { tokens(source).filter { $0.0 == .string }.map(\.1) }
    func names(_ source: String) -> [String] { tokens(source).filter { $0.0 == .name }.map(\.1) }

    func testEveryQuoteForm() {
        XCTAssertEqual(strings(#"a = 'x' "y" '''z''' """w""""#), ["'x'", "\"y\"", "'''z'''", "\"\"\"w\"\"\""])
        XCTAssertEqual(strings("s = '''one\nimport a\n''' + \"\"\"two\n'''\nimport b\n\"\"\""), ["'''one\nimport a\n'''", "\"\"\"two\n'''\nimport b\n\"\"\""])
        XCTAssertEqual(names("s = '''one\nimport a\n'''\nx"), ["s", "x"])
    }

    func testEveryPrefixInAnyCase() {
        for prefix in ["r", "R", "b", "B", "u", "U", "f", "F", "rb", "Rb", "bR", "BR", "fr", "Fr", "rF", "RF", "t", "tr"] {
            XCTAssertEqual(strings("x = \(prefix)'import a'"), ["\(prefix)'import a'"], prefix)
        }
        XCTAssertEqual(names("x = ub'a'"), ["x", "ub"], "`ub` is no prefix: a name, then a string")
        XCTAssertEqual(names("rb = 1; print(rb)"), ["rb", "print", "rb"])
    }

    func testEscapesInRawAndPlainStrings() {
        XCTAssertEqual(strings(#"a = "\"import b\"" ; c = r"\"" ; d = '\\'"#), [#""\"import b\"""#, #"r"\"""#, #"'\\'"#])
        XCTAssertEqual(strings("a = 'one \\\ntwo'"), ["'one \\\ntwo'"], "a backslash continues a one-quote string")
    }

    func testFStringsWithNestedQuotesBracesAndSpecs() {
        XCTAssertEqual(strings(#"f"{d["import a"]}" + x"#), [#"f"{d["import a"]}""#])
        XCTAssertEqual(strings(#"f"{{not a field}} {x:{width}.{p}f} {y!r:>{w}}""#), [#"f"{{not a field}} {x:{width}.{p}f} {y!r:>{w}}""#])
        XCTAssertEqual(strings(#"f'{f"{g('import b')}"}' ; n"#), [#"f'{f"{g('import b')}"}'"#])
        XCTAssertEqual(strings("f'''{\n  x  # a comment } '\n}''' ; y"), ["f'''{\n  x  # a comment } '\n}'''"])
        XCTAssertEqual(strings(#"f"{ {'a': 1}['a'] }""#), [#"f"{ {'a': 1}['a'] }""#])
        XCTAssertEqual(names(#"f"{x}" ; import_me"#), ["import_me"])
    }

    func testCommentsAndLogicalLines() {
        let found = tokens("x = (1,\n  2)  # import a\ny = 3 \\\n  + 4\n\n# only a comment\nz\n")
        XCTAssertEqual(found.filter { $0.0 == .comment }.map(\.1), ["# import a", "# only a comment"])
        XCTAssertEqual(found.filter { $0.0 == .newline }.count, 3, "brackets and backslashes continue a line; blank and comment lines end none")
    }

    func testLinesAndColumns() {
        var tokens: [PythonToken] = []
        PythonLexer.tokenize(Array("a = '''\n\n'''\n  import b\r\nc".utf8), into: &tokens)
        let b = tokens.first { $0.kind == .name && $0.start > 10 }!
        XCTAssertEqual([b.line, b.column], [4, 3])
        XCTAssertEqual(tokens.last { $0.kind == .name }!.line, 5)
    }

    func testBadInputNeverTraps() {
        for source in ["'unterminated\nimport a", "f'{", "f'{x:", "\"\"\"", "((((", "))))", "\\", "f\"{'", "0x1e-5 1e-5 .5j",
                       String(decoding: [0xFF, 0xFE, 0x00, 0x27, 0x5C], as: UTF8.self)] {
            _ = tokens(source)
        }
        var tokens: [PythonToken] = []
        PythonLexer.tokenize([0xFF, 0x27, 0x5C, 0x22, 0x7B, 0x66, 0x27, 0x7B], into: &tokens)
        XCTAssertEqual(names("'unterminated\nimport a"), ["import", "a"], "a one-quote string ends at its line")
    }
}

import XCTest
@testable import SteleScan
import SteleTestSupport

final class SwiftLexerTests: XCTestCase {
    /// (kind, text) of every token.
    func tokens(_ source: String) -> [(SwiftToken.Kind, String)] {
        var lexer = SwiftLexer(Array(source.utf8))
        var out: [(SwiftToken.Kind, String)] = []
        while let t = lexer.next() { out.append((t.kind, lexer.text(of: t))) }
        return out
    }

    func kinds(_ source: String) -> [SwiftToken.Kind] { tokens(source).map(\.0) }

    /// `token(_:contains:)` searches with `memchr` from the word's `:`: it agrees with a plain
    /// search on every token of random text made of the word's pieces, wherever the word falls
    /// (at a token's first or last byte, across its end, at the end of the buffer).
    func testTokenContainsAgreesWithAPlainSearch() {
        var random = SplitMix(seed: 7)
        let pieces = ["stele", ":", "allow", "stele:allo", "tele:allow", " ", "//", "\n", "é", "s", "::"]
        for _ in 0..<2_000 {
            let text = (0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let bytes = Array(text.utf8)
            let lexer = SwiftLexer(bytes)
            for start in 0...bytes.count {
                for end in start...bytes.count {
                    let token = SwiftToken(kind: .lineComment, start: start, end: end, line: 1, column: start + 1, isFirstOnLine: false)
                    let plain = bytes[start..<end].firstRange(of: Array("stele:allow".utf8)) != nil
                    XCTAssertEqual(lexer.token(token, contains: "stele:allow"), plain, "\(text.debugDescription) [\(start), \(end))")
                }
            }
        }
        let lexer = SwiftLexer(Array("a".utf8))
        XCTAssertFalse(lexer.token(SwiftToken(kind: .lineComment, start: 0, end: 1, line: 1, column: 1, isFirstOnLine: true), contains: "a:b"))
    }

    /// A line comment ends at the newline, or at the end of the buffer without one.
    func testLineCommentsEndAtTheNewlineOrTheEnd() {
        XCTAssertEqual(tokens("a // x: y\nb //\n// é\n//").map(\.1), ["a", "// x: y", "b", "//", "// é", "//"])
        XCTAssertEqual(tokens("//").map(\.1), ["//"])
        XCTAssertEqual(tokens("x//\n\n").map(\.1), ["x", "//"])
    }

    func testNestedBlockComments() {
        XCTAssertEqual(tokens("a /* x /* y */ z */ b").map(\.1), ["a", "/* x /* y */ z */", "b"])
    }

    func testStringForms() {
        XCTAssertEqual(kinds(#"let s = "a \"b\" c""#), [.identifier, .identifier, .operator, .stringLiteral])
        let multi = "x = \"\"\"\n  import Foo\n  \"\"\"\ny"
        XCTAssertEqual(tokens(multi).map(\.1), ["x", "=", "\"\"\"\n  import Foo\n  \"\"\"", "y"])
        XCTAssertEqual(tokens(##"r = #"a "quoted" \n "#"##).map(\.1).last, ##"#"a "quoted" \n "#"##)
        XCTAssertEqual(tokens(###"r = ##"a "# b"##; z"###).map(\.1), ["r", "=", ###"##"a "# b"##"###, ";", "z"])
    }

    func testTripleQuotesOpenAMultiLineStringOnlyAtTheEndOfALine() {
        XCTAssertEqual(tokens(##"q = #"""#; import A"##).map(\.1), ["q", "=", ##"#"""#"##, ";", "import", "A"])
        XCTAssertEqual(SwiftImportScanner.imports(in: Array("let quote = #\"\"\"#\nimport Foundation\n".utf8)).map(\.module), ["Foundation"],
                       "found by the compiler, so it must be found here")
    }

    func testInterpolationWithNestedStringsParensAndComments() {
        let source = #"s = "a \(f("x)", (1)) /* ) */ + "\(g("y"))") b" + c"#
        XCTAssertEqual(tokens(source).map(\.1), ["s", "=", #""a \(f("x)", (1)) /* ) */ + "\(g("y"))") b""#, "+", "c"])
        XCTAssertEqual(tokens(##"s = #"a \#(f("x")) b"#; t"##).map(\.1), ["s", "=", ##"#"a \#(f("x")) b"#"##, ";", "t"])
    }

    func testRegexLiteralsAndDivision() {
        XCTAssertEqual(tokens(#"let r = /"import"/"#).map(\.0).last, .regexLiteral)
        XCTAssertEqual(kinds("let q = a / b / c"), [.identifier, .identifier, .operator, .identifier, .operator, .identifier, .operator, .identifier])
        XCTAssertEqual(kinds("x = f(/a+/)"), [.identifier, .operator, .identifier, .punctuation, .regexLiteral, .punctuation])
        XCTAssertEqual(tokens("let r = #/a/b\n/#; z").map(\.1), ["let", "r", "=", "#/a/b\n/#", ";", "z"])
        XCTAssertEqual(kinds("a = b /c"), [.identifier, .operator, .identifier, .operator, .identifier], "after an identifier `/` divides")
        // A prefix `/` (swift-case-paths) followed by an unbalanced `)` before the next `/` is no regex (SE-0354).
        XCTAssertEqual(tokens("f({ /R.s ~= $0 }).map(/R.s)").map(\.1),
                       ["f", "(", "{", "/", "R", ".", "s", "~=", "$0", "}", ")", ".", "map", "(", "/", "R", ".", "s", ")"])
        XCTAssertEqual(kinds("x = f(/(a)+/)"), [.identifier, .operator, .identifier, .punctuation, .regexLiteral, .punctuation])
    }

    func testShebangBackticksAttributesAndPound() {
        XCTAssertEqual(tokens("#!/usr/bin/env swift\nimport Foo").map(\.1), ["import", "Foo"])
        XCTAssertEqual(tokens("let `import` = @MainActor #selector(x)").map(\.0),
                       [.identifier, .backtickIdentifier, .operator, .attribute, .poundKeyword, .punctuation, .identifier, .punctuation])
    }

    func testConditionalDirectiveCoversItsConditionAcrossLines() {
        let t = tokens("#if os(Linux) &&\n  canImport(Glibc) // why\nimport Glibc\n#endif")
        XCTAssertEqual(t[0].0, .conditionalDirective)
        XCTAssertEqual(t[0].1, "#if os(Linux) &&\n  canImport(Glibc) // why")
        XCTAssertEqual(t[1].1, "import")
    }

    func testLinesColumnsAndFirstOnLine() {
        var lexer = SwiftLexer(Array("a /* \n */ b\n  c \"x\ny\" d".utf8))
        var seen: [(String, Int, Int, Bool)] = []
        while let t = lexer.nextNonComment() { seen.append((lexer.text(of: t), t.line, t.column, t.isFirstOnLine)) }
        XCTAssertEqual(seen.map(\.0), ["a", "b", "c", "\"x", "y", "\" d"])
        XCTAssertEqual(seen[1].1, 2)
        XCTAssertEqual(seen[1].2, 5)
        XCTAssertTrue(seen[1].3, "only a comment precedes b on its line")
        XCTAssertEqual(seen[2].1, 3)
        XCTAssertEqual(seen[2].2, 3)
        XCTAssertTrue(seen[2].3)
    }

    func testUnterminatedAndInvalidInputEndsGracefully() {
        XCTAssertEqual(kinds("\"abc").count, 1)
        XCTAssertEqual(kinds("/* never closed").count, 1)
        XCTAssertEqual(kinds("\"\"\"\nnever closed").count, 1)
        var lexer = SwiftLexer([0xFF, 0xFE, 0x41, 0x5C, 0x00, 0x22])
        var count = 0
        while lexer.next() != nil { count += 1 }
        XCTAssertGreaterThan(count, 0)
    }
}

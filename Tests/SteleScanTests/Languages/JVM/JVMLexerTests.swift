import XCTest
@testable import SteleScan

final class JVMLexerTests: XCTestCase {
    func tokens(_ source: String, _ dialect: JVMLexer.Dialect) -> [(JVMToken.Kind, String)] {
        let bytes = Array(source.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var lexer = JVMLexer(buffer, dialect: dialect)
            var found: [(JVMToken.Kind, String)] = []
            while let token = lexer.next() {
                XCTAssertTrue(token.start < token.end && token.end <= bytes.count)
                found.append((token.kind, String(decoding: bytes[token.start..<token.end], as: UTF8.self)))
            }
            return found
        }
    }

    func of(_ kind: JVMToken.Kind, _ source: String, _ dialect: JVMLexer.Dialect) -> [String] {
        tokens(source, dialect).filter { $0.0 == kind }.map(\.1)
    }

    func names(_ source: String, _ dialect: JVMLexer.Dialect) -> [String] { of(.name, source, dialect) }

    func testJavaCommentsDoNotNest() {
        XCTAssertEqual(of(.comment, "a // import b.C;\n/* x /* y */ c /** doc */", .java), ["// import b.C;", "/* x /* y */", "/** doc */"])
        XCTAssertEqual(names("a /* never closed\nimport b.C;", .java), ["a"])
    }

    func testKotlinCommentsNest() {
        XCTAssertEqual(of(.comment, "/* a /* import b.C */ still */ d", .kotlin), ["/* a /* import b.C */ still */"])
        XCTAssertEqual(names("/* a /* b */ import c.D", .kotlin), [], "one level still open: to the end of the file")
        XCTAssertEqual(of(.comment, "#!/usr/bin/env kotlin\nx", .kotlin), ["#!/usr/bin/env kotlin"])
    }

    func testJavaStringsCharactersAndTextBlocks() {
        XCTAssertEqual(of(.string, #"a = "say \"import x.Y;\"" + "\\";"#, .java), [#""say \"import x.Y;\"""#, #""\\""#])
        XCTAssertEqual(of(.character, #"c = '\''; d = '"';"#, .java), [#"'\''"#, #"'"'"#])
        XCTAssertEqual(names("s = \"unterminated\nimport a.B;", .java), ["s", "import", "a", "B"], "a string ends at the line end")
        let block = "s = \"\"\"\n  import a.B;\n  \\\"\"\" still \"\" \"\"\"; after"
        XCTAssertEqual(of(.string, block, .java), ["\"\"\"\n  import a.B;\n  \\\"\"\" still \"\" \"\"\""])
        XCTAssertEqual(names(block, .java), ["s", "after"])
        XCTAssertEqual(names("s = \"${\" + x", .java), ["s", "x"], "no templates in Java")
    }

    func testKotlinTemplatesAndRawStrings() {
        XCTAssertEqual(of(.string, #"a = "x ${ "}" + f("{") } y" + b"#, .kotlin), [#""x ${ "}" + f("{") } y""#])
        XCTAssertEqual(names(#"a = "${ "${ "import q.R" }" }" ; after"#, .kotlin), ["a", "after"], "nested templates")
        XCTAssertEqual(names(#"a = "${ m({ k -> k }) /* } */ }" ; after"#, .kotlin), ["a", "after"], "braces and comments in a template")
        XCTAssertEqual(names(#"a = "\${ not a template" ; after"#, .kotlin), ["a", "after"])
        XCTAssertEqual(of(.string, "r = \"\"\"raw \\\" import a.B\n${ x }\"\"\"\"\" ; after", .kotlin),
                       ["\"\"\"raw \\\" import a.B\n${ x }\"\"\"\"\""], "no escapes in a raw string; its last three quotes close it")
        XCTAssertEqual(names("a = \"unterminated\nimport b.C", .kotlin), ["a", "import", "b", "C"])
        XCTAssertEqual(names("a = \"${ never closed\nimport b.C", .kotlin), ["a"], "an open template runs to the end of the file")
        XCTAssertEqual(names("x = `a name` + `when`", .kotlin), ["x", "`a name`", "`when`"])
    }

    func testPositionsNumbersAndPunctuation() {
        let bytes = Array("package a;\r\n  import b.*;".utf8)
        let found: [JVMToken] = bytes.withUnsafeBufferPointer { buffer in
            var lexer = JVMLexer(buffer, dialect: .java)
            var all: [JVMToken] = []
            while let token = lexer.next() { all.append(token) }
            return all
        }
        XCTAssertEqual(found.map { "\($0.line):\($0.column)" }, ["1:1", "1:9", "1:10", "2:3", "2:10", "2:11", "2:12", "2:13"])
        XCTAssertEqual(of(.number, "x = 0x1F + 1_000L + 1.5e-3f + .5", .java), ["0x1F", "1_000L", "1.5e-3f", "5"])
        XCTAssertEqual(of(.punct, "@file:[A]", .kotlin), ["@", ":", "[", "]"])
    }
}

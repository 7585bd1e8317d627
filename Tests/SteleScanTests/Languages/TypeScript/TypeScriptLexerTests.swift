import XCTest
@testable import SteleScan

final class TypeScriptLexerTests: XCTestCase {
    func tokens(_ source: String) -> [(TypeScriptToken.Kind, String)] {
        var tokens: [TypeScriptToken] = []
        let bytes = Array(source.utf8)
        TypeScriptLexer.tokenize(bytes, into: &tokens)
        return tokens.map { ($0.kind, String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)) }
    }

    func of(_ kind: TypeScriptToken.Kind, _ source: String) -> [String] { tokens(source).filter { $0.0 == kind }.map(\.1) }
    func names(_ source: String) -> [String] { of(.name, source) }

    func testEveryCommentForm() {
        XCTAssertEqual(of(.comment, "#!/usr/bin/env node\na // import x from 'y'\n/* import\n'z' */ b /** doc */"),
                       ["#!/usr/bin/env node", "// import x from 'y'", "/* import\n'z' */", "/** doc */"])
        XCTAssertEqual(names("a /* never closed\nimport x"), ["a"])
        XCTAssertEqual(names("a / b // c\nd"), ["a", "b", "d"])
    }

    func testEveryStringForm() {
        XCTAssertEqual(of(.string, #"a = 'it\'s' + "say \"import\"" + '\\'"#), [#"'it\'s'"#, #""say \"import\"""#, #"'\\'"#])
        XCTAssertEqual(of(.string, "a = 'one \\\ntwo'"), ["'one \\\ntwo'"], "a backslash continues a string on the next line")
        XCTAssertEqual(names("x = 'unterminated\nimport y"), ["x", "import", "y"], "a string ends at the line end")
        XCTAssertEqual(names("x = \"a // b\" + c"), ["x", "c"])
    }

    func testTemplatesWithNestedSubstitutionsTemplatesAndBraces() {
        XCTAssertEqual(of(.template, "`plain import x from 'y'`"), ["`plain import x from 'y'`"])
        XCTAssertEqual(names("`a ${ b } c ${ d({ e: 1 }) } f`"), ["b", "d", "e"])
        XCTAssertEqual(of(.template, "`a ${ b } c`"), ["`a ${", "} c`"])
        // A template inside a substitution, with an object literal and a string holding a backtick.
        XCTAssertEqual(names("`x ${ `y ${ {k: '`'}.k } z` } w` + after"), ["k", "k", "after"])
        XCTAssertEqual(names("`\\${ not } ${ '}' } done`; tail"), ["tail"])
        XCTAssertEqual(names("`one\nimport a\n${ x }\nimport b`\nlast"), ["x", "last"])
        XCTAssertEqual(names("`never closed ${ a } import b"), ["a"])
    }

    func testRegexOrDivisionByThePreviousToken() {
        XCTAssertEqual(of(.regex, "x = /import 'a'/g.test(s)"), ["/import 'a'/g"])
        XCTAssertEqual(of(.regex, "a = b / c / d"), [])
        XCTAssertEqual(of(.regex, "f(x) / 2; a[0] / 3; {} / 4; 1 / 5; 'a' / 6; i++ / 7"), [])
        XCTAssertEqual(of(.regex, "return /a/; typeof /b/; (/c/); [/d/]; x = !/e/; a ? /f/ : /g/; case /h/:"),
                       ["/a/", "/b/", "/c/", "/d/", "/e/", "/f/", "/g/", "/h/"])
        XCTAssertEqual(of(.regex, #"r = /[/'"]\/x/; s = '"'"#), [#"/[/'"]\/x/"#], "a class holds `/`, an escape too")
        XCTAssertEqual(names("x = /unterminated\nimport y"), ["x", "import", "y"])
        XCTAssertEqual(of(.regex, "`${ /re/ }`"), ["/re/"])
        XCTAssertEqual(of(.regex, "<div>a</div>"), [], "a JSX closing tag is no regex")
        XCTAssertEqual(of(.regex, "x.in / 2 / y.of / 3"), [], "a keyword as a property name is an operand")
        XCTAssertEqual(of(.regex, "a /* c */ / b; return /* c */ /d/"), ["/d/"], "comments do not count as the previous token")
    }

    func testLinesAndColumns() {
        var tokens: [TypeScriptToken] = []
        TypeScriptLexer.tokenize(Array("a\r\n  /* x\n */ b\r`\n` c".utf8), into: &tokens)
        XCTAssertEqual(tokens.map { "\($0.line):\($0.column)" }, ["1:1", "2:3", "3:5", "4:1", "5:3"])
    }

    func testBadInputNeverTraps() {
        for source in ["`${", "}}}", "`${`${`", "/", "'", "/*", "a/", "/[", "\\", "`\\", "${}", "0x", "1e+"] {
            _ = tokens(source)
        }
    }
}

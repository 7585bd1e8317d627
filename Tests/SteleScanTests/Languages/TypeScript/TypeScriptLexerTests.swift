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

    // The fast paths: runs of spaces, names and string bodies read by the byte-class table, code
    // tokens written to `TypeScriptTokens`' own memory, and the list of `import`/`export`/`require`.

    func testWhitespaceRunsAndNamesUpToTheEndOfTheBuffer() {
        XCTAssertEqual(tokens("a \t\u{0B}\u{0C}  b    ").map(\.1), ["a", "b"], "every whitespace byte, to the end of the buffer")
        XCTAssertEqual(names("x = require"), ["x", "require"], "a name that ends the buffer")
        XCTAssertEqual(names("caf\u{E9} = na\u{EF}ve + \u{1F600}x + $_9"), ["caf\u{E9}", "na\u{EF}ve", "\u{1F600}x", "$_9"],
                       "non-ASCII bytes are name bytes")
        var tokens: [TypeScriptToken] = []
        TypeScriptLexer.tokenize(Array("\t  a\n    b  c".utf8), into: &tokens)
        XCTAssertEqual(tokens.map { "\($0.line):\($0.column)" }, ["1:4", "2:5", "2:8"])
    }

    /// A line comment is read four bytes at a time: its end may fall on any of the four.
    func testLineCommentsEndingAtEachOfFourBytesAndAtTheEndOfTheBuffer() {
        for length in 0..<10 {
            let body = "//" + String(repeating: "x", count: length)
            XCTAssertEqual(of(.comment, "a " + body), [body], "to the end of the buffer")
            XCTAssertEqual(tokens("a " + body + "\nb").map(\.1), ["a", body, "b"])
            XCTAssertEqual(of(.comment, "a " + body + "\r\nb"), [body])
            XCTAssertEqual(tokens("a " + body + "\rb").map(\.1), ["a", body, "b"])
        }
        XCTAssertEqual(names("// caf\u{E9} require('x') import('y')\nz"), ["z"], "non-ASCII bytes and calls in a comment")
    }

    func testStringBodiesWithEscapesAndNonASCII() {
        XCTAssertEqual(of(.string, #"a('\u00e9\'"', "x\\", "\#u{E9}\#u{FC}") + b"#), [#"'\u00e9\'"'"#, #""x\\""#, "\"\u{E9}\u{FC}\""])
        XCTAssertEqual(names("s = 'open \u{E9}\nrequire"), ["s", "require"], "an unterminated string ends at its line")
        XCTAssertEqual(of(.string, "'end"), ["'end"], "a string that ends the buffer")
    }

    func testBracesAroundTemplateSubstitutions() {
        XCTAssertEqual(of(.template, "}} `a ${ b } c`"), ["`a ${", "} c`"], "an unmatched `}` in code is punctuation")
        XCTAssertEqual(of(.template, "{ `a ${ {b: {c}} } d` } `e`"), ["`a ${", "} d`", "`e`"])
        XCTAssertEqual(names("{ `a ${ x } } y` z } w"), ["x", "z", "w"], "the substitution's `}` goes back into the template")
        XCTAssertEqual(of(.template, "`${ `${ {} }` }` x"), ["`${", "`${", "}`", "}`"])
    }

    func testImportKeywordsAreListedWhereverTheyAreCode() {
        let source = #"import a from 'x'; export * from "y"; const r = require('z'); x.import; imports; exported; requires; "#
            + #"'require(1)'; // import('c')\#n/* require('d') */ `${ import('e') }`; /require(/; reQuire; IMPORT"#
        let storage = TypeScriptTokens()
        let bytes = Array(source.utf8)
        TypeScriptLexer.tokenize(bytes, into: storage)
        let code = storage.code
        XCTAssertEqual(storage.keywords.map { String(decoding: bytes[code[$0].start..<code[$0].end], as: UTF8.self) },
                       ["import", "export", "require", "import", "import"])
        XCTAssertEqual(storage.comments.count, 2)
    }

    func testTokenMemoryGrowsAndIsReusedFromFileToFile() {
        let storage = TypeScriptTokens()
        let long = Array(String(repeating: "a(b); ", count: 2000).utf8) + Array("import".utf8)
        TypeScriptLexer.tokenize(long, into: storage)
        XCTAssertEqual(storage.count, 10_001)
        XCTAssertEqual(storage.code.last.map { String(decoding: long[$0.start..<$0.end], as: UTF8.self) }, "import")
        XCTAssertEqual(storage.keywords, [10_000])
        let short = Array("// c\nx".utf8)
        TypeScriptLexer.tokenize(short, into: storage)
        XCTAssertEqual(storage.code.map(\.start), [5], "no token of the previous file is left")
        XCTAssertEqual(storage.keywords, [])
        XCTAssertEqual(storage.comments.map(\.start), [0])
    }
}

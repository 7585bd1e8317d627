import XCTest
@testable import SteleScan

/// The imports as written (`TypeScriptImportResolver` names their modules: see its tests).
final class TypeScriptImportScannerTests: XCTestCase {
    /// The whole file's answer, checked against the one lexed only as far as it needs.
    func scan(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> (imports: [Import], suppressions: [Suppression]) {
        var tokens: [TypeScriptToken] = []
        let whole = TypeScriptImportScanner.scan(Array(source.utf8), tokens: &tokens)
        let prefix = TypeScriptImportScanner.scan(Array(source.utf8), into: TypeScriptTokens())
        XCTAssertEqual(prefix.imports, whole.imports, file: file, line: line)
        XCTAssertEqual(prefix.suppressions, whole.suppressions, file: file, line: line)
        return whole
    }

    func testLastNeededIsTheEndOfTheLastKeywordOrSuppression() {
        func last(_ source: String) -> Int? { TypeScriptImportScanner.lastNeeded(in: Array(source.utf8)) }
        XCTAssertNil(last("const a = 1; module.exports = a; // imports, required, exported"), "whole words only")
        XCTAssertEqual(last("require('a'); f(); x"), 7)
        XCTAssertEqual(last("import a from 'a'\nexport const b = 1\nlet c"), 24)
        XCTAssertEqual(last("import a from 'a' // stele:allow ADR-1 -- why\n"), 32)
        XCTAssertEqual(last("'a string that says import'"), 26, "in a string too: the bytes are not lexed yet")
        XCTAssertEqual(last("export"), 6)
        XCTAssertNil(last(""))
    }

    /// Past the last keyword the file is lexed only as far as a form can read: a suppression far
    /// after it is still seen, and a form that reads further (an import list of thousands of
    /// names) has the whole file lexed, so the answer is the whole file's (`scan` compares).
    func testLexingStopsAfterTheLastKeywordWithTheWholeFilesAnswer() {
        let tail = String(repeating: "f(a, b); ", count: 2_000)
        XCTAssertEqual(summary("const x = require('x')\n" + tail), ["1:11 import x require"])
        XCTAssertEqual(scan("require('x')\n" + tail + "// stele:allow ADR-0001 -- far below\n").suppressions.map(\.target), ["ADR-0001"])
        let names = (0..<3_000).map { "n\($0)" }.joined(separator: ", ")
        XCTAssertEqual(summary("import { " + names + " } from 'm'\n" + tail), ["1:1 import m"])
        let storage = TypeScriptTokens()
        XCTAssertTrue(TypeScriptLexer.tokenize(Array(("require('x')\n" + tail).utf8), into: storage, limit: 7), "stopped early")
        XCTAssertLessThan(storage.count, 4_300)
        XCTAssertEqual(storage.code.last?.kind, .comment, "the mark where lexing stopped")
        XCTAssertFalse(TypeScriptLexer.tokenize(Array("require('x')".utf8), into: storage, limit: 7))
    }

    func summary(_ source: String) -> [String] {
        scan(source).imports.map { i in
            "\(i.line):\(i.column) \(i.kind ?? "import") \(i.module)" + (i.attributes.isEmpty ? "" : " " + i.attributes.joined(separator: ","))
        }
    }

    func testEveryStaticForm() {
        XCTAssertEqual(summary("""
        import x from 'a'
        import {b, c as d} from "b"
        import * as n from 'c'
        import 'd'
        import x2, { y } from 'e'
        import x3, * as m from 'f'
          export * from './g'
        export * as h from './h'
        export { i, j as k } from './i'
        export { default } from './j'
        import {
          multi, // a comment
          line,
        } from '@acme/orders'
        import { "string name" as s } from 'k'
        """), [
            "1:1 import a", "2:1 import b", "3:1 import c", "4:1 import d", "5:1 import e", "6:1 import f", "7:3 import ./g",
            "8:1 import ./h", "9:1 import ./i", "10:1 import ./j", "11:1 import @acme/orders", "15:1 import k",
        ])
        XCTAssertEqual(scan("import {\n  a,\n  b as c,\n} from 'm'").imports.map(\.text), ["import {a, b as c, } from 'm'"])
        XCTAssertEqual(scan("import x from 'a'").imports.map(\.path), [["a"]])
    }

    func testTypeOnlyForms() {
        XCTAssertEqual(summary("""
        import type { A } from 'a'
        import type B from 'b'
        import type * as C from 'c'
        export type { D } from 'd'
        export type * from 'e'
        import type from 'f'
        import type, { g } from 'g'
        import { type H, i } from 'h'
        """), [
            "1:1 import a type-only", "2:1 import b type-only", "3:1 import c type-only", "4:1 import d type-only",
            "5:1 import e type-only", "6:1 import f", "7:1 import g", "8:1 import h",
        ])
    }

    func testRequireAndDynamicImports() {
        XCTAssertEqual(summary("""
        const a = require('a')
        import b = require("b")
        import type c = require('c')
        const d = await import('d')
        const e = require(`e`)
        function f() { return import('./f', { with: {} }) }
        const g = require(name)
        const h = import(`./${x}`)
        const i = require('a' + b)
        type J = typeof import('./j')
        """), [
            "1:11 import a require", "2:1 import b require", "3:1 import c type-only,require", "4:17 import d dynamic",
            "5:11 import e require", "6:23 import ./f dynamic", "7:11 ambiguous  require", "8:11 ambiguous  dynamic",
            "9:11 ambiguous  require", "10:17 import ./j type-only,dynamic",
        ])
        XCTAssertEqual(scan("const g = require(name)").imports.map(\.text), ["require(name)"])
    }

    func testWhatIsNotAnImport() {
        XCTAssertEqual(summary("""
        // import a from 'a'
        /* require('b') */
        const s = "import c from 'c'"
        const t = `import d from 'd' ${ "require('e')" }`
        const r = /import f from 'f'/
        x.require('g'); y.import; import.meta.url
        const o = { import: 1, require: 2 }
        function require(name) {}
        class C { import(data) { } require(name) { } }
        const t = c ? require(a) : b
        export { h }
        export default i
        export const j = 1
        export {k}
        import l from 'l'
        """), ["10:15 ambiguous  require", "15:1 import l"])
    }

    func testAnImportInsideATemplateSubstitutionIsSeen() {
        XCTAssertEqual(summary("const t = `${ await import('a') } and ${ require('b') }`"), ["1:21 import a dynamic", "1:42 import b require"])
    }

    /// The text is built in a buffer of the source's length (plus the ellipsis): whitespace runs
    /// become one space, none after `{` or before `}` (but after `,`), and it is cut at 240 bytes.
    func testTheImportTextOnOneLine() {
        XCTAssertEqual(scan("import  {\ta ,\r\n b }\n  from\t'm'").imports.map(\.text), ["import {a , b} from 'm'"])
        XCTAssertEqual(scan("export {\n  x,\n  }   from 'm'").imports.map(\.text), ["export {x, } from 'm'"])
        let names = (0..<60).map { "n\($0)" }.joined(separator: ",\n  ")
        let text = scan("import {\n  \(names)\n} from 'long'").imports.first?.text ?? ""
        XCTAssertEqual(text.utf8.count, 242)
        XCTAssertTrue(text.hasPrefix("import {n0, n1, n2"))
        XCTAssertTrue(text.hasSuffix("…"))
        let wide = (0..<150).map { _ in "\u{E9}" }.joined()
        let cut = scan("import {\(wide)} from 'w'").imports.first?.text ?? ""
        XCTAssertEqual(cut, "import {" + String(repeating: "\u{E9}", count: 115) + "\u{FFFD}…", "a character cut in two is replaced")
    }

    func testColumnsCountUTF8Bytes() {
        XCTAssertEqual(summary("const é = require('a')"), ["1:12 import a require"])
    }

    func testSuppressions() {
        let found = scan("""
        // stele:allow ADR-0003 -- legacy
        import x from 'x'
        import y from 'y' /* stele:allow ADR-0004 */
        /// stele:allow ADR-0005 -- a triple-slash directive is never one
        /** stele:allow ADR-0006 -- nor JSDoc */
        """).suppressions
        XCTAssertEqual(found.map(\.line), [1, 3])
        XCTAssertEqual(found.first?.reason, "legacy")
    }
}

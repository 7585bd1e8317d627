import XCTest
@testable import SteleScan

final class SwiftImportScannerTests: XCTestCase {
    func scan(_ source: String) -> [Import] { SwiftImportScanner.imports(in: Array(source.utf8)) }

    func testEveryImportForm() {
        let imports = scan("""
        import Foundation
        @testable import Domain
        @_spi(Internal) @_exported public import NIOCore
        @preconcurrency
        import Dispatch
        internal import struct Collections.Deque
        import func Darwin.C.sqrt; import class Foundation.NSObject
        @_implementationOnly import `Private`
        package import Darwin.C.stdio
        """)
        XCTAssertEqual(imports.map(\.module), ["Foundation", "Domain", "NIOCore", "Dispatch", "Collections", "Darwin", "Foundation", "Private", "Darwin"])
        XCTAssertEqual(imports[1].attributes, ["@testable"])
        XCTAssertEqual(imports[2].attributes, ["@_spi(Internal)", "@_exported"])
        XCTAssertEqual(imports[2].accessLevel, "public")
        XCTAssertEqual(imports[2].text, "@_spi(Internal) @_exported public import NIOCore")
        XCTAssertEqual(imports[3].line, 4, "the statement starts at its attribute on the line before")
        XCTAssertEqual(imports[4].kind, "struct")
        XCTAssertEqual(imports[4].path, ["Collections", "Deque"])
        XCTAssertEqual(imports[5].path, ["Darwin", "C", "sqrt"])
        XCTAssertEqual(imports[6].column, 28, "the second import of the line")
        XCTAssertEqual(imports[8].path, ["Darwin", "C", "stdio"])
        XCTAssertEqual(imports[8].accessLevel, "package")
    }

    func testNothingFromCommentsStringsOrMembers() {
        let imports = scan(#"""
        // import A
        /* import B /* import C */ import D */
        let s = "import E"
        let m = """
            import F
            """
        let r = #"import "G" \(x)"#
        let i = "\(f("import H"))"
        let x = y.import
        let `import` = 1
        let re = /import I/
        """#)
        XCTAssertEqual(imports, [])
    }

    func testConditions() {
        let imports = scan("""
        #if canImport(UIKit)
        import UIKit
        #elseif os(macOS) || targetEnvironment(macCatalyst)
        import AppKit
        #else
          #if DEBUG
          import Debugging
          #endif
        import Fallback
        #endif
        import Always
        """)
        XCTAssertEqual(imports.map(\.conditions), [
            ["canImport(UIKit)"],
            ["!canImport(UIKit) && (os(macOS) || targetEnvironment(macCatalyst))"],
            ["!canImport(UIKit) && !(os(macOS) || targetEnvironment(macCatalyst))", "DEBUG"],
            ["!canImport(UIKit) && !(os(macOS) || targetEnvironment(macCatalyst))"],
            [],
        ])
    }

    func testMultiLineConditionsAndUnbalancedEndif() {
        let imports = scan("#endif\n#if os(Linux) &&\n   !DEBUG // note\nimport Glibc\n#endif\n#endif\nimport After")
        XCTAssertEqual(imports.map(\.conditions), [["os(Linux) && !DEBUG"], []])
    }

    /// A condition is folded as bytes: comments of both kinds out (also across CRLF line ends),
    /// runs of blanks one space, names in other scripts kept as written.
    func testConditionsAreFoldedWithoutCommentsOrBlanks() {
        XCTAssertEqual(SwiftImportScanner.condition(" os(Linux)  /* why */ &&\t!DEBUG // note"), "os(Linux) && !DEBUG")
        XCTAssertEqual(SwiftImportScanner.condition(" A || // first\r\n   B"), "A || B")
        XCTAssertEqual(SwiftImportScanner.condition(" canImport(Ünïcode)\u{00A0}"), "canImport(Ünïcode)\u{00A0}")
        XCTAssertEqual(SwiftImportScanner.condition(" a/b"), "a/b")
        XCTAssertEqual(SwiftImportScanner.condition(" X /* open"), "X")
    }

    func testLastOccurrenceSearchAgreesWithANaiveOne() {
        // Every length around the 16-byte blocks, `import` at every offset, and near misses.
        for length in 0..<60 {
            for offset in stride(from: -1, to: length - 5, by: 1) {
                var bytes = [UInt8](repeating: UInt8(ascii: "p"), count: length)
                if offset >= 0 { bytes.replaceSubrange(offset..<(offset + 6), with: Array("import".utf8)) }
                // Word boundaries around it, sometimes: a space before and after, when it fits.
                if offset >= 1 && offset % 2 == 0 { bytes[offset - 1] = UInt8(ascii: " ") }
                if offset >= 0 && offset + 6 < length && offset % 3 == 0 { bytes[offset + 6] = UInt8(ascii: " ") }
                if length > 8 { bytes[length - 3] = UInt8(ascii: "i") }
                let word: (Int) -> Bool = { i in i >= 0 && i < bytes.count && (bytes[i] == UInt8(ascii: "p") || bytes[i] == UInt8(ascii: "i")) }
                let naive = (0..<max(0, length - 5)).last { Array(bytes[$0..<($0 + 6)]) == Array("import".utf8) && !word($0 - 1) && !word($0 + 6) }
                XCTAssertEqual(SwiftImportScanner.lastOccurrenceOfImport(in: bytes), naive, "length \(length), offset \(offset)")
            }
        }
        XCTAssertEqual(SwiftImportScanner.lastOccurrenceOfImport(in: Array("import A\nimport B // importer, important".utf8)), 9,
                       "only whole words count")
        XCTAssertEqual(SwiftImportScanner.lastOccurrenceOfImport(in: Array("x;import".utf8)), 2)
    }

    func testSuppressionsAreReadUpToTheEndOfTheLastImportLine() {
        let scanned = SwiftImportScanner.scan(Array("""
        // stele:allow ADR-0002 -- the legacy store, removed in #12
        import GRDB
        /* stele:allow ADR-0007 */ import SQLite3 // stele:allow adr-9 -- trailing
        // stele:allow ADR-0001 -- after the imports, so never read
        """.utf8))
        let notSuppressions = SwiftImportScanner.scan(Array("/// Write `// stele:allow ADR-1 -- why`.\n/** stele:allow ADR-2 -- doc */\n// see stele:allow ADR-3 -- x\nimport A\n".utf8))
        XCTAssertEqual(notSuppressions.suppressions, [], "doc comments and sentences that mention the syntax")
        XCTAssertEqual(scanned.imports.map(\.module), ["GRDB", "SQLite3"])
        XCTAssertEqual(scanned.suppressions, [
            Suppression(target: "ADR-0002", reason: "the legacy store, removed in #12", line: 1, column: 1),
            Suppression(target: "ADR-0007", reason: nil, line: 3, column: 1),
            Suppression(target: "adr-9", reason: "trailing", line: 3, column: 43),
        ])
    }

    func testImportMacroAloneIsAModuleNamedMacro() {
        XCTAssertEqual(scan("import macro").first?.module, "macro")
        XCTAssertEqual(scan("import macro Foo.bar").first?.kind, "macro")
    }
}

extension SwiftImportScannerTests {
    func testSuppressionWithUntil() {
        let s = Suppression.parse(comment: "// stele:allow ADR-0002 until 2027-03-31 -- migrating", line: 1, column: 1)
        XCTAssertEqual(s?.target, "ADR-0002")
        XCTAssertEqual(s?.until, "2027-03-31")
        XCTAssertEqual(s?.reason, "migrating")
        XCTAssertNil(Suppression.parse(comment: "// stele:allow ADR-0002 -- until the rewrite", line: 1, column: 1)?.until,
                     "`until` in the reason is prose")
    }

    /// Conditions stay readable and bounded (issue 16): a long `#elseif` chain names its first
    /// branches and counts the rest; deep nesting counts the outermost levels; a condition that
    /// repeats the enclosing one is said once.
    func testLongAndDeepConditionsAreCutWithACount() {
        var chain = "#if X0\nimport C0\n"
        for i in 1..<4_000 { chain += "#elseif X\(i)\nimport C\(i)\n" }
        chain += "#endif\n"
        let chained = SwiftImportScanner.imports(in: Array(chain.utf8))
        XCTAssertEqual(chained.count, 4_000)
        XCTAssertEqual(chained.last?.conditions, ["!X0 && !X1 && !X2 && (3996 more earlier branches false) && X3999"])
        XCTAssertEqual(chained[3].conditions, ["!X0 && !X1 && !X2 && X3"])

        let depth = 20_000
        let nested = String(repeating: "#if A\n#if B\n", count: depth / 2) + "import Deep\n" + String(repeating: "#endif\n", count: depth)
        let deep = SwiftImportScanner.imports(in: Array(nested.utf8))
        XCTAssertEqual(deep.map(\.module), ["Deep"])
        XCTAssertEqual(deep[0].conditions.first, "(19992 enclosing conditions)")
        XCTAssertEqual(deep[0].conditions.count, 9)
        XCTAssertEqual(SwiftImportScanner.imports(in: Array("#if DEBUG\n#if DEBUG\nimport X\n#endif\n#endif\n".utf8))[0].conditions, ["DEBUG"])
    }
}

import Foundation
import XCTest
@testable import SteleScan
import SteleTestSupport

/// Bad input never traps and never loops: the fixture's files cut, spliced and sprinkled with the
/// bytes that open and close comments, strings, raw strings, runes and import groups, through the
/// lexer, the import reader, resolution and the go.mod reader (deterministic).
final class GoBadInputTests: XCTestCase {
    func testMutatedSourcesAreReadToTheirEnd() throws {
        let sources = try Mutations.sources(ofFixture: "go-app") { $0.hasSuffix(".go") || $0.hasSuffix("go.mod") }
        XCTAssertGreaterThan(sources.count, 8)
        Mutations.forEach(of: sources, specials: "`'\"/\\*()\n\r;._", seed: 21) { bytes, random in
            let tokens = GoLexer.tokenize(bytes)
            XCTAssertTrue(tokens.allSatisfy { $0.start < $0.end && $0.end <= bytes.count })
            let found = GoImportScanner.scan(bytes, wholeFile: random.below(2) == 0)
            let file = GoImportResolver.resolve(SourceFile(path: "a/b_linux_test.go", language: .go, module: "a", imports: found.imports))
            XCTAssertEqual(file.imports.count + file.unresolvedImports.count, found.imports.count)
            _ = GoModule.parse(bytes, path: "go.mod")
        }
    }

    func testLongImportGroupsAndUnclosedFormsEndAtTheEndOfTheFile() {
        let group = "package a\nimport (\n" + String(repeating: "\t\"x\"\n", count: 50_000)
        XCTAssertEqual(GoImportScanner.scan(Array(group.utf8), wholeFile: false).imports.count, 50_000, "an unclosed group ends at the end of the file")
        for source in ["package a\nimport `unclosed", "package a\nimport \"x", "package a\nimport (", "package a\nimport pay", "package a /* open"] {
            let found = GoImportScanner.scan(Array(source.utf8), wholeFile: true)
            XCTAssertLessThanOrEqual(found.imports.count, 1, source)
        }
        XCTAssertEqual(GoImportScanner.scan(Array("package a\nimport \"x".utf8), wholeFile: false).imports.map(\.kind), ["ambiguous"])
    }
}

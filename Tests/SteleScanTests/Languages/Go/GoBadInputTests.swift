import Foundation
import XCTest
@testable import SteleScan
import SteleTestSupport

/// Bad input never traps and never loops: the fixture's files cut, spliced and sprinkled with the
/// bytes that open and close comments, strings, raw strings, runes and import groups, through the
/// lexer, the import reader, resolution and the go.mod reader (deterministic).
final class GoBadInputTests: XCTestCase {
    func testMutatedSourcesAreReadToTheirEnd() throws {
        let root = TestPaths.fixture("go-app")
        let paths = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".go") || $0.hasSuffix("go.mod") }.sorted()
        let sources = try paths.map { try Array(Data(contentsOf: root.appendingPathComponent($0))) }
        XCTAssertGreaterThan(sources.count, 8)
        let specials = Array("`'\"/\\*()\n\r;._".utf8)
        var random = SplitMix(seed: 21)
        for _ in 0..<3000 {
            var bytes = sources[random.below(sources.count)]
            for _ in 0..<(1 + random.below(6)) {
                guard !bytes.isEmpty else { break }
                let at = random.below(bytes.count)
                switch random.below(4) {
                case 0: bytes.insert(specials[random.below(specials.count)], at: at)
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + random.below(40)))
                case 2: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                default: bytes.insert(contentsOf: sources[random.below(sources.count)].prefix(random.below(200)), at: at)
                }
            }
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

import XCTest
@testable import SteleCore

final class DiagnosticTests: XCTestCase {
    func testRendersLikeACompiler() {
        let d = Diagnostic.error("unknown component `Domian`", at: SourceLocation(file: "adr/0002-x.md", line: 14, column: 1), hint: "did you mean `Domain`?")
        XCTAssertEqual(d.description, "adr/0002-x.md:14:1: error: unknown component `Domian`\n  hint: did you mean `Domain`?")
    }

    func testSortingPutsUnlocatedFirstThenByLocation() {
        let a = Diagnostic.warning("b", at: SourceLocation(file: "b", line: 1, column: 1))
        let b = Diagnostic.warning("a", at: SourceLocation(file: "a", line: 2, column: 1))
        let c = Diagnostic.warning("z")
        XCTAssertEqual([a, b, c].sortedForOutput().map(\.message), ["z", "a", "b"])
        XCTAssertTrue([a, .error("x")].hasErrors)
        XCTAssertFalse([a].hasErrors)
    }

    func testStableHashIsStable() {
        XCTAssertEqual(StableHash.hex(""), "cbf29ce484222325")
        XCTAssertEqual(StableHash.hex("a"), "af63dc4c8601ec8c")
    }
}

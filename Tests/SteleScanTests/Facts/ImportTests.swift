import XCTest
@testable import SteleScan

/// `Import` keeps a path that is its module alone without an array: what it reads back, how a
/// changed module leaves the path, and equality are as if the path were stored as given.
final class ImportTests: XCTestCase {
    func make(_ module: String, _ path: [String]) -> Import {
        Import(module: module, path: path, kind: nil, attributes: [], accessLevel: nil, line: 1, column: 1, conditions: [], text: "")
    }

    func testThePathReadsBackAsGiven() {
        for (module, path) in [("Foo", ["Foo"]), ("Foo", ["Foo", "Bar"]), ("", []), ("", [""]), ("Foo", []), ("Foo", ["Bar"]),
                               ("react", ["react"]), ("os", ["os", "path"])] {
            XCTAssertEqual(make(module, path).path, path, "\(module) \(path)")
        }
    }

    /// Resolvers rename the module (a Python import to the package it lands in) and keep the path.
    func testANewModuleLeavesThePathAsItWas() {
        var one = make("Foo", ["Foo"])
        one.module = "pkg.Foo"
        XCTAssertEqual(one.path, ["Foo"])
        one.module = "Foo"
        XCTAssertEqual(one.path, ["Foo"])
        XCTAssertEqual(one, make("Foo", ["Foo"]), "back to the same value")
        var two = make("a.b", ["a", "b"])
        two.module = "a"
        XCTAssertEqual(two.path, ["a", "b"])
        two.path = ["a"]
        XCTAssertEqual(two.path, ["a"])
        XCTAssertEqual(two, make("a", ["a"]))
    }

    func testEqualImportsAreEqualAndHashAlike() {
        var set: Set<Import> = [make("Foo", ["Foo"])]
        var changed = make("Bar", ["Foo"])
        changed.module = "Foo"
        XCTAssertTrue(set.contains(changed))
        XCTAssertNotEqual(make("Foo", ["Foo"]), make("Foo", []))
        XCTAssertNotEqual(make("", [""]), make("", []))
        set.insert(make("Foo", ["Foo", "Bar"]))
        XCTAssertEqual(set.count, 2)
    }

    /// `é` as one scalar and as `e` with an accent are one `String` but other bytes: the path keeps its own.
    func testAPathInAnotherUnicodeFormKeepsItsBytes() {
        let one = make("caf\u{E9}", ["cafe\u{301}"])
        XCTAssertEqual(one.path.map { Array($0.utf8) }, [Array("cafe\u{301}".utf8)])
    }
}

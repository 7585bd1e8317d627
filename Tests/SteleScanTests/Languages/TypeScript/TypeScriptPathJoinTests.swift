import XCTest
@testable import SteleScan

/// A relative specifier joined to the importing file's folder, `.` and `..` worked out.
final class TypeScriptPathJoinTests: XCTestCase {
    func testJoinWorksOutDotsAndNeverClimbsAboveTheRoot() {
        let cases: [(String, String, String?)] = [
            ("a/b", "./c", "a/b/c"), ("a/b", "../c", "a/c"), ("", "x", "x"), ("a", "../../x", nil), ("a", "..", ""),
            ("a/b", "c/./d/../e", "a/b/c/e"), ("a//b", "c", "a/b/c"), ("a", "x/", "a/x"), ("", "..", nil), ("a", "", "a"),
            ("ü/src", "./é.ts", "ü/src/é.ts"), ("packages/web/src", "../../orders/src/order", "packages/orders/src/order"),
            ("a", "...", "a/..."), ("a", ".x/..y", "a/.x/..y"),
        ]
        for (directory, path, expected) in cases {
            XCTAssertEqual(TypeScriptImportResolver.join(directory, path), expected, "\(directory) + \(path)")
        }
    }
}

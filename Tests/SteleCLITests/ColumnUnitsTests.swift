import Foundation
import XCTest
@testable import SteleCLI
import SteleTestSupport

/// SARIF and GitHub annotations count columns in UTF-16 units / characters, Stele in bytes.
final class ColumnUnitsTests: XCTestCase {
    func testByteColumnsBecomeUTF16Columns() {
        let line = Array("let café = 1; 🙂x".utf8)[...]
        XCTAssertEqual(ColumnUnits.utf16Column(byteColumn: 1, in: line), 1)
        XCTAssertEqual(ColumnUnits.utf16Column(byteColumn: 10, in: line), 9, "é is two bytes, one unit")
        XCTAssertEqual(ColumnUnits.utf16Column(byteColumn: 20, in: line), 17, "🙂 is four bytes, two units")
        XCTAssertEqual(ColumnUnits.utf16Column(byteColumn: 1, in: [][...]), 1)
    }

    /// Through the binary: the SARIF column of a use after `é` on its line is the UTF-16 one, the
    /// text report keeps the byte column.
    func testSARIFAndAnnotationsUseUTF16Columns() throws {
        let tree = try TemporaryTree(copying: "layered-app")
        defer { tree.remove() }
        try tree.write("Sources/App/Domain/Session.swift", "struct Session {\n    let user: String\n    var highlight: String { let é = 1; _ = é; return Theme.accent }\n}\n")
        let text = try SteleProcess.run(["check", tree.path])
        XCTAssertTrue(text.stdout.contains("Sources/App/Domain/Session.swift:3:56: error: `Domain` uses `Theme`"), text.stdout)
        let sarif = try SteleProcess.run(["check", tree.path, "--format", "sarif"])
        XCTAssertTrue(sarif.stdout.contains("\"startLine\": 3,\n") || sarif.stdout.contains("\"startLine\":3"), sarif.stdout)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = (((json["runs"] as? [[String: Any]])?.first)?["results"] as? [[String: Any]]) ?? []
        let columns = results.compactMap { result -> Int? in
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            guard (location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "Sources/App/Domain/Session.swift" else { return nil }
            return (location?["region"] as? [String: Any])?["startColumn"] as? Int
        }
        XCTAssertEqual(columns, [54], "two é of two bytes each before it: byte 56, unit 54")
        let github = try SteleProcess.run(["check", tree.path, "--format", "github"])
        XCTAssertTrue(github.stdout.contains("file=Sources/App/Domain/Session.swift,line=3,col=54,"), github.stdout)
    }
}

import Foundation
import XCTest
import SteleReport
import SteleTestSupport

/// Every output format of `check` comes from one list (`CheckFormat`): each is accepted by the
/// command line, renders something of its own, is in `stele help check`, and has its row in
/// docs/cli.md. A format added to the list but not documented, or documented but not added, fails.
final class CheckFormatTests: XCTestCase {
    func testEveryFormatIsAcceptedHelpedAndDocumented() throws {
        let docs = try String(contentsOf: CitedPathsTests.root.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        let help = try SteleProcess.run(["help", "check"]).stdout
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        var outputs = Set<String>()
        for format in CheckFormat.allCases {
            XCTAssertTrue(docs.contains("| `--format \(format.rawValue)` |"), "docs/cli.md has no row for \(format.rawValue)")
            XCTAssertTrue(help.contains("    \(format.rawValue) ") && help.contains(format.summary), "help lists \(format.rawValue)")
            let run = try SteleProcess.run(["check", tree.path, "--format", format.rawValue])
            XCTAssertEqual(run.status, 1, "\(format.rawValue): the shop fixture has errors\n\(run.stderr)")
            XCTAssertFalse(run.stdout.isEmpty, format.rawValue)
            outputs.insert(run.stdout)
        }
        XCTAssertEqual(outputs.count, CheckFormat.allCases.count, "each format renders its own output")
        // Documented formats are exactly the list: no row for a format that is not there.
        let checkSection = docs.components(separatedBy: "\n## ").first { $0.hasPrefix("`stele check") } ?? ""
        let documented = checkSection.components(separatedBy: "| `--format ").dropFirst().compactMap { $0.split(separator: "`").first.map(String.init) }
        XCTAssertEqual(Set(documented), Set(CheckFormat.allCases.map(\.rawValue)))
        let unknown = try SteleProcess.run(["check", tree.path, "--format", "sarf"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean `sarif`?"), unknown.stderr)
    }
}

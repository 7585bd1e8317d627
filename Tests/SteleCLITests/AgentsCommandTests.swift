import Foundation
import XCTest
import SteleTestSupport

/// `stele agents` end to end: the brief, and `--update` touching only its own section.
final class AgentsCommandTests: XCTestCase {
    func testTheBriefNamesEachRuleInForceWithItsADR() throws {
        let run = try SteleProcess.run(["agents", TestPaths.fixture("shop").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("<!-- stele:agents:begin -->\n## Architecture rules (enforced by Stele)\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("### `Domain`\n\n- `Domain must not import GRDB, UIKit, SwiftUI` — ADR-0002 \"Keep the domain layer pure\"\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("- `App must not import GRDB` — ADR-0007 \"Database access goes through Persistence\"\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("- ADR-0002 \"Keep the domain layer pure\": Orders and money are our core."), run.stdout)
        // The superseded ADR's rule is not in force.
        XCTAssertFalse(run.stdout.contains("Domain must not import Foundation"), run.stdout)
        XCTAssertEqual(try SteleProcess.run(["agents", TestPaths.fixture("shop").path]).stdout, run.stdout)
    }

    func testUpdateRewritesOnlyItsSectionAndIsIdempotent() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let head = "# Agents\r\n\r\nHand-written: keep   these bytes.\n\n"
        let tail = "\n## After\nStill mine.\n"
        try tree.write("AGENTS.md", head + "<!-- stele:agents:begin -->\nstale\n<!-- stele:agents:end -->\n" + tail)
        let file = tree.url.appendingPathComponent("AGENTS.md")
        let run = try SteleProcess.run(["agents", tree.path, "--update", file.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let brief = try SteleProcess.run(["agents", tree.path]).stdout
        let updated = try Data(contentsOf: file)
        XCTAssertEqual(updated, Data((head + brief + tail).utf8))
        let again = try SteleProcess.run(["agents", tree.path, "--update", file.path])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("is up to date"), again.stderr)
        XCTAssertEqual(try Data(contentsOf: file), updated)
    }

    func testUpdateAppendsToAFileWithoutTheSectionAndCreatesAMissingOne() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("CLAUDE.md", "# Notes")
        let claude = tree.url.appendingPathComponent("CLAUDE.md").path
        XCTAssertEqual(try SteleProcess.run(["agents", tree.path, "--update", claude]).status, 0)
        let brief = try SteleProcess.run(["agents", tree.path]).stdout
        XCTAssertEqual(try String(contentsOfFile: claude, encoding: .utf8), "# Notes\n\n" + brief)
        let fresh = tree.url.appendingPathComponent("AGENTS.md").path
        XCTAssertEqual(try SteleProcess.run(["agents", tree.path, "--update", fresh]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: fresh, encoding: .utf8), brief)

        try tree.write("BROKEN.md", "<!-- stele:agents:begin -->\nno end\n")
        let broken = try SteleProcess.run(["agents", tree.path, "--update", tree.url.appendingPathComponent("BROKEN.md").path])
        XCTAssertEqual(broken.status, 2)
        XCTAssertEqual(try String(contentsOfFile: tree.url.appendingPathComponent("BROKEN.md").path, encoding: .utf8), "<!-- stele:agents:begin -->\nno end\n")
    }
}

import Foundation
import XCTest
import SteleTestSupport

/// `stele adr new|list|lint`, run as the real binary on copies of the fixture trees.
final class ADRCommandTests: XCTestCase {
    func read(_ tree: TemporaryTree, _ relative: String) throws -> String {
        try String(contentsOf: tree.url.appendingPathComponent(relative), encoding: .utf8)
    }

    func testNewWritesTheNextADRInEachCollectionsFormat() throws {
        let cases: [(fixture: String, file: String, head: String)] = [
            ("adr-tools", "doc/adr/0003-cache-responses.md", "# 3. Cache responses\n\nDate: 2026-02-03\n\n## Status\n\nProposed\n"),
            ("madr", "docs/decisions/0002-cache-responses.md", "---\nstatus: proposed\ndate: 2026-02-03\n---\n\n# Cache responses\n"),
            ("date-prefixed", "docs/adr/20260203-cache-responses.md", "# Cache responses\n\n- Status: proposed\n- Date: 2026-02-03\n"),
            ("unnumbered", "adr/cache-responses.md", "# Cache responses\n\nStatus: Proposed\nDate: 2026-02-03\n"),
            ("prefixed", "docs/architecture/decisions/ADR-003-cache-responses.md", "# ADR-003: Cache responses\n\nDate: 2026-02-03\n\n## Status\n\nProposed\n"),
        ]
        for (fixture, file, head) in cases {
            let tree = try TemporaryTree(copying: "adr-new/" + fixture)
            defer { tree.remove() }
            let run = try SteleProcess.run(["adr", "new", "Cache responses", tree.path, "--today", "2026-02-03"])
            XCTAssertEqual(run.status, 0, fixture + ": " + run.stderr)
            XCTAssertEqual(run.stdout, tree.path + "/" + file + "\n", fixture)
            let text = try read(tree, file)
            XCTAssertTrue(text.hasPrefix(head), fixture + ":\n" + text)
            XCTAssertTrue(text.contains("```stele\n# component Domain = Sources/Domain/**\n# Domain must not import UIKit\n```\n"), fixture)
            // The collection lists it, with the others.
            let list = try SteleProcess.run(["adr", "list", tree.path, "--format", "json"])
            let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
            XCTAssertEqual(rows.last(where: { $0["file"] as? String == file })?["title"] as? String, "Cache responses", fixture)
        }
    }

    func testNewNeverOverwritesAndUsesSTELETODAY() throws {
        let tree = try TemporaryTree(copying: "adr-new/unnumbered")
        defer { tree.remove() }
        let first = try SteleProcess.run(["adr", "new", "Keep one package", tree.path], environment: ["STELE_TODAY": "2026-03-04"])
        XCTAssertEqual(first.status, 2)
        XCTAssertTrue(first.stderr.contains("adr/keep-one-package.md exists; not overwritten"), first.stderr)
        XCTAssertTrue(try read(tree, "adr/keep-one-package.md").contains("Status: Proposed\nDate: 2024-05-20"), "untouched")
        let second = try SteleProcess.run(["adr", "new", "Use Swift testing", tree.path], environment: ["STELE_TODAY": "2026-03-04"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(try read(tree, "adr/use-swift-testing.md").contains("Date: 2026-03-04"))
    }

    /// No ADRs yet: `adr/` with adr-tools' first ADR, then the new one; then `stele check` enforces the
    /// rule written into the new ADR's block, and cites it.
    func testNewInARepositoryWithoutADRsThenCheckPicksUpItsRule() throws {
        let tree = try TemporaryTree()
        defer { tree.remove() }
        try tree.write("Sources/Domain/Model.swift", "import UIKit\n\nstruct Model {}\n")
        try tree.write("Sources/UI/View.swift", "import Domain\n")
        let run = try SteleProcess.run(["adr", "new", "Keep the domain pure", ".", "--today", "2026-02-03"], in: tree.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "adr/0001-record-architecture-decisions.md\nadr/0002-keep-the-domain-pure.md\n")
        XCTAssertTrue(try read(tree, "adr/0001-record-architecture-decisions.md").hasPrefix("# 1. Record architecture decisions\n\nDate: 2026-02-03\n\n## Status\n\nAccepted\n"))
        let before = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(before.status, 0, "the new ADR's block holds only comments: nothing to break yet\n" + before.stdout + before.stderr)
        // The author fills the block in and accepts the decision.
        let file = tree.url.appendingPathComponent("adr/0002-keep-the-domain-pure.md")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "## Status\n\nProposed", with: "## Status\n\nAccepted")
        text = text.replacingOccurrences(of: "# component Domain = Sources/Domain/**\n# Domain must not import UIKit",
                                        with: "component Domain = Sources/Domain/**\nDomain must not import UIKit")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let after = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(after.status, 1, after.stdout + after.stderr)
        XCTAssertTrue(after.stdout.contains("Sources/Domain/Model.swift:1:"), after.stdout)
        XCTAssertTrue(after.stdout.contains("[ADR-0002]"), after.stdout)
        let list = try SteleProcess.run(["adr", "list", tree.path])
        XCTAssertEqual(list.stdout, """
            ADR-0001  accepted  2026-02-03  0 rules   Record architecture decisions
            ADR-0002  accepted  2026-02-03  1 rule    Keep the domain pure

            """)
    }

    /// The `adr directory` setting names the folder, for a first ADR and for the next ones.
    func testNewHonoursTheADRDirectorySetting() throws {
        let tree = try TemporaryTree()
        defer { tree.remove() }
        try tree.write("rules/architecture.stele", "adr directory architecture/decisions\n")
        let first = try SteleProcess.run(["adr", "new", "Use SQLite", tree.path, "--today", "2026-02-03"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, ["architecture/decisions/0001-record-architecture-decisions.md", "architecture/decisions/0002-use-sqlite.md"]
            .map { tree.path + "/" + $0 + "\n" }.joined())
        XCTAssertFalse(FileManager.default.fileExists(atPath: tree.url.appendingPathComponent("adr").path), "no second ADR folder")
        let next = try SteleProcess.run(["adr", "new", "Use WAL mode", tree.path, "--today", "2026-02-04"])
        XCTAssertEqual(next.stdout, tree.path + "/architecture/decisions/0003-use-wal-mode.md\n", next.stderr)
    }

    func testListJSONShape() throws {
        let run = try SteleProcess.run(["adr", "list", TestPaths.fixture("adr-new/adr-tools").path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows.map { Set($0.keys) }, Array(repeating: ["id", "status", "date", "title", "rules", "file"], count: 2))
        XCTAssertEqual(rows[1]["id"] as? String, "ADR-0002")
        XCTAssertEqual(rows[1]["status"] as? String, "accepted")
        XCTAssertEqual(rows[1]["date"] as? String, "2024-02-01")
        XCTAssertEqual(rows[1]["title"] as? String, "Use Postgres")
        XCTAssertEqual(rows[1]["rules"] as? Int, 1)
        XCTAssertEqual(rows[1]["file"] as? String, "doc/adr/0002-use-postgres.md")
    }

    /// One ADR per problem in `Tests/Fixtures/adr-lint/adr/`, each found where it is, with its hint.
    func testLintFindsEachProblem() throws {
        let run = try SteleProcess.run(["adr", "lint", TestPaths.fixture("adr-lint").path])
        XCTAssertEqual(run.status, 1, "errors among the findings\n" + run.stdout + run.stderr)
        let expected = [
            "adr/0002-no-status.md:1:1: warning: ADR-0002 has no status; its rules are treated as proposed (warnings)",
            "adr/0003-unknown-status.md:3:1: error: ADR-0003 has an unknown status `Acepted`; its rules are treated as warnings\n  hint: did you mean `accepted`?",
            "adr/0004-old-cache.md:5:1: error: ADR-0004 says it is superseded by ADR-0009, which does not exist",
            "adr/0004-old-cache.md:10:1: warning: ADR-0004 is superseded by ADR-0009, so its 1 rule is not enforced",
            "adr/0006-logging-facade.md:1:1: warning: ADR-0005 says it is superseded by ADR-0006, but ADR-0006 does not say it supersedes ADR-0005\n  hint: add `Supersedes [Log with print](0005-print-logging.md)` to adr/0006-logging-facade.md",
            "adr/0006-logging-facade.md:11:3: warning: reads like a rule but is not enforced: expected",
            "  hint: did you mean `UI must not import Storage`?",
            "adr/0007-remote-config.md:1:1: error: duplicate ADR number 7: adr/0007-feature-flags.md has it too",
            "adr/0008-broken-front-matter.md:1:1: warning: front matter is never closed",
            "adr/0010-odd-front-matter.md:3:1: warning: front matter line is not `key: value`",
            "rules/architecture.stele:2:1: warning: rule `Cache must not import Network because ADR-0005` still runs, but the ADR it cites (ADR-0005) is superseded\n  hint: cite ADR-0006, which replaced it, or delete the rule",
            "stele: 3 errors, 7 warnings\n",
        ]
        for line in expected { XCTAssertTrue(run.stdout.contains(line), "missing: \(line)\n\(run.stdout)") }
        XCTAssertFalse(run.stdout.contains("0001-record"), "a sound ADR has nothing to fix")
        let json = try SteleProcess.run(["adr", "lint", TestPaths.fixture("adr-lint").path, "--format", "json"])
        let findings = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(findings.count, 10)
        XCTAssertEqual(Set(findings.flatMap(\.keys)), ["file", "line", "column", "severity", "message", "hint"])
    }

    func testLintOfASoundCollectionExitsZero() throws {
        let run = try SteleProcess.run(["adr", "lint", TestPaths.fixture("adr-clean").path])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(run.stdout, "stele: adr: 2 ADRs, nothing to fix\n")
    }

    func testUsageErrorsExitTwo() throws {
        for arguments in [["adr"], ["adr", "mend"], ["adr", "new"], ["adr", "list", "--format", "xml"], ["adr", "list", "/no/such/dir"],
                          ["adr", "new", "T", ".", "--today", "tomorrow"], ["adr", "new", "T", ".", "--status", "maybe"]] {
            let run = try SteleProcess.run(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("stele: error: "), "\(arguments): \(run.stderr)")
        }
        let help = try SteleProcess.run(["adr", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("stele adr new"), help.stdout)
    }
}

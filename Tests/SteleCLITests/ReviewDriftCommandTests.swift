import Foundation
import XCTest
import SteleTestSupport

/// `stele review --compare OLD.json` and `--since REF` through the real binary, on copies of the
/// review-app fixture changed the way a pull request would change them.
final class ReviewDriftCommandTests: XCTestCase {
    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func drift(_ review: [String: Any]) throws -> [String: Any] {
        try XCTUnwrap(review["drift"] as? [String: Any], "the review has a drift section")
    }

    func files(_ list: Any?) -> [String] {
        ((list as? [[String: Any]]) ?? []).map { "\($0["file"]!):\($0["line"]!)" }
    }

    func findings(_ list: Any?) -> [String] {
        ((list as? [[String: Any]]) ?? []).map { "\($0["file"]!):\($0["line"]!) \($0["rule"]!) \($0["message"]!)" }
    }

    func edges(_ list: Any?) -> [String] {
        ((list as? [[String: Any]]) ?? []).map { "\($0["from"]!)→\($0["to"]!) \($0["before"]!)→\($0["after"]!)" }
    }

    func testComparedWithASavedCheckReportTheNewFindingIsMarked() throws {
        let tree = try TemporaryTree(copying: "review-app")
        defer { tree.remove() }
        let saved = try SteleProcess.run(["check", tree.path, "--format", "json", "--output", tree.path + "/old.json"])
        XCTAssertEqual(saved.status, 1, saved.stderr)
        try tree.write("Sources/Data/New.swift", "import Domain\n")

        let run = try SteleProcess.run(["review", tree.path, "--compare", tree.path + "/old.json", "--format", "json", "--output", "-"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let review = try json(run.stdout)
        let drift = try drift(review)
        XCTAssertEqual(files(drift["newFindings"]), ["Sources/Data/New.swift:1"])
        XCTAssertEqual(files(drift["fixedFindings"]), [])
        XCTAssertEqual(drift["edgesKnown"] as? Bool, false, "a check report has no graph")
        XCTAssertEqual((drift["touchedDecisions"] as? [[String: Any]])?.map { "\($0["id"]!): \(($0["reasons"] as? [String]) ?? [])" }, ["ADR-0002: [\"1 new finding\"]"])
        let marked = ((review["violations"] as? [[String: Any]]) ?? []).flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
            .filter { $0["new"] as? Bool == true }.map { "\($0["file"]!):\($0["line"]!)" }
        XCTAssertEqual(marked, ["Sources/Data/New.swift:1"], "the violation list marks the same finding new")

        let html = try SteleProcess.run(["review", tree.path, "--compare", tree.path + "/old.json", "--output", "-"])
        XCTAssertTrue(html.stdout.contains("<h2>Changes since \(tree.path)/old.json</h2>"), html.stdout)
        XCTAssertTrue(html.stdout.contains("<code>Sources/Data/New.swift:1</code> <span class=\"badge new\">new</span>"))
        XCTAssertTrue(html.stdout.contains("<a href=\"#changes\">Changes</a>"))
        let markdown = try SteleProcess.run(["review", tree.path, "--compare", tree.path + "/old.json", "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.contains("### Changes since \(tree.path)/old.json\n\n1 new finding, 0 fixed · 1 decision touched.\n"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("| `Sources/Data/New.swift:1` **new** |"))
    }

    func testComparedWithASavedReviewFixedFindingsAndDependenciesShow() throws {
        let tree = try TemporaryTree(copying: "review-app")
        defer { tree.remove() }
        let saved = try SteleProcess.run(["review", tree.path, "--format", "json", "--output", tree.path + "/old.json"])
        XCTAssertEqual(saved.status, 0, saved.stderr)
        // Util no longer reaches into Data (fixing ADR-0004's rule); App now uses Util; Domain imports UI twice.
        try tree.write("Sources/Util/Rounding.swift", "public enum Rounding {\n    public static let unit = 1\n}\n")
        try tree.write("Sources/App/main.swift", "import UI\nimport Domain\nimport Data\nimport Util\n\nlet screen = OrderScreen(order: Order(total: Rounding.unit))\nprint(screen, Store())\n")
        try tree.write("Sources/Domain/More.swift", "import UI\n")

        let run = try SteleProcess.run(["review", tree.path, "--compare", tree.path + "/old.json", "--format", "json", "--output", "-"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let drift = try drift(try json(run.stdout))
        XCTAssertEqual(findings(drift["fixedFindings"]), [
            "Sources/Data/Store.swift:2 ADR-0002/R2 dependency cycle: Data → Util → Data",
            "Sources/Util/Rounding.swift:1 ADR-0004/R1 `Util` imports `Data`",
        ], "Util no longer imports Data, and the cycle through it is gone")
        XCTAssertEqual(findings(drift["newFindings"]), [
            "Sources/Domain/More.swift:1 ADR-0002/R1 `Domain` imports `UI`, a higher layer",
            "Sources/Domain/More.swift:1 ADR-0002/R2 dependency cycle: Domain → UI → Domain",
        ])
        XCTAssertEqual(drift["edgesKnown"] as? Bool, true)
        XCTAssertEqual(edges(drift["addedEdges"]), ["App→Util 0→1"])
        XCTAssertEqual(edges(drift["removedEdges"]), ["Util→Data 1→0"])
        XCTAssertEqual(edges(drift["reweighedEdges"]), ["Domain→UI 1→2"])

        // Nothing changed since: a review compared with itself has no drift.
        let again = try SteleProcess.run(["review", tree.path, "--format", "json", "--output", tree.path + "/now.json"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let rerun = try SteleProcess.run(["review", tree.path, "--compare", tree.path + "/now.json", "--format", "json", "--output", "-"])
        let same = try self.drift(try json(rerun.stdout))
        for key in ["newFindings", "fixedFindings", "addedEdges", "removedEdges", "reweighedEdges", "touchedDecisions"] {
            XCTAssertEqual((same[key] as? [Any])?.count, 0, key)
        }
    }

    func testSinceACommitTheChangeIsReviewed() throws {
        let tree = try TemporaryTree(copying: "review-app")
        defer { tree.remove() }
        XCTAssertEqual(try tree.git("init", "-q"), 0)
        try tree.write(".gitignore", "Sources/UI/Generated.swift\n")
        XCTAssertEqual(try tree.git("add", "."), 0)
        XCTAssertEqual(try tree.git("-c", "user.email=t@e", "-c", "user.name=t", "commit", "-qm", "start"), 0)
        try tree.write("Sources/Data/New.swift", "import Domain\n")
        // A file git ignores is on neither side of the comparison: not a change, though Stele reads it.
        try tree.write("Sources/UI/Generated.swift", "import Data\n")
        let adr = tree.url.appendingPathComponent("adr/0004-util-stays-small.md")
        try (String(contentsOf: adr, encoding: .utf8) + "\nA note added in the change.\n").write(to: adr, atomically: true, encoding: .utf8)
        let scratch = try TemporaryTree()
        defer { scratch.remove() }

        let run = try SteleProcess.run(["review", tree.path, "--since", "HEAD", "--format", "json", "--output", "-"], environment: ["TMPDIR": scratch.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let drift = try drift(try json(run.stdout))
        XCTAssertTrue((drift["against"] as? String)?.hasSuffix(" (HEAD)") == true, "\(drift["against"] ?? "")")
        XCTAssertEqual(drift["changedFiles"] as? [String], ["Sources/Data/New.swift", "adr/0004-util-stays-small.md"])
        XCTAssertEqual(files(drift["newFindings"]), ["Sources/Data/New.swift:1"])
        XCTAssertEqual(files(drift["fixedFindings"]), [])
        XCTAssertEqual(edges(drift["reweighedEdges"]), ["Data→Domain 1→2"])
        XCTAssertEqual(edges(drift["addedEdges"]), [], "UI→Data comes from an ignored file")
        let touched = ((drift["touchedDecisions"] as? [[String: Any]]) ?? []).map { "\($0["id"]!): \(($0["reasons"] as? [String])?.joined(separator: "; ") ?? "")" }
        XCTAssertEqual(touched, [
            "ADR-0002: 1 new finding; governs 1 changed file",
            "ADR-0003: governs 1 changed file",  // superseded, but `Util may only depend on Data because ADR-0003` still runs
            "ADR-0004: its record changed; governs 1 changed file",
            "ADR-0005: governs 1 changed file",
        ])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [], "the commit's tree is extracted and removed again")
    }

    func testWrongDriftArgumentsExitTwoWithAHint() throws {
        let tree = try TemporaryTree(copying: "review-app")
        defer { tree.remove() }
        let notGit = try SteleProcess.run(["review", tree.path, "--since", "HEAD", "--output", "-"])
        XCTAssertEqual(notGit.status, 2)
        XCTAssertTrue(notGit.stderr.contains("`HEAD` is not a commit of the repository at `\(tree.path)`"), notGit.stderr)

        let missing = try SteleProcess.run(["review", tree.path, "--compare", tree.path + "/nope.json", "--output", "-"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("cannot read `\(tree.path)/nope.json`"), missing.stderr)

        try tree.write("graph.json", "{\"nodes\": []}")
        let wrong = try SteleProcess.run(["review", tree.path, "--compare", tree.path + "/graph.json", "--output", "-"])
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.stderr.contains("has no `\"version\": 1`"), wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("hint: save one with `stele review --format json --output FILE`"), wrong.stderr)

        let both = try SteleProcess.run(["review", tree.path, "--compare", "a.json", "--since", "HEAD"])
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(both.stderr.contains("`--compare` and `--since` are alternatives"), both.stderr)
    }
}

import XCTest
@testable import SteleReport

/// Drift: findings matched by fingerprint as multisets, dependencies added, removed and reweighed,
/// the decisions a change touches, and the saved reports drift reads back.
final class ReviewDriftTests: XCTestCase {
    func finding(_ fingerprint: String, _ file: String = "Sources/A/a.swift", line: Int = 1, owner: String? = "ADR-0002") -> ReviewDrift.Finding {
        ReviewDrift.Finding(fingerprint: fingerprint, ruleID: "ADR-0002/R1", ruleText: "A must not import B", owner: owner,
                            severity: "error", file: file, line: line, message: "`A` imports `B`")
    }

    func testFindingsAreMatchedByFingerprintCountingRepeats() {
        let old = [finding("a", line: 1), finding("a", line: 5), finding("b", line: 9)]
        let now = [finding("a", line: 2), finding("b", line: 9), finding("b", line: 12), finding("c", line: 20)]
        let (added, removed) = ReviewDrift.difference(old, now)
        XCTAssertEqual(added.map(\.fingerprint), ["b", "c"], "the second b and the c are new")
        XCTAssertEqual(added.map(\.line), [12, 20])
        XCTAssertEqual(removed.map(\.fingerprint), ["a"], "one of the two a's is gone; a line move alone is no change")
    }

    func testDependenciesAddedRemovedAndReweighed() {
        typealias P = ReviewSnapshot.Pair
        let old = ReviewSnapshot(findings: [], edges: [P(from: "UI", to: "Domain"): 3, P(from: "Util", to: "Data"): 1, P(from: "App", to: "UI"): 1], decisions: [:])
        let now = ReviewSnapshot(findings: [], edges: [P(from: "UI", to: "Domain"): 5, P(from: "App", to: "UI"): 1, P(from: "App", to: "Util"): 2], decisions: [:])
        let drift = ReviewDrift.compare(old: old, now: now, against: "old.json")
        XCTAssertTrue(drift.edgesKnown)
        XCTAssertEqual(drift.addedEdges, [ReviewDrift.EdgeChange(from: "App", to: "Util", before: 0, after: 2)])
        XCTAssertEqual(drift.removedEdges, [ReviewDrift.EdgeChange(from: "Util", to: "Data", before: 1, after: 0)])
        XCTAssertEqual(drift.reweighedEdges, [ReviewDrift.EdgeChange(from: "UI", to: "Domain", before: 3, after: 5)])
        XCTAssertNil(drift.changedFiles)

        let checkOnly = ReviewSnapshot(findings: [], edges: nil, decisions: nil)
        let unknown = ReviewDrift.compare(old: checkOnly, now: now, against: "check.json")
        XCTAssertFalse(unknown.edgesKnown, "a saved check report has no graph: nothing is said about dependencies")
        XCTAssertTrue(unknown.addedEdges.isEmpty)
    }

    func testTheDecisionsAChangeTouchesAndWhy() {
        let old = ReviewSnapshot(findings: [finding("x", owner: "ADR-0004")], edges: [:],
                                 decisions: ["ADR-0002": "Layers", "ADR-0004": "Util stays small", "ADR-0005": "Database"])
        let now = ReviewSnapshot(findings: [finding("y", owner: "ADR-0002"), finding("z", line: 4, owner: "ADR-0002"), finding("w", owner: "rules/a.stele")],
                                 edges: [:], decisions: ["ADR-0002": "Layers", "ADR-0004": "Util stays small", "ADR-0005": "Database", "ADR-0006": "New one"])
        let drift = ReviewDrift.compare(old: old, now: now, against: "commit abc (HEAD)", changedFiles: ["adr/0005-database.md", "Sources/A/a.swift"],
                                        governed: ["ADR-0002": 1, "ADR-0005": 0],
                                        decisionFiles: ["ADR-0002": "adr/0002-layers.md", "ADR-0005": "adr/0005-database.md", "ADR-0006": "adr/0006-new.md"])
        XCTAssertEqual(drift.touched, [
            ReviewDrift.TouchedDecision(id: "ADR-0002", title: "Layers", reasons: ["2 new findings", "governs 1 changed file"]),
            ReviewDrift.TouchedDecision(id: "ADR-0004", title: "Util stays small", reasons: ["1 fixed finding"]),
            ReviewDrift.TouchedDecision(id: "ADR-0005", title: "Database", reasons: ["its record changed"]),
            ReviewDrift.TouchedDecision(id: "ADR-0006", title: "New one", reasons: ["new"]),
        ])
        XCTAssertEqual(drift.changedFiles, ["Sources/A/a.swift", "adr/0005-database.md"], "sorted")
        XCTAssertEqual(drift.newFindings.count, 3, "a finding of a rules file's rule is new too, it just touches no decision")
    }

    func testASavedCheckReportIsReadForItsFindings() throws {
        let text = """
        {"version": 1, "summary": {"files": 2}, "findings": [
          {"rule": "Domain must not import UI", "ruleId": "ADR-0002/R1", "severity": "error", "file": "Sources/Domain/Order.swift", "line": 2, "column": 1,
           "message": "`Domain` imports `UI`", "adr": {"id": "ADR-0002", "title": "Layers"}, "fingerprint": "f1"},
          {"rule": "UI must not import SQLite3", "ruleId": "rules/a.stele/R1", "severity": "warning", "file": "Sources/UI/S.swift", "line": 7, "column": 1,
           "message": "m", "adr": null, "source": {"file": "rules/a.stele", "line": 1}, "fingerprint": "f2"}
        ], "diagnostics": []}
        """
        let snapshot = try ReviewSnapshot.parse(text).get()
        XCTAssertNil(snapshot.edges)
        XCTAssertNil(snapshot.decisions)
        XCTAssertEqual(snapshot.findings, [
            ReviewDrift.Finding(fingerprint: "f1", ruleID: "ADR-0002/R1", ruleText: "Domain must not import UI", owner: "ADR-0002",
                                severity: "error", file: "Sources/Domain/Order.swift", line: 2, message: "`Domain` imports `UI`"),
            ReviewDrift.Finding(fingerprint: "f2", ruleID: "rules/a.stele/R1", ruleText: "UI must not import SQLite3", owner: "rules/a.stele",
                                severity: "warning", file: "Sources/UI/S.swift", line: 7, message: "m"),
        ])
    }

    func testASavedReviewIsReadForFindingsDependenciesAndDecisions() throws {
        let text = """
        {"version": 1, "decisions": [{"id": "ADR-0002", "title": "Layers"}],
         "graph": {"layers": [], "nodes": [], "edges": [{"from": "UI", "to": "Domain", "imports": 2, "uses": 1}]},
         "violations": [{"owner": "ADR-0002", "title": "Layers", "findings": [
           {"rule": "ADR-0002/R1", "ruleText": "layers UI > Domain", "severity": "error", "file": "Sources/Domain/Order.swift", "line": 2,
            "message": "m", "fingerprint": "f1", "new": false}]}]}
        """
        let snapshot = try ReviewSnapshot.parse(text).get()
        XCTAssertEqual(snapshot.edges, [ReviewSnapshot.Pair(from: "UI", to: "Domain"): 3])
        XCTAssertEqual(snapshot.decisions, ["ADR-0002": "Layers"])
        XCTAssertEqual(snapshot.findings.map(\.ruleID), ["ADR-0002/R1"])
        XCTAssertEqual(snapshot.findings.map(\.ruleText), ["layers UI > Domain"])
        XCTAssertEqual(snapshot.findings.map(\.owner), ["ADR-0002"])
    }

    func testWhatIsNotASavedReportIsRefusedWithTheReason() {
        func message(_ text: String) -> String? {
            if case .failure(let failure) = ReviewSnapshot.parse(text) { return failure.message }
            return nil
        }
        XCTAssertEqual(message("not json"), "is not JSON")
        XCTAssertEqual(message("[1, 2]"), "is not JSON")
        XCTAssertEqual(message(#"{"version": 2, "findings": []}"#), "has no `\"version\": 1`: not a report of this version of Stele")
        XCTAssertEqual(message(#"{"version": 1, "error": "rules have errors", "findings": []}"#),
                       "is the report of a run that stopped on an error (exit 2): it holds no findings")
        XCTAssertEqual(message(#"{"version": 1, "findings": [{"file": "a", "line": 1}]}"#), "has a finding without fingerprint, rule, file or line")
        XCTAssertEqual(message(#"{"version": 1, "nodes": []}"#), "is neither a saved `stele check --format json` nor a `stele review --format json`")
    }
}

import Foundation
import SteleTestSupport
import XCTest

/// Ambiguous uses end to end: the real `stele` and `stele-judge`, the layered app (whose Domain calls
/// `log`, declared in UI, a higher layer, and in Data, a lower one), and the scripted server on
/// 127.0.0.1 (whose "model" calls any line with `Date()` a violation).
final class JudgeAmbiguousUseCommandTests: XCTestCase {
    var server: JudgeServer!
    var tree: TemporaryTree!

    override func setUpWithError() throws {
        server = try JudgeServer()
        tree = try TemporaryTree(copying: "layered-app")
    }

    override func tearDown() {
        server.stop()
        tree.remove()
    }

    let loginModel = "Sources/App/Domain/LoginModel.swift"
    var environment: [String: String] { ["STELE_LLM_URL": server.url("ok"), "STELE_LLM_MODEL": "test-model"] }

    func testWithoutTheJudgeTheSummaryCountsTheUse() throws {
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1, run.stderr)   // the fixture's layer violations
        XCTAssertTrue(run.stdout.hasSuffix("1 ambiguous use not resolved)\n"), run.stdout)
        XCTAssertFalse(run.stdout.contains("\(loginModel):16"), run.stdout)
        let json = try SteleProcess.run(["check", tree.path, "--format", "json"])
        let summary = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any])
        XCTAssertEqual(summary["ambiguousUses"] as? Int, 1)
        XCTAssertEqual(summary["ambiguousUsesJudged"] as? Int, 0)
        XCTAssertNil(summary["proseRulesJudged"])
    }

    func testChangedFilesCountOnlyTheirOwnUses() throws {
        let own = try SteleProcess.run(["check", tree.path, "--files", loginModel])
        XCTAssertTrue(own.stdout.hasSuffix("1 ambiguous use not resolved)\n"), own.stdout)
        let other = try SteleProcess.run(["check", tree.path, "--files", "Sources/App/UI/Theme.swift"])
        XCTAssertFalse(other.stdout.contains("ambiguous"), other.stdout)
    }

    func testAViolationVerdictIsAFindingOfTheRuleAndReplays() throws {
        // The "model" sees `Date()` on the use's line: a violation there.
        let url = tree.url.appendingPathComponent(loginModel)
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "log(\"login\")", with: "log(\"login \\(Date())\")").write(to: url, atomically: true, encoding: .utf8)
        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("""
            \(loginModel):16:20: error: judged: `Domain` uses `log` (`UI`, declared at Sources/App/UI/Log.swift:2), a higher layer: reads the clock with Date() (test-model, confidence 90%) [ADR-0001]
                func trace() { log("login \\(Date())") } // `log` is declared in UI and in Data: ambiguous, not guessed
              rule: layers UI > Domain > Data  (adr/0001-layers-as-folders.md:22)
            """), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("1 ambiguous use judged)\n"), run.stdout)
        XCTAssertTrue(run.stderr.contains("1 question of 1 ambiguous use: 0 from .stele/verdicts.jsonl, 1 newly judged (1 request), 0 not judged"), run.stderr)
        let bodies = server.requests().compactMap { $0["body"] as? String }
        XCTAssertEqual(bodies.count, 1)
        XCTAssertTrue(bodies[0].contains("Rule: layers UI > Domain > Data"), bodies[0])
        XCTAssertTrue(bodies[0].contains("Question: `log` at line 16 is declared in several files this file can see. Does this use refer to the one in Sources/App/UI/Log.swift:2 (module App), which the rule forbids, or to one of the others: Sources/App/Data/Log.swift:1 (module App)?"), bodies[0])
        XCTAssertTrue(bodies[0].contains("File: \(loginModel), lines 1-"), bodies[0])
        let stored = try String(contentsOf: tree.url.appendingPathComponent(".stele/verdicts.jsonl"), encoding: .utf8)
        XCTAssertTrue(stored.contains("\"rule\":\"ADR-0001/R1\",\"file\":\"\(loginModel)\""), stored)

        server.stop()
        let replay = try SteleProcess.run(["check", tree.path, "--judge=replay"], environment: ["STELE_LLM_MODEL": "test-model"])
        XCTAssertEqual(replay.stdout, run.stdout, "replay with the server gone gives the same findings")
        XCTAssertEqual(replay.status, 1)
    }

    func testAnOkVerdictIsNothingAndADeadServerLeavesItNotResolved() throws {
        let ok = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment)
        XCTAssertFalse(ok.stdout.contains("\(loginModel):16"), ok.stdout)
        XCTAssertTrue(ok.stdout.hasSuffix("1 ambiguous use judged)\n"), ok.stdout)
        try FileManager.default.removeItem(at: tree.url.appendingPathComponent(".stele/verdicts.jsonl"))

        let dead = try SteleProcess.run(["check", tree.path, "--judge"],
                                        environment: ["STELE_LLM_URL": "http://127.0.0.1:\(JudgeServer.closedPort())/v1", "STELE_LLM_MODEL": "test-model"])
        XCTAssertEqual(dead.status, 1, dead.stderr)   // the fixture's own violations, no more
        XCTAssertTrue(dead.stdout.hasSuffix("1 ambiguous use not resolved)\n"), dead.stdout)
        XCTAssertTrue(dead.stderr.contains("\(loginModel):16:1: info: not judged: which `log` line 16 uses, for \"layers UI > Domain > Data\" (ADR-0001/R1), lines 1-"), dead.stderr)
    }

    func testAnAllowAtTheUseCoversTheJudgedFindingAndIsNotIdleWithoutTheJudge() throws {
        let url = tree.url.appendingPathComponent(loginModel)
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "log(\"login\") } // `log` is declared in UI and in Data: ambiguous, not guessed",
                                      with: "log(\"login \\(Date())\") } // stele:allow ADR-0001 -- the Data log, for now")
            .write(to: url, atomically: true, encoding: .utf8)
        let plain = try SteleProcess.run(["check", tree.path])
        XCTAssertFalse(plain.stderr.contains("suppresses nothing"), plain.stderr)
        XCTAssertTrue(plain.stdout.hasSuffix("1 ambiguous use not resolved)\n"), plain.stdout)
        let judged = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment)
        XCTAssertFalse(judged.stdout.contains("\(loginModel):16"), judged.stdout)
        XCTAssertTrue(judged.stdout.hasSuffix("1 ambiguous use judged, 1 suppressed inline)\n"), judged.stdout)
        XCTAssertFalse(judged.stderr.contains("suppresses nothing"), judged.stderr)
    }

    func testDryRunPrintsTheQuestion() throws {
        let run = try SteleProcess.run(["check", tree.path, "--judge-dry-run"], environment: environment)
        XCTAssertEqual(server.requests().count, 0)
        XCTAssertTrue(run.stderr.contains("POST \(server.url("ok"))/chat/completions"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Question: `log` at line 16"), run.stderr)
    }
}

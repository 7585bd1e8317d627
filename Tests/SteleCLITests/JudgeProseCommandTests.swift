import Foundation
import SteleTestSupport
import XCTest

/// `judge prose rules` end to end: the real `stele` and `stele-judge`, the judge-app fixture with a
/// Rules section added to its ADR, and the scripted server on 127.0.0.1 (whose "model" calls any
/// `Date()` a violation).
final class JudgeProseCommandTests: XCTestCase {
    var server: JudgeServer!
    var tree: TemporaryTree!

    override func setUpWithError() throws {
        server = try JudgeServer()
        tree = try TemporaryTree(copying: "judge-app")
        try FileManager.default.removeItem(at: storeURL)
    }

    override func tearDown() {
        server.stop()
        tree.remove()
    }

    var storeURL: URL { tree.url.appendingPathComponent(".stele/verdicts.jsonl") }
    let adrPath = "adr/0001-the-domain-never-reads-the-clock.md"

    func environment(_ scenario: String) -> [String: String] {
        ["STELE_LLM_URL": server.url(scenario), "STELE_LLM_MODEL": "test-model"]
    }

    /// The fixture's ADR with `optIn` in its stele block and `bullets` as its Rules section.
    func writeADR(optIn: String, bullets: [String]) throws -> String {
        let url = tree.url.appendingPathComponent(adrPath)
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "for Domain\n```", with: "for Domain\n\(optIn)\n```")
        text += "\n## Rules\n\n" + bullets.map { "- \($0)\n" }.joined()
        try text.write(to: url, atomically: true, encoding: .utf8)
        return text
    }

    func findings(_ stdout: String) throws -> [[String: Any]] {
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        return try XCTUnwrap(json["findings"] as? [[String: Any]])
    }

    func testAProseRuleIsAskedAboutTheComponentsItNamesAndReplayed() throws {
        let sentence = "Domain code takes the time as a parameter and never calls the clock itself."
        let text = try writeADR(optIn: "judge prose rules", bullets: [sentence])
        let proseLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("- Domain code") }! + 1
        let run = try SteleProcess.run(["check", tree.path, "--judge", "--format", "json"], environment: environment("ok"))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("6 questions of 1 `judge` rule and 1 prose rule: 0 from .stele/verdicts.jsonl, 6 newly judged (6 requests), 0 not judged"), run.stderr)
        let prose = try findings(run.stdout).filter { ($0["ruleId"] as? String) == "ADR-0001/prose-line-\(proseLine)" }
        XCTAssertEqual(prose.map { "\($0["file"]!):\($0["line"]!)" }, ["Sources/Shop/Domain/Discount.swift:10", "Sources/Shop/Domain/Invoice.swift:9"])
        XCTAssertEqual(prose.first?["severity"] as? String, "error", "a judged violation of an accepted ADR is an error")
        XCTAssertEqual(prose.first?["message"] as? String, "judged: reads the clock with Date() (test-model, confidence 90%)")
        // The question carries the ADR's sentence, and is asked of Domain's files only.
        let bodies = server.requests().compactMap { $0["body"] as? String }.filter { $0.contains("Rule: Domain code takes the time") }
        XCTAssertEqual(bodies.count, 3)
        XCTAssertFalse(bodies.contains { $0.contains("App/main.swift") })
        XCTAssertTrue(bodies.allSatisfy { $0.contains("Component: Domain") })
        let stored = try String(contentsOf: storeURL, encoding: .utf8)
        XCTAssertEqual(stored.split(separator: "\n").filter { $0.contains("\"rule\":\"ADR-0001/prose-line-\(proseLine)\"") }.count, 3)

        // `stele:allow` with the prose rule's id covers its judged finding, not the `judge` rule's.
        let discount = "Sources/Shop/Domain/Discount.swift"
        var lines = try String(contentsOf: tree.url.appendingPathComponent(discount), encoding: .utf8).components(separatedBy: "\n")
        lines[9] += " // stele:allow ADR-0001/prose-line-\(proseLine) -- the sale's end is fixed"
        try tree.write(discount, lines.joined(separator: "\n"))
        let allowed = try SteleProcess.run(["check", tree.path, "--judge", "--format", "json"], environment: environment("ok"))
        XCTAssertEqual(try findings(allowed.stdout).filter { ($0["file"] as? String) == discount }.map { $0["ruleId"] as? String }, ["ADR-0001/R1"])
        try tree.write(discount, lines.joined(separator: "\n").replacingOccurrences(of: " // stele:allow ADR-0001/prose-line-\(proseLine) -- the sale's end is fixed", with: ""))

        server.stop()
        let replay = try SteleProcess.run(["check", tree.path, "--judge=replay", "--format", "json"], environment: ["STELE_LLM_MODEL": "test-model"])
        XCTAssertEqual(replay.stdout, run.stdout, "replay with the server gone gives the same findings")
        XCTAssertEqual(replay.status, 1)
    }

    func testForNamesTheFilesAndASeverityMakesThemWarnings() throws {
        _ = try writeADR(optIn: "judge prose rules for Sources/Shop/App/** (warning)", bullets: ["The clock is read in one place, at start-up."])
        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertEqual(run.status, 1, run.stderr)   // the `judge` rule's errors
        XCTAssertTrue(run.stdout.contains("Sources/Shop/App/main.swift:3:1: warning: judged: reads the clock with Date()"), run.stdout)
        XCTAssertEqual(server.requests().filter { ($0["body"] as? String)?.contains("Rule: The clock is read in one place") == true }.count, 1)
    }

    func testAProseRuleThatNamesNothingIsNotAskedAndSaysWhy() throws {
        _ = try writeADR(optIn: "judge prose rules", bullets: ["Time comes in as a parameter."])
        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(server.requests().count, 3, "the `judge` rule's questions only")
        XCTAssertTrue(run.stderr.contains("info: prose rule not judged: \"Time comes in as a parameter.\""), run.stderr)
        XCTAssertTrue(run.stderr.contains("write `judge prose rules for A` in its ADR"), run.stderr)
    }

    func testRulesSaysWhichProseRulesAreJudged() throws {
        _ = try writeADR(optIn: "judge prose rules", bullets: ["Domain code takes the time as a parameter and never calls the clock itself."])
        let run = try SteleProcess.run(["rules", tree.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("not enforced: not in the rule language; its ADR says `judge prose rules`: asked of the LLM judge with `stele check --judge`\n"), run.stdout)
    }

    func testWithoutTheOptInProseRulesAreNotAsked() throws {
        _ = try writeADR(optIn: "", bullets: ["Domain code takes the time as a parameter and never calls the clock itself."])
        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(server.requests().count, 3)
        XCTAssertTrue(run.stderr.contains("3 questions of 1 `judge` rule: "), run.stderr)
    }

    func testTheSummaryCountsProseRulesJudgedInTheRunAsJudged() throws {
        _ = try writeADR(optIn: "judge prose rules", bullets: ["Domain code takes the time as a parameter.", "Time comes in as a parameter."])
        let plain = try SteleProcess.run(["check", tree.path])
        XCTAssertTrue(plain.stdout.hasSuffix("(5 files, 0 rules enforced, 1 not enforced, 2 prose rules not checked)\n"), plain.stdout)
        XCTAssertTrue(plain.stderr.contains("2 prose rules are not checked"), plain.stderr)
        let judged = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertTrue(judged.stdout.hasSuffix("(5 files, 1 rule enforced, 1 prose rule judged, 1 not checked)\n"), judged.stdout)
        XCTAssertTrue(judged.stderr.contains("stele: note: 1 prose rule is not checked"), judged.stderr)
        let json = try SteleProcess.run(["check", tree.path, "--judge=replay", "--format", "json"], environment: ["STELE_LLM_MODEL": "test-model"])
        let summary = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any])
        XCTAssertEqual(summary["proseRules"] as? Int, 2)
        XCTAssertEqual(summary["proseRulesJudged"] as? Int, 1, "replay with every verdict stored judges it too")
        // A server that answers nothing: the prose rule was asked, not judged.
        try FileManager.default.removeItem(at: storeURL)
        let failed = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("error500"))
        XCTAssertTrue(failed.stdout.hasSuffix("2 prose rules not checked)\n"), failed.stdout)
    }

    func testTheOptInInARulesFileIsAnError() throws {
        try tree.write("rules/architecture.stele", "# settings\njudge prose rules\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 2, run.stdout + run.stderr)
        XCTAssertTrue((run.stdout + run.stderr).contains("rules/architecture.stele:2:1: error: `judge prose rules` belongs in an ADR"), run.stdout + run.stderr)
    }
}

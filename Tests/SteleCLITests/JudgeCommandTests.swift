import Foundation
import SteleTestSupport
import XCTest

/// `stele check --judge`, `--judge=replay`, `--judge-dry-run` end to end: the real `stele` and
/// `stele-judge` binaries, the judge-app fixture (a `judge` rule, a file that reads the clock, one
/// that tries to talk the judge out of it, one with a key in it), and a scripted server on 127.0.0.1.
final class JudgeCommandTests: XCTestCase {
    var server: JudgeServer!
    var tree: TemporaryTree!

    override func setUpWithError() throws {
        server = try JudgeServer()
        tree = try TemporaryTree(copying: "judge-app")
    }

    override func tearDown() {
        server.stop()
        tree.remove()
    }

    var storeURL: URL { tree.url.appendingPathComponent(".stele/verdicts.jsonl") }

    func environment(_ scenario: String, provider: String = "openai") -> [String: String] {
        ["STELE_LLM_URL": server.url(scenario), "STELE_LLM_MODEL": "test-model", "STELE_LLM_PROVIDER": provider,
         "STELE_LLM_API_KEY": "test-key-1234"]
    }

    func testJudgeAsksFileByFileStoresVerdictsAndAsksNothingTwice() throws {
        try FileManager.default.removeItem(at: storeURL)
        let first = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertEqual(first.status, 1, first.stderr)
        XCTAssertEqual(first.stdout.split(separator: "\n").filter { $0.contains(": error: ") }, [
            "Sources/Shop/Domain/Discount.swift:10:1: error: judged: reads the clock with Date() (test-model, confidence 90%) [ADR-0001]",
            "Sources/Shop/Domain/Invoice.swift:9:1: error: judged: reads the clock with Date() (test-model, confidence 90%) [ADR-0001]",
        ])
        XCTAssertTrue(first.stderr.contains("3 questions of 1 `judge` rule: 0 from .stele/verdicts.jsonl, 3 newly judged (3 requests), 0 not judged"), first.stderr)
        // One question per file of the component, never one outside it (App/main.swift also reads the clock).
        let requests = server.requests()
        XCTAssertEqual(requests.count, 3)
        let bodies = requests.compactMap { $0["body"] as? String }
        for file in ["Order.swift", "Invoice.swift", "Discount.swift"] { XCTAssertEqual(bodies.filter { $0.contains("Sources/Shop/Domain/" + file) }.count, 1, file) }
        XCTAssertFalse(bodies.contains { $0.contains("App/main.swift") })
        // No secret from the tree in any request; the key went in the header only.
        XCTAssertFalse(bodies.contains { $0.contains("sk-live") })
        XCTAssertTrue(bodies.contains { $0.contains("[REDACTED:api-key]") })
        XCTAssertFalse(bodies.contains { $0.contains("test-key-1234") })
        let stored = try String(contentsOf: storeURL, encoding: .utf8)
        XCTAssertEqual(stored.split(separator: "\n").count, 3)

        let second = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertEqual(server.requests().count, 3, "the second run sends no request")
        XCTAssertEqual(second.stdout, first.stdout)
        XCTAssertEqual(second.status, 1)
        XCTAssertEqual(try String(contentsOf: storeURL, encoding: .utf8), stored, "the store is not rewritten differently")

        server.stop()
        let replay = try SteleProcess.run(["check", tree.path, "--judge=replay"], environment: ["STELE_LLM_MODEL": "test-model"])
        XCTAssertEqual(replay.stdout, first.stdout, "replay with the server gone gives the same findings")
        XCTAssertEqual(replay.status, 1)
    }

    func testReplayUsesTheCommittedVerdictsAndNeverStartsTheHelper() throws {
        // A helper path that cannot run: were it started, the notes would say so.
        let run = try SteleProcess.run(["check", tree.path, "--judge=replay", "--format", "json"],
                                       environment: ["STELE_JUDGE_PATH": "/nonexistent/stele-judge", "STELE_LLM_URL": server.url("ok")])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(server.requests().count, 0)
        XCTAssertFalse(run.stderr.contains("cannot run"), run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?["file"] as? String, "Sources/Shop/Domain/Invoice.swift")
        XCTAssertEqual(findings.first?["line"] as? Int, 9)
        XCTAssertEqual(findings.first?["ruleId"] as? String, "ADR-0001/R1")
        XCTAssertEqual(findings.first?["message"] as? String, "judged: reads the clock with Date() (test-model, confidence 90%)")
        let judged = try XCTUnwrap(findings.first?["judged"] as? [String: Any], "the marks as fields of their own")
        XCTAssertEqual(judged["model"] as? String, "test-model")
        XCTAssertEqual(judged["confidence"] as? Double, 0.9)
        XCTAssertEqual(judged["reason"] as? String, "reads the clock with Date()")
        // Discount.swift has no committed verdict: a note, not an error.
        XCTAssertTrue(run.stderr.contains("Sources/Shop/Domain/Discount.swift:1:1: info: not judged"), run.stderr)
        XCTAssertTrue(run.stderr.contains("2 from .stele/verdicts.jsonl, 0 newly judged (0 requests), 1 not judged"), run.stderr)
    }

    func testAWarningRuleKeepsItsVerdictsAndWarns() throws {
        let adr = tree.url.appendingPathComponent("adr/0001-the-domain-never-reads-the-clock.md")
        let text = try String(contentsOf: adr, encoding: .utf8)
        try text.replacingOccurrences(of: "as a parameter\" for Domain", with: "as a parameter\" for Domain (warning)")
            .write(to: adr, atomically: true, encoding: .utf8)
        let run = try SteleProcess.run(["check", tree.path, "--judge=replay"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Sources/Shop/Domain/Invoice.swift:9:1: warning: judged: reads the clock with Date()"), run.stdout)
    }

    func testStagedAsksAboutTheStagedFilesOnlyWithTheirStagedContent() throws {
        try tree.git("init", "-q")
        try tree.git("add", "-A")
        try tree.git("commit", "-qm", "fixture")
        try tree.write("Sources/Shop/Domain/Order.swift", "import Foundation\nstruct Order {\n    let placed = Date()\n}\n")
        try tree.git("add", "Sources/Shop/Domain/Order.swift")
        try tree.write("Sources/Shop/Domain/Order.swift", "struct Order {}\n")   // the work tree differs from the index
        let run = try SteleProcess.run(["check", tree.path, "--staged", "--judge"], environment: environment("ok"))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(server.requests().count, 1)
        XCTAssertTrue(run.stdout.contains("Sources/Shop/Domain/Order.swift:3:1: error: judged: reads the clock with Date()"), run.stdout)
        XCTAssertFalse(run.stdout.contains("Invoice.swift"), "not staged: not asked, not reported")
    }

    func testJudgeDropsTheVerdictsOfDeletedFilesAndReplayKeepsThem() throws {
        let committed = try String(contentsOf: storeURL, encoding: .utf8)
        XCTAssertTrue(committed.contains("Sources/Shop/Domain/Order.swift"))
        try FileManager.default.removeItem(at: tree.url.appendingPathComponent("Sources/Shop/Domain/Order.swift"))
        let replay = try SteleProcess.run(["check", tree.path, "--judge=replay"], environment: ["STELE_LLM_MODEL": "test-model"])
        XCTAssertEqual(replay.status, 1, replay.stderr)
        XCTAssertEqual(try String(contentsOf: storeURL, encoding: .utf8), committed, "a replay never writes the store")

        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("1 from .stele/verdicts.jsonl, 1 newly judged (1 request), 0 not judged; 1 stale verdict of 1 deleted file dropped"), run.stderr)
        let stored = try String(contentsOf: storeURL, encoding: .utf8)
        XCTAssertFalse(stored.contains("Order.swift"), stored)
        XCTAssertEqual(stored.split(separator: "\n").map { $0.contains("Invoice.swift") ? "Invoice" : $0.contains("Discount.swift") ? "Discount" : "?" },
                       ["Discount", "Invoice"], "sorted by file")
        let again = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertTrue(again.stderr.contains("2 from .stele/verdicts.jsonl, 0 newly judged (0 requests), 0 not judged\n"), again.stderr)
        XCTAssertEqual(try String(contentsOf: storeURL, encoding: .utf8), stored)
    }

    func testAnInlineAllowCoversAJudgedFinding() throws {
        let invoice = "Sources/Shop/Domain/Invoice.swift"
        let text = try String(contentsOf: tree.url.appendingPathComponent(invoice), encoding: .utf8)
        try tree.write(invoice, text.replacingOccurrences(of: "// Thirty days from now.", with: "// stele:allow ADR-0001 -- the due date is computed once, here"))
        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }, [
            "Sources/Shop/Domain/Discount.swift:10:1: error: judged: reads the clock with Date() (test-model, confidence 90%) [ADR-0001]",
        ])
        XCTAssertTrue(run.stdout.contains("1 suppressed inline"), run.stdout)
        XCTAssertFalse(run.stderr.contains("suppresses nothing"), run.stderr)
        // Without the judge, the allow may still cover a judged finding: it is not reported as covering nothing.
        let off = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(off.status, 0, off.stderr)
        XCTAssertFalse(off.stderr.contains("suppresses nothing"), off.stderr)
        // An allow in a file judged ok covers nothing and says so; in a dry run, where nothing is judged, it may yet cover something.
        let order = "Sources/Shop/Domain/Order.swift"
        try tree.write(order, try String(contentsOf: tree.url.appendingPathComponent(order), encoding: .utf8) + "\n// stele:allow ADR-0001 -- just in case\nlet x = 1\n")
        let unused = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertTrue(unused.stderr.contains("warning: `stele:allow ADR-0001` suppresses nothing"), unused.stderr)
        XCTAssertTrue(unused.stderr.contains(order), unused.stderr)
        try tree.write(order, try String(contentsOf: tree.url.appendingPathComponent(order), encoding: .utf8) + "// more\n")
        let dry = try SteleProcess.run(["check", tree.path, "--judge-dry-run"], environment: environment("ok"))
        XCTAssertFalse(dry.stderr.contains("suppresses nothing"), dry.stderr)
        // An allow without a reason covers nothing, judged or not, and says so.
        try tree.write(invoice, text.replacingOccurrences(of: "// Thirty days from now.", with: "// stele:allow ADR-0001"))
        let bare = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertTrue(bare.stdout.contains("Sources/Shop/Domain/Invoice.swift:9:1: error: judged"), bare.stdout)
        XCTAssertTrue(bare.stderr.contains("`stele:allow ADR-0001` has no reason, so it suppresses nothing"), bare.stderr)
    }

    func testTheReviewShowsStoredVerdictsMarkedAsJudged() throws {
        let json = try SteleProcess.run(["review", tree.path, "--judge=replay", "--format", "json", "--output", "-"],
                                        environment: ["STELE_JUDGE_PATH": "/nonexistent/stele-judge", "STELE_LLM_URL": server.url("ok")])
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertEqual(server.requests().count, 0)
        let review = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let groups = try XCTUnwrap(review["violations"] as? [[String: Any]])
        let findings = groups.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
        XCTAssertEqual(findings.map { "\($0["file"]!):\($0["line"]!)" }, ["Sources/Shop/Domain/Invoice.swift:9"])
        let judged = try XCTUnwrap(findings.first?["judged"] as? [String: Any])
        XCTAssertEqual(judged["model"] as? String, "test-model")
        XCTAssertEqual(judged["confidence"] as? Double, 0.9)
        XCTAssertEqual(judged["reason"] as? String, "reads the clock with Date()")

        let markdown = try SteleProcess.run(["review", tree.path, "--judge=replay", "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.contains("`Sources/Shop/Domain/Invoice.swift:9` (judged: test-model, 90%) |"), markdown.stdout)
        let html = try SteleProcess.run(["review", tree.path, "--judge=replay", "--output", "-"])
        XCTAssertTrue(html.stdout.contains("<span class=\"badge judged\" title=\"judged by test-model, confidence 90%: reads the clock with Date()\">judged</span>"), html.stdout)
        // Without it, the `judge` rule is not judged and nothing is marked.
        let plain = try SteleProcess.run(["review", tree.path, "--format", "markdown"])
        XCTAssertFalse(plain.stdout.contains("(judged: "), plain.stdout)
        XCTAssertFalse(plain.stdout.contains("Invoice.swift:9"), plain.stdout)
        // A report never asks.
        let ask = try SteleProcess.run(["review", tree.path, "--judge"])
        XCTAssertEqual(ask.status, 2)
        XCTAssertTrue(ask.stderr.contains("`stele review` takes `--judge=replay` only"), ask.stderr)
    }

    func testJudgeSettingsInARulesFileAndTheEnvironmentWins() throws {
        try FileManager.default.removeItem(at: storeURL)
        try tree.write("rules/judge.stele", "judge url \(server.url("ok"))\njudge model file-model\njudge max-requests 2\n")
        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: [:])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("2 newly judged (2 requests), 1 not judged"), run.stderr)
        XCTAssertTrue(run.stderr.contains("the request budget (2, STELE_JUDGE_MAX_REQUESTS) is spent"), run.stderr)
        XCTAssertEqual(server.requests().count, 2)
        XCTAssertEqual(try String(contentsOf: storeURL, encoding: .utf8).components(separatedBy: "\"model\":\"file-model\"").count - 1, 2)
        // The environment wins over the file.
        let env = try SteleProcess.run(["check", tree.path, "--judge"], environment: ["STELE_LLM_MODEL": "env-model", "STELE_JUDGE_MAX_REQUESTS": "10"])
        XCTAssertTrue(env.stderr.contains("3 newly judged (3 requests), 0 not judged"), env.stderr)
        XCTAssertEqual(try String(contentsOf: storeURL, encoding: .utf8).components(separatedBy: "\"model\":\"env-model\"").count - 1, 3)
        // Never the key.
        try tree.write("rules/judge.stele", "judge api-key sk-123\n")
        let key = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(key.status, 2)
        XCTAssertTrue(key.stderr.contains("rules/judge.stele:1:7: error: the judge's key is never a setting"), key.stderr)
    }

    func testJudgedFindingsAppearInSARIFAndJUnit() throws {
        for format in ["sarif", "junit", "github", "markdown"] {
            let run = try SteleProcess.run(["check", tree.path, "--judge=replay", "--format", format], environment: ["STELE_LLM_MODEL": "test-model"])
            XCTAssertEqual(run.status, 1, format)
            XCTAssertTrue(run.stdout.contains("reads the clock with Date()"), format)
            XCTAssertTrue(run.stdout.contains("Invoice.swift"), format)
        }
    }

    func testADeadServerLeavesEveryQuestionNotJudged() throws {
        try FileManager.default.removeItem(at: storeURL)
        var environment = environment("ok")
        environment["STELE_LLM_URL"] = "http://127.0.0.1:\(JudgeServer.closedPort())/v1"
        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr.components(separatedBy: ": info: not judged").count - 1, 3, run.stderr)
        XCTAssertTrue(run.stderr.contains("cannot reach"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: storeURL.path))
    }

    func testASlowServerTimesOutAndTheRunStillEnds() throws {
        try FileManager.default.removeItem(at: storeURL)
        var environment = environment("slow")
        environment["STELE_JUDGE_TIMEOUT"] = "1"
        let start = Date()
        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("no answer within 1 s"), run.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testAHungHelperIsKilledAtItsDeadline() throws {
        try FileManager.default.removeItem(at: storeURL)
        let helper = tree.url.deletingLastPathComponent().appendingPathComponent("hung-judge-\(UUID().uuidString).sh")
        try "#!/bin/sh\nsleep 600\n".write(to: helper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: helper.path)
        defer { try? FileManager.default.removeItem(at: helper) }
        var environment = environment("ok")
        environment["STELE_JUDGE_PATH"] = helper.path
        environment["STELE_JUDGE_TIMEOUT"] = "1"
        environment["STELE_JUDGE_ATTEMPTS"] = "1"
        let start = Date()
        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("stele-judge was stopped after 9 s"), run.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        XCTAssertEqual(server.requests().count, 0)
    }

    func testAMalformedAnswerIsRetriedAndAnthropicWorksToo() throws {
        try FileManager.default.removeItem(at: storeURL)
        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("malformed-once", provider: "anthropic"))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("3 newly judged (6 requests)"), run.stderr)
        XCTAssertTrue(server.requests().allSatisfy { ($0["path"] as? String)?.hasSuffix("/v1/messages") == true })
    }

    func testDryRunPrintsTheRequestsAndSendsNothing() throws {
        try FileManager.default.removeItem(at: storeURL)
        let run = try SteleProcess.run(["check", tree.path, "--judge-dry-run"], environment: environment("ok"))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(server.requests().count, 0)
        XCTAssertEqual(run.stderr.components(separatedBy: "POST \(server.url("ok"))/chat/completions").count - 1, 3, run.stderr)
        XCTAssertTrue(run.stderr.contains("Authorization: Bearer ***"))
        XCTAssertFalse(run.stderr.contains("test-key-1234"))
        XCTAssertFalse(run.stderr.contains("sk-live"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: storeURL.path))
    }

    func testWithoutJudgeTheRuleIsListedNotJudged() throws {
        let run = try SteleProcess.run(["check", tree.path], environment: environment("ok"))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(server.requests().count, 0)
        XCTAssertTrue(run.stdout.contains("1 not enforced"), run.stdout)
    }

    func testBadJudgeConfigurationIsAUsageError() throws {
        var environment = environment("ok")
        environment["STELE_LLM_PROVIDER"] = "gemini"
        let provider = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment)
        XCTAssertEqual(provider.status, 2)
        XCTAssertTrue(provider.stderr.contains("STELE_LLM_PROVIDER"), provider.stderr)
        let mode = try SteleProcess.run(["check", tree.path, "--judge=sometimes"])
        XCTAssertEqual(mode.status, 2)
        XCTAssertTrue(mode.stderr.contains("`--judge` takes no value, or `=replay`"), mode.stderr)
        let both = try SteleProcess.run(["check", tree.path, "--judge", "--judge-dry-run"])
        XCTAssertEqual(both.status, 2)
    }
}

import Foundation
import SteleTestSupport
import XCTest

/// `stele rules --suggest` end to end: the real `stele` and `stele-judge`, the judge-app fixture (one
/// ADR in force, component Domain, module Shop), and the scripted server on 127.0.0.1, whose
/// "model" proposes two rules that parse there and, in `suggest-bad`, two that do not.
final class RuleSuggestCommandTests: XCTestCase {
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

    let adr = "ADR-0001 \"The domain never reads the clock\" (adr/0001-the-domain-never-reads-the-clock.md)"

    func environment(_ scenario: String) -> [String: String] {
        ["STELE_LLM_URL": server.url(scenario), "STELE_LLM_MODEL": "test-model"]
    }

    func testTheLinesThatParseArePrintedToPasteAndNothingIsWritten() throws {
        try tree.write("adr/0001-the-domain-never-reads-the-clock.md",
                       try String(contentsOf: tree.url.appendingPathComponent("adr/0001-the-domain-never-reads-the-clock.md"), encoding: .utf8)
                       + "\nThe test server's password = \"hunter2hunter2\".\n")
        let before = try tree.snapshot()
        let run = try SteleProcess.run(["rules", tree.path, "--suggest"], environment: environment("ok"))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, """
            \(adr): 3 lines suggested
            ```stele
            # "only the app reads the clock."
            component App = Sources/Shop/App/**
            Domain must not depend on App
            # "The domain takes the current time as a parameter"
            Domain must not use Date
            ```


            """)
        XCTAssertTrue(run.stderr.contains("stele: rules --suggest: 1 ADR in force, 1 request: 3 lines suggested, 0 dropped, 0 without a suggestion; nothing was written"), run.stderr)
        XCTAssertEqual(try tree.snapshot(), before, "nothing is written to the tree")
        let bodies = server.requests().compactMap { $0["body"] as? String }
        XCTAssertEqual(bodies.count, 1)
        XCTAssertTrue(bodies[0].contains("Declared components: Domain\\nModules of the project: Shop\\nDecision: ADR-0001"), bodies[0])
        XCTAssertTrue(bodies[0].contains("The domain takes the current time as a parameter; only the app reads the clock."), bodies[0])
        XCTAssertTrue(bodies[0].contains("layers A > B > C"), "the rule language is in the prompt")
        XCTAssertFalse(bodies[0].contains("hunter2hunter2"), "the ADR is redacted")
        XCTAssertTrue(bodies[0].contains("[REDACTED:"), bodies[0])
    }

    func testLinesThatDoNotParseOrNameNothingAreShownCommentedOut() throws {
        let run = try SteleProcess.run(["rules", tree.path, "--suggest"], environment: environment("suggest-bad"))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("\(adr): 3 lines suggested, 2 dropped\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("# dropped (unknown component `Domian`: did you mean `Domain`?): Domian must not import GRDB\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("): Domain should be kept pure\n"), run.stdout)
        XCTAssertTrue(run.stderr.contains("3 lines suggested, 2 dropped"), run.stderr)

        let json = try SteleProcess.run(["rules", tree.path, "--suggest", "--format", "json"], environment: environment("suggest-bad"))
        XCTAssertEqual(json.status, 0, json.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(document["model"] as? String, "test-model")
        let suggestion = try XCTUnwrap((document["suggestions"] as? [[String: Any]])?.first)
        XCTAssertEqual(suggestion["adr"] as? String, "ADR-0001")
        XCTAssertEqual((suggestion["rules"] as? [[String: Any]])?.map { $0["rule"] as? String },
                       ["component App = Sources/Shop/App/**", "Domain must not depend on App", "Domain must not use Date"])
        XCTAssertEqual((suggestion["dropped"] as? [[String: Any]])?.map { $0["rule"] as? String }, ["Domain should be kept pure", "Domian must not import GRDB"])
        XCTAssertTrue(suggestion["problem"] is NSNull)
    }

    func testAMalformedAnswerOrADeadServerIsAClearMessageAndExitCode1() throws {
        let malformed = try SteleProcess.run(["rules", tree.path, "--suggest"], environment: environment("malformed-once"))
        XCTAssertEqual(malformed.status, 1, malformed.stderr)
        XCTAssertEqual(malformed.stdout, "\(adr): no suggestion: the answer was not the JSON asked for: the answer is not one JSON object: Sure! The code looks fine to me, so the verdict is ok.\n\n")

        let dead = try SteleProcess.run(["rules", tree.path, "--suggest"],
                                        environment: ["STELE_LLM_URL": "http://127.0.0.1:\(JudgeServer.closedPort())/v1", "STELE_LLM_MODEL": "test-model"])
        XCTAssertEqual(dead.status, 1, dead.stderr)
        XCTAssertTrue(dead.stdout.hasPrefix("\(adr): no suggestion: "), dead.stdout)
        XCTAssertTrue(dead.stderr.contains("0 lines suggested, 0 dropped, 1 without a suggestion"), dead.stderr)

        let failing = try SteleProcess.run(["rules", tree.path, "--suggest"], environment: environment("error500"))
        XCTAssertEqual(failing.status, 1, failing.stderr)
        XCTAssertTrue(failing.stdout.contains("no suggestion: the server answered HTTP 500"), failing.stdout)

        let unset = try SteleProcess.run(["rules", tree.path, "--suggest"], environment: ["STELE_LLM_MODEL": "test-model"])
        XCTAssertEqual(unset.status, 2, unset.stderr)
        XCTAssertTrue(unset.stderr.contains("`stele rules --suggest` asks the LLM judge: STELE_LLM_URL is not set"), unset.stderr)
    }

    func testDryRunPrintsTheRequestsAndSendsNothing() throws {
        let run = try SteleProcess.run(["rules", tree.path, "--suggest", "--judge-dry-run"], environment: environment("ok"))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(server.requests().count, 0)
        XCTAssertTrue(run.stderr.contains("POST \(server.url("ok"))/chat/completions"), run.stderr)
        XCTAssertTrue(run.stderr.contains("BEGIN ADR"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\"max_tokens\":1500"), run.stderr)
        XCTAssertTrue(run.stderr.contains("1 request printed, none sent"), run.stderr)

        let alone = try SteleProcess.run(["rules", tree.path, "--judge-dry-run"])
        XCTAssertEqual(alone.status, 2)
        XCTAssertTrue(alone.stderr.contains("`--judge-dry-run` goes with `stele rules --suggest`"), alone.stderr)
    }
}

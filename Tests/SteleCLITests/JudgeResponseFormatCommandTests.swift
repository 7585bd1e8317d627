import Foundation
import SteleTestSupport
import XCTest

/// The `response_format` an `openai` request carries (the verdict's JSON Schema unless told
/// otherwise), end to end: the real `stele` and `stele-judge`, the judge-app fixture (3 questions),
/// and the scripted server on 127.0.0.1, which checks the member's shape and logs every body.
final class JudgeResponseFormatCommandTests: XCTestCase {
    var server: JudgeServer!
    var tree: TemporaryTree!

    override func setUpWithError() throws {
        server = try JudgeServer()
        tree = try TemporaryTree(copying: "judge-app")
        try FileManager.default.removeItem(at: tree.url.appendingPathComponent(".stele/verdicts.jsonl"))
    }

    override func tearDown() {
        server.stop()
        tree.remove()
    }

    func environment(_ scenario: String, _ extra: [String: String] = [:]) -> [String: String] {
        ["STELE_LLM_URL": server.url(scenario), "STELE_LLM_MODEL": "test-model"].merging(extra) { $1 }
    }

    /// The `response_format` member of each request received, in order (NSNull when absent).
    func formats() throws -> [Any] {
        try server.requests().map { request in
            let body = try XCTUnwrap(request["body"] as? String)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            return json["response_format"] ?? NSNull()
        }
    }

    var schema: [String: Any] { [
        "type": "object",
        "properties": [
            "verdict": ["type": "string", "enum": ["violation", "ok", "unsure"]],
            "line": ["type": ["integer", "null"]],
            "reason": ["type": "string"],
            "confidence": ["type": "number"],
        ],
        "required": ["verdict", "line", "reason", "confidence"],
        "additionalProperties": false,
    ] }

    func testEveryRequestCarriesTheVerdictsSchemaByDefault() throws {
        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("3 newly judged (3 requests), 0 not judged"), run.stderr)
        let formats = try formats()
        XCTAssertEqual(formats.count, 3)
        let expected: [String: Any] = ["type": "json_schema", "json_schema": ["name": "verdict", "strict": true, "schema": schema]]
        for format in formats { XCTAssertEqual(format as? NSDictionary, expected as NSDictionary) }
    }

    func testTheSettingTurnsItDownOrOff() throws {
        let object = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok", ["STELE_JUDGE_RESPONSE_FORMAT": "json-object"]))
        XCTAssertTrue(object.stderr.contains("3 newly judged (3 requests)"), object.stderr)
        let expected: [String: Any] = ["type": "json_object", "schema": schema]
        XCTAssertEqual(try formats().map { $0 as? NSDictionary }, Array(repeating: expected as NSDictionary, count: 3))

        // `judge response-format none` in rules/*.stele: no member at all (the store is emptied to ask again).
        try tree.write("rules/judge.stele", "judge response-format none\n")
        try FileManager.default.removeItem(at: tree.url.appendingPathComponent(".stele/verdicts.jsonl"))
        let none = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertTrue(none.stderr.contains("3 newly judged (3 requests)"), none.stderr)
        XCTAssertEqual(try formats().suffix(3).map { $0 is NSNull }, [true, true, true])

        try tree.write("rules/judge.stele", "judge response-format grammar\n")
        let unknown = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("rules/judge.stele:1:23: error: `judge response-format` is `json-schema`, `json-object` or `none`, not `grammar`"), unknown.stderr)
        try FileManager.default.removeItem(at: tree.url.appendingPathComponent("rules/judge.stele"))
        let wrong = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok", ["STELE_JUDGE_RESPONSE_FORMAT": "grammar"]))
        XCTAssertTrue(wrong.stderr.contains("STELE_JUDGE_RESPONSE_FORMAT is `grammar`: use `json-schema`, `json-object` or `none`"), wrong.stderr)
        XCTAssertEqual(server.requests().count, 6, "a wrong setting sends nothing")
    }

    func testAServerRejectingTheSchemaIsAskedAgainWithoutIt() throws {
        // llama-cpp-python 0.3's server answers HTTP 500 naming response_format to `json_schema`
        // (stele-judge tries a 5xx 3 times: those attempts are not requests of the run).
        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("rejects-json-schema"))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("3 newly judged (6 requests), 0 not judged; the server rejected response_format"), run.stderr)
        let formats = try formats().map { $0 is NSNull }
        XCTAssertEqual(formats, Array(repeating: false, count: 9) + [true, true, true], "3 attempts of each of 3 questions with it, then 3 without")
    }

    func testTheStoredVerdictsKeysDoNotDependOnTheFormat() throws {
        // A verdict judged without the constraint is the same answer to the same question: not asked again.
        _ = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok", ["STELE_JUDGE_RESPONSE_FORMAT": "none"]))
        let again = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok"))
        XCTAssertTrue(again.stderr.contains("3 from .stele/verdicts.jsonl, 0 newly judged (0 requests)"), again.stderr)
        XCTAssertEqual(server.requests().count, 3)
    }

    func testAnthropicRequestsCarryNone() throws {
        let run = try SteleProcess.run(["check", tree.path, "--judge"], environment: environment("ok", ["STELE_LLM_PROVIDER": "anthropic"]))
        XCTAssertTrue(run.stderr.contains("3 newly judged (3 requests), 0 not judged"), run.stderr)
        XCTAssertEqual(try formats().map { $0 is NSNull }, [true, true, true])
    }
}

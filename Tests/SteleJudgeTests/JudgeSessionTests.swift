import SteleCheck
import SteleCore
import SteleJudge
import XCTest

/// The session's logic with a scripted `send`: which questions are asked, retried, stored, replayed.
final class JudgeSessionTests: XCTestCase {
    let code = "import Foundation\nstruct Invoice {\n    let issued = Date()\n}\n"

    func chat(_ answer: String) -> JudgeWire.Outcome {
        .response(status: 200, body: JSONLine.render(.object([("choices", .array([.object([("message", .object([("role", .string("assistant")), ("content", .string(answer))]))])]))])))
    }

    func testAViolationIsAFindingAtTheRulesSeverityAndIsStored() {
        var sent = 0
        let outcome = JudgeSession(settings: JudgeTestRule.settings, mode: .ask).run(JudgeTestRule.questions(code), store: VerdictStore()) { requests in
            sent += requests.count
            return Dictionary(uniqueKeysWithValues: requests.map { ($0.id, self.chat(#"{"verdict":"violation","line":3,"reason":"reads the clock","confidence":0.9}"#)) })
        }
        XCTAssertEqual(sent, 1)
        XCTAssertEqual(outcome.findings.count, 1)
        let finding: Finding = outcome.findings[0]
        XCTAssertEqual(finding.location, SourceLocation(file: "Sources/Domain/Order.swift", line: 3, column: 1))
        XCTAssertEqual(finding.severity, .error)
        XCTAssertEqual(finding.snippet, "let issued = Date()")
        XCTAssertTrue(finding.message.contains("reads the clock"))
        XCTAssertTrue(finding.message.contains("test-model"))
        XCTAssertEqual(outcome.newEntries.count, 1)
        XCTAssertEqual(outcome.judgedRules, ["ADR-0009/R1"])
    }

    func testAMalformedAnswerIsRetriedOnceWithTheCorrection() {
        var rounds: [[ProviderRequest]] = []
        let outcome = JudgeSession(settings: JudgeTestRule.settings, mode: .ask).run(JudgeTestRule.questions(code), store: VerdictStore()) { requests in
            rounds.append(requests.map(\.request))
            let answer = rounds.count == 1 ? "Sure, it is fine." : #"{"verdict":"ok","line":null,"reason":"fine","confidence":0.7}"#
            return Dictionary(uniqueKeysWithValues: requests.map { ($0.id, self.chat(answer)) })
        }
        XCTAssertEqual(rounds.count, 2)
        XCTAssertTrue(rounds[1][0].body.contains("That answer was not exactly one JSON object"))
        XCTAssertTrue(rounds[1][0].body.contains("Sure, it is fine."))
        XCTAssertEqual(outcome.findings, [])
        XCTAssertEqual(outcome.newEntries.first?.verdict.kind, .ok)
        XCTAssertEqual(outcome.requestsSent, 2)
    }

    func testTwoMalformedAnswersLeaveTheQuestionNotJudged() {
        let outcome = JudgeSession(settings: JudgeTestRule.settings, mode: .ask).run(JudgeTestRule.questions(code), store: VerdictStore()) { requests in
            Dictionary(uniqueKeysWithValues: requests.map { ($0.id, self.chat(#"{"verdict":"ok"}"#)) })
        }
        XCTAssertEqual(outcome.requestsSent, 2)
        XCTAssertEqual(outcome.findings, [])
        XCTAssertEqual(outcome.newEntries, [])
        XCTAssertEqual(outcome.unanswered, ["ADR-0009/R1": 1])
        XCTAssertEqual(outcome.notes.count, 1)
        XCTAssertEqual(outcome.notes[0].severity, .info)
        XCTAssertTrue(outcome.notes[0].message.contains("not judged"), outcome.notes[0].message)
    }

    func testUnsureIsANoteNeverAFinding() {
        let outcome = JudgeSession(settings: JudgeTestRule.settings, mode: .ask).run(JudgeTestRule.questions(code), store: VerdictStore()) { requests in
            Dictionary(uniqueKeysWithValues: requests.map { ($0.id, self.chat(#"{"verdict":"unsure","line":null,"reason":"cannot tell","confidence":0.3}"#)) })
        }
        XCTAssertEqual(outcome.findings, [])
        XCTAssertEqual(outcome.notes.map(\.severity), [.info])
        XCTAssertTrue(outcome.notes[0].message.contains("unsure"))
    }

    func testStoredVerdictsAreNotAskedAgainAndReplayNeverSends() {
        let questions = JudgeTestRule.questions(code)
        let first = JudgeSession(settings: JudgeTestRule.settings, mode: .ask).run(questions, store: VerdictStore()) { requests in
            Dictionary(uniqueKeysWithValues: requests.map { ($0.id, self.chat(#"{"verdict":"violation","line":3,"reason":"clock","confidence":1}"#)) })
        }
        let store = VerdictStore(first.newEntries)
        for mode in [JudgeSession.Mode.ask, .replay] {
            let again = JudgeSession(settings: JudgeTestRule.settings, mode: mode).run(questions, store: store) { _ in
                XCTFail("nothing may be sent")
                return [:]
            }
            XCTAssertEqual(again.findings, first.findings)
            XCTAssertEqual(again.requestsSent, 0)
        }
        // Replay with nothing stored: not judged, nothing sent.
        let empty = JudgeSession(settings: JudgeTestRule.settings, mode: .replay).run(questions, store: VerdictStore()) { _ in
            XCTFail("replay never sends")
            return [:]
        }
        XCTAssertEqual(empty.findings, [])
        XCTAssertEqual(empty.unanswered, ["ADR-0009/R1": 1])
    }

    func testTheRequestBudgetIsKept() {
        var settings = JudgeTestRule.settings
        settings.maxRequests = 2
        let questions = (1...5).flatMap { JudgeTestRule.questions(code + "// \($0)\n", file: "Sources/Domain/F\($0).swift") }
        var sent = 0
        let outcome = JudgeSession(settings: settings, mode: .ask).run(questions, store: VerdictStore()) { requests in
            sent += requests.count
            return Dictionary(uniqueKeysWithValues: requests.map { ($0.id, self.chat("not json")) })
        }
        XCTAssertEqual(sent, 2, "two questions, no request left for their retries")
        XCTAssertEqual(outcome.unanswered["ADR-0009/R1"], 5)
        XCTAssertTrue(outcome.notes.contains { $0.message.contains("budget") })
    }

    func testTheTokensBudgetIsKept() {
        var settings = JudgeTestRule.settings
        let questions = (1...4).flatMap { JudgeTestRule.questions(code + "// \($0)\n", file: "Sources/Domain/F\($0).swift") }
        let one = JudgeSession.estimatedTokens(ProviderRequest(JudgePrompt(questions[0]), settings: settings, model: "test-model"))
        settings.maxTokens = 2 * one + one / 2
        var sent = 0
        let outcome = JudgeSession(settings: settings, mode: .ask).run(questions, store: VerdictStore()) { requests in
            sent += requests.count
            return Dictionary(uniqueKeysWithValues: requests.map { ($0.id, self.chat(#"{"verdict":"ok","line":null,"reason":"fine","confidence":1}"#)) })
        }
        XCTAssertEqual(sent, 2)
        XCTAssertEqual(outcome.unanswered["ADR-0009/R1"], 2)
        XCTAssertTrue(outcome.notes.contains { $0.message.contains("tokens budget") })
    }

    func testServerFailuresAreNotJudged() {
        let failures: [JudgeWire.Outcome] = [.failure("no answer within 60 s"), .response(status: 500, body: "oops"), .response(status: 200, body: "<html>")]
        for failure in failures {
            let outcome = JudgeSession(settings: JudgeTestRule.settings, mode: .ask).run(JudgeTestRule.questions(code), store: VerdictStore()) { requests in
                Dictionary(uniqueKeysWithValues: requests.map { ($0.id, failure) })
            }
            XCTAssertEqual(outcome.findings, [])
            XCTAssertEqual(outcome.unanswered, ["ADR-0009/R1": 1], "\(failure)")
        }
        let silent = JudgeSession(settings: JudgeTestRule.settings, mode: .ask).run(JudgeTestRule.questions(code), store: VerdictStore()) { _ in [:] }
        XCTAssertEqual(silent.unanswered, ["ADR-0009/R1": 1])
    }

    func testDryRunPrintsTheRequestWithoutTheKey() {
        var settings = JudgeTestRule.settings
        settings.apiKey = "sk-secretsecretsecret1234"
        let outcome = JudgeSession(settings: settings, mode: .dryRun).run(JudgeTestRule.questions(code), store: VerdictStore()) { _ in
            XCTFail("a dry run sends nothing")
            return [:]
        }
        XCTAssertEqual(outcome.printedRequests.count, 1)
        XCTAssertTrue(outcome.printedRequests[0].hasPrefix("POST http://127.0.0.1:9/v1/chat/completions\n"))
        XCTAssertTrue(outcome.printedRequests[0].contains("Authorization: Bearer ***"))
        XCTAssertFalse(outcome.printedRequests[0].contains("sk-secret"))
    }

    func testProviderRequestShapes() throws {
        let question = try XCTUnwrap(JudgeTestRule.questions(code).first)
        var settings = JudgeTestRule.settings
        settings.apiKey = "KEY"
        let openai = ProviderRequest(JudgePrompt(question), settings: settings, model: "gpt-x")
        XCTAssertEqual(openai.url, "http://127.0.0.1:9/v1/chat/completions")
        XCTAssertTrue(openai.headers.contains { $0 == ("Authorization", "Bearer KEY") })
        let body = try XCTUnwrap(JSON.parse(openai.body))
        XCTAssertEqual(body["model"], .string("gpt-x"))
        XCTAssertEqual(body["messages"]?.arrayValue?.first?["role"], .string("system"))
        XCTAssertEqual(body["response_format"]?["json_schema"]?["schema"], ResponseFormat.verdictSchema)
        let suggestion = ProviderRequest(JudgePrompt(question), settings: settings, model: "gpt-x", schema: nil)
        XCTAssertNil(JSON.parse(suggestion.body)?["response_format"], "an answer of another shape is not constrained to the verdict's")
        settings.provider = .anthropic
        let anthropic = ProviderRequest(JudgePrompt(question), settings: settings, model: "claude-x")
        XCTAssertEqual(anthropic.url, "http://127.0.0.1:9/v1/v1/messages")
        XCTAssertTrue(anthropic.headers.contains { $0 == ("x-api-key", "KEY") })
        XCTAssertTrue(anthropic.headers.contains { $0 == ("anthropic-version", "2023-06-01") })
        let message = try XCTUnwrap(JSON.parse(anthropic.body))
        XCTAssertNotNil(message["system"]?.stringValue)
        XCTAssertEqual(message["max_tokens"], .int(300))
        XCTAssertEqual(message["messages"]?.arrayValue?.count, 1)
        XCTAssertNil(message["response_format"], "the Messages API has no such member")
        XCTAssertEqual(ProviderRequest.answerText(#"{"content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}"#, provider: .anthropic), "ab")
        XCTAssertNil(ProviderRequest.answerText(#"{"choices":[]}"#, provider: .openai))
    }

    func testSettingsFromTheEnvironment() throws {
        let environment = ["STELE_LLM_URL": "http://localhost:8080/v1/", "STELE_LLM_MODEL": "m", "STELE_LLM_PROVIDER": "Anthropic", "STELE_JUDGE_TIMEOUT": "5"]
        let settings = try JudgeSettings.from(environment: { environment[$0] }).get()
        XCTAssertEqual(settings.url, "http://localhost:8080/v1")
        XCTAssertEqual(settings.provider, .anthropic)
        XCTAssertEqual(settings.timeoutSeconds, 5)
        XCTAssertThrowsError(try JudgeSettings.from(environment: { $0 == "STELE_LLM_PROVIDER" ? "gemini" : nil }).get())
        XCTAssertThrowsError(try JudgeSettings.from(environment: { $0 == "STELE_JUDGE_MAX_REQUESTS" ? "-1" : nil }).get())
        XCTAssertThrowsError(try JudgeSettings.from(environment: { $0 == "STELE_LLM_URL" ? "ftp://x" : nil }).get())
        XCTAssertEqual(settings.responseFormat, .jsonSchema, "the verdict's schema unless told")
        XCTAssertEqual(try JudgeSettings.from(environment: { $0 == "STELE_JUDGE_RESPONSE_FORMAT" ? "JSON-Object" : nil }).get().responseFormat, .jsonObject)
        XCTAssertThrowsError(try JudgeSettings.from(environment: { $0 == "STELE_JUDGE_RESPONSE_FORMAT" ? "grammar" : nil }).get())
    }
}

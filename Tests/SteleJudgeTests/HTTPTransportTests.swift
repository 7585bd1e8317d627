import Foundation
import SteleJudge
import SteleJudgeClient
import SteleTestSupport
import XCTest

/// `stele-judge`'s transport against a real HTTP server on 127.0.0.1 speaking both APIs.
final class HTTPTransportTests: XCTestCase {
    var server: JudgeServer!
    let code = "import Foundation\nstruct Invoice {\n    let issued = Date()\n}\n"

    override func setUpWithError() throws { server = try JudgeServer() }
    override func tearDown() { server.stop() }

    func settings(_ scenario: String, _ provider: JudgeSettings.Provider) -> JudgeSettings {
        var settings = JudgeTestRule.settings
        settings.url = server.url(scenario)
        settings.provider = provider
        settings.apiKey = "test-key"
        return settings
    }

    func request(_ scenario: String, _ provider: JudgeSettings.Provider) throws -> ProviderRequest {
        let question = try XCTUnwrap(JudgeTestRule.questions(code).first)
        return ProviderRequest(JudgePrompt(question), settings: settings(scenario, provider), model: "test-model")
    }

    /// The transport as `JudgeSession`'s `send`.
    func send(_ transport: HTTPTransport) -> JudgeSession.Send {
        { requests in
            let box = Collected()
            transport.sendAll(requests) { id, outcome in box.add(id, outcome) }
            return box.all
        }
    }

    final class Collected: @unchecked Sendable {
        let lock = NSLock()
        var all: [String: JudgeWire.Outcome] = [:]
        func add(_ id: String, _ outcome: JudgeWire.Outcome) { lock.lock(); all[id] = outcome; lock.unlock() }
    }

    func timed<T>(_ work: () throws -> T) rethrows -> (T, Double) {
        let start = Date()
        let value = try work()
        return (value, Date().timeIntervalSince(start))
    }

    func testBothProvidersGiveAVerdict() throws {
        for provider in JudgeSettings.Provider.allCases {
            let transport = HTTPTransport(timeoutSeconds: 10, attempts: 3, concurrency: 2)
            let outcome = JudgeSession(settings: settings("ok", provider), mode: .ask).run(JudgeTestRule.questions(code), store: VerdictStore(),
                                                                                           send: send(transport))
            XCTAssertEqual(outcome.findings.map(\.location.line), [3], "\(provider)")
            XCTAssertEqual(outcome.newEntries.first?.verdict.kind, .violation)
        }
        let requests = server.requests()
        XCTAssertEqual(requests.map { $0["path"] as? String }, ["/ok/v1/chat/completions", "/ok/v1/v1/messages"])
        // Header names are case-insensitive (URLSession sends `X-Api-Key`).
        func headers(_ k: Int) throws -> [String: String] {
            let raw = try XCTUnwrap(requests[k]["headers"] as? [String: String])
            return Dictionary(uniqueKeysWithValues: raw.map { ($0.key.lowercased(), $0.value) })
        }
        XCTAssertEqual(try headers(0)["authorization"], "Bearer test-key")
        XCTAssertNil(try headers(0)["x-api-key"])
        XCTAssertEqual(try headers(1)["x-api-key"], "test-key")
        XCTAssertEqual(try headers(1)["anthropic-version"], "2023-06-01")
        XCTAssertNil(try headers(1)["authorization"])
    }

    func testAMalformedAnswerThenAGoodOneOverHTTP() {
        for provider in JudgeSettings.Provider.allCases {
            let outcome = JudgeSession(settings: settings("malformed-once", provider), mode: .ask)
                .run(JudgeTestRule.questions(code), store: VerdictStore(), send: send(HTTPTransport(timeoutSeconds: 10, attempts: 1, concurrency: 1)))
            XCTAssertEqual(outcome.requestsSent, 2)
            XCTAssertEqual(outcome.findings.count, 1, "\(provider)")
        }
    }

    func testAlwaysMalformedOrExtraMembersIsNotJudged() {
        for scenario in ["malformed", "extra-member", "not-a-response"] {
            let outcome = JudgeSession(settings: settings(scenario, .openai), mode: .ask)
                .run(JudgeTestRule.questions(code), store: VerdictStore(), send: send(HTTPTransport(timeoutSeconds: 10, attempts: 1, concurrency: 1)))
            XCTAssertEqual(outcome.findings, [], scenario)
            XCTAssertEqual(outcome.unanswered.values.reduce(0, +), 1, scenario)
        }
    }

    func testRateLimitedHonoursRetryAfter() throws {
        let transport = HTTPTransport(timeoutSeconds: 10, attempts: 3, concurrency: 1)
        let (outcome, seconds) = try timed { transport.send(try request("rate-limited", .anthropic)) }
        guard case .response(200, let body) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertNotNil(ProviderRequest.answerText(body, provider: .anthropic))
        XCTAssertGreaterThanOrEqual(seconds, 0.9, "waited the Retry-After second")
        XCTAssertEqual(server.requests().count, 2)
    }

    func testARetryAfterBeyondTheLimitIsNotWaitedFor() throws {
        let transport = HTTPTransport(timeoutSeconds: 10, attempts: 3, concurrency: 1)
        let (outcome, seconds) = try timed { transport.send(try request("rate-limited-long", .openai)) }
        XCTAssertEqual(outcome, .response(status: 429, body: #"{"error":"slow down"}"#))
        XCTAssertLessThan(seconds, 5)
        XCTAssertEqual(server.requests().count, 1)
    }

    func testServerErrorsAreRetriedWithBackoffThenGiveUp() throws {
        var transport = HTTPTransport(timeoutSeconds: 10, attempts: 3, concurrency: 1)
        transport.backoffSeconds = 0.2
        let (outcome, seconds) = try timed { transport.send(try request("error500", .openai)) }
        XCTAssertEqual(outcome, .response(status: 500, body: #"{"error":"internal"}"#))
        XCTAssertEqual(server.requests().count, 3)
        XCTAssertGreaterThanOrEqual(seconds, 0.55, "0.2 s then 0.4 s of backoff")
        let (recovered, _) = try timed { transport.send(try request("error500-once", .openai)) }
        guard case .response(200, _) = recovered else { return XCTFail("\(recovered)") }
    }

    func testASlowServerTimesOut() throws {
        let transport = HTTPTransport(timeoutSeconds: 1, attempts: 3, concurrency: 1)
        let (outcome, seconds) = try timed { transport.send(try request("slow", .openai)) }
        guard case .failure(let message) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(message.contains("no answer within 1 s"), message)
        XCTAssertLessThan(seconds, 4.5)
    }

    func testAClosedPortFailsAtOnce() throws {
        var settings = JudgeTestRule.settings
        settings.url = "http://127.0.0.1:\(JudgeServer.closedPort())/v1"
        let question = try XCTUnwrap(JudgeTestRule.questions(code).first)
        let transport = HTTPTransport(timeoutSeconds: 5, attempts: 3, concurrency: 1)
        let (outcome, seconds) = timed { transport.send(ProviderRequest(JudgePrompt(question), settings: settings, model: "m")) }
        guard case .failure = outcome else { return XCTFail("\(outcome)") }
        XCTAssertLessThan(seconds, 2)
    }

    func testAnOversizedResponseIsRefused() throws {
        let transport = HTTPTransport(timeoutSeconds: 10, attempts: 1, concurrency: 1)
        let outcome = transport.send(try request("oversized", .openai))
        guard case .failure(let message) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(message.contains("larger than"), message)
    }

    func testConcurrentRequestsAreNotSerialisedBehindASlowOne() throws {
        // One slow request and two quick ones, two at a time: the quick ones finish while the slow one waits.
        let transport = HTTPTransport(timeoutSeconds: 2, attempts: 1, concurrency: 2)
        let requests = [("slow", try request("slow", .openai)), ("a", try request("ok", .openai)), ("b", try request("ok", .openai))]
        let (answers, seconds) = timed { send(transport)(requests.map { (id: $0.0, request: $0.1) }) }
        XCTAssertEqual(answers.count, 3)
        guard case .response(200, _)? = answers["a"], case .response(200, _)? = answers["b"], case .failure? = answers["slow"] else {
            return XCTFail("\(answers)")
        }
        XCTAssertLessThan(seconds, 4.5)
    }

    func testURLSessionPathAgainstTheSameServer() throws {
        // https:// goes through URLSession; here it is forced for http:// so that its path is tested too.
        for provider in JudgeSettings.Provider.allCases {
            var transport = HTTPTransport(timeoutSeconds: 10, attempts: 3, concurrency: 2)
            transport.urlSessionForHTTP = true
            let outcome = JudgeSession(settings: settings("rate-limited", provider), mode: .ask).run(JudgeTestRule.questions(code), store: VerdictStore(),
                                                                                                     send: send(transport))
            XCTAssertEqual(outcome.findings.map(\.location.line), [3], "\(provider)")
        }
        var slow = HTTPTransport(timeoutSeconds: 1, attempts: 1, concurrency: 1)
        slow.urlSessionForHTTP = true
        guard case .failure(let message) = slow.send(try request("slow", .openai)) else { return XCTFail("no timeout") }
        XCTAssertTrue(message.contains("no answer within 1 s"), message)
    }

    func testWaitingForASlowAnswerDoesNotBusyTheProcessor() throws {
        let transport = HTTPTransport(timeoutSeconds: 10, attempts: 1, concurrency: 1)
        #if os(Linux)
        let me = Int32(RUSAGE_SELF.rawValue)
        #else
        let me = RUSAGE_SELF
        #endif
        var before = rusage(), after = rusage()
        getrusage(me, &before)
        guard case .response(200, _) = transport.send(try request("slow", .openai)) else { return XCTFail("no answer") }
        getrusage(me, &after)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        let used = seconds(after.ru_utime) + seconds(after.ru_stime) - seconds(before.ru_utime) - seconds(before.ru_stime)
        XCTAssertLessThan(used, 1.0, "URLSession on Linux spent ~4.8 s of processor time in this 6 s wait")
    }
}

import SteleCheck
import SteleCore
import SteleRules

/// One run of the judge over its questions: stored verdicts first, then (when asking) requests
/// through `send`, a second request for each malformed answer, and the verdicts turned into
/// findings and notes. Pure but for `send`, which the command line backs with `stele-judge`.
public struct JudgeSession {
    public enum Mode: String, Sendable {
        /// `--judge`: ask what has no stored verdict.
        case ask
        /// `--judge=replay`: stored verdicts only, never a request.
        case replay
        /// `--judge-dry-run`: print the requests that asking would send.
        case dryRun
    }

    /// Sends requests, answers each by id. An id missing from the answer failed without a word.
    public typealias Send = ([(id: String, request: ProviderRequest)]) -> [String: JudgeWire.Outcome]

    public struct Outcome {
        /// Judged violations, at the rule's severity.
        public var findings: [Finding] = []
        /// "unsure" verdicts and questions left "not judged", as notes.
        public var notes: [Diagnostic] = []
        /// Verdicts received in this run, for the store.
        public var newEntries: [VerdictStore.Entry] = []
        /// `--judge-dry-run`: the requests, as printed.
        public var printedRequests: [String] = []
        /// Requests sent (retries included).
        public var requestsSent = 0
        /// Rule ids every question of which has a verdict.
        public var judgedRules: Set<String> = []
        /// Questions with no verdict, by rule id.
        public var unanswered: [String: Int] = [:]
        /// The same, by position in the questions asked.
        public var unansweredQuestions: Set<Int> = []
        /// The server rejected `response_format` (an HTTP error naming it): the rest of the run
        /// asked without it.
        public var responseFormatRejected = false
    }

    public var settings: JudgeSettings
    public var mode: Mode

    public init(settings: JudgeSettings, mode: Mode) {
        self.settings = settings
        self.mode = mode
    }

    public func run(_ questions: [JudgeQuestion], store: VerdictStore, send: Send) -> Outcome {
        // Local: a server that rejects `response_format` turns it off for the rest of the run.
        var settings = self.settings
        var outcome = Outcome()
        var verdicts: [Int: (Verdict, String)] = [:]
        var notJudged: [Int: String] = [:]
        var pending: [Int] = []
        for (k, question) in questions.enumerated() {
            if let entry = store.entry(for: question, model: settings.model) {
                verdicts[k] = (entry.verdict, entry.model)
            } else {
                pending.append(k)
            }
        }
        switch mode {
        case .replay:
            for k in pending { notJudged[k] = "no stored verdict (`--judge=replay` asks nothing)" }
        case .dryRun:
            guard let model = settings.model else {
                for k in pending { notJudged[k] = settings.missingForAsking ?? "no model" }
                break
            }
            for k in pending {
                outcome.printedRequests.append(ProviderRequest(JudgePrompt(questions[k]), settings: settings, model: model).printable)
                notJudged[k] = "dry run: the request was printed, not sent"
            }
        case .ask:
            if let missing = settings.missingForAsking {
                for k in pending { notJudged[k] = missing }
                break
            }
            let model = settings.model!
            var budget = settings.maxRequests
            // The tokens budget is counted before sending, from the request's size (about four bytes a
            // token) and the most the answer may take: the server's own count comes too late to stop.
            var tokens = settings.maxTokens
            var requests: [Int: ProviderRequest] = [:]
            var asked: [Int] = []
            for k in pending {
                guard asked.count < budget else {
                    notJudged[k] = "the request budget (\(settings.maxRequests), STELE_JUDGE_MAX_REQUESTS) is spent"
                    continue
                }
                let request = ProviderRequest(JudgePrompt(questions[k]), settings: settings, model: model)
                let cost = JudgeSession.estimatedTokens(request)
                guard cost <= tokens else {
                    notJudged[k] = "the tokens budget (\(settings.maxTokens), STELE_JUDGE_MAX_TOKENS) is spent"
                    continue
                }
                tokens -= cost
                requests[k] = request
                asked.append(k)
            }
            budget -= asked.count
            var firstAnswers: [Int: String] = [:]
            var first = exchange(asked.map { ($0, requests[$0]!) }, send: send, outcome: &outcome)
            // A server that rejects `response_format` is asked those questions once more without it,
            // within the request budget; the tokens counted for the rejected requests (answered
            // without a model) cover these smaller ones.
            let rejected = asked.filter { first[$0].map(JudgeSession.rejectsResponseFormat) ?? false }
            if !rejected.isEmpty, settings.responseFormat != .none {
                settings.responseFormat = .none
                outcome.responseFormatRejected = true
                var again: [(Int, ProviderRequest)] = []
                for k in rejected where again.count < budget {
                    again.append((k, ProviderRequest(JudgePrompt(questions[k]), settings: settings, model: model)))
                }
                budget -= again.count
                for (k, answer) in exchange(again, send: send, outcome: &outcome) { first[k] = answer }
            }
            var retry: [Int] = []
            for k in asked {
                switch first[k]! {
                case .failure(let failure): notJudged[k] = failure.message
                case .success(let text):
                    switch Verdict.parse(text, lines: questions[k].firstLine...questions[k].lastLine) {
                    case .success(let verdict): verdicts[k] = (verdict, model); record(verdict, questions[k], model, &outcome)
                    case .failure(let problem): firstAnswers[k] = text; notJudged[k] = "the answer was not a verdict: \(problem)"; retry.append(k)
                    }
                }
            }
            // One more request for each malformed answer, within the budget.
            var again: [(Int, ProviderRequest)] = []
            for k in retry {
                let request = ProviderRequest(JudgePrompt(questions[k]), settings: settings, model: model, retry: firstAnswers[k])
                let cost = JudgeSession.estimatedTokens(request)
                guard again.count < budget, cost <= tokens else { notJudged[k]! += "; no retry: the budget is spent"; continue }
                tokens -= cost
                again.append((k, request))
            }
            let second = exchange(again, send: send, outcome: &outcome)
            for (k, _) in again {
                switch second[k]! {
                case .failure(let failure): notJudged[k] = "the answer was not a verdict, and the retry failed: \(failure.message)"
                case .success(let text):
                    switch Verdict.parse(text, lines: questions[k].firstLine...questions[k].lastLine) {
                    case .success(let verdict): verdicts[k] = (verdict, model); notJudged[k] = nil; record(verdict, questions[k], model, &outcome)
                    case .failure(let problem): notJudged[k] = "the answer was not a verdict, twice: \(problem)"
                    }
                }
            }
        }
        for (k, question) in questions.enumerated() {
            if let (verdict, model) = verdicts[k] {
                switch verdict.kind {
                case .ok: break
                case .violation: outcome.findings.append(JudgeSession.finding(question, verdict, model: model))
                case .unsure:
                    let unsure = question.use.map { "judge unsure which `\($0.name)` this uses, for \"\(question.question)\"" }
                        ?? "judge unsure whether this follows \"\(question.question)\""
                    outcome.notes.append(.info("\(unsure): \(verdict.reason) (\(model), confidence \(JudgeSession.percent(verdict.confidence)))",
                                               at: SourceLocation(file: question.file, line: question.use?.line ?? verdict.line ?? question.firstLine, column: 1)))
                }
            } else {
                outcome.unanswered[question.rule.id, default: 0] += 1
                outcome.unansweredQuestions.insert(k)
                outcome.notes.append(.info("not judged: \(question.subject), lines \(question.firstLine)-\(question.lastLine): \(notJudged[k] ?? "no verdict")",
                                           at: SourceLocation(file: question.file, line: question.use?.line ?? question.firstLine, column: 1)))
            }
        }
        outcome.judgedRules = Set(questions.map(\.rule.id)).subtracting(outcome.unanswered.keys)
        outcome.findings.sort(by: Finding.ordered)
        return outcome
    }

    /// What a request may cost in tokens: its body at about four bytes a token, and the longest answer.
    public static func estimatedTokens(_ request: ProviderRequest) -> Int {
        request.body.utf8.count / 4 + ProviderRequest.maximumTokens
    }

    /// Whether `answer` is a server's refusal of the `response_format` member: an HTTP error whose
    /// body names it (400 from OpenAI, llama.cpp, vLLM; 500 from llama-cpp-python 0.3's validation).
    static func rejectsResponseFormat(_ answer: Result<String, JudgeFailure>) -> Bool {
        guard case .failure(let failure) = answer else { return false }
        return failure.rejectedResponseFormat
    }

    /// Sends one round and reads each answer's text out of its response.
    func exchange(_ requests: [(Int, ProviderRequest)], send: Send, outcome: inout Outcome) -> [Int: Result<String, JudgeFailure>] {
        guard !requests.isEmpty else { return [:] }
        outcome.requestsSent += requests.count
        let answers = send(requests.map { (String($0.0), $0.1) })
        var result: [Int: Result<String, JudgeFailure>] = [:]
        for (k, request) in requests {
            switch answers[String(k)] {
            case nil: result[k] = .failure(JudgeFailure("the judge gave no answer"))
            case .failure(let message)?: result[k] = .failure(JudgeFailure(message))
            case .response(let status, let body)?:
                if !(200..<300).contains(status) {
                    var failure = JudgeFailure("the server answered HTTP \(status)\(JudgeSession.excerpt(of: body))")
                    failure.rejectedResponseFormat = (400..<600).contains(status) && body.contains("response_format")
                        && request.body.contains("\"response_format\":")
                    result[k] = .failure(failure)
                } else if let text = ProviderRequest.answerText(body, provider: settings.provider) {
                    result[k] = .success(text)
                } else {
                    result[k] = .failure(JudgeFailure("the server's response is not a \(settings.provider == .openai ? "chat completion" : "Messages API response")\(JudgeSession.excerpt(of: body))"))
                }
            }
        }
        return result
    }

    func record(_ verdict: Verdict, _ question: JudgeQuestion, _ model: String, _ outcome: inout Outcome) {
        outcome.newEntries.append(VerdictStore.Entry(key: question.key(model: model), question: question.modelFreeKey, rule: question.rule.id,
                                                     file: question.file, firstLine: question.firstLine, lastLine: question.lastLine,
                                                     model: model, verdict: verdict))
    }

    /// A judged violation: a finding like any other, at the verdict's line, its message saying it
    /// was judged, by which model, how sure, and why.
    public static func finding(_ question: JudgeQuestion, _ verdict: Verdict, model: String) -> Finding {
        let judgement = Finding.Judgement(model: model, confidence: verdict.confidence, reason: verdict.reason)
        // An ambiguous use: the finding its forbidden declaration gives, at the use, said to be judged.
        if let use = question.use {
            var finding = use.finding
            finding.message = "judged: \(finding.message): \(verdict.reason) (\(model), confidence \(percent(verdict.confidence)))"
            finding.judged = judgement
            return finding
        }
        let line = verdict.line ?? question.firstLine
        // The line's (redacted) text, for the fingerprint: stable when the code moves.
        let prefix = "| "
        let numbered = question.excerpt.split(separator: "\n", omittingEmptySubsequences: false)
        var snippet = ""
        if line - question.firstLine < numbered.count, let bar = numbered[line - question.firstLine].firstRange(of: prefix) {
            snippet = String(numbered[line - question.firstLine][bar.upperBound...]).trimmingWhitespace()
        }
        var finding = Finding(rule: question.rule, location: SourceLocation(file: question.file, line: line, column: 1),
                              message: "judged: \(verdict.reason) (\(model), confidence \(percent(verdict.confidence)))",
                              from: question.component, to: "judge", snippet: snippet)
        finding.judged = judgement
        return finding
    }

    static func percent(_ confidence: Double) -> String { "\(Int((confidence * 100).rounded()))%" }

    static func excerpt(of body: String) -> String {
        let flat = body.split(whereSeparator: \.isNewline).joined(separator: " ")
        if flat.isEmpty { return "" }
        return ": " + (flat.count > 160 ? String(flat.prefix(160)) + "…" : flat)
    }
}

public struct JudgeFailure: Error, Equatable, Sendable {
    public var message: String
    /// An HTTP error naming `response_format`, to a request that carried it.
    public var rejectedResponseFormat = false
    public init(_ message: String) { self.message = message }
}

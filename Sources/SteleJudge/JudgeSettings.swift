/// How the judge reaches its model and how much it may ask: read from the environment
/// (`STELE_LLM_*`, `STELE_JUDGE_*`), so that no key is ever written into the repository.
public struct JudgeSettings: Equatable, Sendable {
    public enum Provider: String, Sendable, CaseIterable {
        /// `POST {url}/chat/completions`: OpenAI, Ollama, llama.cpp's server, vLLM, LM Studio.
        case openai
        /// `POST {url}/v1/messages`: Anthropic's Messages API.
        case anthropic
    }

    public var provider: Provider = .openai
    /// The base URL, without a trailing slash: `http://127.0.0.1:8080/v1`.
    public var url: String?
    public var model: String?
    public var apiKey: String?
    /// At most this many questions are sent in one run (retries of a malformed answer count too).
    public var maxRequests = 100
    /// At most this many tokens are spent in one run: each request counts its size (about four
    /// bytes a token) and the longest answer it allows, before it is sent.
    public var maxTokens = 1_000_000
    /// Seconds one HTTP request may take, from connecting to the last byte.
    public var timeoutSeconds = 60
    /// Requests in flight at once.
    public var concurrency = 4
    /// HTTP attempts per request when the server answers 429 or 5xx (the first included).
    public var attempts = 3
    /// How an `openai` request constrains the answer's shape (`STELE_JUDGE_RESPONSE_FORMAT`).
    public var responseFormat = ResponseFormat.jsonSchema

    public init() {}

    /// The settings `environment` gives, or the first problem with them (an unknown provider, a
    /// budget that is not a positive number).
    public static func from(environment: (String) -> String?) -> Result<JudgeSettings, JudgeSettingsProblem> {
        var settings = JudgeSettings()
        func nonEmpty(_ name: String) -> String? { environment(name).flatMap { $0.isEmpty ? nil : $0 } }
        if let name = nonEmpty("STELE_LLM_PROVIDER") {
            guard let provider = Provider(rawValue: name.lowercased()) else {
                return .failure(JudgeSettingsProblem(message: "STELE_LLM_PROVIDER is `\(name)`: use `openai` or `anthropic`"))
            }
            settings.provider = provider
        }
        if var url = nonEmpty("STELE_LLM_URL") {
            while url.hasSuffix("/") { url.removeLast() }
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                return .failure(JudgeSettingsProblem(message: "STELE_LLM_URL is `\(url)`: it must start with http:// or https://"))
            }
            settings.url = url
        }
        if let name = nonEmpty("STELE_JUDGE_RESPONSE_FORMAT") {
            guard let format = ResponseFormat(rawValue: name.lowercased()) else {
                return .failure(JudgeSettingsProblem(message: "STELE_JUDGE_RESPONSE_FORMAT is `\(name)`: use `json-schema`, `json-object` or `none`"))
            }
            settings.responseFormat = format
        }
        settings.model = nonEmpty("STELE_LLM_MODEL")
        settings.apiKey = nonEmpty("STELE_LLM_API_KEY")
        let budgets: [(String, WritableKeyPath<JudgeSettings, Int>, ClosedRange<Int>)] = [
            ("STELE_JUDGE_MAX_REQUESTS", \.maxRequests, 0...100_000),
            ("STELE_JUDGE_MAX_TOKENS", \.maxTokens, 0...1_000_000_000),
            ("STELE_JUDGE_TIMEOUT", \.timeoutSeconds, 1...3600),
            ("STELE_JUDGE_CONCURRENCY", \.concurrency, 1...64),
            ("STELE_JUDGE_ATTEMPTS", \.attempts, 1...10),
        ]
        for (name, path, range) in budgets {
            guard let text = nonEmpty(name) else { continue }
            guard let value = Int(text), range.contains(value) else {
                return .failure(JudgeSettingsProblem(message: "\(name) is `\(text)`: use a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
            settings[keyPath: path] = value
        }
        return .success(settings)
    }

    /// What is missing before a question can be sent, or nil.
    public var missingForAsking: String? {
        if url == nil { return "STELE_LLM_URL is not set (e.g. http://127.0.0.1:8080/v1)" }
        if model == nil { return "STELE_LLM_MODEL is not set" }
        return nil
    }
}

public struct JudgeSettingsProblem: Error, Equatable, Sendable {
    public var message: String
}

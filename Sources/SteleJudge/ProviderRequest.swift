import SteleCore

/// One HTTP request to the model's API, built here (pure) and sent by `stele-judge`: what
/// `--judge-dry-run` prints, and what the pipe to the helper carries.
public struct ProviderRequest: Equatable, Sendable {
    public var url: String
    /// In the order sent; names as the providers document them.
    public var headers: [(String, String)]
    /// The JSON body.
    public var body: String

    public static func == (a: ProviderRequest, b: ProviderRequest) -> Bool {
        a.url == b.url && a.body == b.body && a.headers.elementsEqual(b.headers, by: { $0 == $1 })
    }

    /// The most the model may write: a verdict is a few dozen tokens.
    public static let maximumTokens = 300
    /// Anthropic's API version header.
    public static let anthropicVersion = "2023-06-01"

    /// The request asking `prompt`; `retry` carries the first, malformed answer, which the model is
    /// shown with the correction. `maximumTokens`: the longest answer (a verdict's, unless told).
    /// `schema`: the answer's JSON Schema, sent as `response_format` to an OpenAI-compatible server
    /// in the form `settings.responseFormat` names (a verdict's, unless told; nil sends none).
    public init(_ prompt: JudgePrompt, settings: JudgeSettings, model: String, retry: String? = nil,
                maximumTokens: Int = ProviderRequest.maximumTokens,
                schema: (name: String, schema: JSON)? = ("verdict", ResponseFormat.verdictSchema)) {
        let base = settings.url ?? ""
        var conversation: [JSON] = [.object([("role", .string("user")), ("content", .string(prompt.user))])]
        if let retry {
            conversation.append(.object([("role", .string("assistant")), ("content", .string(String(retry.prefix(2000))))]))
            conversation.append(.object([("role", .string("user")), ("content", .string(JudgePrompt.correction))]))
        }
        switch settings.provider {
        case .openai:
            url = base + "/chat/completions"
            headers = [("Content-Type", "application/json")]
            if let key = settings.apiKey { headers.append(("Authorization", "Bearer " + key)) }
            let messages = [JSON.object([("role", .string("system")), ("content", .string(prompt.system))])] + conversation
            var members: [(String, JSON)] = [
                ("model", .string(model)), ("messages", .array(messages)), ("temperature", .int(0)),
                ("max_tokens", .int(maximumTokens)), ("stream", .bool(false)),
            ]
            if let schema, let format = settings.responseFormat.member(name: schema.name, schema: schema.schema) {
                members.append(("response_format", format))
            }
            body = JSONLine.render(.object(members))
        case .anthropic:
            url = base + "/v1/messages"
            headers = [("Content-Type", "application/json"), ("anthropic-version", ProviderRequest.anthropicVersion)]
            if let key = settings.apiKey { headers.append(("x-api-key", key)) }
            body = JSONLine.render(.object([
                ("model", .string(model)), ("max_tokens", .int(maximumTokens)), ("temperature", .int(0)),
                ("system", .string(prompt.system)), ("messages", .array(conversation)),
            ]))
        }
    }

    /// The request as `--judge-dry-run` prints it: the key replaced by `***`.
    public var printable: String {
        var text = "POST \(url)\n"
        for (name, value) in headers {
            let secret = name == "Authorization" || name == "x-api-key"
            text += "\(name): \(secret ? (name == "Authorization" ? "Bearer ***" : "***") : value)\n"
        }
        return text + "\n" + body + "\n"
    }

    /// The model's text in a provider's response body: `choices[0].message.content` (OpenAI) or the
    /// `text` blocks of `content` (Anthropic). Nil when the body is not such a response.
    public static func answerText(_ body: String, provider: JudgeSettings.Provider) -> String? {
        guard let json = JSON.parse(body) else { return nil }
        switch provider {
        case .openai:
            guard let first = json["choices"]?.arrayValue?.first else { return nil }
            return first["message"]?["content"]?.stringValue
        case .anthropic:
            guard let blocks = json["content"]?.arrayValue else { return nil }
            let texts = blocks.compactMap { block -> String? in
                block["type"]?.stringValue == "text" ? block["text"]?.stringValue : nil
            }
            return texts.isEmpty ? nil : texts.joined()
        }
    }
}

import SteleCore

/// How an OpenAI-compatible request asks the server to constrain the answer's shape
/// (`response_format`): a grammar-constrained server (llama.cpp's, vLLM, Ollama, LM Studio,
/// OpenAI's structured outputs) then lets even a tiny model write nothing but the verdict's
/// object. The answer is still validated strictly (`Verdict.parse`): the constraint only makes a
/// well-formed answer likely, it proves nothing. Anthropic's Messages API has no such field.
public enum ResponseFormat: String, Sendable, CaseIterable {
    /// `{"type": "json_schema", "json_schema": {"name", "strict": true, "schema"}}`: OpenAI's
    /// structured outputs, also understood by llama.cpp's `llama-server`, vLLM, Ollama, LM Studio.
    case jsonSchema = "json-schema"
    /// `{"type": "json_object", "schema": …}`: the older JSON mode; llama-cpp-python's server
    /// (whose 0.3 rejects `json_schema` with an HTTP 500) and llama.cpp's constrain the answer to
    /// the schema beside it.
    case jsonObject = "json-object"
    /// No `response_format`: for servers that reject the field.
    case none

    /// The verdict's shape, in the subset of JSON Schema that strict modes accept (every member
    /// required, no others; no numeric bounds, which not all accept, so `confidence` and `line`
    /// are range-checked by `Verdict.parse` alone). Grammar-constrained servers emit the members
    /// in this order.
    public static let verdictSchema = JSON.object([
        ("type", .string("object")),
        ("properties", .object([
            ("verdict", .object([("type", .string("string")), ("enum", .array([.string("violation"), .string("ok"), .string("unsure")]))])),
            ("line", .object([("type", .array([.string("integer"), .string("null")]))])),
            ("reason", .object([("type", .string("string"))])),
            ("confidence", .object([("type", .string("number"))])),
        ])),
        ("required", .array([.string("verdict"), .string("line"), .string("reason"), .string("confidence")])),
        ("additionalProperties", .bool(false)),
    ])

    /// The `response_format` member asking for an answer of `schema` (named `name`), or nil.
    public func member(name: String, schema: JSON) -> JSON? {
        switch self {
        case .jsonSchema:
            return .object([("type", .string("json_schema")),
                            ("json_schema", .object([("name", .string(name)), ("strict", .bool(true)), ("schema", schema)]))])
        case .jsonObject:
            return .object([("type", .string("json_object")), ("schema", schema)])
        case .none:
            return nil
        }
    }
}

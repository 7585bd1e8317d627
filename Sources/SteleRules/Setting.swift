import SteleCore

/// Project settings, allowed in `rules/*.stele` files only.
public enum Setting: Hashable, Sendable {
    /// `adr directory docs/decisions`
    case adrDirectory(String)
    /// `scan Sources, Tests`: only these paths (globs or folders) are scanned.
    case scan([Glob])
    /// `ignore **/Generated/**, **/*.pb.swift`
    case ignore([Glob])
    /// `judge model qwen2.5-coder-7b-instruct`, `judge url http://127.0.0.1:8080/v1`, `judge timeout 30`:
    /// how the LLM judge is reached, by the environment variable it stands for (`STELE_LLM_MODEL`).
    /// The environment wins; the key is never a setting.
    case judge(variable: String, value: String)

    /// `judge NAME VALUE`: each name and the environment variable it stands for.
    public static let judgeNames: [(name: String, variable: String)] = [
        ("provider", "STELE_LLM_PROVIDER"), ("url", "STELE_LLM_URL"), ("model", "STELE_LLM_MODEL"),
        ("max-requests", "STELE_JUDGE_MAX_REQUESTS"), ("max-tokens", "STELE_JUDGE_MAX_TOKENS"), ("timeout", "STELE_JUDGE_TIMEOUT"),
        ("concurrency", "STELE_JUDGE_CONCURRENCY"), ("attempts", "STELE_JUDGE_ATTEMPTS"),
        ("response-format", "STELE_JUDGE_RESPONSE_FORMAT"),
    ]
}

/// Values the process keeps until it exits instead of freeing them. A run over a large tree ends
/// with a scan and a symbol index of millions of small allocations; freeing them one by one took
/// 3–4 ms of a 50 ms check, for memory the system takes back at once when the process exits.
enum KeptUntilExit {
    nonisolated(unsafe) private static var values: [Any] = []

    /// Keeps `value` alive until exit. For the one pipeline result a command runs on, not in loops.
    static func keep(_ value: Any) {
        values.append(value)
    }
}

/// A report's bytes on their way out: gathered up to about 64 KiB, then handed to `emit`, so that
/// a report of any number of findings is never held whole (150,000 findings made a 1 GB string).
struct ReportBuffer {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 17) }

    mutating func put(_ text: String, _ emit: ([UInt8]) -> Void) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= 1 << 16 {
            emit(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
    }

    mutating func finish(_ emit: ([UInt8]) -> Void) {
        if !bytes.isEmpty { emit(bytes) }
        bytes.removeAll()
    }

    /// What a writer emits, as one string: for tests, and for the few callers that need it whole.
    static func collect(_ write: (([UInt8]) -> Void) -> Void) -> String {
        var all: [UInt8] = []
        write { all += $0 }
        return String(decoding: all, as: UTF8.self)
    }
}

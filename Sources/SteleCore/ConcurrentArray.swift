/// An array whose elements concurrent workers make in place, each index exactly once. A scan's
/// per-file results are so never held twice: filled into a side buffer (`ConcurrentResults`) and
/// copied out, they were a fifth of the peak memory of a 50,000-file check.
public enum ConcurrentArray {
    /// The array of `count` elements that `fill` puts into its slots; `fill` must initialise
    /// every index below `count` exactly once before it returns.
    public static func make<Value>(count: Int, _ fill: (Slots<Value>) -> Void) -> [Value] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(Slots(base: buffer.baseAddress, count: count))
            initialized = count
        }
    }

    /// Where the workers put the elements (shared across threads: each writes only its own indices).
    public struct Slots<Value>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Value>?
        public let count: Int

        public func initialize(_ index: Int, to value: Value) {
            precondition(index >= 0 && index < count, "slot \(index) of \(count)")
            (base! + index).initialize(to: value)
        }
    }
}

/// A fixed-size buffer that concurrent workers fill, each writing only its own index. The memory is
/// allocated once up front, so no worker ever touches shared bookkeeping (an `Array` would).
public final class ConcurrentResults<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    public init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    public subscript(index: Int) -> Value? {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    /// Every value, in index order. Call after the workers are done.
    public var values: [Value] { storage.map { $0! } }
}

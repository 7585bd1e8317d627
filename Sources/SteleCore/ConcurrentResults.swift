/// A fixed-size buffer that concurrent workers fill, each writing only its own index. The memory is
/// allocated once up front, so no worker ever touches shared bookkeeping (an `Array` would).
///
/// Inlinable so that each use is specialised for its value type: called across modules as generic
/// code, reading a scan's results back out cost a witness-table call per file.
public final class ConcurrentResults<Value>: @unchecked Sendable {
    @usableFromInline let storage: UnsafeMutableBufferPointer<Value?>

    @inlinable
    public init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    @inlinable
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    @inlinable
    public subscript(index: Int) -> Value? {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    /// Every value, in index order. Call after the workers are done.
    @inlinable
    public var values: [Value] {
        Array(unsafeUninitializedCapacity: storage.count) { buffer, initialized in
            for i in storage.indices { (buffer.baseAddress! + i).initialize(to: storage[i]!) }
            initialized = storage.count
        }
    }
}

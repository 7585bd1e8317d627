/// A 64-bit FNV-1a hash: stable across runs, processes and platforms (Swift's `Hasher` is seeded
/// per process), so fingerprints written today still match tomorrow.
public enum StableHash {
    public static func fnv1a(_ text: String) -> UInt64 {
        fnv1a(bytes: text.utf8)
    }

    @inlinable
    public static func fnv1a<Bytes: Sequence>(bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// 16 lowercase hex digits.
    public static func hex(_ text: String) -> String {
        let h = String(fnv1a(text), radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h
    }
}

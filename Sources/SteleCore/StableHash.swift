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

    /// A hash of bytes taken eight at a time: as stable as `fnv1a`, several times faster on long
    /// inputs (a file's contents, a cache block), for telling changed bytes from unchanged ones, not
    /// for resisting someone who crafts collisions. Each step is a bijection of the running value,
    /// so any change to a single word changes the result.
    public static func words(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            hash = (hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            i += 8
        }
        while i < bytes.count {
            hash = (hash ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        return hash
    }

    public static func words(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { words($0) }
    }

    /// 16 lowercase hex digits.
    public static func hex(_ text: String) -> String {
        let h = String(fnv1a(text), radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h
    }
}

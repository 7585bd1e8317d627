#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Occurrences of a byte string in a buffer: the C library's vectorised `memchr` finds the
/// candidates by one byte of it (the anchor: choose one that is rare in the text searched), and
/// each candidate is compared whole. The scanners use it to decide, before lexing, whether and
/// how far a file needs to be lexed, so it runs over every byte of every file.
public enum ByteSearch {
    /// Calls `body` with the offset of each occurrence of `needle` that lies wholly in
    /// `haystack[from..<to]` (`to` nil: the end), in order, until `body` returns false.
    @inlinable
    public static func forEach(_ needle: UnsafeRawBufferPointer, anchor: Int, in haystack: UnsafeRawBufferPointer,
                               from: Int = 0, to: Int? = nil, _ body: (Int) -> Bool) {
        let end = min(to ?? haystack.count, haystack.count)
        guard needle.count > 0, anchor >= 0, anchor < needle.count, from >= 0, end - from >= needle.count,
              let base = haystack.baseAddress, let wanted = needle.baseAddress else { return }
        let byte = Int32(needle[anchor])
        var next = from + anchor
        let last = end - needle.count + anchor // the anchor of the last place the needle fits
        while next <= last, let found = memchr(base + next, byte, last - next + 1) {
            let at = UnsafeRawPointer(found) - base - anchor
            // The byte before the anchor first: most candidates end there (`p` of `push` for `import`).
            if anchor == 0 || haystack[at + anchor - 1] == needle[anchor - 1], memcmp(base + at, wanted, needle.count) == 0, !body(at) { return }
            next = at + anchor + 1
        }
    }

    /// Whether `needle` occurs in `haystack[from..<to]`.
    @inlinable
    public static func contains(_ needle: UnsafeRawBufferPointer, anchor: Int, in haystack: UnsafeRawBufferPointer,
                                from: Int = 0, to: Int? = nil) -> Bool {
        var found = false
        forEach(needle, anchor: anchor, in: haystack, from: from, to: to) { _ in
            found = true
            return false
        }
        return found
    }
}

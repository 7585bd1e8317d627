#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How many lines a file has, as editors count them: lines end at `\n`, `\r\n` or `\r`, and a last
/// line without an ending counts too. For the review's per-component sizes. The C library's
/// vectorised `memchr` finds the line feeds (a byte-by-byte loop cost the review as much as the
/// whole check); only a file with a carriage return is read byte by byte.
public enum LineCount {
    public static func of(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { raw -> Int in
            let n = raw.count
            guard n > 0, let base = raw.baseAddress else { return 0 }
            var lines = 0
            if memchr(base, 0x0D, n) == nil {
                var from = 0
                while from < n, let found = memchr(base + from, 0x0A, n - from) {
                    lines += 1
                    from = UnsafeRawPointer(found) - base + 1
                }
            } else {
                for i in 0..<n {
                    let byte = raw[i]
                    if byte == 0x0A || (byte == 0x0D && (i + 1 == n || raw[i + 1] != 0x0A)) { lines += 1 }
                }
            }
            let last = raw[n - 1]
            if last != 0x0A && last != 0x0D { lines += 1 }
            return lines
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file's bytes with the checks a scanner needs before it trusts them.
public enum FileReader {
    /// Files larger than this are not scanned: no hand-written source file is this big, and a
    /// generated one would only slow every run down.
    public static let maximumSize = 8 * 1024 * 1024

    public enum Outcome: Equatable, Sendable {
        case text([UInt8], validUTF8: Bool)
        /// Not scanned, with the reason in words: "binary", "too large (12 MiB)", "unreadable: ...".
        case skipped(String)
    }

    public static func read(_ path: String) -> Outcome {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .skipped("unreadable: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .skipped("unreadable: \(String(cString: strerror(errno)))") }
        let size = Int(info.st_size)
        if size > maximumSize { return .skipped("too large (\(size / (1024 * 1024)) MiB; the limit is \(maximumSize / (1024 * 1024)) MiB)") }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let n = bytes.withUnsafeMutableBytes { buffer in
                readBytes(fd, buffer.baseAddress! + filled, size - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .skipped("unreadable: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            filled += n
        }
        if filled < size { bytes.removeLast(size - filled) }
        if bytes.prefix(8192).contains(0) { return .skipped("binary (contains NUL bytes)") }
        return .text(bytes, validUTF8: isValidUTF8(bytes))
    }

    /// A fast UTF-8 check: ASCII runs cost one comparison a byte.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 { length = 2 } else if b & 0xF0 == 0xE0 { length = 3 } else if b & 0xF8 == 0xF0, b <= 0xF4 { length = 4 } else { return false }
            guard i + length <= n else { return false }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}

#if canImport(Glibc) || canImport(Musl)
@inline(__always) private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
#else
@inline(__always) private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { Darwin.read(fd, buffer, count) }
#endif

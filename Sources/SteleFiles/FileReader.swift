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
        switch readBytes(path) {
        case .bytes(let bytes): return inspect(bytes)
        case .skipped(let reason): return .skipped(reason)
        }
    }

    /// A file's bytes without the content checks of `inspect` (a scanner that already knows these
    /// bytes by their hash need not check them again): only the size limit and read errors.
    public enum Bytes: Equatable, Sendable {
        case bytes([UInt8])
        case skipped(String)
    }

    public static func readBytes(_ path: String, limit: Int = maximumSize) -> Bytes {
        // Non-blocking: a FIFO (or a device) named like a source file must not stop the run; it is
        // not a regular file, so it is not read.
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return .skipped("unreadable: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .skipped("unreadable: \(String(cString: strerror(errno)))") }
        guard info.st_mode & S_IFMT == S_IFREG else { return .skipped("not a regular file") }
        let size = Int(info.st_size)
        if size > limit { return .skipped(tooLargeText(size, limit: limit)) }
        // Read straight into uninitialised storage: zero-filling first would touch every byte twice.
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var filled = 0
            while filled < size {
                let n = systemRead(fd, buffer.baseAddress! + filled, size - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                filled += n
            }
            count = filled
        }
        if failure != 0 { return .skipped("unreadable: \(String(cString: strerror(failure)))") }
        return .bytes(bytes)
    }

    /// The checks a file's bytes get wherever they come from (the disk, or git's index for staged
    /// content): no NUL bytes in the first 8 KiB, and whether they are valid UTF-8.
    public static func inspect(_ bytes: [UInt8]) -> Outcome {
        if bytes.count > maximumSize { return .skipped(tooLargeText(bytes.count)) }
        let hasNUL = bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, min(raw.count, 8192)) != nil } ?? false }
        if hasNUL { return .skipped("binary (contains NUL bytes)") }
        return .text(bytes, validUTF8: isValidUTF8(bytes))
    }

    static func tooLargeText(_ size: Int, limit: Int = maximumSize) -> String {
        "too large (\(size / (1024 * 1024)) MiB; the limit is \(limit / (1024 * 1024)) MiB)"
    }

    /// A fast UTF-8 check: ASCII is tested 32 (then eight) bytes at a time, anywhere in the buffer.
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw -> Bool in
            let n = raw.count
            var i = 0
            while i < n {
                // ASCII runs 32 bytes a step, then 8.
                if i + 32 <= n {
                    let a = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    let b = raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                    if (a | b) & 0x8080_8080_8080_8080 == 0 {
                        i += 32
                        continue
                    }
                }
                if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = raw[i]
                if b < 0x80 { i += 1; continue }
                let length: Int
                if b & 0xE0 == 0xC0, b >= 0xC2 { length = 2 } else if b & 0xF0 == 0xE0 { length = 3 } else if b & 0xF8 == 0xF0, b <= 0xF4 { length = 4 } else { return false }
                guard i + length <= n else { return false }
                for k in 1..<length where raw[i + k] & 0xC0 != 0x80 { return false }
                i += length
            }
            return true
        }
    }
}

#if canImport(Glibc) || canImport(Musl)
@inline(__always) private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
#else
@inline(__always) private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { Darwin.read(fd, buffer, count) }
#endif

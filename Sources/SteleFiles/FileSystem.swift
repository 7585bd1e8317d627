#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls Stele needs, on POSIX directly. Foundation would cost every run a
/// few milliseconds of start-up just to be loaded, which a pre-commit hook feels.
public enum FileSystem {
    public enum Kind: Equatable, Sendable { case file, directory, symbolicLink, other }

    /// What is at `path`, without following a symbolic link; nil when nothing is.
    public static func kind(of path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Whether `path` is a directory (following links, as a user naming a path expects).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The size of the file at `path` in bytes, without following a link.
    public static func size(of path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// The names in a directory (no `.` and `..`), unsorted; nil when it cannot be read.
    public static func contents(ofDirectory path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = entryName(entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The name of a directory entry returned by `readdir`.
    public static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) { pointer in
            pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
        }
    }

    /// Writes `text` to `path` atomically (a temporary file renamed over it). Returns what went
    /// wrong, or nil.
    public static func write(_ text: String, to path: String) -> String? {
        write(bytes: Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically: a temporary file next to it (named by the process id, so
    /// two processes never share one) renamed over it, so a reader sees the old file or the new
    /// one, never half of one. Returns what went wrong, or nil.
    public static func write(bytes: [UInt8], to path: String) -> String? {
        switch AtomicWriter.open(path) {
        case .failure(let failure):
            return failure.message
        case .success(var writer):
            writer.append(bytes)
            return writer.commit()
        }
    }

    /// A file written in pieces and put in place atomically by `commit()` (a temporary file next to
    /// it, named by the process id, renamed over it): a large file is never held in memory whole,
    /// and a reader sees the old file or the new one, never half of one.
    public struct AtomicWriter {
        let path: String
        let temporary: String
        let fd: Int32
        var buffer: [UInt8] = []
        var failure: String?

        /// Opens the temporary file; nil, with why, when it cannot be created.
        public static func open(_ path: String) -> Result<AtomicWriter, WriteFailure> {
            let temporary = path + ".stele-tmp-\(getpid())"
            let fd = systemOpen(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { return .failure(WriteFailure(message: "cannot write \(path): \(errorText())")) }
            var writer = AtomicWriter(path: path, temporary: temporary, fd: fd)
            writer.buffer.reserveCapacity(1 << 20)
            return .success(writer)
        }

        public mutating func append(_ bytes: UnsafeRawBufferPointer) {
            if buffer.count + bytes.count > 1 << 20 { flush() }
            if bytes.count > 1 << 20 {
                var copy = [UInt8](bytes)
                if failure == nil && !FileSystem.writeAll(fd, &copy) { failure = "cannot write \(path): \(errorText())" }
            } else {
                buffer.append(contentsOf: bytes)
            }
        }

        public mutating func append(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { append($0) }
        }

        mutating func flush() {
            if failure == nil && !buffer.isEmpty && !FileSystem.writeAll(fd, &buffer) { failure = "cannot write \(path): \(errorText())" }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Closes the file and renames it into place. Returns what went wrong, or nil.
        public mutating func commit() -> String? {
            flush()
            let closed = close(fd) == 0
            if failure == nil && (!closed || rename(temporary, path) != 0) { failure = "cannot write \(path): \(errorText())" }
            if failure != nil { unlink(temporary) }
            return failure
        }
    }

    public struct WriteFailure: Error, Sendable {
        public var message: String
    }

    /// Creates a directory and any missing parents (`mkdir -p`). Returns what went wrong, or nil
    /// (also when it exists already).
    public static func createDirectories(_ path: String) -> String? {
        if isDirectory(path) { return nil }
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                return "cannot create \(prefix): \(errorText())"
            }
        }
        return isDirectory(path) ? nil : "cannot create \(path): not a directory"
    }

    /// The canonical absolute path of an existing file or directory (links and `..` resolved), or nil.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Writes to standard output or standard error, all of it.
    public static func writeStandardOutput(_ text: String) { var bytes = Array(text.utf8); _ = writeAll(1, &bytes) }
    public static func writeStandardOutput(bytes: [UInt8]) { var bytes = bytes; _ = writeAll(1, &bytes) }
    public static func writeStandardError(_ text: String) { var bytes = Array(text.utf8); _ = writeAll(2, &bytes) }

    static func writeAll(_ fd: Int32, _ bytes: inout [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
    }

    /// An environment variable, or nil.
    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The running executable's size and modification time (`12345678@1767225600.123456789`), or nil
    /// when they cannot be found: a cache written by one build of Stele is not read by another.
    public static func executableIdentity() -> String? {
        #if canImport(Darwin)
        var length: UInt32 = 0
        _ = _NSGetExecutablePath(nil, &length)
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        guard _NSGetExecutablePath(&buffer, &length) == 0 else { return nil }
        let path = String(cString: buffer)
        #else
        let path = "/proc/self/exe"
        #endif
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "\(info.st_size)@\(modified.tv_sec).\(modified.tv_nsec)"
    }

    /// Today's date in UTC, `YYYY-MM-DD`.
    public static func today() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
    }

    /// The C library's message for the last error.
    public static func errorText() -> String { String(cString: strerror(errno)) }
}

@inline(__always) private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }

#if canImport(Glibc) || canImport(Musl)
@inline(__always) private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
#else
@inline(__always) private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { Darwin.write(fd, buffer, count) }
#endif

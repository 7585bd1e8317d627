#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes mapped read-only into memory: only the pages a reader touches are read from disk
/// and count towards the process's memory, so a large cache whose index is read and a few records
/// decoded costs what those parts cost. Unmapped when the last reference goes.
///
/// Stele replaces such files only by renaming a new file over them, never by writing into them, so
/// a mapping keeps seeing the file it opened.
public final class MappedFile: @unchecked Sendable {
    public let bytes: UnsafeRawBufferPointer

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The file at `path` mapped, or nil when it cannot be opened, is not a regular file, or is
    /// empty or larger than `limit` bytes.
    public static func open(_ path: String, limit: Int) -> MappedFile? {
        let fd = openForReading(path)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0, size <= limit else { return nil }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
        return MappedFile(bytes: UnsafeRawBufferPointer(start: address, count: size))
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }
}

@inline(__always) private func openForReading(_ path: String) -> Int32 { open(path, O_RDONLY) }

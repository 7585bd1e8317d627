#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the file system says of a file without reading it: enough to tell, as git's index does,
/// that a file is the one a cache record describes, so that an unchanged tree is not read again.
public struct FileStamp: Hashable, Sendable {
    public var size: Int
    /// Modification and status-change times, in nanoseconds since the epoch.
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64

    public init(size: Int, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The stamp of the file at `path`, without following a link; nil when there is none.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let (m, c) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (m, c) = (info.st_mtim, info.st_ctim)
        #endif
        return FileStamp(size: Int(info.st_size), modified: Int64(m.tv_sec) * 1_000_000_000 + Int64(m.tv_nsec),
                         changed: Int64(c.tv_sec) * 1_000_000_000 + Int64(c.tv_nsec), inode: UInt64(info.st_ino))
    }

    /// The wall clock, in nanoseconds since the epoch: what file times are compared with.
    public static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

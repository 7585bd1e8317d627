#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh private directory under `$TMPDIR` (or `/tmp`), for work that must not touch the user's
/// tree (`stele review --since` extracts an earlier commit there). `remove()` deletes it and all it
/// holds, without following symbolic links out of it.
public struct TemporaryDirectory: Sendable {
    public let path: String

    /// nil when no directory could be made.
    public static func make(prefix: String) -> TemporaryDirectory? {
        var base = FileSystem.environment("TMPDIR") ?? "/tmp"
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/" + prefix + "-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
        guard made else { return nil }
        return TemporaryDirectory(path: String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    public func remove() { TemporaryDirectory.removeTree(path) }

    /// Deletes a file or a directory with everything in it. A link is removed, never followed.
    static func removeTree(_ path: String) {
        if FileSystem.kind(of: path) == .directory {
            for name in FileSystem.contents(ofDirectory: path) ?? [] { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}

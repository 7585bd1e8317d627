#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Repository paths (`Sources/App/main.swift`: relative, `/`-separated), taken apart on their bytes.
/// Placing files asks for every file's folder, several times per run: the generic
/// `utf8.lastIndex(of:)` cost some 450 instructions a path; this walks the bytes back instead.
enum RepositoryPath {
    /// The folder holding `path`, "" at the top of the tree.
    static func parent(of path: String) -> Substring {
        guard let slash = lastSlash(in: path) else { return "" }
        return path[..<path.utf8.index(path.utf8.startIndex, offsetBy: slash)]
    }

    /// How path bytes `a` order against `b`: by their bytes, a prefix first (negative: `a` first).
    /// The order of the sorted listing and of the facts cache's index.
    @inline(__always) static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        if common > 0, let x = a.baseAddress, let y = b.baseAddress {
            let order = memcmp(x, y, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

    /// `parent(of:)` as a string of its own, to keep (a table's key).
    static func folder(of path: String) -> String { String(parent(of: path)) }

    /// The byte offset of the last `/` of `path`, nil when it has none.
    static func lastSlash(in path: String) -> Int? {
        var path = path
        return path.withUTF8 { bytes -> Int? in
            var i = bytes.count
            while i > 0 {
                i -= 1
                if bytes[i] == UInt8(ascii: "/") { return i }
            }
            return nil
        }
    }
}

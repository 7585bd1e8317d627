/// Repository paths (`Sources/App/main.swift`: relative, `/`-separated), taken apart on their bytes.
/// Placing files asks for every file's folder, several times per run: the generic
/// `utf8.lastIndex(of:)` cost some 450 instructions a path; this walks the bytes back instead.
enum RepositoryPath {
    /// The folder holding `path`, "" at the top of the tree.
    static func parent(of path: String) -> Substring {
        guard let slash = lastSlash(in: path) else { return "" }
        return path[..<path.utf8.index(path.utf8.startIndex, offsetBy: slash)]
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

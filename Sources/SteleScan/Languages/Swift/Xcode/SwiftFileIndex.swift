/// The Swift files of the repository, sorted, built once per scan and shared by every Xcode
/// project: a project names files that may not exist, and a synchronized folder means "every Swift
/// file under here", so both questions are answered by binary search instead of a walk.
struct SwiftFileIndex: Sendable {
    /// Repo-relative `.swift` paths, sorted.
    let paths: [String]

    /// - Parameter files: repo-relative paths (any kind; only `.swift` files are kept).
    init(_ files: [String]) {
        var paths = files.filter { Language.of(path: $0) == .swift }
        // The walker's listing is sorted already; checking is linear, sorting is not.
        if zip(paths, paths.dropFirst()).contains(where: { $0 >= $1 }) {
            paths = Array(Set(paths)).sorted()
        }
        self.paths = paths
    }

    func contains(_ path: String) -> Bool {
        let i = lowerBound(path)
        return i < paths.count && paths[i] == path
    }

    /// Every file inside `directory` ("" is the whole repository), in order.
    func files(under directory: String) -> ArraySlice<String> {
        if directory.isEmpty { return paths[...] }
        let prefix = directory + "/"
        let start = lowerBound(prefix)
        var end = start
        while end < paths.count, paths[end].hasPrefix(prefix) { end += 1 }
        return paths[start..<end]
    }

    /// The first index whose path is not below `path`.
    func lowerBound(_ path: String) -> Int {
        var low = 0
        var high = paths.count
        while low < high {
            let middle = low + (high - low) / 2
            if paths[middle] < path { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

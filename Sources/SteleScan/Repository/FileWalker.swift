#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import SteleCore
import SteleFiles

/// Lists the files of a repository: regular files only, never following symbolic links (so link
/// loops cannot hang it, and nothing outside the tree is read), skipping version-control, build and
/// vendored directories and whatever the `ignore` setting names.
///
/// This is I/O at the edge of the scanning stage; everything after it works on the list it returns.
struct FileWalker: Sendable {
    /// Directory names never descended into: VCS metadata, build output, vendored dependencies.
    static let skippedDirectoryNames: Set<String> = [
        ".git", ".hg", ".svn", ".build", ".swiftpm", ".stele-cache", "node_modules", "Pods", "Carthage",
        "DerivedData", "vendor", "Vendor", "third_party", "third-party", "__pycache__", ".venv", "venv",
    ]

    struct Listing: Sendable {
        /// Repo-relative paths of regular files, sorted.
        var files: [String]
        /// Links not followed, directories that could not be opened.
        var diagnostics: [Diagnostic]
    }

    var root: String
    var ignore: [Glob]

    init(root: String, ignore: [Glob] = []) {
        self.root = root
        self.ignore = ignore
    }

    func list() -> Listing {
        // Breadth first until there are enough directories to share among the cores (a repository
        // is often one `Sources/` at its top, and its modules one level below); then each of them
        // is walked by a worker.
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        var frontier = [""]
        for _ in 0..<FileWalker.breadthFirstLevels where !frontier.isEmpty && frontier.count < FileWalker.enoughDirectories {
            var next: [String] = []
            for directory in frontier {
                let level = entries(of: directory)
                files += level.files
                diagnostics += level.diagnostics
                next += level.directories
            }
            frontier = next
        }
        let subtrees = ConcurrentResults<Listing>(count: frontier.count)
        DispatchQueue.concurrentPerform(iterations: frontier.count) { [frontier] index in
            subtrees[index] = walk(from: frontier[index])
        }
        for subtree in subtrees.values {
            files += subtree.files
            diagnostics += subtree.diagnostics
        }
        FileWalker.sort(&files)
        return Listing(files: files, diagnostics: diagnostics)
    }

    /// How many directories the workers share, and at most how many levels are listed one by one
    /// to find them.
    static let enoughDirectories = 64
    static let breadthFirstLevels = 3

    /// Sorts paths as `String`'s `<` does. When every path is ASCII that order is the order of their
    /// bytes: they are copied into one buffer and their indices sorted by `memcmp` on it, with no
    /// reference counting in the comparisons. (A `String` comparison allows for Unicode
    /// normalisation: sorting 50,000 paths with it cost 170M instructions, all on one core.)
    static func sort(_ paths: inout [String]) {
        guard paths.count > 1 else { return }
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        offsets.reserveCapacity(paths.count + 1)
        for path in paths {
            var path = path
            let ascii = path.withUTF8 { utf8 -> Bool in
                guard !utf8.contains(where: { $0 >= 0x80 }) else { return false }
                bytes.append(contentsOf: utf8)
                return true
            }
            guard ascii else { return paths.sort() }
            offsets.append(bytes.count)
        }
        var order = Array(paths.indices)
        bytes.withUnsafeBufferPointer { buffer in
            offsets.withUnsafeBufferPointer { offsets in
                let ordered = ByteOrder(base: buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, offsets: offsets)
                order = ordered.sorted(order)
            }
        }
        paths = order.map { paths[$0] }
    }

    /// The order of paths held in one buffer, by index; sorts in two halves on two cores, then
    /// merges them, when there are many (the sort of 50,000 paths was 4% of a check's
    /// instructions, all on one core).
    struct ByteOrder: @unchecked Sendable {
        let base: UnsafePointer<UInt8>
        let offsets: UnsafeBufferPointer<Int>

        /// Whether path `i` sorts before path `j`.
        @inline(__always) func less(_ i: Int, _ j: Int) -> Bool {
            RepositoryPath.compare(path(i), path(j)) < 0
        }

        @inline(__always) func path(_ i: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: base + offsets[i], count: offsets[i + 1] - offsets[i])
        }

        func sorted(_ order: [Int]) -> [Int] {
            guard order.count >= 8192 else { return order.sorted(by: less) }
            let half = order.count / 2
            let halves = ConcurrentArray.make(count: 2) { slots in
                DispatchQueue.concurrentPerform(iterations: 2) { k in
                    slots.initialize(k, to: (k == 0 ? order[..<half] : order[half...]).sorted(by: less))
                }
            }
            var merged: [Int] = []
            merged.reserveCapacity(order.count)
            var (i, j) = (0, 0)
            let (left, right) = (halves[0], halves[1])
            while i < left.count && j < right.count {
                if less(right[j], left[i]) {
                    merged.append(right[j])
                    j += 1
                } else {
                    merged.append(left[i])
                    i += 1
                }
            }
            merged += left[i...]
            merged += right[j...]
            return merged
        }
    }

    /// Every file below `start` (depth first, unsorted).
    func walk(from start: String) -> Listing {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        var pending = [start]
        while let relative = pending.popLast() {
            let level = entries(of: relative)
            files += level.files
            diagnostics += level.diagnostics
            pending += level.directories
        }
        return Listing(files: files, diagnostics: diagnostics)
    }

    /// One directory's regular files and the subdirectories worth entering.
    func entries(of relative: String) -> (files: [String], directories: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var directories: [String] = []
        var diagnostics: [Diagnostic] = []
        let absolute = relative.isEmpty ? root : root + "/" + relative
        guard let dir = opendir(absolute) else {
            if !relative.isEmpty {
                diagnostics.append(.warning("cannot read directory: \(String(cString: strerror(errno)))",
                                            at: SourceLocation(file: relative, line: 1, column: 1)))
            }
            return (files, directories, diagnostics)
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = FileSystem.entryName(entry)
            if name == "." || name == ".." { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(root + "/" + path, &info) == 0 else { continue }
                type = FileWalker.direntType(mode: info.st_mode)
            }
            switch type {
            case Int32(DT_DIR):
                if FileWalker.skippedDirectoryNames.contains(name) || name.hasPrefix(".build") { continue }
                if name.hasPrefix(".") && name != ".github" { continue }
                if ignore.contains(where: { $0.matches(path) }) { continue }
                directories.append(path)
            case Int32(DT_REG):
                if ignore.contains(where: { $0.matches(path) }) { continue }
                files.append(path)
            case Int32(DT_LNK):
                if ignore.contains(where: { $0.matches(path) }) { continue }
                if Language.of(path: path) != nil || name == "Package.swift" {
                    diagnostics.append(.warning("symbolic link not followed", at: SourceLocation(file: path, line: 1, column: 1),
                                                hint: "Stele reads only files inside the tree; scan the link's target where it lives"))
                } else {
                    // A link to a folder (or a loop of links) may hide sources: said once, never followed.
                    var info = stat()
                    let loop = stat(root + "/" + path, &info) != 0 && errno == ELOOP
                    if loop || (info.st_mode & S_IFMT == S_IFDIR) {
                        diagnostics.append(.warning(loop ? "symbolic link loop not followed" : "symbolic link to a folder not followed",
                                                    at: SourceLocation(file: path, line: 1, column: 1),
                                                    hint: "Stele reads only the tree's own folders; ignore it with `ignore \(path)` to silence this"))
                    }
                }
            default:
                // A FIFO, socket or device named like a source file is not read (a FIFO would block
                // the run), and said so: a skipped source is never silent.
                if Language.of(path: path) != nil, !ignore.contains(where: { $0.matches(path) }) {
                    diagnostics.append(.warning("not scanned: not a regular file (a FIFO, socket or device)",
                                                at: SourceLocation(file: path, line: 1, column: 1)))
                }
            }
        }
        return (files, directories, diagnostics)
    }

    static func direntType(mode: mode_t) -> Int32 {
        switch mode & S_IFMT {
        case S_IFDIR: return Int32(DT_DIR)
        case S_IFREG: return Int32(DT_REG)
        case S_IFLNK: return Int32(DT_LNK)
        default: return Int32(DT_UNKNOWN)
        }
    }
}

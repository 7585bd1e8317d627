import SteleScan

/// Which module each file is in, by number: "which modules does this set of files cover whole?"
/// is asked for every component and glob selector, and answered by counting files per module
/// with integers. With names, a TypeScript tree (every file a module of its own) paid a set
/// insertion and a table lookup of a path-long name per file, on the serial path of a check.
struct ModuleMembership: Sendable {
    /// Each file's module as an index in `names`, or -1 for none.
    let moduleOfFile: [Int]
    /// The modules, in the order first met in the listing.
    let names: [String]
    /// How many files each module has.
    let fileCounts: [Int]

    /// From each file's module (the listing's order).
    init(modules: [String?]) {
        self.init(count: modules.count) { modules[$0] }
    }

    /// From the files' modules, read in place (the listing's order).
    init(files: [SourceFile]) {
        self.init(count: files.count) { files[$0].module }
    }

    private init(count: Int, module: (Int) -> String?) {
        var names: [String] = []
        var index: [String: Int] = [:]
        moduleOfFile = [Int](unsafeUninitializedCapacity: count) { slots, initialized in
            var run: (name: String, index: Int)?
            for i in 0..<count {
                guard let name = module(i) else { slots[i] = -1; continue }
                // A module's files are mostly neighbours in the listing: one lookup per run of them.
                if run?.name != name {
                    let k = index[name] ?? names.count
                    if k == names.count {
                        index[name] = k
                        names.append(name)
                    }
                    run = (name, k)
                }
                slots[i] = run!.index
            }
            initialized = count
        }
        var fileCounts = [Int](repeating: 0, count: names.count)
        for m in moduleOfFile where m >= 0 { fileCounts[m] += 1 }
        self.names = names
        self.fileCounts = fileCounts
    }

    /// Each module's files (indices, ascending), by name.
    func filesByModule() -> [String: [Int]] {
        var files = fileCounts.map { count -> [Int] in
            var files: [Int] = []
            files.reserveCapacity(count)
            return files
        }
        for (i, m) in moduleOfFile.enumerated() where m >= 0 { files[m].append(i) }
        return Dictionary(uniqueKeysWithValues: zip(names, files))
    }

    /// The modules all of whose files are among `files` (indices, ascending, each once).
    func modulesCovered(by files: [Int]) -> Set<String> {
        var counts: [Int: Int] = [:]
        var run = -1, length = 0
        for i in files {
            let m = moduleOfFile[i]
            if m != run {
                if run >= 0 { counts[run, default: 0] += length }
                run = m
                length = 0
            }
            length += 1
        }
        if run >= 0 { counts[run, default: 0] += length }
        var covered = Set<String>(minimumCapacity: counts.count)
        for (m, count) in counts where count == fileCounts[m] { covered.insert(names[m]) }
        return covered
    }
}

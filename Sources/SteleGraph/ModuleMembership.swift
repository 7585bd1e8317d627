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
        var moduleOfFile = [Int](repeating: -1, count: modules.count)
        var names: [String] = []
        var fileCounts: [Int] = []
        var index: [String: Int] = [:]
        var run: (name: String, index: Int)?
        for (i, module) in modules.enumerated() {
            guard let module else { continue }
            // A module's files are mostly neighbours in the listing: one lookup per run of them.
            if run?.name != module {
                let k = index[module] ?? names.count
                if k == names.count {
                    index[module] = k
                    names.append(module)
                    fileCounts.append(0)
                }
                run = (module, k)
            }
            moduleOfFile[i] = run!.index
            fileCounts[run!.index] += 1
        }
        self.moduleOfFile = moduleOfFile
        self.names = names
        self.fileCounts = fileCounts
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

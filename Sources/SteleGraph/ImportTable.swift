import Dispatch
import SteleCore
import SteleScan

/// Which modules each module imports, and what files in no module import: one pass over every
/// import of the scan, in slices of the files on all cores. Each import costs a hash of its name;
/// on a 50,000-file monorepo (150,000 imports) the module graph and the externals, made in two
/// passes on one core, were the largest serial step of a check (216M instructions).
struct ImportTable {
    /// The modules each project module's files import (its own left out).
    var targets: [String: Set<String>] = [:]
    /// The modules imported by files that are in no module.
    var unplaced = Set<String>()

    init(files: [SourceFile]) {
        // Slices of 256 files and up: on a tree of a thousand files, where every TypeScript file
        // is a module of its own, one slice was a serial step as long as a tenth of the run.
        let slices = max(1, min(8, files.count / 256))
        let parts = ConcurrentResults<ImportTable>(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { k in
            parts[k] = ImportTable(files: files, k * files.count / slices ..< (k + 1) * files.count / slices)
        }
        for part in parts.values {
            if targets.isEmpty { targets = part.targets } else { targets.merge(part.targets) { $0.union($1) } }
            unplaced.formUnion(part.unplaced)
        }
    }

    /// The table of `files[range]`, read by index: a `SourceFile` or `Import` copied per file and
    /// import retained and released every string and array in it.
    private init(files: [SourceFile], _ range: Range<Int>) {
        // A module's files are mostly neighbours in the sorted listing: gather each run of them in
        // one set, and merge it into the table once.
        var current: (module: String, targets: Set<String>)?
        for f in range where !files[f].imports.isEmpty {
            guard let module = files[f].module else {
                for k in files[f].imports.indices { unplaced.insert(files[f].imports[k].module) }
                continue
            }
            if current?.module != module {
                if let (done, found) = current { targets[done, default: []].formUnion(found) }
                current = (module, [])
            }
            for k in files[f].imports.indices where files[f].imports[k].module != module { current!.targets.insert(files[f].imports[k].module) }
        }
        if let (done, found) = current { targets[done, default: []].formUnion(found) }
    }

    /// Every module imported (by a module's files or by files in none) that is not one of `projectModules`.
    func externals(besides projectModules: Set<String>) -> Set<String> {
        var names = unplaced.subtracting(projectModules)
        for found in targets.values { for name in found where !projectModules.contains(name) { names.insert(name) } }
        return names
    }
}

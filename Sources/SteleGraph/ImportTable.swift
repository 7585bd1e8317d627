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
        let slices = max(1, min(8, files.count / 1024))
        let parts = ConcurrentResults<ImportTable>(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { k in
            parts[k] = ImportTable(slice: files[k * files.count / slices ..< (k + 1) * files.count / slices])
        }
        for part in parts.values {
            if targets.isEmpty { targets = part.targets } else { targets.merge(part.targets) { $0.union($1) } }
            unplaced.formUnion(part.unplaced)
        }
    }

    private init(slice: ArraySlice<SourceFile>) {
        // A module's files are mostly neighbours in the sorted listing: gather each run of them in
        // one set, and merge it into the table once.
        var current: (module: String, targets: Set<String>)?
        for file in slice where !file.imports.isEmpty {
            guard let module = file.module else {
                for i in file.imports { unplaced.insert(i.module) }
                continue
            }
            if current?.module != module {
                if let (done, found) = current { targets[done, default: []].formUnion(found) }
                current = (module, [])
            }
            for i in file.imports where i.module != module { current!.targets.insert(i.module) }
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

import SteleGraph

/// Which of several sets each dependency lands in, answered by lookup rather than by asking each
/// set in turn: a rule over many sets (500 layers, a family of 500 members) then costs the same per
/// dependency as one over two, and its check grows with the files alone.
///
/// Agrees with `CheckContext.lands` set by set: an import lands in the sets that hold its module; a
/// symbol use in the sets that hold the declaring file, unless such a set holds that file's whole
/// module and the use crosses modules (the import speaks for it).
struct LandingIndex {
    let sets: [ComponentSet]
    /// Whether the dependencies towards these sets include symbol uses (one of them is part of a module).
    let readsSymbols: Bool
    /// Modules some set holds whole: a cross-module use of one is spoken for by its import.
    let wholeModules: Set<String>
    private var byModule: [String: [Int]] = [:]
    private var byFile: [Int: [Int]] = [:]

    init(_ sets: [ComponentSet], context: CheckContext) {
        self.sets = sets
        readsSymbols = context.readsSymbols(towards: sets)
        var whole = Set<String>()
        for (k, set) in sets.enumerated() {
            for module in set.modules { byModule[module, default: []].append(k) }
            whole.formUnion(set.modules)
            if readsSymbols { for file in set.files { byFile[file, default: []].append(k) } }
        }
        wholeModules = whole
    }

    /// The positions (ascending) of the sets an import of `module` lands in.
    func landings(ofModule module: String) -> [Int] { byModule[module] ?? [] }

    /// The positions (ascending) of the sets `dependency` lands in.
    func landings(of dependency: CheckContext.Dependency) -> [Int] {
        switch dependency.target {
        case .module(let module):
            return byModule[module] ?? []
        case .symbol(_, let file, let module, _, _):
            guard let candidates = byFile[file] else { return [] }
            if dependency.isWithinModule { return candidates }
            return candidates.filter { k in !(module.map(sets[k].modules.contains) ?? false) }
        }
    }
}

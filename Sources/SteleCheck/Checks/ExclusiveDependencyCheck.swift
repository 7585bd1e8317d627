import SteleGraph
import SteleRules

/// `only A, B may depend on C` and `only A may import M`: every file outside the allowed
/// components (and outside C itself) must not, test and example code apart.
struct ExclusiveDependencyCheck: RuleCheck {
    var allowed: [Selector]
    /// The guarded component, or nil when guarding module names.
    var target: Selector?
    var modules: [String]

    /// Guarding a component that does not exist guards nothing; guarding module names never is.
    func vacuousSelector(in context: CheckContext) -> String? {
        guard let target, case .resolved(let set) = context.architecture.resolve(target), set.isEmpty else { return nil }
        return target.description
    }

    /// The guarded set, and the files that may depend on it (the allowed components' and its own).
    func guarded(in context: CheckContext) -> (guarded: ComponentSet, permitted: Set<Int>) {
        var permitted = Set<Int>()
        for set in allowed.map(context.set) { permitted.formUnion(set.files) }
        guard let target else {
            // Module names only: imports, not symbols, are what is guarded.
            return (ComponentSet(name: modules.joined(separator: ", "), files: [], modules: Set(modules)), permitted)
        }
        let guarded = context.set(target)
        return (guarded, permitted.union(guarded.files))
    }

    /// Everyone not permitted, but test and example code (the implicit `Tests` and `Examples`
    /// components): a test that imports the guarded module to exercise it breaks no boundary.
    /// `Tests must not import X` still applies to tests.
    func others(in context: CheckContext, permitted: Set<Int>) -> ComponentSet {
        let supporting = context.architecture.supportingFiles
        return ComponentSet(name: "*", files: context.architecture.scan.files.indices.filter { !permitted.contains($0) && !supporting.contains($0) },
                            modules: [])
    }

    func symbolSources(in context: CheckContext) -> [Int] {
        let (guarded, permitted) = guarded(in: context)
        return context.symbolSources(of: others(in: context, permitted: permitted), towards: [guarded])
    }

    func findings(in context: CheckContext) -> [Finding] {
        let (guarded, permitted) = guarded(in: context)
        let list = allowed.map { "`\(context.set($0).name)`" }.joined(separator: ", ")
        return context.dependencies(of: others(in: context, permitted: permitted), towards: [guarded]).compactMap { dependency in
            guard !permitted.contains(dependency.file), context.lands(dependency, in: guarded) else { return nil }
            let from = context.architecture.displayName(forFile: dependency.file)
            let to = target == nil ? dependency.module ?? guarded.name : guarded.name
            return context.finding(dependency,
                                   message: "`\(from)` \(context.describe(dependency, in: to)), which only \(list) may \(target == nil ? "import" : "depend on")",
                                   from: from, to: to)
        }
    }
}

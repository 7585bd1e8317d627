import SteleGraph
import SteleRules

/// `only A, B may depend on C` and `only A may import M`: every file outside the allowed
/// components (and outside C itself) must not.
struct ExclusiveDependencyCheck: RuleCheck {
    var allowed: [Selector]
    /// The guarded component, or nil when guarding module names.
    var target: Selector?
    var modules: [String]

    func findings(in context: CheckContext) -> [Finding] {
        let allowedSets = allowed.map(context.set)
        var permitted = Set<Int>()
        for set in allowedSets { permitted.formUnion(set.files) }
        let guarded: ComponentSet
        if let target {
            guarded = context.set(target)
            permitted.formUnion(guarded.files)
        } else {
            // Module names only: imports, not symbols, are what is guarded.
            guarded = ComponentSet(name: modules.joined(separator: ", "), files: [], modules: Set(modules))
        }
        let list = allowedSets.map { "`\($0.name)`" }.joined(separator: ", ")
        let architecture = context.architecture
        let everyone = ComponentSet(name: "*", files: Array(architecture.scan.files.indices), modules: [])
        return context.dependencies(of: everyone, towards: [guarded]).compactMap { dependency in
            guard !permitted.contains(dependency.file), context.lands(dependency, in: guarded) else { return nil }
            let from = context.architecture.displayName(forFile: dependency.file)
            let to = target == nil ? dependency.module ?? guarded.name : guarded.name
            return context.finding(dependency,
                                   message: "`\(from)` \(context.describe(dependency, in: to)), which only \(list) may \(target == nil ? "import" : "depend on")",
                                   from: from, to: to)
        }
    }
}

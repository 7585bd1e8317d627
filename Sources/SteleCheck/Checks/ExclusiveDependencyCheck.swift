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
        let guarded: (name: String, modules: Set<String>)
        if let target {
            let set = context.set(target)
            permitted.formUnion(set.files)
            guarded = (set.name, set.modules)
        } else {
            guarded = (modules.joined(separator: ", "), Set(modules))
        }
        let list = allowedSets.map { "`\($0.name)`" }.joined(separator: ", ")
        let architecture = context.architecture
        let everyone = ComponentSet(name: "*", files: Array(architecture.scan.files.indices), modules: [])
        return context.dependencies(of: everyone).compactMap { dependency in
            guard !permitted.contains(dependency.file), guarded.modules.contains(dependency.imported.module) else { return nil }
            let from = dependency.source.module ?? dependency.source.path
            let to = target == nil ? dependency.imported.module : guarded.name
            return context.finding(dependency,
                                   message: "`\(from)` imports \(context.describe(module: dependency.imported.module, in: to)), which only \(list) may \(target == nil ? "import" : "depend on")",
                                   from: from, to: to)
        }
    }
}

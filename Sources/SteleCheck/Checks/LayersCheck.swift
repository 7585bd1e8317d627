import SteleRules

/// `layers A > B > C`: a layer must not depend on a layer above it. `strict layers`: also not on a
/// layer more than one below it.
struct LayersCheck: RuleCheck {
    var layers: [Selector]
    var strict: Bool

    /// A layer of externals (`... > GRDB`) has no files but is not vacuous: only an empty layer is.
    func vacuousSelector(in context: CheckContext) -> String? {
        layers.first { if case .resolved(let set) = context.architecture.resolve($0) { return set.isEmpty } else { return false } }?.description
    }

    func symbolSources(in context: CheckContext) -> [Int] {
        let sets = layers.map(context.set)
        return context.symbolSources(of: sets, towards: sets)
    }

    func findings(in context: CheckContext) -> [Finding] {
        let sets = layers.map(context.set)
        let index = LandingIndex(sets, context: context)
        var findings: [Finding] = []
        for (level, layer) in sets.enumerated() {
            // Reading imports only, the dependencies that break no layer are never made.
            let dependencies = index.readsSymbols ? context.dependencies(of: layer, towards: index)
                : context.importDependencies(of: layer) { module in
                    let levels = index.landings(ofModule: module)
                    guard !levels.contains(level), let targetLevel = levels.first else { return false }
                    return targetLevel < level || (strict && targetLevel > level + 1)
                }
            for dependency in dependencies {
                // A dependency that lands in the layer itself is fine; otherwise judge by the first layer it lands in.
                let levels = index.landings(of: dependency)
                guard !levels.contains(level), let targetLevel = levels.first else { continue }
                let target = sets[targetLevel]
                if targetLevel < level {
                    findings.append(context.finding(dependency,
                        message: "`\(layer.name)` \(context.describe(dependency, in: target.name)), a higher layer",
                        from: layer.name, to: target.name))
                } else if strict && targetLevel > level + 1 {
                    findings.append(context.finding(dependency,
                        message: "`\(layer.name)` \(context.describe(dependency, in: target.name)), skipping `\(sets[level + 1].name)` (strict layers use only the layer directly below)",
                        from: layer.name, to: target.name))
                }
            }
        }
        return findings
    }
}

import SteleRules

/// `layers A > B > C`: a layer must not depend on a layer above it. `strict layers`: also not on a
/// layer more than one below it.
struct LayersCheck: RuleCheck {
    var layers: [Selector]
    var strict: Bool

    func symbolSources(in context: CheckContext) -> [Int] {
        let sets = layers.map(context.set)
        return sets.flatMap { context.symbolSources(of: $0, towards: sets) }
    }

    func findings(in context: CheckContext) -> [Finding] {
        let sets = layers.map(context.set)
        var findings: [Finding] = []
        for (level, layer) in sets.enumerated() {
            for dependency in context.dependencies(of: layer, towards: sets) {
                // A dependency that lands in the layer itself is fine; otherwise judge by the first layer it lands in.
                guard !context.lands(dependency, in: layer),
                      let targetLevel = sets.indices.first(where: { $0 != level && context.lands(dependency, in: sets[$0]) }) else { continue }
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

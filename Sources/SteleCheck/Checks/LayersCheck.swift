import SteleRules

/// `layers A > B > C`: a layer must not depend on a layer above it. `strict layers`: also not on a
/// layer more than one below it.
struct LayersCheck: RuleCheck {
    var layers: [Selector]
    var strict: Bool

    func findings(in context: CheckContext) -> [Finding] {
        let sets = layers.map(context.set)
        var findings: [Finding] = []
        for (level, layer) in sets.enumerated() {
            for dependency in context.dependencies(of: layer) {
                let module = dependency.imported.module
                // An import that lands in the layer itself is fine; otherwise judge by the first layer it lands in.
                guard !layer.modules.contains(module),
                      let targetLevel = sets.indices.first(where: { $0 != level && sets[$0].modules.contains(module) }) else { continue }
                let target = sets[targetLevel]
                if targetLevel < level {
                    findings.append(context.finding(dependency,
                        message: "`\(layer.name)` imports \(context.describe(module: module, in: target.name)), a higher layer",
                        from: layer.name, to: target.name))
                } else if strict && targetLevel > level + 1 {
                    findings.append(context.finding(dependency,
                        message: "`\(layer.name)` imports \(context.describe(module: module, in: target.name)), skipping `\(sets[level + 1].name)` (strict layers use only the layer directly below)",
                        from: layer.name, to: target.name))
                }
            }
        }
        return findings
    }
}

import Dispatch
import SteleCore
import SteleGraph
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

    /// Each layer's findings on its own core, put together in layer order (500 layers over
    /// 100,000 files took 77 ms on one core).
    func findings(in context: CheckContext) -> [Finding] {
        let sets = layers.map(context.set)
        let index = LandingIndex(sets, context: context)
        let perLayer = ConcurrentArray.make(count: sets.count) { slots in
            DispatchQueue.concurrentPerform(iterations: sets.count) { level in
                slots.initialize(level, to: findings(ofLayer: level, in: sets, index: index, context: context))
            }
        }
        return Array(perLayer.joined())
    }

    /// The dependencies of layer `level` that break it.
    func findings(ofLayer level: Int, in sets: [ComponentSet], index: LandingIndex, context: CheckContext) -> [Finding] {
        let layer = sets[level]
        var findings: [Finding] = []
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
        return findings
    }
}

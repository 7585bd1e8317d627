import SteleGraph
import SteleRules

/// `A must not depend on B, C` and `A must not depend on B directly or indirectly`.
struct ForbiddenDependencyCheck: RuleCheck {
    var subject: Selector
    var targets: [Selector]
    var transitive: Bool

    func vacuousSelector(in context: CheckContext) -> String? { context.emptiness(of: subject) }

    func symbolSources(in context: CheckContext) -> [Int] {
        context.symbolSources(of: context.set(subject), towards: targets.map(context.targetSet))
    }

    func findings(in context: CheckContext) -> [Finding] {
        let source = context.set(subject)
        let forbidden = targets.map(context.targetSet)
        let forbiddenModules = forbidden.reduce(into: Set<String>()) { $0.formUnion($1.modules) }.subtracting(context.exceptModules)
        var findings: [Finding] = []
        // Reading imports only, and not following paths, only imports of a forbidden module matter:
        // no `Dependency` is made for the others.
        let dependencies = transitive || context.readsSymbols(towards: forbidden)
            ? context.dependencies(of: source, towards: forbidden)
            : context.importDependencies(of: source, where: forbiddenModules.contains)
        for dependency in dependencies {
            if let target = forbidden.first(where: { context.lands(dependency, in: $0) }) {
                findings.append(context.finding(dependency, message: "`\(source.name)` \(context.describe(dependency, in: target.name))",
                                                from: source.name, to: target.name))
            } else if transitive, let module = dependency.module,
                      let path = context.architecture.moduleGraph.shortestPath(from: module, to: forbiddenModules, avoiding: context.exceptModules),
                      let last = path.last, let target = forbidden.first(where: { $0.modules.contains(last) }) {
                let chain = ([source.name] + path).joined(separator: " → ")
                let message = "`\(source.name)` depends on `\(target.name)` indirectly: \(chain)"
                var finding = context.finding(dependency, message: message, from: source.name, to: target.name)
                // A changed file's import that makes a step of the path completes it: reported there.
                if !context.changed.isEmpty, !context.changed.files.contains(dependency.file),
                   let step = zip(path, path.dropFirst()).lazy.compactMap({ context.changed.edge(from: $0, to: $1) }).first {
                    finding.changeSite = context.changeSite(step, message: message + " (from \(dependency.path):\(dependency.line))")
                }
                findings.append(finding)
            }
        }
        return findings
    }
}

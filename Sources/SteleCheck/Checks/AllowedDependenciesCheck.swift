import SteleGraph
import SteleRules

/// `A may only depend on B, C`: every import of A lands in A itself, in B or C, or in a platform
/// module (Swift, Foundation, Dispatch, XCTest, ...). Naming a platform module in the list makes
/// the platform modules count like any other.
struct AllowedDependenciesCheck: RuleCheck {
    var subject: Selector
    var allowed: [Selector]

    func vacuousSelector(in context: CheckContext) -> String? { context.emptiness(of: subject) }

    func symbolSources(in context: CheckContext) -> [Int] {
        let source = context.set(subject)
        return context.symbolSources(of: source, towards: [source])
    }

    func findings(in context: CheckContext) -> [Finding] {
        let source = context.set(subject)
        let allowedSets = allowed.map(context.set)
        var allowedModules = source.modules
        for set in allowedSets { allowedModules.formUnion(set.modules) }
        let namesPlatform = !allowedModules.isDisjoint(with: PlatformModules.exempt)
        // Long lists are for the rule, not for every message: name a few.
        let names = allowedSets.map { "`\($0.name)`" }
        let list = names.count <= 4 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
        return context.dependencies(of: source, towards: [source]).compactMap { dependency in
            if let module = dependency.module {
                if allowedModules.contains(module) { return nil }
                if !namesPlatform && PlatformModules.exempt.contains(module) { return nil }
            } else {
                // A symbol of another module is judged by the import that brings it in.
                guard dependency.isWithinModule, !context.lands(dependency, in: source),
                      !allowedSets.contains(where: { context.lands(dependency, in: $0) }) else { return nil }
            }
            let target = context.displayName(of: dependency)
            return context.finding(dependency,
                                   message: "`\(source.name)` \(context.describe(dependency, in: target)), which is not among its allowed dependencies (\(list))",
                                   from: source.name, to: target)
        }
    }
}

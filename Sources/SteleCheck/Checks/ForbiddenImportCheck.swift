import SteleRules

/// `A must not import M1, M2`: matched on the imported module name (`import Darwin.C` matches
/// `Darwin` and `Darwin.C`), and a package's modules below it (`github.com/lib/pq/oid` matches
/// `github.com/lib/pq`, as `django.db` matches `django`).
struct ForbiddenImportCheck: RuleCheck {
    var subject: Selector
    var modules: [String]

    func vacuousSelector(in context: CheckContext) -> String? { context.emptiness(of: subject) }

    /// Imports and paths only.
    func symbolSources(in context: CheckContext) -> [Int] { [] }

    func findings(in context: CheckContext) -> [Finding] {
        let source = context.set(subject)
        return context.dependencies(of: source).compactMap { dependency in
            guard let module = dependency.module else { return nil }
            let path = dependency.importPath
            guard let name = modules.first(where: { $0 == module || path == $0 || path.hasPrefix($0 + ".") || module.hasPrefix($0 + "/") }) else {
                return nil
            }
            return context.finding(dependency, message: "`\(source.name)` imports `\(name)`", from: source.name, to: name)
        }
    }
}

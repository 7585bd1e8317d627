import SteleRules

/// `A must not import M1, M2`: matched on the imported module name (`import Darwin.C` matches
/// `Darwin` and `Darwin.C`).
struct ForbiddenImportCheck: RuleCheck {
    var subject: Selector
    var modules: [String]

    func findings(in context: CheckContext) -> [Finding] {
        let source = context.set(subject)
        return context.dependencies(of: source).compactMap { dependency in
            let path = dependency.imported.path.joined(separator: ".")
            guard let name = modules.first(where: { $0 == dependency.imported.module || path == $0 || path.hasPrefix($0 + ".") }) else {
                return nil
            }
            return context.finding(dependency, message: "`\(source.name)` imports `\(name)`", from: source.name, to: name)
        }
    }
}

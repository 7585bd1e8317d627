import SteleGraph
import SteleRules

/// `Feature(*) must not depend on each other`: no member of a parametrized component imports
/// another member.
struct IndependenceCheck: RuleCheck {
    var family: String

    func symbolSources(in context: CheckContext) -> [Int] {
        let sorted = members(in: context)
        return sorted.flatMap { context.symbolSources(of: $0, towards: sorted) }
    }

    func members(in context: CheckContext) -> [ComponentSet] {
        (context.architecture.families[family] ?? [:]).values.sorted { $0.name < $1.name }
    }

    func findings(in context: CheckContext) -> [Finding] {
        let sorted = members(in: context)
        var findings: [Finding] = []
        for member in sorted {
            for dependency in context.dependencies(of: member, towards: sorted) {
                guard let other = sorted.first(where: { $0.name != member.name && context.lands(dependency, in: $0) }) else { continue }
                findings.append(context.finding(dependency,
                    message: "`\(member.name)` \(context.describe(dependency, in: other.name)): members of `\(family)(*)` must not depend on each other",
                    from: member.name, to: other.name))
            }
        }
        return findings
    }
}

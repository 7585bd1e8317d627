import SteleGraph
import SteleRules

/// `Feature(*) must not depend on each other`: no member of a parametrized component imports
/// another member.
struct IndependenceCheck: RuleCheck {
    var family: String

    func vacuousSelector(in context: CheckContext) -> String? { context.emptiness(of: .family(family)) == nil ? nil : "\(family)(*)" }

    func symbolSources(in context: CheckContext) -> [Int] {
        let sorted = members(in: context)
        return context.symbolSources(of: sorted, towards: sorted)
    }

    func members(in context: CheckContext) -> [ComponentSet] {
        (context.architecture.families[family] ?? [:]).values.sorted { $0.name < $1.name }
    }

    func findings(in context: CheckContext) -> [Finding] {
        let sorted = members(in: context)
        let index = LandingIndex(sorted, context: context)
        var findings: [Finding] = []
        for (position, member) in sorted.enumerated() {
            for dependency in context.dependencies(of: member, towards: index) {
                guard let other = index.landings(of: dependency).first(where: { $0 != position }).map({ sorted[$0] }) else { continue }
                findings.append(context.finding(dependency,
                    message: "`\(member.name)` \(context.describe(dependency, in: other.name)): members of `\(family)(*)` must not depend on each other",
                    from: member.name, to: other.name))
            }
        }
        return findings
    }
}

import SteleADR
import SteleCheck
import SteleRules

/// The one note `stele check` adds about what it does not check: decisions in force that no
/// enforced rule carries, and prose rules nothing checks. Rules that vanish silently were the
/// first surprise of a new user; this says how many there are and where to look.
public enum EnforcementNote {
    /// Nil when every decision in force has an enforced rule and no prose rule went unchecked (the
    /// judge answered every question of the others in this run).
    public static func render(adrs: [ADR], result: CheckResult) -> String? {
        let enforcedADRs = Set(result.rules.filter { $0.state.isEnforced }.compactMap { $0.provenance.adr?.id })
        let inForce = adrs.filter { $0.status.isInForce }
        let bare = inForce.filter { !enforcedADRs.contains($0.id) }.map(\.id)
        var parts: [String] = []
        if !bare.isEmpty {
            let list = bare.count <= 5 ? bare.joined(separator: ", ") : bare.prefix(4).joined(separator: ", ") + " and \(bare.count - 4) more"
            parts.append("\(bare.count) of \(inForce.count) \(inForce.count == 1 ? "decision" : "decisions") in force \(bare.count == 1 ? "has" : "have") no enforced rule (\(list))")
        }
        let prose = CheckTextReport.proseCounts(result).notChecked
        if prose > 0 { parts.append("\(prose) prose \(prose == 1 ? "rule is" : "rules are") not checked") }
        guard !parts.isEmpty else { return nil }
        return "stele: note: " + parts.joined(separator: "; ") + "; `stele rules` lists them"
    }
}

import SteleCore

/// One parsed line of the rule language.
public enum Statement: Hashable, Sendable {
    case component(ComponentDeclaration)
    case rule(Rule)
    case setting(Setting)
    /// `judge prose rules` (or `… for A`), in an ADR: its prose rules are asked of the LLM judge.
    case judgeProse(ProseJudging)
}

import SteleCore

/// One parsed line of the rule language.
public enum Statement: Hashable, Sendable {
    case component(ComponentDeclaration)
    case rule(Rule)
    case setting(Setting)
}

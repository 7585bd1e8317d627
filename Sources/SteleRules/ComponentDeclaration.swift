import SteleCore

/// `component NAME = ...` or `component NAME(*) = ...`.
public struct ComponentDeclaration: Hashable, Sendable {
    /// What a component is made of. Items can be mixed: `component Data = module Data, Sources/Legacy/**`.
    public enum Source: Hashable, Sendable {
        /// A module the scanner detected (SwiftPM target, ...).
        case module(String)
        /// Files matching a path glob, relative to the repo root.
        case glob(Glob)
        /// A third-party or system module, matched on import names.
        case external(String)
    }

    public var name: String
    /// `Feature(*)`: one component per distinct value matched by the glob's first `*`.
    public var isParametrized: Bool
    public var sources: [Source]
    public var location: SourceLocation

    public init(name: String, isParametrized: Bool, sources: [Source], location: SourceLocation) {
        self.name = name
        self.isParametrized = isParametrized
        self.sources = sources
        self.location = location
    }
}

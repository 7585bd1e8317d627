import SteleCore

/// One rule statement of the language, as written, before it is checked against a codebase.
public struct Rule: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `layers A > B > C` (relaxed) or `strict layers A > B > C`. Highest layer first.
        case layers([Selector], strict: Bool)
        /// `A must not depend on B, C` and, with `transitive`, `... directly or indirectly`.
        case mustNotDependOn(Selector, [Selector], transitive: Bool)
        /// `A must not import M1, M2`
        case mustNotImport(Selector, modules: [String])
        /// `A may only depend on B, C`
        case mayOnlyDependOn(Selector, [Selector])
        /// `only A, B may depend on C`
        case onlyMayDependOn([Selector], Selector)
        /// `only A may import M1, M2`
        case onlyMayImport([Selector], modules: [String])
        /// `no cycles in A`, `A must be acyclic`, or `no cycles` (the whole project).
        case noCycles(Selector?)
        /// `Feature(*) must not depend on each other`
        case independent(family: String)
        /// `files in A must be named "*ViewModel.swift"`
        case naming(Selector, pattern: String)
        /// `A must not use S1, S2`: no file of A names S1 or S2 in code (symbol-level: names as written).
        case mustNotUse(Selector, symbols: [String])
        /// `judge "plain-English rule" for A`: asked of the LLM judge.
        case judge(String, Selector)
        /// `manifests must match imports` (every module from a manifest) or `… for A`: each module's
        /// manifest declares what its files import from the project, and every project module it
        /// declares is imported.
        case manifestsMatchImports(Selector?)
    }

    public var kind: Kind
    /// Carve-outs: files in these are not checked, and dependencies on these are allowed.
    public var exceptions: [Selector] = []
    /// A time-boxed waiver: the rule is not in force before this date (`YYYY-MM-DD`).
    public var until: String?
    /// `(error)`, `(warning)`, `(info)`: overrides the severity the ADR's status gives.
    public var severity: Severity?
    /// `because ADR-0007`: provenance, for rules in `.stele` files.
    public var because: String?

    public init(kind: Kind) { self.kind = kind }

    /// The severity a finding has when the rule does not say: the ADR's (error when accepted), but
    /// at most a warning for `manifests must match imports`, a hygiene rule one opts into by
    /// writing it, and makes fail the build by writing `(error)`.
    public func defaultSeverity(given base: Severity) -> Severity {
        if case .manifestsMatchImports = kind { return min(base, .warning) }
        return base
    }

    /// Every selector a rule names, for resolving names and reporting unknown ones.
    public var selectors: [Selector] {
        switch kind {
        case .layers(let layers, _): return layers + exceptions
        case .mustNotDependOn(let a, let bs, _): return [a] + bs + exceptions
        case .mustNotImport(let a, _), .naming(let a, _), .mustNotUse(let a, _), .judge(_, let a):
            return [a] + exceptions
        case .mayOnlyDependOn(let a, let bs): return [a] + bs + exceptions
        case .onlyMayDependOn(let allowed, let c): return allowed + [c] + exceptions
        case .onlyMayImport(let allowed, _): return allowed + exceptions
        case .noCycles(let a), .manifestsMatchImports(let a): return (a.map { [$0] } ?? []) + exceptions
        case .independent(let family): return [.family(family)] + exceptions
        }
    }
}

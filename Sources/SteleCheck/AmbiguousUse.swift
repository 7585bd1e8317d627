import SteleCore
import SteleGraph
import SteleRules
import SteleScan

/// A use of a name that several files the using file can see declare, where a rule forbids the use
/// of some of those declarations and not of the others: whether the use breaks the rule depends on
/// which declaration it means, and Stele does not guess. `stele check --judge` asks the LLM judge;
/// without it, the summary counts them as not resolved.
public struct AmbiguousUse: Hashable, Sendable {
    /// One declaration the name may mean.
    public struct Candidate: Hashable, Sendable {
        public var file: String
        public var line: Int
        public var module: String?
    }

    public var rule: CompiledRule
    public var file: String
    public var name: String
    public var line: Int
    public var column: Int
    /// The declarations whose use the rule forbids, and the others, by path.
    public var forbidden: [Candidate]
    public var others: [Candidate]
    /// The finding the use is if it means `forbidden[0]`: what a judged violation reports.
    public var finding: Finding

    /// Where `file` declares `name`: at its top level, else as a nested type (`Logger.Message`).
    static func declaration(of name: String, in file: SourceFile) -> (line: Int, column: Int) {
        let declaration = file.declarations.first { $0.parent == nil && $0.name == name } ?? file.declarations.first { $0.name == name }
        return (declaration?.line ?? 1, declaration?.column ?? 1)
    }
}

extension Checker {
    /// The rules whose checks ask where uses land: dependency rules. `must not use` matches names as
    /// written (no declaration is chosen); a cycle through a guessed edge would be two guesses deep.
    static func asksAboutAmbiguousUses(_ kind: Rule.Kind) -> Bool {
        switch kind {
        case .layers, .mustNotDependOn, .mayOnlyDependOn, .onlyMayDependOn, .independent: return true
        default: return false
        }
    }

    /// The ambiguous uses `rule` would report for some of their declarations and not for others:
    /// its check run once more over nothing but those uses, one dependency per declaration.
    static func ambiguousUses(of rule: CompiledRule, check: RuleCheck, architecture: Architecture) -> [AmbiguousUse] {
        guard architecture.symbols.ambiguousCount > 0, asksAboutAmbiguousUses(rule.rule.kind) else { return [] }
        let context = CheckContext(architecture: architecture, rule: rule, candidatesOfAmbiguousUses: true)
        // By use (file, line, column): the first finding of each declaring file.
        var forbidden: [SourceLocation: [String: Finding]] = [:]
        for finding in check.findings(in: context) {
            guard let declaring = finding.declaringFile else { continue }
            if forbidden[finding.location]?[declaring] == nil { forbidden[finding.location, default: [:]][declaring] = finding }
        }
        guard !forbidden.isEmpty else { return [] }
        let files = architecture.scan.files
        let using = Set(forbidden.keys.map(\.file))
        var uses: [AmbiguousUse] = []
        for (i, file) in files.enumerated() where using.contains(file.path) {
            for edge in architecture.symbols.edges(from: i) {
                guard case .ambiguous(let candidates) = edge.target,
                      let findings = forbidden[SourceLocation(file: file.path, line: edge.line, column: edge.column)] else { continue }
                var bad: [AmbiguousUse.Candidate] = []
                var others: [AmbiguousUse.Candidate] = []
                for c in candidates {
                    let candidate = AmbiguousUse.Candidate(file: files[c].path, line: AmbiguousUse.declaration(of: edge.name, in: files[c]).line,
                                                           module: files[c].module)
                    if findings[files[c].path] != nil { bad.append(candidate) } else { others.append(candidate) }
                }
                // Every declaration forbidden, or none: nothing to ask (see docs/judge.md).
                guard let first = bad.first, !others.isEmpty, let finding = findings[first.file] else { continue }
                uses.append(AmbiguousUse(rule: rule, file: file.path, name: edge.name, line: edge.line, column: edge.column,
                                         forbidden: bad, others: others, finding: finding))
            }
        }
        return uses
    }
}

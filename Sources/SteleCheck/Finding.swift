import SteleCore
import SteleRules

/// A violation of a rule by the code, at the place that breaks it.
public struct Finding: Hashable, Sendable {
    public var rule: CompiledRule
    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong, in one line: "Domain imports GRDB".
    public var message: String
    /// The component that depends, and what it depends on.
    public var from: String
    public var to: String
    /// The offending source, normalised to one line: "import GRDB".
    public var snippet: String
    /// Stable across line moves: a hash of the rule, the file, the dependency and the snippet.
    public var fingerprint: String
    /// The `#if` conditions the offending import is under, if any: the violation may exist on
    /// some platforms or configurations only.
    public var conditions: [String] = []
    /// For a symbol use: the file that declares the symbol. A change there (a type moved into a
    /// forbidden folder) causes the finding as much as the use does.
    public var declaringFile: String?
    /// For a finding made of several places (a cycle, an indirect path): where a changed file takes
    /// part in it. Set only in changed-files mode, where the finding is then reported there.
    public var changeSite: ChangeSite?
    /// In changed-files mode, the fingerprints of other findings reported at the same changed place
    /// with the same message (several imports whose indirect path the same changed import completes).
    public var mergedFingerprints: [String] = []
    /// For a finding of the LLM judge: which model judged it, how sure it was, and why. Nil for the others.
    public var judged: Judgement?

    /// The LLM judge's marks on a judged finding (`stele check --judge`).
    public struct Judgement: Hashable, Sendable {
        public var model: String
        /// From 0 to 1.
        public var confidence: Double
        public var reason: String

        public init(model: String, confidence: Double, reason: String) {
            self.model = model
            self.confidence = confidence
            self.reason = reason
        }
    }

    /// A place in a changed file where a finding made of several places is reported instead.
    public struct ChangeSite: Hashable, Sendable {
        public var location: SourceLocation
        public var snippet: String
        public var message: String
        public var conditions: [String]
    }

    public init(rule: CompiledRule, location: SourceLocation, message: String, from: String, to: String, snippet: String) {
        self.rule = rule
        self.severity = rule.severity
        self.location = location
        self.message = message
        self.from = from
        self.to = to
        self.snippet = snippet
        self.fingerprint = StableHash.hex([rule.text, location.file, from, to, snippet].joined(separator: "\u{1F}"))
    }

    /// Every fingerprint this finding stands for: its own, then those merged into it.
    public var fingerprints: [String] { [fingerprint] + mergedFingerprints }

    /// Output order: by file, line, column, then rule and message.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.rule.text != b.rule.text { return a.rule.text < b.rule.text }
        return a.message < b.message
    }
}

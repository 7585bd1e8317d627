import SteleCore
import SteleScan
import SteleGraph
import SteleRules

extension Checker {
    /// The files a `judge "…" for A` rule asks about, one question each: A's files, without those
    /// its `except` names. Nil for any other rule. Paths, sorted, so the questions come in one order.
    public static func judgeSubjects(_ rule: CompiledRule, architecture: Architecture) -> (question: String, component: String, files: [String])? {
        guard case .judge(let question, let subject) = rule.rule.kind else { return nil }
        let context = CheckContext(architecture: architecture, rule: rule)
        let set = context.set(subject)
        let files = set.files.filter { !context.exceptFiles.contains($0) }.map { architecture.scan.files[$0].path }.sorted()
        return (question, set.name, files)
    }
}

extension Checker {
    /// What a prose rule opted in with `judge prose rules` is asked about.
    public enum ProseSubjects: Equatable {
        /// One question per file: the rule as the judge reads it, what it is about, the files.
        case files(rule: CompiledRule, component: String, files: [String])
        /// Not asked, and why.
        case none(String)
    }

    /// The files a judged prose rule asks about: those of `judge prose rules for A`'s A; without
    /// `for`, those of the declared components, parametrized components and project modules the
    /// sentence names as whole words (`Domain`, `app.core`). A sentence that names none is not
    /// asked: every file of the project would cost a question each.
    public static func proseSubjects(_ prose: ProseRule, architecture: Architecture) -> ProseSubjects? {
        guard let judging = prose.judging else { return nil }
        if let subject = judging.subject {
            switch architecture.resolve(subject) {
            case .unknown(let name, let suggestion):
                return .none("`judge prose rules for \(subject)` at \(judging.location): unknown component `\(name)`"
                             + (suggestion.map { " (did you mean `\($0)`?)" } ?? ""))
            case .resolved(let set):
                let files = set.files.map { architecture.scan.files[$0].path }.sorted()
                return .files(rule: prose.judgedRule(subject: subject), component: set.name, files: files)
            }
        }
        let names = namedComponents(in: prose.text, architecture: architecture)
        guard !names.isEmpty else {
            return .none("it names no component or module: write `judge prose rules for A` in its ADR to say which files it is about")
        }
        var files = Set<Int>()
        for name in names {
            if case .resolved(let set) = architecture.resolve(.name(name)) { files.formUnion(set.files) }
        }
        let component = names.joined(separator: ", ")
        return .files(rule: prose.judgedRule(subject: .name(component)), component: component,
                      files: files.map { architecture.scan.files[$0].path }.sorted())
    }

    /// The declared components, parametrized components and project modules with files that `text`
    /// names as whole words (letters, digits, `_` and inner dots), sorted.
    static func namedComponents(in text: String, architecture: Architecture) -> [String] {
        var words = Set<String>()
        var word = ""
        func flush() {
            while word.hasSuffix(".") { word.removeLast() }
            if !word.isEmpty { words.insert(word) }
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || character == "_" || (character == "." && !word.isEmpty) {
                word.append(character)
            } else {
                flush()
            }
        }
        flush()
        return words.filter { name in
            architecture.declared[name] != nil || architecture.families[name] != nil || !(architecture.moduleFiles[name] ?? []).isEmpty
        }.sorted()
    }
}

extension Checker {
    /// The rules the LLM judge may give findings for: `judge` rules, and the prose rules of ADRs that
    /// say `judge prose rules` (as `ProseRule.judgedRule` makes them).
    static func judgedRules(_ book: RuleBook) -> [CompiledRule] {
        // In force only: a rule of a superseded ADR is never judged.
        let rules = book.rules.filter { $0.state == .notEnforced(reason: RuleBook.judgeNotEnabled) }
        let prose = book.proseRules.filter { $0.judging != nil && ($0.provenance.adr?.status.isInForce ?? true) }
        return rules + prose.map { $0.judgedRule(subject: .name("")) }
    }

    /// Inline suppressions (`// stele:allow ADR-0001 -- why`) applied to the judge's findings, as
    /// `check` applied them to the others: what they leave, what they suppress, and the diagnostics
    /// (no reason, expired, covers nothing) of the suppressions the scan had not seen (`scanned`'s
    /// were reported when the other findings were filtered).
    public static func suppressingJudged(_ findings: [Finding], suppressions: [String: [Suppression]], scanned: [SourceFile],
                                         today: String) -> (kept: [Finding], suppressed: [Finding], diagnostics: [Diagnostic]) {
        let files = suppressions.keys.sorted().map { path -> SourceFile in
            var file = SourceFile(path: path, language: Language.of(path: path) ?? .swift, module: nil, imports: [])
            file.suppressions = suppressions[path]!
            return file
        }
        let outcome = SuppressionFilter.apply(findings, files: files, today: today)
        var seen = Set<SourceLocation>()
        for file in scanned where suppressions[file.path] != nil {
            for s in file.suppressions { seen.insert(SourceLocation(file: file.path, line: s.line, column: s.column)) }
        }
        return (outcome.kept, outcome.suppressed, outcome.diagnostics.filter { !seen.contains($0.location ?? SourceLocation(file: "", line: 0, column: 0)) })
    }
}

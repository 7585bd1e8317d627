import SteleCore
import SteleCheck
import SteleRules

/// One question to the judge: does this excerpt of this file follow this rule? The excerpt is
/// redacted and numbered with the file's own line numbers, so the answer's `line` is a file line.
public struct JudgeQuestion: Hashable, Sendable {
    public var rule: CompiledRule
    /// The rule in plain English: the quoted text of `judge "…" for A`.
    public var question: String
    /// The component the rule is about, as the rule names it.
    public var component: String
    public var file: String
    /// The excerpt's first and last line in the file (1-based, inclusive).
    public var firstLine: Int
    public var lastLine: Int
    /// The redacted excerpt, one line per file line, each prefixed with its number: `  12| code`.
    public var excerpt: String
    /// A question about which declaration an ambiguous use means (the rule is a dependency rule,
    /// `question` its text); nil for `judge` rules and prose rules.
    public var use: AmbiguousUse?

    public init(rule: CompiledRule, question: String, component: String, file: String, firstLine: Int, lastLine: Int, excerpt: String,
                use: AmbiguousUse? = nil) {
        self.rule = rule
        self.question = question
        self.component = component
        self.file = file
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.excerpt = excerpt
        self.use = use
    }

    /// What is asked, for notes: the rule's sentence, or which declaration a use means.
    public var subject: String {
        guard let use else { return "\"\(question)\" (\(rule.id))" }
        return "which `\(use.name)` line \(use.line) uses, for \"\(question)\" (\(rule.id))"
    }

    /// The question about `use`: the excerpt of `text` (the using file) that holds the use.
    public static func question(about use: AmbiguousUse, text: String) -> JudgeQuestion? {
        guard var question = questions(rule: use.rule, question: use.rule.text, component: use.finding.from, file: use.file, text: text)
            .first(where: { ($0.firstLine...$0.lastLine).contains(use.line) }) else { return nil }
        question.use = use
        return question
    }

    /// Where the rule comes from, in the words a reviewer reads it: the ADR and its title (no line
    /// number: editing the ADR's prose must not ask every question again).
    public var source: String {
        guard let adr = rule.provenance.adr else { return rule.provenance.location.file }
        return "\(adr.id) \"\(adr.title)\""
    }

    /// The verdict key: a hash of everything the request carries that can vary (the prompt version,
    /// the model, and the user message: rule, component, decision, file, the redacted excerpt).
    /// The same question asked the same way of the same model needs no second request; a rule's
    /// severity or `except` changes nothing that is asked, so it keeps its verdicts.
    public func key(model: String) -> String {
        StableHash.hex([JudgePrompt.version, model, JudgePrompt(self).user].joined(separator: "\u{1F}"))
    }

    /// The key without the model: how `--judge=replay` finds a verdict when no model is named.
    public var modelFreeKey: String {
        StableHash.hex([JudgePrompt.version, JudgePrompt(self).user].joined(separator: "\u{1F}"))
    }

    /// The longest line sent whole: a minified or generated line is cut (its number stays), so
    /// that one line cannot blow the request's size.
    public static let maximumLineLength = 500

    static func shortened(_ line: Substring) -> String {
        guard line.utf8.count > maximumLineLength else { return String(line) }
        let kept = line.prefix(maximumLineLength)
        return kept + " …[\(line.count - kept.count) more characters]"
    }

    /// The questions one file gives: the whole file, or, past `maximumLines`, one excerpt per run of
    /// top-level declarations (a declaration longer than that is cut at `maximumLines`).
    public static func questions(rule: CompiledRule, question: String, component: String, file: String, text: String,
                                 maximumLines: Int = 300) -> [JudgeQuestion] {
        let redacted = Redaction.redact(text)
        var lines = redacted.split(separator: "\n", omittingEmptySubsequences: false).map(JudgeQuestion.shortened)
        if lines.last == "" { lines.removeLast() }
        if lines.isEmpty { return [] }
        return ExcerptSplitter.ranges(lines, maximumLines: maximumLines).map { range in
            let width = String(range.upperBound).count
            let numbered = range.map { k -> String in
                let number = String(k + 1)
                return String(repeating: " ", count: width - number.count) + number + "| " + lines[k]
            }.joined(separator: "\n")
            return JudgeQuestion(rule: rule, question: question, component: component, file: file,
                                 firstLine: range.lowerBound + 1, lastLine: range.upperBound, excerpt: numbered)
        }
    }
}

/// Cuts a long file at top-level declarations: a line that starts in column 0 with something other
/// than a closing bracket, a comment or an attribute's continuation begins one. Language-agnostic on
/// purpose: Swift, Python, TypeScript, Go and Kotlin all start top-level declarations there.
enum ExcerptSplitter {
    static func ranges(_ lines: [String], maximumLines: Int) -> [Range<Int>] {
        guard lines.count > maximumLines else { return [0..<lines.count] }
        // Where declarations start: a top-level line after a line that is not one (a blank line, a
        // closing brace, a comment) begins a new one.
        var starts: [Int] = []
        for k in 1..<lines.count where startsDeclaration(lines[k]) && !startsDeclaration(lines[k - 1]) {
            starts.append(k)
        }
        starts.append(lines.count)
        // Greedy packing: consecutive declarations share an excerpt while it stays within the limit;
        // a declaration longer than the limit is cut into pieces of the limit.
        var result: [Range<Int>] = []
        var lower = 0
        var last = 0
        for boundary in starts {
            if boundary - lower > maximumLines {
                if last > lower { result.append(lower..<last); lower = last }
                while boundary - lower > maximumLines {
                    result.append(lower..<(lower + maximumLines))
                    lower += maximumLines
                }
            }
            last = boundary
        }
        if lower < lines.count { result.append(lower..<lines.count) }
        return result
    }

    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }

    static func startsDeclaration(_ line: String) -> Bool {
        guard let first = line.first, first != " ", first != "\t", first != "\r" else { return false }
        if "})]".contains(first) { return false }
        if line.hasPrefix("//") || line.hasPrefix("/*") || line.hasPrefix("*") || line.hasPrefix("#if") || line.hasPrefix("#else") || line.hasPrefix("#endif") { return false }
        return true
    }
}

import SteleCore

/// What `stele rules --suggest` prints: per ADR, the kept lines as a ```stele block to paste (each
/// run of lines under the ADR sentence it comes from) and the dropped ones commented out with why.
public enum RuleSuggestionReport {
    public static func text(_ outcome: RuleSuggester.Outcome) -> String {
        var out = ""
        for s in outcome.suggestions {
            let head = "\(s.subject.id) \"\(s.subject.title)\" (\(s.subject.file))"
            if let problem = s.problem {
                out += "\(head): no suggestion: \(problem)\n\n"
                continue
            }
            if s.kept.isEmpty && s.dropped.isEmpty {
                out += "\(head): nothing to suggest (the judge proposed no rule)\n\n"
                continue
            }
            out += "\(head): \(count(s.kept.count, "line")) suggested" + (s.dropped.isEmpty ? "" : ", \(s.dropped.count) dropped") + "\n"
            out += "```stele\n"
            var sentence: String?
            for item in s.kept {
                if let said = item.sentence, said != sentence { out += "# \"\(oneLine(said))\"\n" }
                sentence = item.sentence
                out += item.line + "\n"
            }
            for item in s.dropped { out += "# dropped (\(oneLine(item.problem))): \(oneLine(item.line))\n" }
            out += "```\n\n"
        }
        return out
    }

    public static func json(_ outcome: RuleSuggester.Outcome, model: String?) -> String {
        JSON.object([
            ("version", .int(1)),
            ("model", .optional(model)),
            ("suggestions", .array(outcome.suggestions.map { s in
                .object([
                    ("adr", .string(s.subject.id)), ("title", .string(s.subject.title)), ("file", .string(s.subject.file)),
                    ("rules", .array(s.kept.map { .object([("rule", .string($0.line)), ("sentence", .optional($0.sentence))]) })),
                    ("dropped", .array(s.dropped.map { .object([("rule", .string($0.line)), ("problem", .string($0.problem))]) })),
                    ("problem", .optional(s.problem)),
                ])
            })),
        ]).rendered() + "\n"
    }

    /// One line for standard error: what was asked and what came of it.
    public static func summary(_ outcome: RuleSuggester.Outcome) -> String {
        let kept = outcome.suggestions.reduce(0) { $0 + $1.kept.count }
        let dropped = outcome.suggestions.reduce(0) { $0 + $1.dropped.count }
        let failed = outcome.suggestions.filter { $0.problem != nil }.count
        return "stele: rules --suggest: \(count(outcome.suggestions.count, "ADR")) in force, \(count(outcome.requestsSent, "request")): "
            + "\(count(kept, "line")) suggested, \(dropped) dropped, \(failed) without a suggestion; nothing was written"
    }

    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func oneLine(_ text: String) -> String { text.split(whereSeparator: \.isNewline).joined(separator: " ") }
}

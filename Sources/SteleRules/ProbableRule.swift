import SteleCore

/// What an ADR bullet that reads like a rule but does not parse probably meant: "Features should
/// not import Networking" → `Features must not import Networking`. Tries the rewrites people need
/// most (modal verbs, third-person verbs, "never", "is not allowed to") and keeps the first that parses.
///
/// Pure: text in, a rule in the rule language (or nil) out.
public enum ProbableRule {
    /// Whether a sentence reads like an architectural rule: it names an obligation and a dependency.
    public static func readsLikeRule(_ text: String) -> Bool {
        let words = Set(text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init))
        let modal = !words.isDisjoint(with: ["must", "may", "should", "shall", "never", "cannot", "can't", "only", "shouldn't", "mustn't", "allowed", "forbidden"])
        let dependency = !words.isDisjoint(with: ["import", "imports", "depend", "depends", "use", "uses", "call", "calls", "reference", "references", "access", "accesses"])
        return modal && dependency
    }

    /// The rule it probably meant, or nil when no rewrite parses.
    public static func suggestion(for text: String) -> String? {
        if case .success(.rule?) = RuleParser.parse(text, at: SourceLocation(file: "", line: 1, column: 1)) { return nil }
        var words = text.trimmingWhitespace().split(separator: " ").map(String.init)
        if let last = words.last, last.hasSuffix(".") { words[words.count - 1] = String(last.dropLast()) }
        let rewrites: [(String, String)] = [
            ("should not", "must not"), ("shouldn't", "must not"), ("mustn't", "must not"), ("shall not", "must not"),
            ("cannot", "must not"), ("can't", "must not"), ("can not", "must not"), ("may not", "must not"),
            ("is not allowed to", "must not"), ("are not allowed to", "must not"), ("is forbidden to", "must not"),
            ("are forbidden to", "must not"), ("never", "must not"), ("should", "must"), ("shall", "must"),
            ("is allowed to", "may"), ("are allowed to", "may"), ("can", "may"),
            ("imports", "import"), ("depends on", "depend on"), ("uses", "use"), ("calls", "call"), ("directly depend", "depend"),
        ]
        for (from, to) in rewrites { words = replacing(words, from.split(separator: " ").map(String.init), to.split(separator: " ").map(String.init)) }
        // "X must only be imported by Y" → "only Y may import X".
        let lower = words.map { $0.lowercased() }
        if let k = (0..<max(0, lower.count - 4)).first(where: { Array(lower[$0..<($0 + 5)]) == ["must", "only", "be", "imported", "by"] }) {
            words = ["only"] + words[(k + 5)...] + ["may", "import"] + words[..<k]
        }
        let rule = words.joined(separator: " ")
        guard rule != text.trimmingWhitespace(), case .success(.rule?) = RuleParser.parse(rule, at: SourceLocation(file: "", line: 1, column: 1)) else { return nil }
        return rule
    }

    /// Replaces a run of words, ignoring case.
    static func replacing(_ words: [String], _ from: [String], _ to: [String]) -> [String] {
        var result: [String] = []
        var i = 0
        while i < words.count {
            if i + from.count <= words.count, zip(words[i..<(i + from.count)], from).allSatisfy({ $0.lowercased() == $1 }) {
                result += to
                i += from.count
            } else {
                result.append(words[i])
                i += 1
            }
        }
        return result
    }
}

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

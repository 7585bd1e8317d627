import SteleCore
import SteleRules

/// `files in A must be named "*ViewModel.swift"`.
struct NamingCheck: RuleCheck {
    var subject: Selector
    var pattern: String

    func vacuousSelector(in context: CheckContext) -> String? { context.emptiness(of: subject) }

    /// Imports and paths only.
    func symbolSources(in context: CheckContext) -> [Int] { [] }

    func findings(in context: CheckContext) -> [Finding] {
        let set = context.set(subject)
        let glob = Glob(pattern)
        return set.files.compactMap { i in
            guard !context.exceptFiles.contains(i) else { return nil }
            let file = context.architecture.scan.files[i]
            guard !glob.matchesFileName(file.path) else { return nil }
            let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
            return Finding(rule: context.rule, location: SourceLocation(file: file.path, line: 1, column: 1),
                           message: "`\(name)` is in `\(set.name)` but is not named \"\(pattern)\"",
                           from: set.name, to: pattern, snippet: name)
        }
    }
}

import SteleCore
import SteleFiles
import SteleReport
import SteleScan

/// The options every data command shares.
struct CommandOptions {
    var command: String
    var root: String
    var format: String?
    var output: Output
    var today: String
    var quiet: Bool
    /// `check --baseline FILE`: report only findings not in FILE.
    var baseline: String?
    /// `check --files F…`, `--since REF`, `--staged`: report only findings in those files.
    var changed: ChangedFiles.Source?
    var changedModes = 0
    /// `review --compare OLD.json`: a saved report to compare with.
    var compare: String?
    /// `--no-cache`: scan without the facts cache.
    var noCache: Bool
    /// `check --judge[=replay]`, `--judge-dry-run`: how the LLM judge takes part; nil when it does not.
    var judge: String?
    /// `rules --suggest`: the judge proposes rules for each ADR in force.
    var suggest: Bool

    init(_ arguments: CommandLineArguments) {
        command = arguments.command ?? ""
        // `stele explain WHAT [PATH]`: the path comes second.
        let pathIndex = arguments.command == "explain" ? 1 : 0
        var root = arguments.positional.count > pathIndex ? arguments.positional[pathIndex] : "."
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
        format = arguments.options["--format"]
        output = Output(path: arguments.options["--output"])
        today = arguments.options["--today"] ?? FileSystem.environment("STELE_TODAY") ?? FileSystem.today()
        quiet = arguments.flags.contains("--quiet")
        noCache = arguments.flags.contains("--no-cache")
        suggest = arguments.flags.contains("--suggest")
        baseline = arguments.options["--baseline"]
        compare = arguments.options["--compare"]
        if let files = arguments.lists["--files"] { changed = .files(files); changedModes += 1 }
        if let ref = arguments.options["--since"] { changed = .since(ref); changedModes += 1 }
        if arguments.flags.contains("--staged") { changed = .staged; changedModes += 1 }
        judge = arguments.options["--judge"].map { $0.isEmpty ? "ask" : $0 }
        if arguments.flags.contains("--judge-dry-run") { judge = judge == nil ? "dry-run" : "conflict" }
    }

    /// The `--format` names each command takes; `check`'s come from `CheckFormat`.
    static let formats: [String: [String]] = [
        "check": CheckFormat.allCases.map(\.rawValue), "baseline": ["json"], "scan": ["text", "json"], "rules": ["text", "json"],
        "graph": ["dot", "mermaid", "json"], "review": ["html", "markdown", "json"], "explain": ["text", "json"],
    ]

    /// Where the facts cache is (resolved when a command scans: the root must exist by then).
    var cache: FactsCache.Location? { CacheLocation.resolve(root: root, disabled: noCache) }

    /// A usage problem, or nil.
    func validate() -> String? {
        guard FileSystem.isDirectory(root) else {
            return "`\(root)` is not a directory\n  hint: pass the repository root, e.g. `stele \(command) .`"
        }
        if let format, let allowed = CommandOptions.formats[command], !allowed.contains(format) {
            let hint = Suggestion.closest(to: format, in: allowed).map { "did you mean `\($0)`?" }
                ?? "`stele \(command)` writes " + allowed.map { "`\($0)`" }.joined(separator: ", ")
            return "unknown format `\(format)` for `stele \(command)`\n  hint: \(hint)"
        }
        if changedModes > 1 {
            return "`--files`, `--since` and `--staged` are alternatives: use one"
        }
        if command == "review", let judge, judge != "replay" {
            return "`stele review` takes `--judge=replay` only: a report never asks the judge, it shows the stored verdicts"
        }
        if command == "rules", judge != nil, !suggest {
            return "`--judge-dry-run` goes with `stele rules --suggest`: it prints the requests instead of sending them"
        }
        if let judge, JudgeCommandLine.mode(judge) == nil {
            return judge == "conflict" ? "`--judge` and `--judge-dry-run` are alternatives: use one"
                : "`--judge` takes no value, or `=replay` (stored verdicts only), not `\(judge)`"
        }
        if CalendarDay.number(today) == nil {
            return "`--today` takes a date `YYYY-MM-DD`, not `\(today)`"
        }
        return nil
    }
}

import SteleCore
import SteleFiles
import SteleScan

/// The `stele` command: dispatches to one command and returns the process exit code
/// (0 clean, 1 findings of error severity, 2 usage, configuration, rule or ADR errors).
public enum SteleCLI {
    public static let version = "0.1.0"

    public enum ExitCode {
        public static let success: Int32 = 0
        public static let findings: Int32 = 1
        public static let usage: Int32 = 2
    }

    static let common: Set<String> = ["--format", "--output", "--today"]
    static let specs: [String: CommandLineArguments.Spec] = [
        "": .init(options: [], flags: ["--help", "--version"], maxPositional: 0),
        "check": .init(options: common.union(["--baseline", "--since"]), flags: ["--help", "--quiet", "--staged", "--no-cache"], maxPositional: 1,
                       lists: ["--files"]),
        "baseline": .init(options: common, flags: ["--help", "--quiet", "--no-cache"], maxPositional: 1),
        "install-hook": .init(options: [], flags: ["--help", "--force"], maxPositional: 1),
        "scan": .init(options: common, flags: ["--help", "--no-cache"], maxPositional: 1),
        "rules": .init(options: common, flags: ["--help", "--no-cache"], maxPositional: 1),
        "graph": .init(options: common, flags: ["--help", "--no-cache", "--no-externals"], maxPositional: 1),
        "help": .init(options: [], flags: ["--help"], maxPositional: 1),
        "version": .init(options: [], flags: ["--help"], maxPositional: 0),
    ]

    /// Commands of the CLI contract that later versions add; named so the error can say so.
    static let planned = ["review", "explain", "adr", "init"]

    public static func main(_ arguments: [String]) -> Int32 {
        if let first = arguments.first, planned.contains(first) {
            Output.error("stele: `stele \(first)` is not available in this version (\(version))\n  hint: see README.md, \"What ships today\"")
            return ExitCode.usage
        }
        let parsed: CommandLineArguments
        switch CommandLineArguments.parse(arguments, specs: specs) {
        case .failure(let error):
            Output.error("stele: error: \(error)")
            return ExitCode.usage
        case .success(let p):
            parsed = p
        }
        if parsed.flags.contains("--version") || parsed.command == "version" {
            print("stele \(version)")
            return ExitCode.success
        }
        if parsed.command == nil || parsed.command == "help" || parsed.flags.contains("--help") {
            print(Help.text(for: parsed.command == "help" ? parsed.positional.first : parsed.command))
            return ExitCode.success
        }
        let options = CommandOptions(parsed)
        if let problem = options.validate() {
            Output.error("stele: error: \(problem)")
            return ExitCode.usage
        }
        switch parsed.command {
        case "check": return CheckCommand.run(options)
        case "scan": return ScanCommand.run(options)
        case "rules": return RulesCommand.run(options)
        case "graph": return GraphCommand.run(options, externals: !parsed.flags.contains("--no-externals"))
        case "baseline": return BaselineCommand.run(options)
        case "install-hook": return InstallHookCommand.run(options, force: parsed.flags.contains("--force"))
        default: return ExitCode.usage
        }
    }
}

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
    /// `--no-cache`: scan without the facts cache.
    var noCache: Bool

    init(_ arguments: CommandLineArguments) {
        command = arguments.command ?? ""
        var root = arguments.positional.first ?? "."
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
        format = arguments.options["--format"]
        output = Output(path: arguments.options["--output"])
        today = arguments.options["--today"] ?? FileSystem.environment("STELE_TODAY") ?? FileSystem.today()
        quiet = arguments.flags.contains("--quiet")
        noCache = arguments.flags.contains("--no-cache")
        baseline = arguments.options["--baseline"]
        if let files = arguments.lists["--files"] { changed = .files(files); changedModes += 1 }
        if let ref = arguments.options["--since"] { changed = .since(ref); changedModes += 1 }
        if arguments.flags.contains("--staged") { changed = .staged; changedModes += 1 }
    }

    static let formats: [String: [String]] = [
        "check": ["text", "json", "sarif", "junit", "github", "markdown"], "baseline": ["json"], "scan": ["text", "json"], "rules": ["text", "json"], "graph": ["dot", "mermaid", "json"],
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
        if CalendarDay.number(today) == nil {
            return "`--today` takes a date `YYYY-MM-DD`, not `\(today)`"
        }
        return nil
    }
}

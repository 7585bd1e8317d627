import SteleADR
import SteleCore
import SteleFiles
import SteleRules

/// `stele adr new|list|lint`: ADR housekeeping, in the repository's own format. Reads what every
/// subcommand needs (the rules' `adr directory` setting, the ADRs, the rule book compiled from them)
/// and hands it to the subcommand.
enum ADRCommand {
    static func run(_ arguments: CommandLineArguments) -> Int32 {
        switch arguments.subcommand {
        case "new": return ADRNewCommand.run(arguments)
        case "list": return ADRListCommand.run(arguments)
        case "lint": return ADRLintCommand.run(arguments)
        default: return SteleCLI.ExitCode.usage
        }
    }

    /// The repository's ADRs as Stele reads them, and the rule book they compile to.
    struct Workspace {
        var root: String
        var configuredDirectory: String?
        var collection: ADRCollection
        var book: RuleBook

        init(root: String, today: String) {
            self.root = root
            let ruleFiles = Pipeline(root: root, today: today).loadRuleFiles()
            configuredDirectory = RuleBook.compile(ruleFiles: ruleFiles, adrs: [], today: today).adrDirectory
            collection = ADRCollection.load(repositoryRoot: root, configuredDirectory: configuredDirectory)
            book = RuleBook.compile(ruleFiles: ruleFiles, adrs: collection.adrs, today: today)
        }

        /// A path to print: repo-relative when run at the root.
        func display(_ relative: String) -> String { root == "." ? relative : root + "/" + relative }
    }

    /// The repository root from the positional argument at `index` (default `.`), or a usage error.
    static func root(_ arguments: CommandLineArguments, at index: Int) -> Result<String, Problem> {
        var root = arguments.positional.count > index ? arguments.positional[index] : "."
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        guard FileSystem.isDirectory(root) else {
            return .failure(Problem("`\(root)` is not a directory\n  hint: pass the repository root, e.g. `stele adr \(arguments.subcommand ?? "list") .`"))
        }
        return .success(root)
    }

    /// `list` and `lint`: the repository (the first positional argument) and the format.
    static func rootAndFormat(_ arguments: CommandLineArguments) -> Result<(root: String, format: String), Problem> {
        root(arguments, at: 0).flatMap { root in format(arguments).map { (root, $0) } }
    }

    /// `--format text|json`, or a usage error.
    static func format(_ arguments: CommandLineArguments) -> Result<String, Problem> {
        let format = arguments.options["--format"] ?? "text"
        guard ["text", "json"].contains(format) else {
            let hint = Suggestion.closest(to: format, in: ["text", "json"]).map { "did you mean `\($0)`?" } ?? "`text` or `json`"
            return .failure(Problem("unknown format `\(format)` for `stele adr \(arguments.subcommand ?? "")`\n  hint: \(hint)"))
        }
        return .success(format)
    }

    /// `./docs/adr/` → `docs/adr`.
    static func trimmedDirectory(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        while p.hasSuffix("/") { p = p.dropLast() }
        return String(p)
    }

    /// `--today`, else $STELE_TODAY, else today (UTC).
    static func today(_ arguments: CommandLineArguments) -> String {
        arguments.options["--today"] ?? FileSystem.environment("STELE_TODAY") ?? FileSystem.today()
    }

    /// A usage problem, said on standard error with exit code 2.
    struct Problem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    static func usage(_ message: String) -> Int32 {
        Output.error("stele: error: \(message)")
        return SteleCLI.ExitCode.usage
    }
}

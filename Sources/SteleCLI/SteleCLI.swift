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
        "check": .init(options: common.union(["--baseline", "--since"]), flags: ["--help", "--quiet", "--staged", "--no-cache", "--judge-dry-run"],
                       maxPositional: 1, lists: ["--files"], optionalValues: ["--judge"]),
        "baseline": .init(options: common, flags: ["--help", "--quiet", "--no-cache"], maxPositional: 1),
        "install-hook": .init(options: [], flags: ["--help", "--force"], maxPositional: 1),
        "scan": .init(options: common, flags: ["--help", "--no-cache"], maxPositional: 1),
        "rules": .init(options: common, flags: ["--help", "--no-cache", "--suggest", "--judge-dry-run"], maxPositional: 1),
        "graph": .init(options: common, flags: ["--help", "--no-cache", "--no-externals"], maxPositional: 1),
        "review": .init(options: common.union(["--baseline", "--compare", "--since"]), flags: ["--help", "--no-cache"], maxPositional: 1,
                        optionalValues: ["--judge"]),
        "init": .init(options: ["--today"], flags: ["--help", "--dry-run", "--force", "--no-cache"], maxPositional: 1),
        "agents": .init(options: ["--output", "--today", "--update"], flags: ["--help", "--quiet", "--no-cache"], maxPositional: 1),
        "mcp": .init(options: ["--today"], flags: ["--help", "--quiet", "--no-cache"], maxPositional: 1),
        "explain": .init(options: common, flags: ["--help", "--no-cache"], maxPositional: 2),
        "adr": .init(options: [], flags: ["--help"], maxPositional: 0, subcommands: ["new", "list", "lint"]),
        // `stele adr new "Title" [PATH]`: the title, then the repository.
        "adr new": .init(options: ["--today", "--status"], flags: ["--help"], maxPositional: 2),
        "adr list": .init(options: ["--format", "--output"], flags: ["--help"], maxPositional: 1),
        "adr lint": .init(options: ["--format", "--output"], flags: ["--help"], maxPositional: 1),
        "help": .init(options: [], flags: ["--help"], maxPositional: 2),
        "version": .init(options: [], flags: ["--help"], maxPositional: 0),
    ]

    public static func main(_ arguments: [String]) -> Int32 {
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
        if parsed.command == "adr" { return ADRCommand.run(parsed) }
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
        case "review": return ReviewCommand.run(options)
        case "agents": return AgentsCommand.run(options, update: parsed.options["--update"])
        case "mcp": return MCPCommand.run(options)
        case "explain": return ExplainCommand.run(options, argument: parsed.positional.first)
        case "baseline": return BaselineCommand.run(options)
        case "install-hook": return InstallHookCommand.run(options, force: parsed.flags.contains("--force"))
        case "init": return InitCommand.run(options, dryRun: parsed.flags.contains("--dry-run"), force: parsed.flags.contains("--force"))
        default: return ExitCode.usage
        }
    }
}

import SteleCore
import SteleFiles
import SteleReport

/// `stele agents [PATH] [--update FILE]`: the rules in force as a Markdown brief for coding agents;
/// with `--update`, written into the marked section of FILE (AGENTS.md, CLAUDE.md) and nowhere else.
enum AgentsCommand {
    static func run(_ options: CommandOptions, update: String?) -> Int32 {
        guard let loaded = options.loadOrStop("no brief written") else { return SteleCLI.ExitCode.usage }
        let brief = AgentsBrief.render(rules: loaded.result.rules, proseRules: loaded.book.proseRules,
                                       summaries: ExplainInput.summaries(of: loaded.adrs.adrs, root: options.root))
        guard let update else {
            if let failed = options.emit(brief) { return failed }
            return SteleCLI.ExitCode.success
        }
        // A symbolic link (AGENTS.md → CLAUDE.md) stays one: its target is what is rewritten.
        let path = FileSystem.kind(of: update) == .symbolicLink ? FileSystem.realPath(update) ?? update : update
        var existing: [UInt8] = []
        if FileSystem.kind(of: path) != nil {
            switch FileReader.readBytes(path) {
            case .bytes(let bytes): existing = bytes
            case .skipped(let reason):
                Output.error("stele: error: cannot read \(update): \(reason)")
                return SteleCLI.ExitCode.usage
            }
        }
        switch AgentsBrief.update(existing, section: brief) {
        case .failure(let problem):
            Output.error("stele: error: \(update): \(problem.message)")
            return SteleCLI.ExitCode.usage
        case .success(let updated):
            if updated == existing {
                if !options.quiet { Output.error("stele: \(update) is up to date") }
                return SteleCLI.ExitCode.success
            }
            if let problem = FileSystem.write(bytes: updated, to: path) {
                Output.error("stele: error: \(problem)")
                return SteleCLI.ExitCode.usage
            }
            if !options.quiet { Output.error("stele: \(update): the Stele section \(existing.isEmpty ? "written" : "updated")") }
            return SteleCLI.ExitCode.success
        }
    }
}

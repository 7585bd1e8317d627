import SteleReport

/// `stele adr list [PATH] [--format text|json]`: id, status, date, title and rule count of each ADR.
enum ADRListCommand {
    static func run(_ arguments: CommandLineArguments) -> Int32 {
        let root: String, format: String
        switch ADRCommand.rootAndFormat(arguments) {
        case .failure(let problem): return ADRCommand.usage(problem.message)
        case .success(let chosen): (root, format) = chosen
        }
        let workspace = ADRCommand.Workspace(root: root, today: ADRCommand.today(arguments))
        // Reading problems that stop ADRs from being read are worth a word; the rest is `adr lint`'s.
        for d in workspace.collection.diagnostics where d.severity == .error { Output.error(d.description) }
        let rows = ADRListReport.rows(workspace.collection, book: workspace.book)
        let text = format == "json" ? ADRListReport.json(rows) : ADRListReport.text(rows, directory: workspace.collection.directory)
        if let problem = Output(path: arguments.options["--output"]).write(text) { return ADRCommand.usage(problem) }
        return SteleCLI.ExitCode.success
    }
}

import SteleCore
import SteleReport

/// `stele adr lint [PATH] [--format text|json]`: what to fix in the ADRs. Exit 1 when a finding is
/// an error, else 0.
enum ADRLintCommand {
    static func run(_ arguments: CommandLineArguments) -> Int32 {
        let root: String, format: String
        switch ADRCommand.rootAndFormat(arguments) {
        case .failure(let problem): return ADRCommand.usage(problem.message)
        case .success(let chosen): (root, format) = chosen
        }
        let workspace = ADRCommand.Workspace(root: root, today: ADRCommand.today(arguments))
        let findings = ADRLint.lint(workspace.collection, book: workspace.book)
        let text: String
        if format == "json" {
            text = ADRLint.json(findings)
        } else if findings.isEmpty {
            text = workspace.collection.directory.map { "stele: \($0): \(workspace.collection.adrs.count) ADRs, nothing to fix\n" } ?? "stele: no ADR directory\n"
        } else {
            let errors = findings.filter { $0.severity == .error }.count
            text = findings.map { $0.description + "\n" }.joined() + "stele: \(errors) \(errors == 1 ? "error" : "errors"), \(findings.count - errors) \(findings.count - errors == 1 ? "warning" : "warnings")\n"
        }
        if let problem = Output(path: arguments.options["--output"]).write(text) { return ADRCommand.usage(problem) }
        return findings.hasErrors ? SteleCLI.ExitCode.findings : SteleCLI.ExitCode.success
    }
}

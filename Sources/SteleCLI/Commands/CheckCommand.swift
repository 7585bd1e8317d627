import SteleCore
import SteleReport

/// `stele check [PATH]`: the gate.
enum CheckCommand {
    static func run(_ options: CommandOptions) -> Int32 {
        let loaded = Pipeline(root: options.root, today: options.today).run()
        let diagnostics = loaded.diagnostics
        for d in diagnostics where !(options.quiet && d.severity != .error) { Output.error(d.description) }
        if diagnostics.hasErrors {
            Output.error("stele: stopped: the rules or ADRs have errors (exit 2); nothing was checked")
            return SteleCLI.ExitCode.usage
        }
        let fileCount = loaded.scan.files.count
        let text: String
        switch options.format ?? "text" {
        case "json": text = CheckJSONReport.render(loaded.result, fileCount: fileCount, diagnostics: diagnostics)
        case "sarif": text = SARIFReport.render(loaded.result, toolVersion: SteleCLI.version)
        case "junit": text = JUnitReport.render(loaded.result)
        case "github": text = GitHubAnnotationsReport.render(loaded.result)
        case "markdown": text = MarkdownReport.render(loaded.result, fileCount: fileCount)
        default: text = CheckTextReport.render(loaded.result, fileCount: fileCount)
        }
        if let problem = options.output.write(text) {
            Output.error("stele: error: \(problem)")
            return SteleCLI.ExitCode.usage
        }
        return loaded.result.errorCount > 0 ? SteleCLI.ExitCode.findings : SteleCLI.ExitCode.success
    }
}

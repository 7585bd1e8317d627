import SteleCheck
import SteleReport

/// `stele baseline [PATH] --output FILE`: accepts today's findings, so that `check --baseline FILE`
/// fails only on new ones.
enum BaselineCommand {
    static func run(_ options: CommandOptions) -> Int32 {
        let loaded = Pipeline(root: options.root, today: options.today).run()
        let diagnostics = loaded.diagnostics
        for d in diagnostics where !(options.quiet && d.severity != .error) { Output.error(d.description) }
        if diagnostics.hasErrors {
            Output.error("stele: stopped: the rules or ADRs have errors (exit 2); no baseline written")
            return SteleCLI.ExitCode.usage
        }
        let baseline = Baseline(findings: loaded.result.findings)
        if let problem = options.output.write(BaselineReport.render(baseline)) {
            Output.error("stele: error: \(problem)")
            return SteleCLI.ExitCode.usage
        }
        if options.output.path != nil {
            Output.error("stele: baseline of \(baseline.entries.count) \(baseline.entries.count == 1 ? "finding" : "findings") written to \(options.output.path!)")
        }
        return SteleCLI.ExitCode.success
    }
}

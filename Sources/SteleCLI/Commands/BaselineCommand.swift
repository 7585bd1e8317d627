import SteleCheck
import SteleReport

/// `stele baseline [PATH] --output FILE`: accepts today's findings, so that `check --baseline FILE`
/// fails only on new ones.
enum BaselineCommand {
    static func run(_ options: CommandOptions) -> Int32 {
        guard let loaded = options.loadOrStop("no baseline written") else { return SteleCLI.ExitCode.usage }
        let baseline = Baseline(findings: loaded.result.findings)
        if let failed = options.emit(BaselineReport.render(baseline)) { return failed }
        if options.output.path != nil {
            Output.error("stele: baseline of \(baseline.entries.count) \(baseline.entries.count == 1 ? "finding" : "findings") written to \(options.output.path!)")
        }
        return SteleCLI.ExitCode.success
    }
}

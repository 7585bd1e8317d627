import SteleCore
import SteleReport

/// `stele check [PATH]`: the gate.
enum CheckCommand {
    static func run(_ options: CommandOptions) -> Int32 {
        guard let loaded = options.loadOrStop("nothing was checked") else { return SteleCLI.ExitCode.usage }
        let diagnostics = loaded.diagnostics
        let fileCount = loaded.scan.files.count
        var result = loaded.result
        if let path = options.baseline {
            switch BaselineFile.read(path) {
            case .failure(let failure):
                Output.error("stele: error: \(failure.message)")
                return SteleCLI.ExitCode.usage
            case .success(let baseline):
                let applied = baseline.apply(to: result.findings)
                result.findings = applied.new
                if !applied.baselined.isEmpty {
                    Output.error("stele: \(applied.baselined.count) \(applied.baselined.count == 1 ? "finding is" : "findings are") in the baseline \(path)")
                }
                if !applied.fixed.isEmpty {
                    Output.error("stele: \(applied.fixed.count) baselined \(applied.fixed.count == 1 ? "finding no longer occurs" : "findings no longer occur"): remove \(applied.fixed.count == 1 ? "it" : "them") with `stele baseline --output \(path)`")
                    for entry in applied.fixed { Output.error("  fixed: \(entry.file): \(entry.message) (\(entry.rule))") }
                }
            }
        }
        let text: String
        switch options.format ?? "text" {
        case "json": text = CheckJSONReport.render(result, fileCount: fileCount, diagnostics: diagnostics)
        case "sarif": text = SARIFReport.render(result, toolVersion: SteleCLI.version)
        case "junit": text = JUnitReport.render(result)
        case "github": text = GitHubAnnotationsReport.render(result)
        case "markdown": text = MarkdownReport.render(result, fileCount: fileCount)
        default: text = CheckTextReport.render(result, fileCount: fileCount)
        }
        if let failed = options.emit(text) { return failed }
        return result.errorCount > 0 ? SteleCLI.ExitCode.findings : SteleCLI.ExitCode.success
    }
}

import SteleCore
import SteleFiles
import SteleReport

/// `stele check [PATH]`: the gate.
enum CheckCommand {
    static func run(_ options: CommandOptions) -> Int32 {
        var changed: ChangedFiles?
        if let source = options.changed {
            switch ChangedFiles.resolve(source, root: options.root) {
            case .failure(let failure):
                Output.error("stele: error: \(failure.message)")
                return SteleCLI.ExitCode.usage
            case .success(let files):
                changed = files
                for path in files.submodules {
                    Output.error("stele: note: \(path) is a submodule whose commit changed: its files are checked as they are in its work tree")
                }
                for path in files.unmerged {
                    Output.error("stele: note: \(path) is unmerged (a conflict): checked as it is in the work tree")
                }
            }
        }
        // The whole tree is checked, so cycles and indirect dependencies agree with a full run; with
        // changed files, only the findings the change takes part in come back (`ChangeScope`).
        guard let loaded = options.loadOrStop("nothing was checked", changed: changed) else { return SteleCLI.ExitCode.usage }
        var fileCount = loaded.scan.files.count
        var result = loaded.result
        var diagnostics = loaded.diagnostics
        if let option = options.judge, let mode = JudgeCommandLine.mode(option) {
            switch JudgeCommandLine.apply(mode, to: loaded, result: result, root: options.root, contents: changed?.contents ?? [:],
                                          changed: changed.map { Set($0.paths) }) {
            case .failure(let problem):
                Output.error("stele: error: \(problem.message)")
                return SteleCLI.ExitCode.usage
            case .success(let applied):
                for request in applied.printedRequests { Output.error(request) }
                for d in applied.diagnostics where !(options.quiet && d.severity != .error) { Output.error(d.description) }
                if !options.quiet { Output.error(applied.summary) }
                result = applied.result
                diagnostics = (diagnostics + applied.diagnostics).sortedForOutput()
            }
        }
        if let changed {
            fileCount = loaded.scan.files.filter { changed.paths.contains($0.path) }.count
        } else if !options.quiet, let note = EnforcementNote.render(adrs: loaded.adrs.adrs, result: result) {
            Output.error(note)
        }
        if let path = options.baseline {
            switch BaselineFile.read(path) {
            case .failure(let failure):
                Output.error("stele: error: \(failure.message)")
                return SteleCLI.ExitCode.usage
            case .success(let baseline):
                var applied = baseline.apply(to: result.findings)
                // With changed files, entries elsewhere were not looked for: they are not fixed.
                if let changed { applied.fixed = applied.fixed.filter { changed.paths.contains($0.file) } }
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
        var lines = SourceLines(root: options.root, contents: changed?.contents ?? [:])
        result.findings = lines.showingSourceLines(result.findings)
        // `validate()` accepted the name: it is one of `CheckFormat.allCases`.
        let format = options.format.flatMap(CheckFormat.init(rawValue:)) ?? .text
        var shown = result
        if format.countsUTF16 { shown.findings = ColumnUnits.utf16(result.findings, lines: &lines) }
        let context = CheckFormat.Context(fileCount: fileCount, diagnostics: diagnostics, toolVersion: SteleCLI.version,
                                          linkBase: CheckCommand.gitHubBlobBase(), root: options.root)
        if let failed = options.emit(streaming: { format.write(shown, context, emit: $0) }) { return failed }
        return result.errorCount > 0 ? SteleCLI.ExitCode.findings : SteleCLI.ExitCode.success
    }

    /// In a GitHub workflow, where the checked commit's files are browsed: links in the Markdown
    /// report then open the line.
    static func gitHubBlobBase() -> String? {
        guard let server = FileSystem.environment("GITHUB_SERVER_URL"), let repository = FileSystem.environment("GITHUB_REPOSITORY"),
              let sha = FileSystem.environment("GITHUB_SHA"), !server.isEmpty, !repository.isEmpty, !sha.isEmpty else { return nil }
        return "\(server)/\(repository)/blob/\(sha)/"
    }
}

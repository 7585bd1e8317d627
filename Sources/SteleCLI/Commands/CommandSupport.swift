import SteleCheck
import SteleReport

/// What every command does around its own work: run the pipeline and stop on input errors, and
/// write the result or say why it could not be written.
extension CommandOptions {
    /// Runs the pipeline and prints its diagnostics (only errors with `--quiet`). Returns nil, after
    /// saying so, when the rules or ADRs have errors: nothing should be checked then.
    func loadOrStop(_ stopped: String, changed: ChangedFiles? = nil) -> Pipeline.Loaded? {
        let loaded = Pipeline(root: root, today: today, contents: changed?.contents ?? [:], cache: cache,
                              changes: changed.map { ChangeScope(paths: $0.paths) }).run()
        KeptUntilExit.keep(loaded)
        let diagnostics = loaded.diagnostics
        for d in diagnostics where !(quiet && d.severity != .error) { Output.error(d.description) }
        if diagnostics.hasErrors {
            Output.error("stele: stopped: the rules or ADRs have errors (exit 2); \(stopped)")
            // Machine-readable output says so too, rather than being empty.
            if command == "check", format == CheckFormat.json.rawValue {
                _ = emit(CheckJSONReport.stopped("the rules or ADRs have errors; \(stopped)", diagnostics: diagnostics))
            }
            return nil
        }
        return loaded
    }

    /// Streams a command's output (`Output.stream`); on failure prints why and returns the usage exit code.
    func emit(streaming produce: (([UInt8]) -> Void) -> Void) -> Int32? {
        guard let problem = output.stream(produce) else { return nil }
        Output.error("stele: error: \(problem)")
        return SteleCLI.ExitCode.usage
    }

    /// Writes a command's output; on failure prints why and returns the usage exit code.
    func emit(_ text: String) -> Int32? {
        guard let problem = output.write(text) else { return nil }
        Output.error("stele: error: \(problem)")
        return SteleCLI.ExitCode.usage
    }
}

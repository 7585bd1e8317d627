import SteleADR
import SteleCore
import SteleFiles
import SteleReport

/// `stele explain RULE|FINGERPRINT|ADR-ID [PATH]`: a decision in plain words, its rules, where each
/// is written, a minimal violation and its fix, and today's findings for it.
enum ExplainCommand {
    static func run(_ options: CommandOptions, argument: String?) -> Int32 {
        guard let argument, !argument.trimmingWhitespace().isEmpty else {
            Output.error("stele: error: `stele explain` needs what to explain\n  hint: an ADR id (`stele explain ADR-0002`), a rule id or its text as `stele rules` prints it, or a finding's fingerprint")
            return SteleCLI.ExitCode.usage
        }
        guard let loaded = options.loadOrStop("nothing was explained") else { return SteleCLI.ExitCode.usage }
        let input = ExplainInput.make(loaded, root: options.root)
        switch Explanation.subject(argument, in: input) {
        case .failure(let unknown):
            Output.error("stele: error: \(unknown.message)\n  hint: \(unknown.hint)")
            return SteleCLI.ExitCode.usage
        case .success(let subject):
            let document = Explanation.document(for: subject, query: argument, input: input)
            let text = options.format == "json" ? Explanation.json(document).rendered() : Explanation.text(document)
            if let failed = options.emit(text) { return failed }
            return SteleCLI.ExitCode.success
        }
    }
}

/// What `explain`, `agents` and the MCP server draw on: one run of the pipeline, with each ADR's
/// context and decision read from its file.
enum ExplainInput {
    static func make(_ loaded: Pipeline.Loaded, root: String) -> Explanation.Input {
        Explanation.Input(adrs: loaded.adrs.adrs, summaries: summaries(of: loaded.adrs.adrs, root: root), rules: loaded.result.rules,
                          proseRules: loaded.book.proseRules, findings: loaded.result.findings, suppressed: loaded.result.suppressed,
                          scene: ExampleScene(architecture: loaded.architecture))
    }

    /// Each ADR's summary, by file: the ADRs were read once by the pipeline, which keeps no text.
    static func summaries(of adrs: [ADR], root: String) -> [String: ADRSummary] {
        var result: [String: ADRSummary] = [:]
        for adr in adrs {
            if case .text(let bytes, true) = FileReader.read(root + "/" + adr.file) {
                result[adr.file] = ADRSummary.read(String(decoding: bytes, as: UTF8.self))
            }
        }
        return result
    }
}

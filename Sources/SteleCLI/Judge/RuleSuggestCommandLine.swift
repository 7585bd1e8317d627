import SteleCheck
import SteleCore
import SteleFiles
import SteleJudge

/// `stele rules --suggest [--judge-dry-run]`: one request per ADR in force through `stele-judge`,
/// the proposed lines validated by the rule parser against this project, printed to paste. Nothing
/// is written, and nothing is cached: asking again asks again.
enum RuleSuggestCommandLine {
    static func run(_ options: CommandOptions, loaded: Pipeline.Loaded) -> Int32 {
        let settings: JudgeSettings
        switch JudgeCommandLine.settings(loaded.book) {
        case .failure(let problem):
            Output.error("stele: error: \(problem.message)")
            return SteleCLI.ExitCode.usage
        case .success(let s): settings = s
        }
        let dryRun = options.judge == "dry-run"
        // A dry run prints the requests: it needs the model they name, not the server.
        if let missing = dryRun ? (settings.model == nil ? "STELE_LLM_MODEL is not set" : nil) : settings.missingForAsking {
            Output.error("stele: error: `stele rules --suggest` asks the LLM judge: \(missing)\n  hint: see docs/judge.md, Running it")
            return SteleCLI.ExitCode.usage
        }
        let subjects = loaded.adrs.adrs.filter { $0.status.isInForce }.compactMap { adr -> RuleSuggester.Subject? in
            guard case .text(let bytes, _) = FileReader.read(options.root + "/" + adr.file) else {
                Output.error("stele: warning: \(adr.file) cannot be read: not asked")
                return nil
            }
            return RuleSuggester.Subject(id: adr.id, title: adr.title, file: adr.file, text: String(decoding: bytes, as: UTF8.self))
        }
        guard !subjects.isEmpty else {
            Output.error("stele: no ADR in force (accepted or proposed): nothing to ask")
            return SteleCLI.ExitCode.success
        }
        let architecture = loaded.architecture
        let components = loaded.book.components.map { $0.isParametrized ? "\($0.name)(*)" : $0.name }
        let suggester = RuleSuggester(components: components, modules: architecture.internalModules.sorted(),
                                      settings: settings, dryRun: dryRun)
        let outcome = suggester.run(subjects, problems: { rule, declared in
            Checker.nameProblems(of: rule, in: architecture, alsoDeclared: declared).first.map { $0.message + ($0.hint.map { ": " + $0 } ?? "") }
        }, send: { JudgeCommandLine.send($0, settings: settings) })
        for request in outcome.printedRequests { Output.error(request) }
        if dryRun {
            Output.error("stele: rules --suggest: \(outcome.printedRequests.count) \(outcome.printedRequests.count == 1 ? "request" : "requests") printed, none sent")
            return SteleCLI.ExitCode.success
        }
        let text = options.format == "json" ? RuleSuggestionReport.json(outcome, model: settings.model) : RuleSuggestionReport.text(outcome)
        if let failed = options.emit(text) { return failed }
        Output.error(RuleSuggestionReport.summary(outcome))
        // An ADR the judge gave no usable answer for: the run did not do what was asked.
        return outcome.suggestions.contains { $0.problem != nil } ? SteleCLI.ExitCode.findings : SteleCLI.ExitCode.success
    }
}

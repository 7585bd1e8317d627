import SteleCore
import SteleGraph
import SteleReport

/// `stele rules [PATH]`: the decision set as Stele reads it; with `--suggest`, rules the judge proposes.
enum RulesCommand {
    static func run(_ options: CommandOptions) -> Int32 {
        let loaded = Pipeline(root: options.root, today: options.today, cache: options.cache).run()
        let diagnostics = loaded.diagnostics
        for d in diagnostics { Output.error(d.description) }
        if options.suggest {
            guard !diagnostics.hasErrors else {
                Output.error("stele: error: the rules have errors: fix them before asking for suggestions")
                return SteleCLI.ExitCode.usage
            }
            return RuleSuggestCommandLine.run(options, loaded: loaded)
        }
        let input = RulesReport.Input(adrs: loaded.adrs.adrs, adrDirectory: loaded.adrs.directory, components: loaded.book.components,
                                      rules: loaded.result.rules, proseRules: loaded.book.proseRules, diagnostics: diagnostics,
                                      implicit: Architecture.implicitNames.compactMap { name in
                                          loaded.architecture.implicit[name].map { (name, $0.files.count) }
                                      })
        let text = options.format == "json" ? RulesReport.json(input) : RulesReport.text(input)
        if let failed = options.emit(text) { return failed }
        return diagnostics.hasErrors ? SteleCLI.ExitCode.usage : SteleCLI.ExitCode.success
    }
}

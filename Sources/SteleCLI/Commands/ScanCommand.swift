import SteleCore
import SteleGraph
import SteleReport
import SteleRules
import SteleScan

/// `stele scan [PATH]`: the modules, components and externals a rule can name, with their files;
/// `--format json`: every fact the checks work on.
enum ScanCommand {
    static func run(_ options: CommandOptions) -> Int32 {
        if options.format != "json" {
            let loaded = Pipeline(root: options.root, today: options.today, cache: options.cache).run()
            for d in loaded.diagnostics { Output.error(d.description) }
            if let failed = options.emit(ScanTextReport.render(loaded.architecture)) { return failed }
            return loaded.diagnostics.hasErrors ? SteleCLI.ExitCode.usage : SteleCLI.ExitCode.success
        }
        let pipeline = Pipeline(root: options.root, today: options.today)
        let book = RuleBook.compile(ruleFiles: pipeline.loadRuleFiles(), adrs: [], today: options.today)
        let scan = ProjectScanner.scan(root: options.root, include: book.scanGlobs, ignore: book.ignoreGlobs, symbols: true,
                                       cache: options.cache)
        for d in scan.diagnostics { Output.error(d.description) }
        let symbols = SymbolIndex(scan: scan)
        if let failed = options.emit(streaming: { ScanJSONReport.write(scan, symbols: symbols, emit: $0) }) { return failed }
        return SteleCLI.ExitCode.success
    }
}

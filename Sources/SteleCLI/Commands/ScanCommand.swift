import SteleCore
import SteleGraph
import SteleReport
import SteleRules
import SteleScan

/// `stele scan [PATH] --format json`: the facts the checks work on.
enum ScanCommand {
    static func run(_ options: CommandOptions) -> Int32 {
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

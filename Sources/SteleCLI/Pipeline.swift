import Dispatch
import SteleADR
import SteleCheck
import SteleCore
import SteleFiles
import SteleGraph
import SteleRules
import SteleScan

/// The whole run, stage by stage: rule files → ADRs → rule book → scan → architecture → check.
/// This is the I/O edge: it reads the tree and hands values to the pure stages.
struct Pipeline {
    var root: String
    var today: String
    /// `--staged`: file contents to check instead of the work tree's.
    var contents: [String: [UInt8]] = [:]
    /// Where the facts cache is; nil for none.
    var cache: FactsCache.Location?
    /// Changed-files mode: which files changed (the check reports what the change takes part in).
    var changes: ChangeScope?
    /// Files whose symbol uses the command itself resolves, beyond the rules' (`stele graph`'s
    /// edges into folder components): asked, like the rules, of an architecture of imports alone.
    var symbolSources: ((Architecture) -> Set<Int>)?

    struct Loaded {
        var ruleFiles: [RuleFile]
        var adrs: ADRCollection
        var book: RuleBook
        var scan: ScanResult
        var architecture: Architecture
        var result: CheckResult
        /// Every problem with the input, in output order (gathered and sorted once, in `run`).
        var diagnostics: [Diagnostic]
    }

    func run() -> Loaded {
        var timer = PhaseTimer()
        let ruleFiles = loadRuleFiles()
        let settingsBook = RuleBook.compile(ruleFiles: ruleFiles, adrs: [], today: today)
        let adrs = ADRCollection.load(repositoryRoot: root, configuredDirectory: settingsBook.adrDirectory)
        let book = RuleBook.compile(ruleFiles: ruleFiles, adrs: adrs.adrs, today: today)
        timer.lap("rules and ADRs")
        var session = ScanSession(root: root, include: book.scanGlobs, ignore: book.ignoreGlobs, contents: contents, cache: cache)
        timer.lap("scan (\(session.result.files.count) files)")
        // Symbol-level rules: which files' uses they read follows from paths and modules alone, so an
        // architecture of imports tells; only those files and what they can see are read further.
        var subjects: Set<Int>?
        // In a tree with no file of a language that has symbols (TypeScript alone, Python), there
        // is nothing more to read: the architecture of imports is not built twice.
        let rulesNeedSymbols = Checker.needsSymbols(book) && session.result.files.contains { ProjectScanner.readsSymbols($0.language) }
        if rulesNeedSymbols || symbolSources != nil {
            let imports = Architecture(scan: session.result, components: book.components)
            var needed = rulesNeedSymbols ? Checker.symbolReading(book, architecture: imports) : Checker.SymbolReading()
            if let ownSources = symbolSources?(imports) {
                needed.read.formUnion(ownSources)
                needed.resolved.formUnion(ownSources)
            }
            let counts = Checker.readSymbols(needed, into: &session)
            subjects = needed.resolved
            let named = counts.ifNamed == 0 ? "" : ", \(counts.ifNamed) more if they name \(needed.names.sorted().joined(separator: ", "))"
            timer.lap("symbols (\(counts.read) files read\(named), \(needed.resolved.count) resolved)")
        }
        let cacheReport = session.finish()
        timer.note(cacheReport)
        if let cacheReport { timer.lap("cache (\(cacheReport.summary))") }
        let scan = session.result
        let architecture = Architecture(scan: scan, components: book.components, symbolSubjects: subjects)
        timer.lap("components")
        let result = Checker.check(book, architecture: architecture, changes: changes)
        timer.lap("check (\(result.rules.count) rules)")
        let diagnostics = (book.diagnostics + adrs.diagnostics + scan.diagnostics + result.diagnostics).sortedForOutput()
        return Loaded(ruleFiles: ruleFiles, adrs: adrs, book: book, scan: scan, architecture: architecture, result: result,
                      diagnostics: diagnostics)
    }

    /// `rules/*.stele`, sorted by name. A missing `rules/` is fine: ADRs alone may hold every rule.
    func loadRuleFiles() -> [RuleFile] {
        guard let names = FileSystem.contents(ofDirectory: root + "/rules") else { return [] }
        return names.filter { $0.hasSuffix(".stele") }.sorted().map { name in
            let path = "rules/" + name
            switch FileReader.read(root + "/" + path) {
            case .text(let bytes, true):
                return RuleFile.parse(String(decoding: bytes, as: UTF8.self), path: path)
            case .text(_, false):
                return RuleFile(path: path, lines: [], diagnostics: [.error("rule file is not valid UTF-8", at: SourceLocation(file: path, line: 1, column: 1),
                                                                           hint: "save it as UTF-8")])
            case .skipped(let reason):
                return RuleFile(path: path, lines: [], diagnostics: [.error("rule file not read: \(reason)", at: SourceLocation(file: path, line: 1, column: 1))])
            }
        }
    }

    /// `STELE_TIMINGS=1`: how long each stage took, on standard error (for "why is it slow?").
    struct PhaseTimer {
        let enabled = FileSystem.environment("STELE_TIMINGS") == "1"
        var last = DispatchTime.now()

        mutating func lap(_ phase: String) {
            guard enabled else { return }
            let now = DispatchTime.now()
            let tenths = (now.uptimeNanoseconds - last.uptimeNanoseconds) / 100_000
            Output.error("stele: \(tenths / 10).\(tenths % 10) ms  \(phase)")
            last = now
        }

        /// Why the cache was not written, if it was not: no error (the cache is optional), but
        /// worth a line when asking why a run is slow.
        func note(_ report: FactsCache.Report?) {
            guard enabled, let report, let problem = report.problem else { return }
            Output.error("stele: cache not written: \(problem)")
        }
    }
}

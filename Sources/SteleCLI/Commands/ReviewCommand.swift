import SteleCheck
import SteleCore
import SteleFiles
import SteleGraph
import SteleReport

/// `stele review [PATH] [--format html|markdown|json] [--output FILE] [--baseline FILE]`: the
/// architecture review report. The check pipeline's values, rendered once more: nothing is analysed
/// here that `stele check` and `stele graph` do not already compute.
enum ReviewCommand {
    /// Where the HTML report goes without `--output`.
    static let defaultFile = "stele-review.html"

    static func run(_ options: CommandOptions) -> Int32 {
        var baseline: Baseline?
        if let path = options.baseline {
            switch BaselineFile.read(path) {
            case .failure(let failure):
                Output.error("stele: error: \(failure.message)")
                return SteleCLI.ExitCode.usage
            case .success(let read):
                baseline = read
            }
        }
        // The symbol uses the edges into folder components need are read, as for `stele graph`.
        var pipeline = Pipeline(root: options.root, today: options.today, cache: options.cache)
        pipeline.symbolSources = ComponentGraph.symbolSources(in:)
        let loaded = pipeline.run()
        KeptUntilExit.keep(loaded)
        for d in loaded.diagnostics where d.severity == .error { Output.error(d.description) }

        var result = loaded.result
        var lines = SourceLines(root: options.root, contents: [:])
        result.findings = lines.showingSourceLines(result.findings)
        let architecture = partition(loaded)
        let input = Review.Input(source: source(options.root), today: options.today, adrs: loaded.adrs.adrs, book: loaded.book, result: result,
                                 architecture: architecture, graph: ComponentGraph(architecture: architecture),
                                 diagnostics: loaded.diagnostics, baseline: baseline)
        let review = Review.build(input)
        let format = options.format ?? "html"
        let text: String
        switch format {
        case "markdown": text = ReviewMarkdown.render(review)
        case "json": text = ReviewJSON.render(review)
        default: text = ReviewHTML.render(review)
        }
        // HTML goes to a file unless told otherwise; `--output -` is standard output.
        var output = options.output
        if output.path == "-" { output.path = nil } else if output.path == nil && format == "html" { output.path = defaultFile }
        if let problem = output.write(text) {
            Output.error("stele: error: \(problem)")
            return SteleCLI.ExitCode.usage
        }
        if let path = output.path { print("stele: review written to \(path)") }
        return loaded.diagnostics.hasErrors ? SteleCLI.ExitCode.usage : SteleCLI.ExitCode.success
    }

    /// The architecture whose component graph is drawn: the check's, unless declared components
    /// overlap (`component Core = module A, module B` next to `component All = Sources/**`): such
    /// components group others and would hide them, so the drawing leaves them out and shows what
    /// they hold (the modules, the components that do not overlap). The check itself is unchanged.
    static func partition(_ loaded: Pipeline.Loaded) -> Architecture {
        let declared = loaded.architecture.declared
        var owners: [Int: Int] = [:]
        for set in declared.values { for i in set.files { owners[i, default: 0] += 1 } }
        let overlapping = Set(declared.values.filter { set in set.files.contains { owners[$0]! > 1 } }.map(\.name))
        guard !overlapping.isEmpty else { return loaded.architecture }
        return Architecture(scan: loaded.scan, components: loaded.book.components.filter { !overlapping.contains($0.name) })
    }

    /// The repository's name (its folder's), and the commit and date of HEAD when it is a git
    /// checkout: the only date the report carries, so that the same tree gives the same file.
    static func source(_ root: String) -> Review.Source {
        let real = FileSystem.realPath(root) ?? root
        let name = real.split(separator: "/").last.map(String.init) ?? real
        let head = ChangedFiles.git(root, ["log", "-1", "--format=%H%n%cs"])
        return Review.Source(name: name, commit: head?.first, date: head.flatMap { $0.count > 1 ? $0[1] : nil }, toolVersion: SteleCLI.version)
    }
}

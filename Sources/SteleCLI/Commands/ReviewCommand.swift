import Dispatch
import SteleCheck
import SteleCore
import SteleFiles
import SteleGraph
import SteleReport
import SteleScan

/// `stele review [PATH] [--format html|markdown|json] [--output FILE] [--baseline FILE] [--compare OLD.json | --since REF]`: the
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
        var since: String?
        if case .since(let ref) = options.changed { since = ref }
        if options.compare != nil && since != nil {
            Output.error("stele: error: `--compare` and `--since` are alternatives: use one\n  hint: `--compare OLD.json` compares with a saved report, `--since REF` with a commit")
            return SteleCLI.ExitCode.usage
        }
        var earlier: ReviewSnapshot?
        if let path = options.compare {
            switch readSnapshot(path) {
            case .failure(let failure):
                Output.error("stele: error: \(failure.message)")
                return SteleCLI.ExitCode.usage
            case .success(let snapshot):
                earlier = snapshot
            }
        }

        let (current, loaded) = review(root: options.root, options: options, cache: options.cache, baseline: baseline)
        for d in loaded.diagnostics where d.severity == .error { Output.error(d.description) }
        var review = current
        if let earlier, let path = options.compare {
            review = review.with(ReviewDrift.compare(old: earlier, now: ReviewSnapshot(current), against: path))
        } else if let ref = since {
            switch drift(since: ref, loaded: loaded, options: options) {
            case .failure(let failure):
                Output.error("stele: error: \(failure.message)")
                return SteleCLI.ExitCode.usage
            case .success(let drift):
                review = review.with(drift)
            }
        }

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

    /// The review of the tree at `root`: the check pipeline's values, with the symbol uses that the
    /// edges into folder components need read, as for `stele graph`.
    static func review(root: String, options: CommandOptions, cache: FactsCache.Location?, baseline: Baseline?) -> (Review, Pipeline.Loaded) {
        var pipeline = Pipeline(root: root, today: options.today, cache: cache)
        pipeline.symbolSources = ComponentGraph.symbolSources(in:)
        var loaded = pipeline.run()
        KeptUntilExit.keep(loaded)
        // `--judge=replay`: the stored verdicts' findings, marked as judged (never a request).
        if options.judge == "replay", case .success(let applied) = JudgeCommandLine.apply(.replay, to: loaded, result: loaded.result, root: root,
                                                                                          contents: [:], changed: nil) {
            loaded.result = applied.result
            loaded.diagnostics = (loaded.diagnostics + applied.diagnostics).sortedForOutput()
        }
        var result = loaded.result
        var lines = SourceLines(root: root, contents: [:])
        result.findings = lines.showingSourceLines(result.findings)
        let architecture = partition(loaded)
        var input = Review.Input(source: source(root), today: options.today, adrs: loaded.adrs.adrs, book: loaded.book, result: result,
                                 architecture: architecture, graph: ComponentGraph(architecture: architecture),
                                 diagnostics: loaded.diagnostics, baseline: baseline)
        input.lines = lineCounts(root: root, loaded.scan)
        return (Review.build(input), loaded)
    }

    /// Lines of each scanned file, read again here: the gate's scan stops after the last import
    /// and never counts them. A file that cannot be read counts 0.
    static func lineCounts(root: String, _ scan: ScanResult) -> [Int] {
        let files = scan.files
        let counts = ConcurrentResults<Int>(count: files.count)
        // In chunks across the cores, as the scan itself reads them.
        let chunk = 64
        DispatchQueue.concurrentPerform(iterations: (files.count + chunk - 1) / chunk) { c in
            for i in (c * chunk)..<min(files.count, (c + 1) * chunk) {
                guard files[i].skipped == nil, case .bytes(let bytes) = FileReader.readBytes(root + "/" + files[i].path) else { counts[i] = 0; continue }
                counts[i] = LineCount.of(bytes)
            }
        }
        return counts.values
    }

    /// A saved `stele check --format json` or `stele review --format json`.
    static func readSnapshot(_ path: String) -> Result<ReviewSnapshot, ReviewSnapshot.ReadFailure> {
        guard case .bytes(let bytes) = FileReader.readBytes(path, limit: 1 << 30) else {
            return .failure(.init(message: "cannot read `\(path)`\n  hint: `--compare` takes a file saved by `stele review --format json --output FILE` (or `stele check --format json`)"))
        }
        return ReviewSnapshot.parse(String(decoding: bytes, as: UTF8.self)).mapError { failure in
            .init(message: "`\(path)` \(failure.message)\n  hint: save one with `stele review --format json --output FILE` (or `stele check --format json`)")
        }
    }

    /// The change since `ref`: the root as it was at that commit (with its own ADRs and rules) is
    /// compared with the root as it is, both as git sees them (`GitSnapshot`), reviewed without
    /// the facts cache in temporary directories.
    static func drift(since ref: String, loaded: Pipeline.Loaded, options: CommandOptions) -> Result<ReviewDrift, GitSnapshot.Failure> {
        let commit: String
        switch GitSnapshot.commit(ref, root: options.root) {
        case .failure(let failure): return .failure(failure)
        case .success(let c): commit = c
        }
        guard case .success(let changes) = ChangedFiles.resolve(.since(commit), root: options.root) else {
            return .failure(.init(message: "`git diff \(ref)` failed in `\(options.root)`"))
        }
        var states: [ReviewSnapshot] = []
        for copy in [GitSnapshot.extract(commit: commit, root: options.root), GitSnapshot.workTree(root: options.root)] {
            switch copy {
            case .failure(let failure): return .failure(failure)
            case .success(let snapshot):
                defer { snapshot.directory.remove() }
                states.append(ReviewSnapshot(review(root: snapshot.tree, options: options, cache: nil, baseline: nil).0))
            }
        }
        let changed = changes.paths.sorted()
        let governed = ReviewDrift.governed(changedFiles: changed, result: loaded.result, architecture: loaded.architecture)
        let decisionFiles = Dictionary(loaded.adrs.adrs.map { ($0.id, $0.file) }, uniquingKeysWith: { a, _ in a })
        return .success(ReviewDrift.compare(old: states[0], now: states[1], against: "commit \(commit.prefix(12)) (\(ref))",
                                            changedFiles: changed, governed: governed, decisionFiles: decisionFiles))
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

import Dispatch
import SteleCore
import SteleFiles

/// One scan of a repository, in two steps. `init` lists the tree, reads the manifests and reads
/// every source file for its imports (or, with `symbols`, for everything). `readSymbols(of:)` then
/// reads the declarations and references of just the files a symbol-level rule needs, which the
/// caller decides from the first step's result: most rules name a few folders, and reading the
/// rest of the tree to the end would be wasted. `finish()` writes the facts cache once, at the end.
///
/// The result is sorted and independent of the order threads finish in, and of the cache.
public struct ScanSession {
    let root: String
    let contents: [String: [UInt8]]
    let location: FactsCache.Location?
    let cache: FactsCache?
    /// When this scan started (ns since the epoch): the time the cache it writes is of.
    let started: Int64
    /// The source files this scan does not read (`only`), whose records the cache keeps.
    let unscanned: [String]
    /// Listing and manifest problems: the diagnostics no file scan gives.
    let treeDiagnostics: [Diagnostic]
    /// Every language's modules: places files and resolves their imports.
    let moduleMap: ProjectModuleMap
    /// One per file of `result`, in its order.
    var scanned: [ProjectScanner.Scanned]
    /// Which files of `result` have their declarations and references read.
    private(set) var symbolsRead: [Bool]
    public private(set) var result: ScanResult

    /// - Parameters:
    ///   - root: the repository root (absolute or relative to the working directory).
    ///   - include: the `scan` setting; empty means the whole tree. Manifests are read wherever they are.
    ///   - ignore: the `ignore` setting.
    ///   - only: when set, only these repo-relative files are read; modules still come from every manifest.
    ///   - contents: bytes to use instead of the file on disk (`--staged`: what git's index holds).
    ///   - symbols: read every source file's declarations and references now; when false, files are
    ///     read only as far as their imports (and `readSymbols(of:)` reads more where needed).
    ///   - cache: where the facts cache is; nil for none. A file whose bytes have the hash and size
    ///     of its record gets its facts from the record instead of being read.
    public init(root: String, include: [Glob] = [], ignore: [Glob] = [], only: Set<String>? = nil,
                contents: [String: [UInt8]] = [:], symbols: Bool = false, cache location: FactsCache.Location? = nil) {
        self.root = root
        self.contents = contents
        self.location = location
        started = location == nil ? 0 : FileStamp.now()
        let listing = FileWalker(root: root, ignore: ignore).list()
        var unscanned: [String] = []
        let sources: [(path: String, language: Language)] = listing.files.compactMap { path in
            guard let language = Language.of(path: path) else { return nil }
            if !include.isEmpty && !include.contains(where: { $0.matches(path) }) { return nil }
            if let only, !only.contains(path) {
                if LanguageRegistry.reads(language) { unscanned.append(path) }
                return nil
            }
            return (path, language)
        }
        self.unscanned = unscanned
        let cache = location.map { FactsCache.load(from: $0.path, producer: $0.producer) }
        self.cache = cache

        // One worker reads the manifests while the others read files: modules are only attached at
        // the end, so the serial manifest work hides inside the parallel part.
        let modules = ConcurrentResults<(ProjectModuleMap, [Diagnostic])>(count: 1)
        scanned = ConcurrentArray.make(count: sources.count) { slots in
            ScanSession.inChunks(sources.count, alongside: {
                modules[0] = ProjectModuleMap.read(root: root, files: listing.files)
            }) { index, readers in
                let (path, language) = sources[index]
                slots.initialize(index, to: ProjectScanner.scanFile(root: root, path: path, language: language, replacement: contents[path],
                                                                    symbols: symbols, cache: cache, readers: readers))
            }
        }
        let (moduleMap, manifestDiagnostics) = modules.values[0]
        treeDiagnostics = listing.diagnostics + manifestDiagnostics
        self.moduleMap = moduleMap
        for (i, module) in moduleMap.modulesOnAllCores(ofSorted: scanned.map(\.file.path)).enumerated() { scanned[i].file.module = module }
        // Imports that name modules relative to the tree (Python's) are resolved now that every
        // file is placed, on all cores.
        var unresolved: [Int] = []
        var files: [SourceFile] = []
        for (i, one) in scanned.enumerated() where moduleMap.resolves(one.file.language) {
            unresolved.append(i)
            files.append(one.file)
        }
        if !unresolved.isEmpty {
            let resolved = ConcurrentResults<SourceFile>(count: files.count)
            let placed = files
            ScanSession.inChunks(placed.count) { k, _ in resolved[k] = moduleMap.resolve(placed[k]) }
            for (k, file) in resolved.values.enumerated() { scanned[unresolved[k]].file = file }
        }
        symbolsRead = scanned.map { symbols && LanguageRegistry.reads($0.file.language) }
        result = ScanResult(files: scanned.map(\.file), modules: moduleMap.modules, diagnostics: [])
        result.diagnostics = diagnostics()
    }

    /// Reads the declarations and references of `files` (indices into `result.files`) that do not
    /// have them yet, on all cores.
    /// - Parameter naming: when given, a file is read to its end only if its bytes hold one of these
    ///   names (or a `stele:allow`, whose use the check must see); the others keep their imports.
    public mutating func readSymbols(of files: Set<Int>, naming names: Set<String>? = nil) {
        let needles = names.map { ($0.sorted() + ["stele:allow"]).map { Array($0.utf8) } }
        let wanted = files.filter { result.files.indices.contains($0) && !symbolsRead[$0] }.sorted()
        guard !wanted.isEmpty else { return }
        let results = ConcurrentResults<ProjectScanner.Scanned>(count: wanted.count)
        let (root, contents, cache, files) = (root, contents, cache, result.files)
        let known = wanted.map { scanned[$0].known }
        ScanSession.inChunks(wanted.count) { k, readers in
            let file = files[wanted[k]]
            results[k] = ProjectScanner.scanFile(root: root, path: file.path, language: file.language, module: file.module,
                                                 replacement: contents[file.path], symbols: true, symbolsOnlyIfHolding: needles,
                                                 cache: cache, known: known[k], readers: readers)
        }
        for (k, fresh) in results.values.enumerated() where !fresh.symbolsSkipped {
            let i = wanted[k]
            scanned[i] = fresh
            scanned[i].file = moduleMap.resolve(fresh.file)
            result.files[i] = scanned[i].file
            symbolsRead[i] = true
        }
        result.diagnostics = diagnostics()
    }

    /// Writes the cache, only when a file was read or a record is no longer needed, to hold
    /// exactly the source files this scan covers (plus, with `only`, the records of the files it did
    /// not read). Returns what the cache did (nil without a cache).
    public func finish() -> FactsCache.Report? {
        guard let location, let cache else { return nil }
        var report = FactsCache.Report(path: location.path)
        report.loaded = cache.count
        var kept = 0, restamped = 0
        for one in scanned where one.record != nil {
            kept += 1
            if one.hit { report.hits += 1 } else { report.misses += 1 }
            if one.unread { report.unread += 1 }
            if one.restamped { restamped += 1 }
        }
        let carried = unscanned.compactMap { path in cache[path].map(cache.carriedOver) }
        // Every record kept is a hit or new; with no new one, equal counts mean the same paths. A
        // restamped record is rewritten so that the next run need not read its file.
        if report.misses > 0 || restamped > 0 || kept + carried.count != cache.count {
            // Scanned records come in path order, and are written from where they are; the
            // carried-over ones are merged in.
            let records = scanned.lazy.compactMap(\.record)
            report.problem = carried.isEmpty
                ? FactsCache.save(records, producer: location.producer, written: started, to: location.path)
                : FactsCache.save(Array(records) + carried, producer: location.producer, written: started, to: location.path)
            report.written = report.problem == nil
        }
        return report
    }

    /// Runs `body` for every index below `count` on all cores, in a few chunks (every chunk-th
    /// index) that each have their own readers; `alongside` runs once, beside them (the serial
    /// manifest work hides inside the parallel part that way).
    static func inChunks(_ count: Int, alongside: (@Sendable () -> Void)? = nil, _ body: @Sendable (Int, SourceReaders) -> Void) {
        let chunks = min(count, 32)
        let first = alongside == nil ? 0 : 1
        DispatchQueue.concurrentPerform(iterations: chunks + first) { chunk in
            if chunk < first {
                alongside?()
                return
            }
            let readers = SourceReaders()
            var index = chunk - first
            while index < count {
                body(index, readers)
                index += chunks
            }
        }
    }

    func diagnostics() -> [Diagnostic] {
        (treeDiagnostics + scanned.compactMap(\.diagnostic)).sortedForOutput()
    }
}

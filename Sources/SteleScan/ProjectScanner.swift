import SteleCore
import SteleFiles

/// Scans a repository: lists its files, reads every manifest (of each language's ecosystem) to
/// learn the modules, then reads every source file of a language Stele reads (`LanguageRegistry`),
/// on all cores. `ScanSession` does the work in steps; these are the one-call forms, and the
/// per-file piece it is made of.
public enum ProjectScanner {
    /// A whole scan in one call: imports, or with `symbols` every file's declarations and
    /// references too. The parameters are `ScanSession.init`'s.
    public static func scan(root: String, include: [Glob] = [], ignore: [Glob] = [], only: Set<String>? = nil,
                            contents: [String: [UInt8]] = [:], symbols: Bool = false, cache: FactsCache.Location? = nil) -> ScanResult {
        scanReportingCache(root: root, include: include, ignore: ignore, only: only, contents: contents, symbols: symbols,
                           cache: cache).result
    }

    /// `scan`, and what the cache did (nil without a cache).
    static func scanReportingCache(root: String, include: [Glob] = [], ignore: [Glob] = [], only: Set<String>? = nil,
                                          contents: [String: [UInt8]] = [:], symbols: Bool = false,
                                          cache location: FactsCache.Location? = nil) -> (result: ScanResult, report: FactsCache.Report?) {
        let session = ScanSession(root: root, include: include, ignore: ignore, only: only, contents: contents, symbols: symbols,
                                  cache: location)
        return (session.result, session.finish())
    }

    /// Whether `path` is a manifest written in a source language (`Package.swift`), which is read
    /// to its end like no other source file.
    public static func isManifest(_ path: String) -> Bool { LanguageRegistry.isSourceManifest(path) }

    /// Whether files of `language` are read for imports (the others are matched by path only).
    public static func reads(_ language: Language) -> Bool { LanguageRegistry.reads(language) }

    /// Whether files of `language` have declarations and references (Swift's): symbol-level rules
    /// find nothing more in a tree with none of them than its imports tell.
    public static func readsSymbols(_ language: Language) -> Bool { LanguageRegistry.readsSymbols(language) }

    /// One file's scan: the file, its warning if any, and (with a cache) its record and whether the
    /// record came from the cache. The warning and the record, which most files of a run lack,
    /// are held by reference: a scan keeps one of these per file (376 bytes a file inline, 184 so).
    struct Scanned {
        var file: SourceFile
        private let boxedDiagnostic: Boxed<Diagnostic>?
        private let boxedRecord: Boxed<FactsCache.Record>?
        var hit = false
        /// A hit whose file was not read: its stamp vouched for it.
        var unread = false
        /// A hit whose record now carries a new stamp (the file was touched, its bytes are the same).
        var restamped = false
        /// What the scan learnt of the bytes it read, for a later scan of the same file to reuse.
        var known: Known?
        /// Symbols were asked for, but the file names none of what the rules look for: the scan
        /// of its imports stands.
        var symbolsSkipped = false

        init(file: SourceFile, diagnostic: Diagnostic? = nil, record: FactsCache.Record? = nil, hit: Bool = false,
             unread: Bool = false, restamped: Bool = false, known: Known? = nil) {
            self.file = file
            boxedDiagnostic = diagnostic.map(Boxed.init)
            boxedRecord = record.map(Boxed.init)
            self.hit = hit
            self.unread = unread
            self.restamped = restamped
            self.known = known
        }

        var diagnostic: Diagnostic? { boxedDiagnostic?.value }
        var record: FactsCache.Record? { boxedRecord?.value }
    }

    /// A value on the heap, so that an optional of it costs a pointer where it is absent.
    final class Boxed<Value: Sendable>: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// A file's facts as one scan read them, and which bytes they describe (the hash is 0
    /// without a cache: then the size alone decides, as nothing outlives the run).
    struct Known {
        var hash: UInt64
        var size: Int
        var facts: FactsCache.Facts
    }

    /// One file's scan, by its language's reader from `readers` (the worker's own). `known`: what
    /// an earlier scan of the file found; when the bytes are still the ones it read, its imports are
    /// kept and only the symbols are read.
    static func scanFile(root: String, path: String, language: Language, module: String? = nil, replacement: [UInt8]? = nil,
                         symbols: Bool = false, symbolsOnlyIfHolding needles: [[UInt8]]? = nil, cache: FactsCache? = nil,
                         known: Known? = nil, readers: SourceReaders) -> Scanned {
        let at = SourceLocation(file: path, line: 1, column: 1)
        guard let reader = readers.reader(for: language) else {
            return Scanned(file: SourceFile(path: path, language: language, module: module, imports: []))
        }
        // A file whose stamp vouches for its record is not read at all. The stamp is taken before
        // the bytes are read: a write after it changes the stamp the next run sees.
        let stamp = replacement == nil && cache != nil ? FileStamp.of(root + "/" + path) : nil
        if let cache, let stamp, let record = cache.record(path, unchangedAt: stamp), record.hasSymbols || !symbols,
           let facts = record.facts(symbols: symbols) {
            return Scanned(file: sourceFile(path: path, language: language, module: module, facts: facts, symbols: symbols),
                           diagnostic: utf8Warning(facts.validUTF8, at: at), record: record, hit: true, unread: true,
                           known: Known(hash: record.hash, size: record.size, facts: facts))
        }
        let bytes: [UInt8]
        switch replacement.map(FileReader.Bytes.bytes) ?? FileReader.readBytes(root + "/" + path) {
        case .skipped(let reason):
            return Scanned(file: SourceFile(path: path, language: language, module: module, imports: [], skipped: reason),
                           diagnostic: .warning("not scanned: \(reason)", at: at))
        case .bytes(let read):
            bytes = read
        }
        // Known bytes: the record's facts, without checking the bytes again (a record is only ever
        // written for bytes that passed `FileReader.inspect`).
        let hash = cache == nil ? 0 : StableHash.words(bytes)
        if let record = cache?[path], record.serves(hash: hash, size: bytes.count, symbols: symbols),
           let facts = record.facts(symbols: symbols) {
            // Staged bytes say nothing of the file on disk: the record keeps the stamp it had.
            let restamp = replacement == nil && record.stamp != stamp
            return Scanned(file: sourceFile(path: path, language: language, module: module, facts: facts, symbols: symbols),
                           diagnostic: utf8Warning(facts.validUTF8, at: at), record: restamp ? record.restamped(stamp) : record,
                           hit: true, restamped: restamp, known: Known(hash: hash, size: bytes.count, facts: facts))
        }
        var facts: FactsCache.Facts
        if let known, known.hash == hash, known.size == bytes.count {
            facts = known.facts
        } else {
            switch FileReader.inspect(bytes) {
            case .skipped(let reason):
                return Scanned(file: SourceFile(path: path, language: language, module: module, imports: [], skipped: reason),
                               diagnostic: .warning("not scanned: \(reason)", at: at))
            case .text(let bytes, let validUTF8):
                let scanned = reader.imports(in: bytes, wholeFile: isManifest(path))
                facts = FactsCache.Facts(imports: scanned.imports, suppressions: scanned.suppressions, validUTF8: validUTF8)
            }
        }
        let validUTF8 = facts.validUTF8
        if symbols, facts.symbols == nil, let needles, !ProjectScanner.holdsAny(of: needles, in: bytes) {
            // Nothing the rules look for is written here: the scan of the imports stands.
            var scanned = Scanned(file: sourceFile(path: path, language: language, module: module, facts: facts, symbols: false))
            scanned.symbolsSkipped = true
            return scanned
        }
        if symbols, facts.symbols == nil {
            let found = reader.symbols(in: bytes)
            facts.symbols = FactsCache.Symbols(declarations: found.declarations, references: found.references,
                                               suppressions: found.suppressions)
        }
        return Scanned(file: sourceFile(path: path, language: language, module: module, facts: facts, symbols: symbols),
                       diagnostic: utf8Warning(validUTF8, at: at),
                       record: cache == nil ? nil : FactsCache.Record(path: path, hash: hash, size: bytes.count, stamp: stamp, facts: facts),
                       known: Known(hash: hash, size: bytes.count, facts: facts))
    }

    /// A scanned file from its facts: with `symbols`, the symbol scan's suppressions (it reads the
    /// whole file), else the import scan's (up to the last import), as a scan without a cache.
    static func sourceFile(path: String, language: Language, module: String?, facts: FactsCache.Facts, symbols: Bool) -> SourceFile {
        var file = SourceFile(path: path, language: language, module: module, imports: facts.imports)
        if symbols, let found = facts.symbols {
            file.declarations = found.declarations
            file.references = found.references
            file.suppressions = found.suppressions
        } else {
            file.suppressions = facts.suppressions
        }
        return file
    }

    static func utf8Warning(_ validUTF8: Bool, at location: SourceLocation) -> Diagnostic? {
        validUTF8 ? nil : .warning("not valid UTF-8; scanned as bytes", at: location,
                                   hint: "imports are found, but names with invalid bytes are shown with U+FFFD")
    }
}

extension ProjectScanner {
    /// Whether `bytes` hold one of `needles` anywhere (a cheap look before a file is lexed to its end).
    static func holdsAny(of needles: [[UInt8]], in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { haystack in
            needles.contains { needle in
                needle.isEmpty || needle.withUnsafeBytes { ByteSearch.contains($0, anchor: 0, in: haystack) }
            }
        }
    }
}

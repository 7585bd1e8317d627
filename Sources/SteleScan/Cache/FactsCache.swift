import SteleCore
import SteleFiles

/// The scanner's facts per file, keyed by path. A record describes the bytes it was made from by
/// their hash and size, and the file they were read from by its stamp (size, times, inode): a file
/// whose stamp is the record's, and old enough that a later write would have changed it, is not
/// read at all; any other file is read and hashed, and its record serves when the hash matches.
/// So a scan of an unchanged tree reads the file system's metadata, not its contents, and lexes
/// nothing.
///
/// One cache file per repository root, outside the repository (the command line decides where); it
/// is only ever an accelerator: deleting it, or finding it truncated, corrupted, foreign or written
/// by another Stele, costs one full scan and changes no result.
///
/// The file is memory-mapped and read lazily: its index up front, then only the facts blocks of
/// the files a scan takes from it, and a file's symbols only when a rule needs them. A large
/// cache therefore costs a run what it uses of it, not its size. The format (all integers are
/// LEB128 varints, signed ones zigzag-encoded; a string is its UTF-8 length and bytes; checksums
/// are 8 bytes, little-endian):
///
///     header   magic "STELEFC\n", format version, fact version, producer (string),
///              written (when the scan that wrote it started, ns since the epoch), index length
///     index    record count, then per record, in the order of their paths' bytes: path (string), content hash (8 bytes, `StableHash.words`),
///              content size, stamp (0 = none; else 1, modified, changed, inode),
///              imports block length and checksum, symbols block length (0 = none) and checksum
///     checksum of the header and the index
///     blocks   every record's imports block, in index order; then every symbols block (a scan
///              that needs no symbols touches none of their pages)
///     imports  flags (1 = valid UTF-8), string count, strings; then, naming strings by their
///              index (an optional string is 0 for none, else index + 1): imports, suppressions
///     symbols  string count, strings; then suppressions, declarations (the kind as a number),
///              references
///
/// Each block is self-contained and checked against its checksum when it is decoded: a damaged
/// block is a file scanned again, never wrong facts.
public struct FactsCache: Sendable {
    static let magic: [UInt8] = Array("STELEFC\n".utf8)
    /// The layout of the file; bump when it changes.
    static let formatVersion = 3
    /// Bump when a fact type (`Import`, `Suppression`, `Declaration`, `Reference`)
    /// changes, or when a scanner finds something else in the same bytes: a cache written before
    /// is then ignored as a whole.
    static let factVersion = 5
    /// Cache files larger than this are not read (a huge repository's facts are tens of MiB).
    static let maximumFileSize = 1 << 30
    /// A file modified this close to (or after) the start of the scan that wrote its record is read
    /// again next time: a later write within the file system's timestamp resolution (two seconds on
    /// the coarsest) could have left its stamp unchanged.
    static let racyWindow: Int64 = 2_000_000_000

    /// What a file's scan found: what `ProjectScanner` puts into a `SourceFile`, both without and
    /// (when `symbols` is set) with symbols.
    struct Facts: Equatable, Sendable {
        var imports: [Import]
        /// The suppressions the import scan finds (it reads comments up to the last import).
        var suppressions: [Suppression]
        /// Declarations and references, when the file was scanned for them.
        var symbols: Symbols?
        /// Whether the bytes were valid UTF-8 (a warning otherwise).
        var validUTF8: Bool

        init(imports: [Import], suppressions: [Suppression], symbols: Symbols? = nil, validUTF8: Bool = true) {
            self.imports = imports
            self.suppressions = suppressions
            self.symbols = symbols
            self.validUTF8 = validUTF8
        }
    }

    struct Symbols: Equatable, Sendable {
        var declarations: [Declaration]
        var references: [Reference]
        /// The suppressions the symbol scan finds (it reads the whole file).
        var suppressions: [Suppression]

        init(declarations: [Declaration], references: [Reference], suppressions: [Suppression]) {
            self.declarations = declarations
            self.references = references
            self.suppressions = suppressions
        }
    }

    /// One file: what identifies its content and its file, and its facts, encoded.
    struct Record: Sendable {
        var path: String
        /// `StableHash.words` of the bytes scanned.
        var hash: UInt64
        var size: Int
        /// The file's stamp when its bytes were read; nil when they came from elsewhere (git's index).
        var stamp: FileStamp?
        var imports: Block
        var symbols: Block?

        init(path: String, hash: UInt64, size: Int, stamp: FileStamp? = nil, facts: Facts) {
            self.path = path
            self.hash = hash
            self.size = size
            self.stamp = stamp
            imports = Block(FactsCacheWriter.encodeImports(facts))
            symbols = facts.symbols.map { Block(FactsCacheWriter.encodeSymbols($0)) }
        }

        init(path: String, hash: UInt64, size: Int, stamp: FileStamp?, imports: Block, symbols: Block?) {
            self.path = path
            self.hash = hash
            self.size = size
            self.stamp = stamp
            self.imports = imports
            self.symbols = symbols
        }

        var hasSymbols: Bool { symbols != nil }

        /// The facts, decoded (with `symbols`, the declarations and references too); nil when a
        /// block does not decode or does not match its checksum (then the file is scanned).
        func facts(symbols wanted: Bool) -> Facts? {
            guard var facts = imports.decode(FactsCacheReader.decodeImports) else { return nil }
            if wanted {
                guard let block = symbols, let found = block.decode(FactsCacheReader.decodeSymbols) else { return nil }
                facts.symbols = found
            }
            return facts
        }

        /// Every fact the record holds.
        var facts: Facts? { facts(symbols: hasSymbols) }

        /// Whether this record holds the facts of these bytes, as far as a scan needs them: one
        /// with symbols also serves a scan without.
        func serves(hash: UInt64, size: Int, symbols: Bool) -> Bool {
            self.hash == hash && self.size == size && (hasSymbols || !symbols)
        }

        /// The same record for the file as stamped now (its bytes are the record's).
        func restamped(_ stamp: FileStamp?) -> Record {
            var copy = self
            copy.stamp = stamp
            return copy
        }
    }

    /// One encoded block of facts: a range of the cache file's bytes, or bytes just encoded.
    struct Block: Sendable {
        let storage: Storage
        let range: Range<Int>
        let checksum: UInt64

        init(storage: Storage, range: Range<Int>, checksum: UInt64) {
            self.storage = storage
            self.range = range
            self.checksum = checksum
        }

        init(_ bytes: [UInt8]) {
            storage = Storage(bytes)
            range = 0..<bytes.count
            checksum = FactsCacheReader.checksum(bytes)
        }

        func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
            storage.withBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
        }

        /// The block decoded by `decoder` once its checksum matches; nil otherwise.
        func decode<T>(_ decoder: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
            withBytes { raw in
                guard FactsCacheReader.checksum(raw) == checksum else { return nil }
                return decoder(raw.bindMemory(to: UInt8.self))
            }
        }
    }

    /// The bytes blocks live in: a mapped cache file, or an array (blocks just encoded, a cache
    /// decoded from bytes in memory). Never written to after it is made.
    final class Storage: @unchecked Sendable {
        let mapping: MappedFile?
        let array: [UInt8]

        init(_ array: [UInt8]) {
            mapping = nil
            self.array = array
        }

        init(_ mapping: MappedFile) {
            self.mapping = mapping
            array = []
        }

        func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
            if let mapping { return body(mapping.bytes) }
            return array.withUnsafeBytes(body)
        }
    }

    /// Where one record lies in the cache file: its index entry and its blocks (byte offsets; the
    /// file is at most `maximumFileSize` long). Records are found by a binary search on the paths
    /// of their index entries, which the file holds in the order of their bytes: a cache of 100,000
    /// files costs 12 bytes a file until a record is asked for, not a dictionary of decoded records.
    struct Slot: Sendable {
        var entry: UInt32
        var imports: UInt32
        var symbols: UInt32
    }

    /// The cache file's bytes; nil for an empty cache.
    private let storage: Storage?
    /// One per record, in path order.
    private let slots: [Slot]
    /// Who wrote the cache: a file written by another producer is ignored.
    let producer: String
    /// When the scan that wrote the cache started (ns since the epoch); 0 for a new cache.
    let written: Int64

    /// A cache of `records` (a path given twice keeps its last record), as if written and read back.
    init(records: [Record] = [], producer: String = "", written: Int64 = 0) {
        var byPath: [String: Record] = [:]
        for record in records { byPath[record.path] = record }
        var bytes: [UInt8] = []
        FactsCacheWriter.write(byPath.values.sorted(by: FactsCache.pathPrecedes), producer: producer, written: written) {
            bytes.append(contentsOf: $0)
        }
        self.init(decoding: bytes, producer: producer)
    }

    /// Reads a cache file's bytes. Anything unexpected (another magic, version or producer, a
    /// wrong index checksum, a truncated or malformed index, paths out of order) gives an empty
    /// cache: never a trap.
    init(decoding bytes: [UInt8], producer: String = "") {
        self.init(storage: Storage(bytes), producer: producer)
    }

    init(storage: Storage, producer: String) {
        self.producer = producer
        if let (written, slots) = FactsCacheReader.decodeFile(storage, producer: producer) {
            self.storage = storage
            self.written = written
            self.slots = slots
        } else {
            self.storage = nil
            written = 0
            slots = []
        }
    }

    var count: Int { slots.count }

    /// Every record, in path order (for tests and the fuzzer: a scan asks by path).
    var records: [Record] { slots.indices.compactMap { record(at: $0) } }

    subscript(path: String) -> Record? {
        guard let storage else { return nil }
        var path = path
        let found: Int? = path.withUTF8 { wanted in
            storage.withBytes { raw in
                var low = 0, high = slots.count
                while low < high {
                    let middle = (low + high) / 2
                    switch FactsCacheReader.comparePath(in: raw, at: Int(slots[middle].entry), with: UnsafeRawBufferPointer(wanted)) {
                    case 0: return middle
                    case ..<0: low = middle + 1
                    default: high = middle
                    }
                }
                return nil
            }
        }
        // The record shares the caller's string: a cache of many files makes no copy of its paths.
        return found.flatMap { record(at: $0, path: path) }
    }

    /// The record of `slots[k]`, decoded from its index entry (which was checked when the cache was loaded).
    private func record(at k: Int, path: String? = nil) -> Record? {
        guard let storage else { return nil }
        return FactsCacheReader.record(storage, slots[k], path: path)
    }

    /// The record of the file at `path` when the file's stamp says it is unchanged without reading
    /// it: the stamp is the record's, and old enough (before the writing scan started, by the racy
    /// window) that a later write would have changed it.
    func record(_ path: String, unchangedAt stamp: FileStamp) -> Record? {
        guard let record = self[path], record.stamp == stamp, stamp.modified < written - FactsCache.racyWindow else { return nil }
        return record
    }

    /// A record this scan did not look at, for the cache it writes (which is of a later time): a
    /// stamp too recent to vouch for its file in this cache would vouch for it in the next, so it
    /// is dropped, and the next scan that needs the file reads it.
    func carriedOver(_ record: Record) -> Record {
        guard let stamp = record.stamp, stamp.modified >= written - FactsCache.racyWindow else { return record }
        return record.restamped(nil)
    }

    /// The cache file's bytes: the same facts always give the same file.
    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        FactsCacheWriter.write(records, producer: producer, written: written) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The order of the file (and of a binary search on it): by the bytes of the paths.
    static func pathPrecedes(_ a: Record, _ b: Record) -> Bool { a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }

    /// Whether `records` are in the file's order, each path once. A scan's records come sorted as
    /// `String` sorts, which is the same for the paths of almost every tree.
    static func isInPathOrder<Records: Collection<Record>>(_ records: Records) -> Bool {
        zip(records, records.dropFirst()).allSatisfy(pathPrecedes)
    }

    /// The cache at `path`, mapped; empty when there is none or it cannot be used.
    static func load(from path: String, producer: String) -> FactsCache {
        guard let mapping = MappedFile.open(path, limit: maximumFileSize) else { return FactsCache(producer: producer) }
        return FactsCache(storage: Storage(mapping), producer: producer)
    }

    /// Writes the cache to `path` atomically, creating its directory, a piece at a time (the blocks
    /// of unchanged files are copied from the old file as they are). Returns what went wrong, or nil.
    func save(to path: String) -> String? {
        FactsCache.save(records, producer: producer, written: written, to: path)
    }

    /// Writes records (a scan's, in its order: sorted as `String` sorts, with no path twice)
    /// without building a cache of them, or an array when they are in the file's order already.
    static func save<Records: Collection<Record>>(_ records: Records, producer: String, written: Int64, to path: String) -> String? {
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex {
            if let problem = FileSystem.createDirectories(String(path[..<slash])) { return problem }
        }
        switch FileSystem.AtomicWriter.open(path) {
        case .failure(let failure):
            return failure.message
        case .success(var writer):
            if isInPathOrder(records) {
                FactsCacheWriter.write(records, producer: producer, written: written) { writer.append($0) }
            } else {
                FactsCacheWriter.write(records.sorted(by: pathPrecedes), producer: producer, written: written) { writer.append($0) }
            }
            return writer.commit()
        }
    }
}

extension FactsCache {
    /// Where a scan keeps its cache, and the producer it writes and accepts.
    public struct Location: Equatable, Sendable {
        public var path: String
        public var producer: String

        public init(path: String, producer: String) {
            self.path = path
            self.producer = producer
        }
    }

    /// What the cache did in one scan (`STELE_TIMINGS=1` prints it).
    public struct Report: Equatable, Sendable {
        public var path: String
        /// Records in the cache file when the scan started (0 when there was none, or it was not usable).
        public var loaded = 0
        /// Files whose facts came from the cache, and files lexed.
        public var hits = 0
        public var misses = 0
        /// Of the hits, the files not read at all (their stamp vouched for them).
        public var unread = 0
        /// Whether the file was rewritten (only when something changed).
        public var written = false
        /// Why it could not be written; nil when it was, or did not need to be.
        public var problem: String?

        public init(path: String) { self.path = path }

        public var summary: String {
            "cache: \(hits) from the cache, \(misses) lexed; \(loaded) records read" + (written ? ", rewritten" : "")
                + (unread > 0 ? "; \(unread) files not read (unchanged stamps)" : "")
        }
    }
}

import SteleCore
import SteleFiles

/// The scanner's facts per file, keyed by path and checked by a hash of the file's bytes, so that a
/// scan of an unchanged tree reads each file and hashes it but lexes nothing.
///
/// One cache file per repository root, outside the repository (the command line decides where); it
/// is only ever an accelerator: deleting it, or finding it truncated, corrupted, foreign or written
/// by another Stele, costs one full scan and changes no result.
///
/// The file format (all integers are LEB128 varints, signed ones zigzag-encoded; a string is its
/// UTF-8 length and bytes):
///
///     header   magic "STELEFC\n", format version, fact version, producer (string),
///              checksum of the body (8 bytes, little-endian)
///     body     record count, then per record: path (string), content hash (8 bytes, little-endian
///              FNV-1a), content size, flags (1 = declarations and references were read),
///              facts length, facts
///     facts    flags (1 = valid UTF-8, 2 = symbols), string count, strings; then, naming strings by
///              their index (an optional string is 0 for none, else index + 1):
///              imports, suppressions, and with symbols: the symbol scan's suppressions (how many
///              equal the first ones, then the rest), declarations (the kind as a number),
///              references
///
/// Each record's facts are a self-contained block: a scan decodes only the blocks of files that
/// hit, on the worker that scans the file, and a rewrite copies the blocks of unchanged files as
/// they are.
public struct FactsCache: Sendable {
    public static let magic: [UInt8] = Array("STELEFC\n".utf8)
    /// The layout of the file; bump when it changes.
    public static let formatVersion = 1
    /// Bump when a fact type (`SwiftImport`, `Suppression`, `SwiftDeclaration`, `SwiftReference`)
    /// changes, or when a scanner finds something else in the same bytes: a cache written before
    /// is then ignored as a whole.
    public static let factVersion = 3
    /// Cache files larger than this are not read (a huge repository's facts are tens of MiB).
    public static let maximumFileSize = 1 << 30

    /// What a file's scan found: what `ProjectScanner` puts into a `SourceFile`, both without and
    /// (when `symbols` is set) with symbols.
    public struct Facts: Equatable, Sendable {
        public var imports: [SwiftImport]
        /// The suppressions the import scan finds (it reads comments up to the last import).
        public var suppressions: [Suppression]
        /// Declarations and references, when the file was scanned for them.
        public var symbols: Symbols?
        /// Whether the bytes were valid UTF-8 (a warning otherwise).
        public var validUTF8: Bool

        public init(imports: [SwiftImport], suppressions: [Suppression], symbols: Symbols? = nil, validUTF8: Bool = true) {
            self.imports = imports
            self.suppressions = suppressions
            self.symbols = symbols
            self.validUTF8 = validUTF8
        }
    }

    public struct Symbols: Equatable, Sendable {
        public var declarations: [SwiftDeclaration]
        public var references: [SwiftReference]
        /// The suppressions the symbol scan finds (it reads the whole file).
        public var suppressions: [Suppression]

        public init(declarations: [SwiftDeclaration], references: [SwiftReference], suppressions: [Suppression]) {
            self.declarations = declarations
            self.references = references
            self.suppressions = suppressions
        }
    }

    /// One file: what identifies its content, and its facts, encoded.
    public struct Record: Sendable {
        public var path: String
        /// 64-bit FNV-1a of the bytes scanned.
        public var hash: UInt64
        public var size: Int
        public var hasSymbols: Bool
        /// The facts block, as written (a slice of the cache file when read from one).
        var block: ArraySlice<UInt8>

        public init(path: String, hash: UInt64, size: Int, facts: Facts) {
            self.path = path
            self.hash = hash
            self.size = size
            hasSymbols = facts.symbols != nil
            block = ArraySlice(FactsCacheWriter.encode(facts))
        }

        init(path: String, hash: UInt64, size: Int, hasSymbols: Bool, block: ArraySlice<UInt8>) {
            self.path = path
            self.hash = hash
            self.size = size
            self.hasSymbols = hasSymbols
            self.block = block
        }

        /// The facts, decoded; nil when the block does not decode (then the file is scanned).
        public var facts: Facts? { FactsCacheReader.decodeFacts(block, hasSymbols: hasSymbols) }

        /// Whether this record holds the facts of these bytes, as far as a scan needs them: one
        /// with symbols also serves a scan without.
        public func serves(hash: UInt64, size: Int, symbols: Bool) -> Bool {
            self.hash == hash && self.size == size && (hasSymbols || !symbols)
        }
    }

    /// Records by repo-relative path.
    public private(set) var records: [String: Record] = [:]
    /// Who wrote the cache: a file written by another producer is ignored.
    public var producer: String

    public init(records: [Record] = [], producer: String = "") {
        self.producer = producer
        for record in records { self.records[record.path] = record }
    }

    /// Reads a cache file's bytes. Anything unexpected (another magic, version or producer, a
    /// wrong checksum, a truncated or malformed record) gives an empty cache: never a trap.
    public init(decoding bytes: [UInt8], producer: String = "") {
        self.producer = producer
        records = FactsCacheReader.decodeFile(bytes, producer: producer) ?? [:]
    }

    public var count: Int { records.count }

    public subscript(path: String) -> Record? { records[path] }

    /// The cache file's bytes: records sorted by path, so the same facts always give the same file.
    public func encoded() -> [UInt8] {
        FactsCacheWriter.encodeFile(records.values.sorted { $0.path < $1.path }, producer: producer)
    }

    /// The cache at `path`; empty when there is none or it cannot be used.
    public static func load(from path: String, producer: String) -> FactsCache {
        guard case .bytes(let bytes) = FileReader.readBytes(path, limit: maximumFileSize) else {
            return FactsCache(producer: producer)
        }
        return FactsCache(decoding: bytes, producer: producer)
    }

    /// Writes the cache to `path` atomically, creating its directory. Returns what went wrong, or nil.
    public func save(to path: String) -> String? {
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex {
            if let problem = FileSystem.createDirectories(String(path[..<slash])) { return problem }
        }
        return FileSystem.write(bytes: encoded(), to: path)
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
        /// Whether the file was rewritten (only when something changed).
        public var written = false
        /// Why it could not be written; nil when it was, or did not need to be.
        public var problem: String?

        public init(path: String) { self.path = path }

        public var summary: String {
            "cache: \(hits) from the cache, \(misses) lexed; \(loaded) records read" + (written ? ", rewritten" : "")
        }
    }
}

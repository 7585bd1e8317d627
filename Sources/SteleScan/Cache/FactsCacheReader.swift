/// Decodes facts cache files (the format is described on `FactsCache`). Every read is bounds-checked
/// and every count is checked against the bytes left before anything is allocated for it: whatever
/// the bytes, decoding ends in a value or in nil, never in a trap.
enum FactsCacheReader {
    /// The records of a whole file, or nil when it is not a cache this Stele wrote, or is damaged.
    static func decodeFile(_ bytes: [UInt8], producer: String) -> [String: FactsCache.Record]? {
        guard bytes.count >= FactsCache.magic.count, bytes.prefix(FactsCache.magic.count).elementsEqual(FactsCache.magic) else {
            return nil
        }
        // First the index (paths, hashes, where each facts block is), as offsets into `bytes`.
        typealias Entry = (path: String, hash: UInt64, size: Int, hasSymbols: Bool, block: Range<Int>)
        let entries: [Entry]? = bytes.withUnsafeBufferPointer { buffer in
            var reader = ByteReader(buffer, from: FactsCache.magic.count)
            do {
                guard try reader.varint() == UInt64(FactsCache.formatVersion),
                      try reader.varint() == UInt64(FactsCache.factVersion),
                      try reader.string() == producer else { return nil }
                let checksum = try reader.fixed64()
                guard checksum == FactsCacheReader.checksum(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[reader.position...]))) else { return nil }
                let count = try reader.count()
                var entries: [Entry] = []
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let path = try reader.string()
                    let hash = try reader.fixed64()
                    let size = try reader.int()
                    let flags = try reader.varint()
                    guard size >= 0, flags <= 1 else { return nil }
                    let length = try reader.count()
                    entries.append((path, hash, size, flags == 1, reader.position..<reader.position + length))
                    reader.position += length
                }
                guard reader.position == buffer.count else { return nil }
                return entries
            } catch {
                return nil
            }
        }
        guard let entries else { return nil }
        var records: [String: FactsCache.Record] = [:]
        records.reserveCapacity(entries.count)
        for entry in entries {
            let record = FactsCache.Record(path: entry.path, hash: entry.hash, size: entry.size, hasSymbols: entry.hasSymbols,
                                           block: bytes[entry.block])
            // The writer never repeats a path: a file that does was not written by it.
            guard records.updateValue(record, forKey: entry.path) == nil else { return nil }
        }
        return records
    }

    /// One facts block; nil when it does not decode exactly (to its last byte).
    static func decodeFacts(_ block: ArraySlice<UInt8>, hasSymbols: Bool) -> FactsCache.Facts? {
        block.withUnsafeBufferPointer { buffer in
            var reader = BlockReader(reader: ByteReader(buffer, from: 0))
            do {
                let facts = try reader.facts()
                guard reader.reader.position == buffer.count, (facts.symbols != nil) == hasSymbols else { return nil }
                return facts
            } catch {
                return nil
            }
        }
    }

    /// Declaration kinds by their number in the format (`FactsCacheWriter.code(of:)`).
    static let kinds: [SwiftDeclaration.Kind] = [
        .struct, .class, .enum, .actor, .protocol, .typealias, .associatedtype, .extension,
        .func, .var, .let, .macro, .case, .`init`, .subscript,
    ]

    /// A checksum of the body, eight bytes at a time (a 64-bit FNV-1a of a whole file of symbols
    /// would cost more than the rest of reading it). Each step is a bijection of the running value,
    /// so any change to a single word changes the result.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            hash = (hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            i += 8
        }
        while i < bytes.count {
            hash = (hash ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        return hash
    }

    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// A facts block's reader: its string table, then the facts naming strings by index.
    struct BlockReader {
        var reader: ByteReader
        var table: [String] = []

        mutating func facts() throws(Malformed) -> FactsCache.Facts {
            let flags = try reader.varint()
            guard flags <= 3 else { throw Malformed() }
            let count = try reader.count()
            table.reserveCapacity(count)
            for _ in 0..<count { table.append(try reader.string()) }
            var facts = FactsCache.Facts(imports: try imports(), suppressions: try suppressions(), validUTF8: flags & 1 != 0)
            if flags & 2 != 0 {
                let shared = try reader.count()
                guard shared <= facts.suppressions.count else { throw Malformed() }
                let symbolSuppressions = Array(facts.suppressions[..<shared]) + (try suppressions())
                facts.symbols = FactsCache.Symbols(declarations: try declarations(), references: try references(),
                                                   suppressions: symbolSuppressions)
            }
            return facts
        }

        mutating func string() throws(Malformed) -> String {
            let index = try reader.varint()
            guard index < UInt64(table.count) else { throw Malformed() }
            return table[Int(index)]
        }

        mutating func optional() throws(Malformed) -> String? {
            let value = try reader.varint()
            if value == 0 { return nil }
            guard value - 1 < UInt64(table.count) else { throw Malformed() }
            return table[Int(value - 1)]
        }

        mutating func strings() throws(Malformed) -> [String] {
            let count = try reader.count()
            var strings: [String] = []
            strings.reserveCapacity(count)
            for _ in 0..<count { strings.append(try string()) }
            return strings
        }

        mutating func imports() throws(Malformed) -> [SwiftImport] {
            let count = try reader.count()
            var imports: [SwiftImport] = []
            imports.reserveCapacity(count)
            for _ in 0..<count {
                let module = try string(), path = try strings(), kind = try optional(), attributes = try strings()
                let accessLevel = try optional(), line = try reader.int(), column = try reader.int()
                let conditions = try strings(), text = try string()
                imports.append(SwiftImport(module: module, path: path, kind: kind, attributes: attributes, accessLevel: accessLevel,
                                           line: line, column: column, conditions: conditions, text: text))
            }
            return imports
        }

        mutating func suppressions() throws(Malformed) -> [Suppression] {
            let count = try reader.count()
            var suppressions: [Suppression] = []
            suppressions.reserveCapacity(count)
            for _ in 0..<count {
                let target = try string(), reason = try optional(), line = try reader.int(), column = try reader.int()
                let until = try optional()
                suppressions.append(Suppression(target: target, reason: reason, line: line, column: column, until: until))
            }
            return suppressions
        }

        mutating func declarations() throws(Malformed) -> [SwiftDeclaration] {
            let count = try reader.count()
            var declarations: [SwiftDeclaration] = []
            declarations.reserveCapacity(count)
            for _ in 0..<count {
                let code = try reader.varint()
                guard code < UInt64(FactsCacheReader.kinds.count) else { throw Malformed() }
                let kind = FactsCacheReader.kinds[Int(code)]
                let name = try string(), parent = try optional(), access = try optional()
                let line = try reader.int(), column = try reader.int()
                declarations.append(SwiftDeclaration(kind: kind, name: name, parent: parent, access: access, line: line, column: column))
            }
            return declarations
        }

        mutating func references() throws(Malformed) -> [SwiftReference] {
            let count = try reader.count()
            var references: [SwiftReference] = []
            references.reserveCapacity(count)
            for _ in 0..<count {
                let name = try string(), members = try string(), line = try reader.int(), column = try reader.int()
                let enclosingType = try optional()
                references.append(SwiftReference(name: name, members: members, line: line, column: column, enclosingType: enclosingType))
            }
            return references
        }
    }
}

/// Why a cache's bytes were not decoded; the details do not matter, the cache is not used.
struct Malformed: Error {}

/// Reads the cache's encodings from a buffer, checking every access against its end.
struct ByteReader {
    let buffer: UnsafeBufferPointer<UInt8>
    var position: Int

    init(_ buffer: UnsafeBufferPointer<UInt8>, from position: Int) {
        self.buffer = buffer
        self.position = position
    }

    /// LEB128, at most ten bytes; a value that does not fit 64 bits is malformed.
    mutating func varint() throws(Malformed) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < buffer.count else { throw Malformed() }
            let byte = buffer[position]
            position += 1
            if shift == 63 && byte > 1 { throw Malformed() }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws(Malformed) -> Int {
        let value = try varint()
        return Int(truncatingIfNeeded: Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
    }

    /// A count of things each at least a byte long, or a length in bytes: never more than the
    /// bytes left, so a damaged count cannot ask for a huge allocation.
    mutating func count() throws(Malformed) -> Int {
        let value = try varint()
        guard value <= UInt64(buffer.count - position) else { throw Malformed() }
        return Int(value)
    }

    mutating func fixed64() throws(Malformed) -> UInt64 {
        guard buffer.count - position >= 8 else { throw Malformed() }
        var value: UInt64 = 0
        for k in 0..<8 { value |= UInt64(buffer[position + k]) << UInt64(8 * k) }
        position += 8
        return value
    }

    mutating func string() throws(Malformed) -> String {
        let length = try count()
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<position + length]), as: UTF8.self)
        position += length
        return text
    }
}

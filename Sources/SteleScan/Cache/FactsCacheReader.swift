import SteleCore
import SteleFiles

/// Decodes facts cache files (the format is described on `FactsCache`). Every read is bounds-checked
/// and every count is checked against the bytes left before anything is allocated for it: whatever
/// the bytes, decoding ends in a value or in nil, never in a trap.
enum FactsCacheReader {
    /// The time the cache was written and where its records lie, or nil when it is not a cache this
    /// Stele wrote, or its header or index is damaged. Only the header and the index are read here:
    /// each block is checked against its checksum when it is decoded.
    static func decodeFile(_ storage: FactsCache.Storage, producer: String) -> (Int64, [FactsCache.Slot])? {
        storage.withBytes { raw -> (Int64, [FactsCache.Slot])? in
            let buffer = raw.bindMemory(to: UInt8.self)
            guard buffer.count >= FactsCache.magic.count, buffer.count <= FactsCache.maximumFileSize,
                  buffer.prefix(FactsCache.magic.count).elementsEqual(FactsCache.magic) else {
                return nil
            }
            var reader = ByteReader(buffer, from: FactsCache.magic.count)
            do {
                guard try reader.varint() == UInt64(FactsCache.formatVersion),
                      try reader.varint() == UInt64(FactsCache.factVersion),
                      try reader.string() == producer else { return nil }
                let written = Int64(try reader.int())
                let indexLength = try reader.count()
                let indexStart = reader.position
                // The checksum after the index covers the header and the index.
                guard buffer.count - indexStart >= indexLength + 8 else { return nil }
                let indexEnd = indexStart + indexLength
                reader.position = indexEnd
                guard try reader.fixed64() == checksum(UnsafeRawBufferPointer(rebasing: raw[..<indexEnd])) else { return nil }
                var index = ByteReader(UnsafeBufferPointer(rebasing: buffer[..<indexEnd]), from: indexStart)
                let count = try index.count()
                var slots: [FactsCache.Slot] = []
                slots.reserveCapacity(count)
                // The imports blocks first, then the symbols blocks, each in index order (a scan
                // that needs no symbols touches none of their pages); every block inside the
                // file, one after the other.
                var importsEnd = indexEnd + 8
                var symbolsLengths: [UInt32] = []
                symbolsLengths.reserveCapacity(count)
                var previousPath: Range<Int>?
                for _ in 0..<count {
                    let entryStart = index.position
                    let path = try index.stringRange()
                    // Paths in the order of their bytes, none twice, as the writer puts them.
                    if let previousPath {
                        guard RepositoryPath.compare(UnsafeRawBufferPointer(rebasing: raw[previousPath]), UnsafeRawBufferPointer(rebasing: raw[path])) < 0 else {
                            return nil
                        }
                    }
                    previousPath = path
                    let entry = try Entry(&index)
                    guard entry.importsLength <= UInt64(buffer.count - importsEnd) else { return nil }
                    slots.append(FactsCache.Slot(entry: UInt32(entryStart), imports: UInt32(importsEnd), symbols: 0))
                    importsEnd += Int(entry.importsLength)
                    symbolsLengths.append(UInt32(truncatingIfNeeded: entry.symbolsLength))
                }
                var offset = importsEnd
                for k in slots.indices where symbolsLengths[k] > 0 {
                    guard Int(symbolsLengths[k]) <= buffer.count - offset else { return nil }
                    slots[k].symbols = UInt32(offset)
                    offset += Int(symbolsLengths[k])
                }
                guard index.position == indexEnd, offset == buffer.count else { return nil }
                return (written, slots)
            } catch {
                return nil
            }
        }
    }

    /// One index entry after its path.
    struct Entry {
        var hash: UInt64
        var size: Int
        var stamp: FileStamp?
        var importsLength: UInt64
        var importsChecksum: UInt64
        var symbolsLength: UInt64
        var symbolsChecksum: UInt64

        init(_ index: inout ByteReader) throws(Malformed) {
            hash = try index.fixed64()
            size = try index.int()
            switch try index.varint() {
            case 0: stamp = nil
            case 1: stamp = FileStamp(size: size, modified: Int64(try index.int()), changed: Int64(try index.int()), inode: try index.varint())
            default: throw Malformed()
            }
            importsLength = try index.varint()
            importsChecksum = try index.fixed64()
            symbolsLength = try index.varint()
            symbolsChecksum = symbolsLength == 0 ? 0 : try index.fixed64()
            // A block of the file is shorter than the file (at most `maximumFileSize`).
            guard size >= 0, importsLength > 0, importsLength < UInt64(FactsCache.maximumFileSize),
                  symbolsLength < UInt64(FactsCache.maximumFileSize) else { throw Malformed() }
        }
    }

    /// The record of `slot`, read from its index entry again (checked when the file was loaded).
    /// `path`: the entry's path, when the caller has it as a string already.
    static func record(_ storage: FactsCache.Storage, _ slot: FactsCache.Slot, path known: String? = nil) -> FactsCache.Record? {
        storage.withBytes { raw in
            var index = ByteReader(raw.bindMemory(to: UInt8.self), from: Int(slot.entry))
            guard let range = try? index.stringRange(), let entry = try? Entry(&index) else { return nil }
            let path = known ?? String(decoding: UnsafeRawBufferPointer(rebasing: raw[range]), as: UTF8.self)
            let imports = Int(slot.imports)
            return FactsCache.Record(
                path: path, hash: entry.hash, size: entry.size, stamp: entry.stamp,
                imports: FactsCache.Block(storage: storage, range: imports..<imports + Int(entry.importsLength), checksum: entry.importsChecksum),
                symbols: entry.symbolsLength == 0 ? nil : FactsCache.Block(
                    storage: storage, range: Int(slot.symbols)..<Int(slot.symbols) + Int(entry.symbolsLength), checksum: entry.symbolsChecksum))
        }
    }

    /// How the path of the index entry at `entry` orders against `path`, by their bytes (negative:
    /// before it). The entry was read when the file was loaded.
    static func comparePath(in raw: UnsafeRawBufferPointer, at entry: Int, with path: UnsafeRawBufferPointer) -> Int {
        var index = ByteReader(raw.bindMemory(to: UInt8.self), from: entry)
        guard let range = try? index.stringRange() else { return 1 }
        return RepositoryPath.compare(UnsafeRawBufferPointer(rebasing: raw[range]), path)
    }

    /// An imports block; nil when it does not decode exactly (to its last byte).
    static func decodeImports(_ buffer: UnsafeBufferPointer<UInt8>) -> FactsCache.Facts? {
        var reader = BlockReader(reader: ByteReader(buffer, from: 0))
        do {
            let facts = try reader.importFacts()
            return reader.reader.position == buffer.count ? facts : nil
        } catch {
            return nil
        }
    }

    /// A symbols block; nil when it does not decode exactly.
    static func decodeSymbols(_ buffer: UnsafeBufferPointer<UInt8>) -> FactsCache.Symbols? {
        var reader = BlockReader(reader: ByteReader(buffer, from: 0))
        do {
            let symbols = try reader.symbols()
            return reader.reader.position == buffer.count ? symbols : nil
        } catch {
            return nil
        }
    }

    /// Declaration kinds by their number in the format (`FactsCacheWriter.code(of:)`).
    static let kinds: [Declaration.Kind] = [
        .struct, .class, .enum, .actor, .protocol, .typealias, .associatedtype, .extension,
        .func, .var, .let, .macro, .case, .`init`, .subscript,
    ]

    /// The checksum of the header and index, or of a block (`StableHash.words`).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        StableHash.words(bytes)
    }

    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        StableHash.words(bytes)
    }

    /// A facts block's reader: its string table, then the facts naming strings by index.
    struct BlockReader {
        var reader: ByteReader
        var table: [String] = []

        mutating func readTable() throws(Malformed) {
            let count = try reader.count()
            table.reserveCapacity(count)
            for _ in 0..<count { table.append(try reader.string()) }
        }

        mutating func importFacts() throws(Malformed) -> FactsCache.Facts {
            let flags = try reader.varint()
            guard flags <= 1 else { throw Malformed() }
            try readTable()
            return FactsCache.Facts(imports: try imports(), suppressions: try suppressions(), validUTF8: flags == 1)
        }

        mutating func symbols() throws(Malformed) -> FactsCache.Symbols {
            try readTable()
            let suppressions = try suppressions()
            return FactsCache.Symbols(declarations: try declarations(), references: try references(), suppressions: suppressions)
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

        mutating func imports() throws(Malformed) -> [Import] {
            let count = try reader.count()
            var imports: [Import] = []
            imports.reserveCapacity(count)
            for _ in 0..<count {
                let module = try string(), path = try strings(), kind = try optional(), attributes = try strings()
                let accessLevel = try optional(), line = try reader.int(), column = try reader.int()
                let conditions = try strings(), text = try string()
                imports.append(Import(module: module, path: path, kind: kind, attributes: attributes, accessLevel: accessLevel,
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

        mutating func declarations() throws(Malformed) -> [Declaration] {
            let count = try reader.count()
            var declarations: [Declaration] = []
            declarations.reserveCapacity(count)
            for _ in 0..<count {
                let code = try reader.varint()
                guard code < UInt64(FactsCacheReader.kinds.count) else { throw Malformed() }
                let kind = FactsCacheReader.kinds[Int(code)]
                let name = try string(), parent = try optional(), access = try optional()
                let line = try reader.int(), column = try reader.int()
                declarations.append(Declaration(kind: kind, name: name, parent: parent, access: access, line: line, column: column))
            }
            return declarations
        }

        mutating func references() throws(Malformed) -> [Reference] {
            let count = try reader.count()
            var references: [Reference] = []
            references.reserveCapacity(count)
            for _ in 0..<count {
                let name = try string(), members = try string(), line = try reader.int(), column = try reader.int()
                let enclosingType = try optional()
                references.append(Reference(name: name, members: members, line: line, column: column, enclosingType: enclosingType))
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
        String(decoding: UnsafeBufferPointer(rebasing: buffer[try stringRange()]), as: UTF8.self)
    }

    /// Where the next string's bytes are, skipped.
    mutating func stringRange() throws(Malformed) -> Range<Int> {
        let length = try count()
        defer { position += length }
        return position..<position + length
    }
}

import SteleCore

/// Encodes facts cache files (the format is described on `FactsCache`).
enum FactsCacheWriter {
    /// A whole file, handed to `emit` a piece at a time: header and index, then every record's
    /// imports block, then every symbols block, as they are (copied from the old file for records
    /// read from it).
    static func write<Records: Collection<FactsCache.Record>>(_ records: Records, producer: String, written: Int64,
                                                              emit: (UnsafeRawBufferPointer) -> Void) {
        var index = ByteWriter()
        index.bytes.reserveCapacity(16 + records.reduce(0) { $0 + $1.path.utf8.count + 64 })
        index.varint(UInt64(records.count))
        for record in records {
            index.string(record.path)
            index.fixed64(record.hash)
            index.int(record.size)
            if let stamp = record.stamp, stamp.size == record.size {
                index.varint(1)
                index.int(Int(stamp.modified))
                index.int(Int(stamp.changed))
                index.varint(stamp.inode)
            } else {
                index.varint(0)
            }
            index.varint(UInt64(record.imports.range.count))
            index.fixed64(record.imports.checksum)
            index.varint(UInt64(record.symbols?.range.count ?? 0))
            if let symbols = record.symbols { index.fixed64(symbols.checksum) }
        }
        var header = ByteWriter()
        header.bytes.append(contentsOf: FactsCache.magic)
        header.varint(UInt64(FactsCache.formatVersion))
        header.varint(UInt64(FactsCache.factVersion))
        header.string(producer)
        header.int(Int(written))
        header.varint(UInt64(index.bytes.count))
        header.bytes += index.bytes
        header.fixed64(FactsCacheReader.checksum(header.bytes))
        header.bytes.withUnsafeBytes(emit)
        for record in records { record.imports.withBytes(emit) }
        for record in records { record.symbols?.withBytes(emit) }
    }

    /// A file's imports block: flags, its own string table, then the imports and the suppressions
    /// the import scan found, naming strings by index.
    static func encodeImports(_ facts: FactsCache.Facts) -> [UInt8] {
        var block = BlockWriter()
        block.body.bytes.reserveCapacity(16 + 8 * (facts.imports.count + facts.suppressions.count))
        block.imports(facts.imports)
        block.suppressions(facts.suppressions)
        return block.finish(flags: facts.validUTF8 ? 1 : 0)
    }

    /// A file's symbols block: its own string table, then the symbol scan's suppressions, the
    /// declarations and the references.
    static func encodeSymbols(_ symbols: FactsCache.Symbols) -> [UInt8] {
        var block = BlockWriter()
        block.body.bytes.reserveCapacity(16 + 8 * (symbols.declarations.count + symbols.references.count))
        block.suppressions(symbols.suppressions)
        block.declarations(symbols.declarations)
        block.references(symbols.references)
        return block.finish(flags: nil)
    }

    /// A declaration kind's number in the format: its index in `FactsCacheReader.kinds`. The switch
    /// is exhaustive, so a new kind cannot be forgotten here (append it there, and bump the fact version).
    static func code(of kind: Declaration.Kind) -> UInt64 {
        switch kind {
        case .struct: return 0
        case .class: return 1
        case .enum: return 2
        case .actor: return 3
        case .protocol: return 4
        case .typealias: return 5
        case .associatedtype: return 6
        case .extension: return 7
        case .func: return 8
        case .var: return 9
        case .let: return 10
        case .macro: return 11
        case .case: return 12
        case .`init`: return 13
        case .subscript: return 14
        }
    }

    /// The body of a facts block, with the strings it names collected into a table.
    struct BlockWriter {
        var body = ByteWriter()
        var table: [String] = []
        /// An open-addressing index into `table` (-1: empty), hashed with FNV-1a over the UTF-8:
        /// a `Dictionary` would hash every name with SipHash, which costs more than the rest of
        /// encoding.
        var slots = [Int32](repeating: -1, count: 64)
        var hashes: [UInt64] = []

        /// The string's index in the table, adding it when it is new.
        mutating func intern(_ string: String) -> Int {
            let hash = string.utf8.withContiguousStorageIfAvailable { StableHash.fnv1a(bytes: $0) } ?? StableHash.fnv1a(string)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let index = Int(slots[slot])
                if index < 0 { break }
                if hashes[index] == hash && table[index] == string { return index }
                slot = (slot + 1) & mask
            }
            let index = table.count
            table.append(string)
            hashes.append(hash)
            slots[slot] = Int32(index)
            if table.count * 2 > slots.count { grow() }
            return index
        }

        mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            for (index, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index)
            }
        }

        /// The block: its flags (if it has any), the string table, the body.
        func finish(flags: UInt64?) -> [UInt8] {
            var out = ByteWriter()
            out.bytes.reserveCapacity(16 + body.bytes.count + table.reduce(0) { $0 + $1.utf8.count + 1 })
            if let flags { out.varint(flags) }
            out.varint(UInt64(table.count))
            for string in table { out.string(string) }
            out.bytes.append(contentsOf: body.bytes)
            return out.bytes
        }

        mutating func string(_ string: String) {
            body.varint(UInt64(intern(string)))
        }

        mutating func optional(_ string: String?) {
            guard let string else { return body.varint(0) }
            body.varint(UInt64(intern(string)) + 1)
        }

        mutating func strings(_ strings: [String]) {
            body.varint(UInt64(strings.count))
            for s in strings { string(s) }
        }

        mutating func imports(_ imports: [Import]) {
            body.varint(UInt64(imports.count))
            for i in imports {
                string(i.module)
                strings(i.path)
                optional(i.kind)
                strings(i.attributes)
                optional(i.accessLevel)
                body.int(i.line)
                body.int(i.column)
                strings(i.conditions)
                string(i.text)
            }
        }

        mutating func suppressions<S: Collection>(_ suppressions: S) where S.Element == Suppression {
            body.varint(UInt64(suppressions.count))
            for s in suppressions {
                string(s.target)
                optional(s.reason)
                body.int(s.line)
                body.int(s.column)
                optional(s.until)
            }
        }

        mutating func declarations(_ declarations: [Declaration]) {
            body.varint(UInt64(declarations.count))
            for d in declarations {
                body.varint(FactsCacheWriter.code(of: d.kind))
                string(d.name)
                optional(d.parent)
                optional(d.access)
                body.int(d.line)
                body.int(d.column)
            }
        }

        mutating func references(_ references: [Reference]) {
            body.varint(UInt64(references.count))
            for r in references {
                string(r.name)
                string(r.members)
                body.int(r.line)
                body.int(r.column)
                optional(r.enclosingType)
            }
        }
    }
}

/// Bytes appended in the cache's encodings.
struct ByteWriter {
    var bytes: [UInt8] = []

    /// LEB128: seven bits a byte, low bits first, the high bit set on all but the last byte.
    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Zigzag: small magnitudes of either sign stay short (0, -1, 1, -2 → 0, 1, 2, 3).
    mutating func int(_ value: Int) {
        let v = Int64(value)
        varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func fixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func string(_ string: String) {
        varint(UInt64(string.utf8.count))
        bytes.append(contentsOf: string.utf8)
    }
}

import SteleCore

/// Encodes facts cache files (the format is described on `FactsCache`).
enum FactsCacheWriter {
    /// A whole file: header, checksum, records.
    static func encodeFile(_ records: [FactsCache.Record], producer: String) -> [UInt8] {
        var file = ByteWriter()
        file.bytes.reserveCapacity(64 + producer.utf8.count + records.reduce(0) { $0 + $1.path.utf8.count + $1.block.count + 32 })
        file.bytes.append(contentsOf: FactsCache.magic)
        file.varint(UInt64(FactsCache.formatVersion))
        file.varint(UInt64(FactsCache.factVersion))
        file.string(producer)
        let checksumOffset = file.bytes.count
        file.fixed64(0) // filled in below, once the body is there
        let bodyOffset = file.bytes.count
        file.varint(UInt64(records.count))
        for record in records {
            file.string(record.path)
            file.fixed64(record.hash)
            file.int(record.size)
            file.varint(record.hasSymbols ? 1 : 0)
            file.varint(UInt64(record.block.count))
            file.bytes.append(contentsOf: record.block)
        }
        let checksum = file.bytes.withUnsafeBytes { FactsCacheReader.checksum(UnsafeRawBufferPointer(rebasing: $0[bodyOffset...])) }
        for k in 0..<8 { file.bytes[checksumOffset + k] = UInt8(truncatingIfNeeded: checksum >> UInt64(8 * k)) }
        return file.bytes
    }

    /// One file's facts block: flags, its own string table, then the facts naming strings by index.
    static func encode(_ facts: FactsCache.Facts) -> [UInt8] {
        var block = BlockWriter()
        let items = facts.imports.count + facts.suppressions.count + (facts.symbols.map { $0.declarations.count + $0.references.count } ?? 0)
        block.body.bytes.reserveCapacity(16 + 8 * items)
        block.imports(facts.imports)
        block.suppressions(facts.suppressions)
        if let symbols = facts.symbols {
            // The symbol scan reads the whole file, the import scan its header: their suppressions
            // usually share a prefix, which is stored once.
            var shared = 0
            while shared < symbols.suppressions.count, shared < facts.suppressions.count,
                  symbols.suppressions[shared] == facts.suppressions[shared] { shared += 1 }
            block.body.varint(UInt64(shared))
            block.suppressions(symbols.suppressions[shared...])
            block.declarations(symbols.declarations)
            block.references(symbols.references)
        }
        var out = ByteWriter()
        out.bytes.reserveCapacity(16 + block.body.bytes.count + block.table.reduce(0) { $0 + $1.utf8.count + 1 })
        out.varint((facts.validUTF8 ? 1 : 0) | (facts.symbols != nil ? 2 : 0))
        out.varint(UInt64(block.table.count))
        for string in block.table { out.string(string) }
        out.bytes.append(contentsOf: block.body.bytes)
        return out.bytes
    }

    /// A declaration kind's number in the format: its index in `FactsCacheReader.kinds`. The switch
    /// is exhaustive, so a new kind cannot be forgotten here (append it there, and bump the fact version).
    static func code(of kind: SwiftDeclaration.Kind) -> UInt64 {
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

        mutating func imports(_ imports: [SwiftImport]) {
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

        mutating func declarations(_ declarations: [SwiftDeclaration]) {
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

        mutating func references(_ references: [SwiftReference]) {
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

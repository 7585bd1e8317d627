import XCTest
import SteleFiles
@testable import SteleScan
import SteleTestSupport

/// The cache file format: every field round-trips, and no damage to the bytes traps or yields facts.
final class FactsCacheTests: XCTestCase {
    static let producer = "stele test 1"

    /// Facts using every field, with unicode, empty strings, nil and non-nil optionals, extreme numbers.
    static func richFacts() -> FactsCache.Facts {
        let imports = [
            Import(module: "Foundation", path: ["Foundation"], kind: nil, attributes: [], accessLevel: nil,
                        line: 1, column: 1, conditions: [], text: "import Foundation"),
            Import(module: "Café", path: ["Café", "Ünïcødé", "😀"], kind: "struct", attributes: ["@testable", "@_spi(Internal)"],
                        accessLevel: "public", line: Int.max, column: Int.min, conditions: ["os(iOS)", "!DEBUG && canImport(UIKit)"],
                        text: "@testable public import struct Café.Ünïcødé.😀"),
            Import(module: "", path: [""], kind: "", attributes: [""], accessLevel: "", line: 0, column: -1, conditions: [""], text: ""),
        ]
        let suppressions = [
            Suppression(target: "ADR-0002", reason: "the legacy store — going away", line: 2, column: 1),
            Suppression(target: "ADR-0003/rule", reason: nil, line: 1 << 40, column: 3, until: "2027-03-31"),
        ]
        let symbols = FactsCache.Symbols(
            declarations: FactsCacheReader.kinds.enumerated().map { index, kind in
                Declaration(kind: kind, name: "name\(index)·λ", parent: index % 2 == 0 ? nil : "Outer.Inner",
                                 access: index % 3 == 0 ? nil : "fileprivate", line: index * 1000, column: index)
            } + [Declaration(kind: .func, name: "", parent: "", access: "", line: Int.max, column: Int.min)],
            references: [
                Reference(name: "UserDefaults", members: "standard.set", line: 10, column: 5, enclosingType: nil),
                Reference(name: "Ω", members: "", line: 11, column: 7, enclosingType: "Outer.Inner"),
                Reference(name: "", members: "", line: -5, column: 0, enclosingType: ""),
            ],
            suppressions: suppressions + [Suppression(target: "ADR-0004", reason: "", line: 99, column: 9)])
        return FactsCache.Facts(imports: imports, suppressions: suppressions, symbols: symbols, validUTF8: false)
    }

    static func sampleCache() -> FactsCache {
        var facts = richFacts()
        facts.symbols?.suppressions = [Suppression(target: "other", reason: "not a prefix", line: 1, column: 1)]
        return FactsCache(records: [
            FactsCache.Record(path: "Sources/A/Rich.swift", hash: .max, size: Int.max,
                              stamp: FileStamp(size: Int.max, modified: .max, changed: .min, inode: .max), facts: richFacts()),
            FactsCache.Record(path: "Sources/B/Ünïcødé ✓.swift", hash: 0, size: 0, facts: FactsCache.Facts(imports: [], suppressions: [])),
            FactsCache.Record(path: "Sources/C/NoPrefix.swift", hash: 0x0123_4567_89AB_CDEF, size: 42,
                              stamp: FileStamp(size: 42, modified: 1_767_225_600_123_456_789, changed: -1, inode: 0), facts: facts),
            FactsCache.Record(path: "", hash: 1, size: 1, facts: FactsCache.Facts(imports: [], suppressions: [], symbols:
                FactsCache.Symbols(declarations: [], references: [], suppressions: []))),
        ], producer: producer, written: 1_767_225_700_000_000_000)
    }

    func testEveryFieldRoundTrips() throws {
        let cache = Self.sampleCache()
        let bytes = cache.encoded()
        let decoded = FactsCache(decoding: bytes, producer: Self.producer)
        XCTAssertEqual(decoded.count, 4)
        XCTAssertEqual(decoded.written, cache.written)
        for record in cache.records {
            let path = record.path
            let read = try XCTUnwrap(decoded[path], path)
            XCTAssertEqual(read.path, path)
            XCTAssertEqual(read.hash, record.hash)
            XCTAssertEqual(read.size, record.size)
            XCTAssertEqual(read.hasSymbols, record.hasSymbols)
            XCTAssertEqual(read.stamp, record.stamp, path)
            XCTAssertEqual(try XCTUnwrap(read.facts), try XCTUnwrap(record.facts), path)
        }
        XCTAssertEqual(decoded["Sources/A/Rich.swift"]?.facts, Self.richFacts())
        XCTAssertEqual(decoded.encoded(), bytes, "a decoded cache writes the same bytes again")
        XCTAssertEqual(Self.sampleCache().encoded(), bytes, "the same facts always give the same file")
    }

    /// Thousands of names, most repeated: the string table grows many times and stays exact.
    func testManyNamesRoundTrip() {
        let references = (0..<20_000).map { i in
            Reference(name: "Name\(i % 3001)", members: i % 7 == 0 ? "" : "m\(i % 13).x", line: i, column: i % 80,
                           enclosingType: i % 5 == 0 ? nil : "Type\(i % 101)")
        }
        let facts = FactsCache.Facts(imports: [], suppressions: [], symbols: FactsCache.Symbols(declarations: [], references: references,
                                                                                                suppressions: []))
        let block = FactsCacheWriter.encodeSymbols(facts.symbols!)
        XCTAssertEqual(block.withUnsafeBufferPointer(FactsCacheReader.decodeSymbols), facts.symbols)
        let inline = references.reduce(0) { $0 + $1.name.utf8.count + $1.members.utf8.count + ($1.enclosingType?.utf8.count ?? 0) }
        XCTAssertLessThan(block.count, inline, "repeated names are stored once")
    }

    func testRecordsServeScansWithoutSymbolsButNotTheOtherWayRound() {
        let withSymbols = FactsCache.Record(path: "a", hash: 7, size: 3, facts: Self.richFacts())
        let without = FactsCache.Record(path: "a", hash: 7, size: 3, facts: FactsCache.Facts(imports: [], suppressions: []))
        XCTAssertTrue(withSymbols.serves(hash: 7, size: 3, symbols: true))
        XCTAssertTrue(withSymbols.serves(hash: 7, size: 3, symbols: false))
        XCTAssertTrue(without.serves(hash: 7, size: 3, symbols: false))
        XCTAssertFalse(without.serves(hash: 7, size: 3, symbols: true))
        XCTAssertFalse(withSymbols.serves(hash: 8, size: 3, symbols: false))
        XCTAssertFalse(withSymbols.serves(hash: 7, size: 4, symbols: false))
    }

    func testAnotherProducerOrVersionIsIgnored() {
        let bytes = Self.sampleCache().encoded()
        XCTAssertEqual(FactsCache(decoding: bytes, producer: "stele test 2").count, 0)
        XCTAssertEqual(FactsCache(decoding: bytes, producer: "").count, 0)
        var otherVersion = bytes
        otherVersion[FactsCache.magic.count] &+= 1
        XCTAssertEqual(FactsCache(decoding: otherVersion, producer: Self.producer).count, 0)
        XCTAssertEqual(FactsCache(decoding: [], producer: Self.producer).count, 0)
    }

    func testEveryTruncationIsIgnored() {
        let bytes = Self.sampleCache().encoded()
        for length in 0..<bytes.count {
            XCTAssertEqual(FactsCache(decoding: Array(bytes[..<length]), producer: Self.producer).count, 0, "truncated to \(length)")
        }
        XCTAssertEqual(FactsCache(decoding: bytes + [0], producer: Self.producer).count, 0, "a byte too many")
    }

    /// A flipped byte in the header or the index loses the whole cache; one in a block loses that
    /// block's facts (checked when it is decoded). No flip ever yields other facts.
    func testNoFlippedByteYieldsOtherFacts() throws {
        let original = Self.sampleCache()
        let bytes = original.encoded()
        var lostWhole = 0, lostBlock = 0
        for index in bytes.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[index] ^= mask
                let decoded = FactsCache(decoding: damaged, producer: Self.producer)
                if decoded.count == 0 { lostWhole += 1; continue }
                XCTAssertEqual(decoded.written, original.written)
                var lost = 0
                for record in decoded.records {
                    let path = record.path
                    let source = try XCTUnwrap(original[path], "byte \(index) ^ \(mask): a path that was not written")
                    XCTAssertEqual(record.hash, source.hash)
                    XCTAssertEqual(record.stamp, source.stamp)
                    for symbols in [false, true] where !symbols || record.hasSymbols {
                        if let facts = record.facts(symbols: symbols) {
                            XCTAssertEqual(facts, source.facts(symbols: symbols), "byte \(index) ^ \(mask)")
                        } else {
                            lost += 1
                        }
                    }
                }
                XCTAssertGreaterThan(lost, 0, "byte \(index) ^ \(mask) changed nothing that is checked")
                lostBlock += 1
            }
        }
        XCTAssertGreaterThan(lostWhole, 0)
        XCTAssertGreaterThan(lostBlock, 0, "blocks are checked lazily, one by one")
    }

    /// A scan that needs no symbols never touches (or checks) the symbols blocks.
    func testImportsDecodeWithoutTheSymbolsBlock() throws {
        let cache = FactsCache(records: [FactsCache.Record(path: "a.swift", hash: 1, size: 1, facts: Self.richFacts())], producer: Self.producer)
        var bytes = cache.encoded()
        bytes[bytes.count - 1] ^= 0xFF // the last byte of the symbols block
        let record = try XCTUnwrap(FactsCache(decoding: bytes, producer: Self.producer)["a.swift"])
        var expected = Self.richFacts()
        expected.symbols = nil
        XCTAssertEqual(record.facts(symbols: false), expected)
        XCTAssertNil(record.facts(symbols: true))
    }

    /// Garbage, and garbage behind a valid header and index checksum (which the checksum cannot
    /// catch): decoding ends in nil or in some value, never in a trap or a huge allocation.
    func testGarbageNeverTraps() {
        var rng = SplitMix(seed: 42)
        for round in 0..<3000 {
            let length = Int(rng.next() % 200)
            let garbage = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            XCTAssertEqual(FactsCache(decoding: garbage, producer: Self.producer).count, 0)
            XCTAssertEqual(FactsCache(decoding: FactsCache.magic + garbage, producer: Self.producer).count, 0)
            // A valid header whose index checksum matches garbage: parsing itself must hold.
            let split = length == 0 ? 0 : Int(rng.next() % UInt64(length))
            let decoded = FactsCache(decoding: Self.file(index: Array(garbage[..<split]), blocks: Array(garbage[split...])), producer: Self.producer)
            for record in decoded.records { _ = record.facts }
            // Blocks of garbage, and real blocks damaged.
            _ = garbage.withUnsafeBufferPointer(FactsCacheReader.decodeImports)
            _ = garbage.withUnsafeBufferPointer(FactsCacheReader.decodeSymbols)
            var block = round % 2 == 0 ? FactsCacheWriter.encodeImports(Self.richFacts()) : FactsCacheWriter.encodeSymbols(Self.richFacts().symbols!)
            if !block.isEmpty { block[Int(rng.next() % UInt64(block.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            _ = block.withUnsafeBufferPointer(FactsCacheReader.decodeImports)
            _ = block.withUnsafeBufferPointer(FactsCacheReader.decodeSymbols)
        }
        // A real index with one byte changed and its checksum fixed up: it must still parse (or
        // not) without trapping, and every block stays inside the file.
        let real = Self.sampleCache()
        let index = Self.index(of: real)
        let blocks = Array(real.encoded().suffix(from: real.encoded().count - real.records.reduce(0) { $0 + $1.imports.range.count + ($1.symbols?.range.count ?? 0) }))
        for _ in 0..<3000 {
            var damaged = index
            damaged[Int(rng.next() % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: rng.next())
            let decoded = FactsCache(decoding: Self.file(index: damaged, blocks: blocks), producer: Self.producer)
            for record in decoded.records {
                if let facts = record.facts { XCTAssertEqual(record.hasSymbols, facts.symbols != nil) }
            }
        }
        // Counts claiming more than the bytes left, and a varint that overflows 64 bits.
        var huge = ByteWriter()
        huge.varint(UInt64.max)
        XCTAssertEqual(FactsCache(decoding: Self.file(index: huge.bytes, blocks: []), producer: Self.producer).count, 0)
        let overflow: [UInt8] = Array(repeating: 0xFF, count: 10) + [0x01]
        XCTAssertNil(overflow.withUnsafeBufferPointer(FactsCacheReader.decodeImports))
    }

    /// Records are found by a binary search on their paths' bytes, which is not always the order
    /// `String` sorts in: `e` with a combining circumflex is `ê` to `String`, after `é`, but its
    /// bytes come first.
    func testRecordsAreFoundByThePathsBytes() throws {
        let paths = ["é.swift", "e\u{302}.swift", "b.swift", "a/b.swift", "a.b.swift", "a", "", "Z.swift", "😀/x.swift"]
        XCTAssertGreaterThan("e\u{302}.swift", "é.swift", "String orders these apart from their bytes")
        let records = paths.enumerated().map { k, path in
            FactsCache.Record(path: path, hash: UInt64(k), size: k, facts: FactsCache.Facts(imports: [], suppressions: []))
        }
        let cache = FactsCache(records: records, producer: Self.producer)
        XCTAssertEqual(cache.count, paths.count)
        XCTAssertEqual(cache.records.map { Array($0.path.utf8) }, paths.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) })
        for (k, path) in paths.enumerated() { XCTAssertEqual(try XCTUnwrap(cache[path], path).hash, UInt64(k), path) }
        for missing in ["c.swift", "a/", "é", "😀", " "] { XCTAssertNil(cache[missing], missing) }
        XCTAssertNil(FactsCache(producer: Self.producer)["a"])
    }

    /// The writer puts paths in byte order, each once: a file that does not was not written by it.
    func testPathsOutOfOrderOrTwiceLoseTheCache() {
        func file(_ paths: [String]) -> [UInt8] {
            var bytes: [UInt8] = []
            let records = paths.map { FactsCache.Record(path: $0, hash: 1, size: 1, facts: FactsCache.Facts(imports: [], suppressions: [])) }
            FactsCacheWriter.write(records, producer: Self.producer, written: 0) { bytes.append(contentsOf: $0) }
            return bytes
        }
        XCTAssertEqual(FactsCache(decoding: file(["a", "b"]), producer: Self.producer).count, 2)
        XCTAssertEqual(FactsCache(decoding: file(["b", "a"]), producer: Self.producer).count, 0)
        XCTAssertEqual(FactsCache(decoding: file(["a", "a"]), producer: Self.producer).count, 0)
        XCTAssertEqual(FactsCache(records: [.init(path: "a", hash: 1, size: 1, facts: .init(imports: [], suppressions: [])),
                                            .init(path: "a", hash: 2, size: 1, facts: .init(imports: [], suppressions: []))],
                                  producer: Self.producer)["a"]?.hash, 2, "a path given twice keeps its last record")
    }

    func testEveryDeclarationKindHasItsNumber() {
        for (code, kind) in FactsCacheReader.kinds.enumerated() { XCTAssertEqual(FactsCacheWriter.code(of: kind), UInt64(code)) }
    }

    func testABlockDecodesOnlyWhole() {
        let imports = FactsCacheWriter.encodeImports(Self.richFacts())
        let symbols = FactsCacheWriter.encodeSymbols(Self.richFacts().symbols!)
        XCTAssertNotNil(imports.withUnsafeBufferPointer(FactsCacheReader.decodeImports))
        XCTAssertNotNil(symbols.withUnsafeBufferPointer(FactsCacheReader.decodeSymbols))
        XCTAssertNil(Array(imports.dropLast()).withUnsafeBufferPointer(FactsCacheReader.decodeImports))
        XCTAssertNil(Array(symbols.dropLast()).withUnsafeBufferPointer(FactsCacheReader.decodeSymbols))
        XCTAssertNil((imports + [0]).withUnsafeBufferPointer(FactsCacheReader.decodeImports))
    }

    func testVarintsAndZigzagRoundTrip() throws {
        let values: [Int] = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, 1 << 35, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var writer = ByteWriter()
        for v in values { writer.int(v) }
        writer.varint(UInt64.max)
        writer.fixed64(0xDEAD_BEEF_0BAD_F00D)
        writer.string("ünïcødé 😀")
        writer.string("")
        var small = ByteWriter()
        for v in [0, -1, 1, 64] { small.int(v) }
        XCTAssertEqual(small.bytes, [0x00, 0x01, 0x02, 0x80, 0x01], "0, -1, 1 and 64 in zigzag LEB128")
        try writer.bytes.withUnsafeBufferPointer { buffer in
            var reader = ByteReader(buffer, from: 0)
            for v in values { XCTAssertEqual(try reader.int(), v) }
            XCTAssertEqual(try reader.varint(), UInt64.max)
            XCTAssertEqual(try reader.fixed64(), 0xDEAD_BEEF_0BAD_F00D)
            XCTAssertEqual(try reader.string(), "ünïcødé 😀")
            XCTAssertEqual(try reader.string(), "")
            XCTAssertEqual(reader.position, buffer.count)
            XCTAssertThrowsError(try reader.varint())
        }
    }

    /// A cache file around an index and blocks as given: a valid header, and the checksum of both.
    static func file(index: [UInt8], blocks: [UInt8]) -> [UInt8] {
        var header = ByteWriter()
        header.bytes = FactsCache.magic
        header.varint(UInt64(FactsCache.formatVersion))
        header.varint(UInt64(FactsCache.factVersion))
        header.string(producer)
        header.int(0)
        header.varint(UInt64(index.count))
        header.bytes += index
        header.fixed64(FactsCacheReader.checksum(header.bytes))
        return header.bytes + blocks
    }

    /// The index of a cache as the writer lays it out.
    static func index(of cache: FactsCache) -> [UInt8] {
        let bytes = cache.encoded()
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = ByteReader(buffer, from: FactsCache.magic.count)
            _ = try! reader.varint(); _ = try! reader.varint(); _ = try! reader.string(); _ = try! reader.int()
            let length = try! reader.count()
            return Array(buffer[reader.position..<reader.position + length])
        }
    }
}

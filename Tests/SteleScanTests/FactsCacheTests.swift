import XCTest
@testable import SteleScan

/// The cache file format: every field round-trips, and no damage to the bytes traps or yields facts.
final class FactsCacheTests: XCTestCase {
    static let producer = "stele test 1"

    /// Facts using every field, with unicode, empty strings, nil and non-nil optionals, extreme numbers.
    static func richFacts() -> FactsCache.Facts {
        let imports = [
            SwiftImport(module: "Foundation", path: ["Foundation"], kind: nil, attributes: [], accessLevel: nil,
                        line: 1, column: 1, conditions: [], text: "import Foundation"),
            SwiftImport(module: "Café", path: ["Café", "Ünïcødé", "😀"], kind: "struct", attributes: ["@testable", "@_spi(Internal)"],
                        accessLevel: "public", line: Int.max, column: Int.min, conditions: ["os(iOS)", "!DEBUG && canImport(UIKit)"],
                        text: "@testable public import struct Café.Ünïcødé.😀"),
            SwiftImport(module: "", path: [""], kind: "", attributes: [""], accessLevel: "", line: 0, column: -1, conditions: [""], text: ""),
        ]
        let suppressions = [
            Suppression(target: "ADR-0002", reason: "the legacy store — going away", line: 2, column: 1),
            Suppression(target: "ADR-0003/rule", reason: nil, line: 1 << 40, column: 3, until: "2027-03-31"),
        ]
        let symbols = FactsCache.Symbols(
            declarations: FactsCacheReader.kinds.enumerated().map { index, kind in
                SwiftDeclaration(kind: kind, name: "name\(index)·λ", parent: index % 2 == 0 ? nil : "Outer.Inner",
                                 access: index % 3 == 0 ? nil : "fileprivate", line: index * 1000, column: index)
            } + [SwiftDeclaration(kind: .func, name: "", parent: "", access: "", line: Int.max, column: Int.min)],
            references: [
                SwiftReference(name: "UserDefaults", members: "standard.set", line: 10, column: 5, enclosingType: nil),
                SwiftReference(name: "Ω", members: "", line: 11, column: 7, enclosingType: "Outer.Inner"),
                SwiftReference(name: "", members: "", line: -5, column: 0, enclosingType: ""),
            ],
            suppressions: suppressions + [Suppression(target: "ADR-0004", reason: "", line: 99, column: 9)])
        return FactsCache.Facts(imports: imports, suppressions: suppressions, symbols: symbols, validUTF8: false)
    }

    static func sampleCache() -> FactsCache {
        var facts = richFacts()
        facts.symbols?.suppressions = [Suppression(target: "other", reason: "not a prefix", line: 1, column: 1)]
        return FactsCache(records: [
            FactsCache.Record(path: "Sources/A/Rich.swift", hash: .max, size: Int.max, facts: richFacts()),
            FactsCache.Record(path: "Sources/B/Ünïcødé ✓.swift", hash: 0, size: 0, facts: FactsCache.Facts(imports: [], suppressions: [])),
            FactsCache.Record(path: "Sources/C/NoPrefix.swift", hash: 0x0123_4567_89AB_CDEF, size: 42, facts: facts),
            FactsCache.Record(path: "", hash: 1, size: 1, facts: FactsCache.Facts(imports: [], suppressions: [], symbols:
                FactsCache.Symbols(declarations: [], references: [], suppressions: []))),
        ], producer: producer)
    }

    func testEveryFieldRoundTrips() throws {
        let cache = Self.sampleCache()
        let bytes = cache.encoded()
        let decoded = FactsCache(decoding: bytes, producer: Self.producer)
        XCTAssertEqual(decoded.count, 4)
        for (path, record) in cache.records {
            let read = try XCTUnwrap(decoded[path], path)
            XCTAssertEqual(read.path, path)
            XCTAssertEqual(read.hash, record.hash)
            XCTAssertEqual(read.size, record.size)
            XCTAssertEqual(read.hasSymbols, record.hasSymbols)
            XCTAssertEqual(try XCTUnwrap(read.facts), try XCTUnwrap(record.facts), path)
        }
        XCTAssertEqual(decoded["Sources/A/Rich.swift"]?.facts, Self.richFacts())
        XCTAssertEqual(decoded.encoded(), bytes, "a decoded cache writes the same bytes again")
        XCTAssertEqual(Self.sampleCache().encoded(), bytes, "the same facts always give the same file")
    }

    /// Thousands of names, most repeated: the string table grows many times and stays exact.
    func testManyNamesRoundTrip() {
        let references = (0..<20_000).map { i in
            SwiftReference(name: "Name\(i % 3001)", members: i % 7 == 0 ? "" : "m\(i % 13).x", line: i, column: i % 80,
                           enclosingType: i % 5 == 0 ? nil : "Type\(i % 101)")
        }
        let facts = FactsCache.Facts(imports: [], suppressions: [], symbols: FactsCache.Symbols(declarations: [], references: references,
                                                                                                suppressions: []))
        let block = FactsCacheWriter.encode(facts)
        XCTAssertEqual(FactsCacheReader.decodeFacts(ArraySlice(block), hasSymbols: true), facts)
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

    func testEveryFlippedByteIsIgnored() {
        let bytes = Self.sampleCache().encoded()
        for index in bytes.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[index] ^= mask
                XCTAssertEqual(FactsCache(decoding: damaged, producer: Self.producer).count, 0, "byte \(index) ^ \(mask)")
            }
        }
    }

    /// Garbage, and garbage behind a valid header and checksum (which the checksum cannot catch):
    /// decoding ends in nil or in some value, never in a trap or a huge allocation.
    func testGarbageNeverTraps() {
        var rng = SplitMix(seed: 42)
        let header = Self.headerBytes()
        for round in 0..<3000 {
            let length = Int(rng.next() % 200)
            let garbage = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            XCTAssertEqual(FactsCache(decoding: garbage, producer: Self.producer).count, 0)
            XCTAssertEqual(FactsCache(decoding: FactsCache.magic + garbage, producer: Self.producer).count, 0)
            // Valid header, checksum matching the garbage body: parsing itself must hold.
            var file = ByteWriter()
            file.bytes = header
            file.fixed64(FactsCacheReader.checksum(garbage))
            let decoded = FactsCache(decoding: file.bytes + garbage, producer: Self.producer)
            for record in decoded.records.values { _ = record.facts }
            // A facts block of garbage, and a real block with garbage appended or damaged.
            _ = FactsCacheReader.decodeFacts(ArraySlice(garbage), hasSymbols: round % 2 == 0)
            var block = FactsCacheWriter.encode(Self.richFacts())
            if !block.isEmpty { block[Int(rng.next() % UInt64(block.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            _ = FactsCacheReader.decodeFacts(ArraySlice(block), hasSymbols: true)
        }
        // A real body with one byte changed and the checksum fixed up: the records must still parse
        // (or not) without trapping, and a block that decodes must be one the writer could write.
        let real = Self.sampleCache().encoded()
        let body = Array(real[(header.count + 8)...])
        for _ in 0..<3000 {
            var damaged = body
            damaged[Int(rng.next() % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: rng.next())
            var file = ByteWriter()
            file.bytes = header
            file.fixed64(FactsCacheReader.checksum(damaged))
            let decoded = FactsCache(decoding: file.bytes + damaged, producer: Self.producer)
            for record in decoded.records.values {
                if let facts = record.facts { XCTAssertEqual(record.hasSymbols, facts.symbols != nil) }
            }
        }
        // Counts claiming more than the bytes left, and a varint that overflows 64 bits.
        var huge = ByteWriter()
        huge.varint(UInt64.max)
        var file = ByteWriter()
        file.bytes = header
        file.fixed64(FactsCacheReader.checksum(huge.bytes))
        XCTAssertEqual(FactsCache(decoding: file.bytes + huge.bytes, producer: Self.producer).count, 0)
        let overflow: [UInt8] = Array(repeating: 0xFF, count: 10) + [0x01]
        XCTAssertNil(FactsCacheReader.decodeFacts(ArraySlice(overflow), hasSymbols: false))
    }

    func testEveryDeclarationKindHasItsNumber() {
        for (code, kind) in FactsCacheReader.kinds.enumerated() { XCTAssertEqual(FactsCacheWriter.code(of: kind), UInt64(code)) }
    }

    func testABlockMustMatchItsRecordsSymbolFlag() {
        let block = ArraySlice(FactsCacheWriter.encode(Self.richFacts()))
        XCTAssertNotNil(FactsCacheReader.decodeFacts(block, hasSymbols: true))
        XCTAssertNil(FactsCacheReader.decodeFacts(block, hasSymbols: false))
        XCTAssertNil(FactsCacheReader.decodeFacts(block.dropLast(), hasSymbols: true))
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

    static func headerBytes() -> [UInt8] {
        var header = ByteWriter()
        header.bytes = FactsCache.magic
        header.varint(UInt64(FactsCache.formatVersion))
        header.varint(UInt64(FactsCache.factVersion))
        header.string(producer)
        return header.bytes
    }
}

/// A small deterministic generator, so a failure reproduces.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

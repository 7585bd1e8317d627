import SteleCore
@testable import SteleScan

/// A valid cache with every kind of fact: inputs that are not a cache file are XORed over it, so
/// that mutations reach past the header and the checksums into the index and the blocks.
let valid: [UInt8] = {
    let imports = [Import(module: "Core", path: ["Core"], kind: nil, attributes: ["@testable"], accessLevel: "public", line: 1, column: 1,
                               conditions: ["os(Linux)"], text: "@testable public import Core")]
    let symbols = FactsCache.Symbols(declarations: [Declaration(kind: .struct, name: "A", parent: nil, access: nil, line: 2, column: 1)],
                                     references: [Reference(name: "B", members: "c", line: 3, column: 5, enclosingType: "A")],
                                     suppressions: [Suppression(target: "ADR-0001", reason: "why", line: 4, column: 1)])
    let records = [
        FactsCache.Record(path: "Sources/A.swift", hash: 1, size: 10, facts: FactsCache.Facts(imports: imports, suppressions: [], symbols: symbols)),
        FactsCache.Record(path: "Sources/B.swift", hash: 2, size: 20, facts: FactsCache.Facts(imports: [], suppressions: [], validUTF8: false)),
    ]
    return FactsCache(records: records, producer: "fuzz", written: 1).encoded()
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    var bytes = valid
    if input.starts(with: FactsCache.magic) {
        bytes = input
    } else {
        for (k, byte) in input.enumerated() { bytes[k % bytes.count] ^= byte }
    }
    let cache = FactsCache(decoding: bytes, producer: "fuzz")
    for record in cache.records {
        _ = record.facts(symbols: false)
        _ = record.facts
    }
    return 0
}

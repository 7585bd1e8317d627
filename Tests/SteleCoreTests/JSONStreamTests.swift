import XCTest
@testable import SteleCore

/// A document written a piece at a time is byte for byte the document rendered whole.
final class JSONStreamTests: XCTestCase {
    func testStreamedEqualsRenderedWhole() {
        let items: [JSON] = [.object([("a", .int(1)), ("b", .array([.string("x"), .null]))]), .string("é\n"), .array([]), .object([])]
        let nested: [(String, JSON)] = [("count", .int(2)), ("edges", .array(items)), ("none", .array([]))]
        let whole = JSON.object([
            ("version", .int(1)), ("files", .array(items)), ("empty", .array([])), ("symbols", .object(nested)),
            ("nothing", .object([])), ("last", .bool(true)),
        ]).rendered()
        var streamed: [UInt8] = []
        var chunks = 0
        JSONStream.write([
            .value("version", .int(1)),
            .elements("files", count: items.count) { items[$0] },
            .elements("empty", count: 0) { _ in XCTFail("no element of an empty array is asked for"); return .null },
            .object("symbols", [.value("count", .int(2)), .elements("edges", count: items.count) { items[$0] }, .elements("none", count: 0) { _ in .null }]),
            .object("nothing", []),
            .value("last", .bool(true)),
        ]) { streamed += $0; chunks += 1 }
        XCTAssertEqual(String(decoding: streamed, as: UTF8.self), whole)
        XCTAssertEqual(chunks, 1, "a small document is one chunk")
        XCTAssertEqual(JSON.parse(String(decoding: streamed, as: UTF8.self)), JSON.parse(whole))

        // A long array is handed over in chunks of about 64 KiB, never whole.
        var sizes: [Int] = []
        var joined: [UInt8] = []
        JSONStream.write([.elements("n", count: 100_000) { .string("item \($0)") }]) { sizes.append($0.count); joined += $0 }
        XCTAssertGreaterThan(sizes.count, 20)
        XCTAssertLessThan(sizes.max() ?? 0, 70_000)
        XCTAssertEqual(String(decoding: joined, as: UTF8.self), JSON.object([("n", .array((0..<100_000).map { .string("item \($0)") }))]).rendered())
    }
}

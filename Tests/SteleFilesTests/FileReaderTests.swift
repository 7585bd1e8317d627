import Foundation
import XCTest
@testable import SteleFiles

final class FileReaderTests: XCTestCase {
    func write(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stele-reader-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func testOutcomes() throws {
        XCTAssertEqual(FileReader.read(try write(Array("import A\n".utf8))), .text(Array("import A\n".utf8), validUTF8: true))
        XCTAssertEqual(FileReader.read(try write([0x41, 0xE9, 0x0A])), .text([0x41, 0xE9, 0x0A], validUTF8: false))
        XCTAssertEqual(FileReader.read(try write([0x41, 0x00])), .skipped("binary (contains NUL bytes)"))
        XCTAssertEqual(FileReader.read(try write([])), .text([], validUTF8: true))
        guard case .skipped(let reason) = FileReader.read("/nonexistent/file") else { return XCTFail() }
        XCTAssertTrue(reason.hasPrefix("unreadable: "), reason)
    }

    func testUTF8Validation() {
        XCTAssertTrue(FileReader.isValidUTF8(Array("plain ascii, long enough to use whole words".utf8)))
        XCTAssertTrue(FileReader.isValidUTF8(Array("café → 😀 after a long ascii run of text".utf8)))
        XCTAssertFalse(FileReader.isValidUTF8(Array("a long ascii run of text and then".utf8) + [0xC3]))
        XCTAssertFalse(FileReader.isValidUTF8([0xC0, 0x80]), "overlong encoding")
        XCTAssertFalse(FileReader.isValidUTF8([0xF5, 0x80, 0x80, 0x80]))
    }
}

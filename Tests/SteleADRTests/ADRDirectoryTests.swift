import Foundation
import XCTest
@testable import SteleADR

final class ADRDirectoryTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("stele-adr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func mkdir(_ path: String) throws { try FileManager.default.createDirectory(at: root.appendingPathComponent(path), withIntermediateDirectories: true) }

    func testDiscoveryOrder() throws {
        XCTAssertNil(ADRDirectory.locate(repositoryRoot: root.path, configured: nil).directory)
        try mkdir("docs/decisions")
        XCTAssertEqual(ADRDirectory.locate(repositoryRoot: root.path, configured: nil).directory, "docs/decisions")
        try mkdir("docs/adr")
        XCTAssertEqual(ADRDirectory.locate(repositoryRoot: root.path, configured: nil).directory, "docs/adr")
        try mkdir("adr")
        XCTAssertEqual(ADRDirectory.locate(repositoryRoot: root.path, configured: nil).directory, "adr")
        try mkdir("records")
        try "records\n".write(to: root.appendingPathComponent(".adr-dir"), atomically: true, encoding: .utf8)
        XCTAssertEqual(ADRDirectory.locate(repositoryRoot: root.path, configured: nil).directory, "records", ".adr-dir wins over the defaults")
        XCTAssertEqual(ADRDirectory.locate(repositoryRoot: root.path, configured: "./docs/adr/").directory, "docs/adr", "the setting wins over everything")
        let missing = ADRDirectory.locate(repositoryRoot: root.path, configured: "nowhere")
        XCTAssertNil(missing.directory)
        XCTAssertEqual(missing.diagnostics.first?.severity, .error)
    }

    func testBinaryNonUTF8AndHugeFilesAreSkippedWithWarnings() throws {
        try mkdir("adr")
        try Data("# 1. Fine\n\nStatus: Accepted\n".utf8).write(to: root.appendingPathComponent("adr/0001-fine.md"))
        try Data([0x23, 0x20, 0x00, 0x01]).write(to: root.appendingPathComponent("adr/0002-binary.md"))
        try Data([0x23, 0x20, 0xC3, 0x28]).write(to: root.appendingPathComponent("adr/0003-latin.md"))
        try Data(repeating: 0x41, count: 3 * 1024 * 1024).write(to: root.appendingPathComponent("adr/0004-huge.md"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("adr/0005-link.md").path, withDestinationPath: "0001-fine.md")
        let collection = ADRCollection.load(repositoryRoot: root.path, configuredDirectory: nil)
        XCTAssertEqual(collection.adrs.map(\.id), ["ADR-0001"])
        XCTAssertEqual(collection.diagnostics.map(\.message).sorted(), [
            "ADR not read: binary (contains NUL bytes)", "ADR not read: not valid UTF-8", "ADR not read: too large (3072 KiB)", "symbolic link not followed",
        ].sorted())
    }
}

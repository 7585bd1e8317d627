import Foundation
import XCTest
@testable import SteleFiles

final class FileSystemTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("stele-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("dir"), withIntermediateDirectories: true)
        try Data("hello".utf8).write(to: root.appendingPathComponent("a.txt"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "dir")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func testKindsSizesAndListing() {
        XCTAssertEqual(FileSystem.kind(of: root.appendingPathComponent("a.txt").path), .file)
        XCTAssertEqual(FileSystem.kind(of: root.appendingPathComponent("dir").path), .directory)
        XCTAssertEqual(FileSystem.kind(of: root.appendingPathComponent("link").path), .symbolicLink, "links are not followed")
        XCTAssertNil(FileSystem.kind(of: root.appendingPathComponent("missing").path))
        XCTAssertTrue(FileSystem.isDirectory(root.appendingPathComponent("link").path), "a path a user names is followed")
        XCTAssertEqual(FileSystem.size(of: root.appendingPathComponent("a.txt").path), 5)
        XCTAssertEqual(FileSystem.contents(ofDirectory: root.path)?.sorted(), ["a.txt", "dir", "link"])
        XCTAssertNil(FileSystem.contents(ofDirectory: root.appendingPathComponent("missing").path))
    }

    func testAtomicWriteLeavesNoTemporaryFile() throws {
        let target = root.appendingPathComponent("out.json").path
        XCTAssertNil(FileSystem.write("{}\n", to: target))
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "{}\n")
        XCTAssertEqual(FileSystem.contents(ofDirectory: root.path)?.filter { $0.contains("stele-tmp") }, [])
        XCTAssertNotNil(FileSystem.write("x", to: root.appendingPathComponent("missing/out.json").path))
    }

    func testBytesDirectoriesAndRealPaths() throws {
        let nested = root.appendingPathComponent("x/y/z").path
        XCTAssertNil(FileSystem.createDirectories(nested))
        XCTAssertTrue(FileSystem.isDirectory(nested))
        XCTAssertNil(FileSystem.createDirectories(nested), "an existing directory is fine")
        XCTAssertNotNil(FileSystem.createDirectories(root.appendingPathComponent("a.txt/sub").path), "a file in the way")

        let target = nested + "/data.bin"
        XCTAssertNil(FileSystem.write(bytes: [0, 1, 2, 255], to: target))
        XCTAssertEqual(FileReader.readBytes(target), .bytes([0, 1, 2, 255]))
        XCTAssertEqual(FileSystem.contents(ofDirectory: nested), ["data.bin"], "no temporary file is left")
        guard case .skipped(let reason) = FileReader.readBytes(target, limit: 3) else { return XCTFail() }
        XCTAssertTrue(reason.hasPrefix("too large"), reason)

        let real = try XCTUnwrap(FileSystem.realPath(root.path))
        XCTAssertTrue(real.hasPrefix("/"))
        XCTAssertEqual(FileSystem.realPath(root.appendingPathComponent("link").path), real + "/dir")
        XCTAssertEqual(FileSystem.realPath(root.path + "/dir/../a.txt"), real + "/a.txt")
        XCTAssertNil(FileSystem.realPath(root.appendingPathComponent("missing").path))
    }

    func testExecutableIdentity() throws {
        let identity = try XCTUnwrap(FileSystem.executableIdentity())
        XCTAssertEqual(identity, FileSystem.executableIdentity(), "stable within a process")
        XCTAssertTrue(identity.contains("@"), identity)
    }

    func testTodayAndEnvironment() {
        let today = FileSystem.today()
        XCTAssertEqual(today.count, 10)
        XCTAssertEqual(today.split(separator: "-").map(\.count), [4, 2, 2])
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        XCTAssertEqual(today, formatter.string(from: Date()))
        XCTAssertNotNil(FileSystem.environment("PATH"))
        XCTAssertNil(FileSystem.environment("STELE_SURELY_UNSET_VARIABLE"))
    }
}

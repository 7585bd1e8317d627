import Foundation
import XCTest
import SteleCore
@testable import SteleScan
import SteleTestSupport

/// `ProjectScanner` with a facts cache: the result is the same with and without it, cold or warm,
/// whatever state the cache file is in; only changed files are lexed again.
final class ScanSessionCacheTests: XCTestCase {
    var root: URL!
    var cacheFile: String!

    static let fixtures = TestPaths.fixtures

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("stele-scan-cache-\(UUID().uuidString)")
        root = base.appendingPathComponent("tree")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("layered-app"), to: root)
        // What the fixture lacks: suppressions below the imports (the symbol scan sees more of them
        // than the import scan), `#if` imports, invalid UTF-8, a binary file.
        try write("Sources/App/Extra.swift", """
            #if canImport(UIKit)
            @testable import struct UIKit.UIView // stele:allow ADR-0001 -- tested
            #endif
            import Foundation
            // stele:allow ADR-0002 -- below the imports: only the symbol scan reads it
            public final class Extra: LoginModel { func go() { UserDefaults.standard.set(1, forKey: "é") } }
            """)
        try write("Sources/App/Latin1.swift", Data([0x69, 0x6D, 0x70, 0x6F, 0x72, 0x74, 0x20, 0x41, 0x0A, 0x2F, 0x2F, 0xE9, 0x0A]))
        try write("Sources/App/Binary.swift", Data([0x00, 0x01, 0x02]))
        cacheFile = base.appendingPathComponent("cache/sub/facts.bin").path
        addTeardownBlock { try? FileManager.default.removeItem(at: base) }
    }

    func write(_ relative: String, _ text: String) throws { try write(relative, Data(text.utf8)) }

    func write(_ relative: String, _ data: Data) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    var location: FactsCache.Location { FactsCache.Location(path: cacheFile, producer: "test") }

    func scan(symbols: Bool, cache: Bool = true, contents: [String: [UInt8]] = [:]) -> (result: ScanResult, report: FactsCache.Report?) {
        ProjectScanner.scanReportingCache(root: root.path, contents: contents, symbols: symbols, cache: cache ? location : nil)
    }

    /// The fixture scanned twice, cold then warm, equals a scan without a cache, with and without symbols.
    func testColdAndWarmScansEqualAScanWithoutTheCache() throws {
        for symbols in [false, true] {
            try? FileManager.default.removeItem(atPath: cacheFile)
            let plain = scan(symbols: symbols, cache: false).result
            XCTAssertTrue(plain.files.contains { !$0.references.isEmpty } == symbols)
            XCTAssertTrue(plain.diagnostics.contains { $0.message.contains("not valid UTF-8") })
            XCTAssertTrue(plain.files.contains { $0.skipped != nil })

            let cold = scan(symbols: symbols)
            XCTAssertEqual(cold.result, plain)
            XCTAssertEqual(cold.report?.hits, 0)
            XCTAssertEqual(cold.report?.misses, 13, "every Swift file (Package.swift too) but the binary one")
            XCTAssertEqual(cold.report?.written, true)
            XCTAssertTrue(FileManager.default.fileExists(atPath: cacheFile), "the cache's directory is created")

            let modified = try FileManager.default.attributesOfItem(atPath: cacheFile)[.modificationDate] as? Date
            let warm = scan(symbols: symbols)
            XCTAssertEqual(warm.result, plain)
            XCTAssertEqual(warm.report?.loaded, 13)
            XCTAssertEqual(warm.report?.hits, 13)
            XCTAssertEqual(warm.report?.misses, 0)
            XCTAssertEqual(warm.report?.written, false, "nothing changed: nothing written")
            XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: cacheFile)[.modificationDate] as? Date, modified)
        }
    }

    /// Files whose stamps (size, times, inode) are the records' and older than the scan that wrote
    /// them are not read at all; a file written after that scan started, or touched, is read and
    /// hashed, and a touched file whose bytes did not change gets its new stamp recorded.
    func testUnchangedStampsAreNotReadAndRecentOnesAre() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".swift") }
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        for file in files { try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: root.appendingPathComponent(file).path) }
        let plain = scan(symbols: false, cache: false).result
        XCTAssertEqual(scan(symbols: false).report?.unread, 0, "cold: every file read")
        let warm = scan(symbols: false)
        XCTAssertEqual(warm.result, plain)
        XCTAssertEqual(warm.report?.hits, 13)
        XCTAssertEqual(warm.report?.unread, 13, "the binary file is never a record; every other file is vouched for by its stamp")
        XCTAssertTrue(warm.report?.summary.contains("13 files not read") == true, warm.report?.summary ?? "")

        // Symbols were never read: a scan that needs them reads the files and lexes them.
        let symbols = scan(symbols: true)
        XCTAssertEqual(symbols.result, scan(symbols: true, cache: false).result)
        XCTAssertEqual(symbols.report?.misses, 13)

        // An edit that keeps the size is caught by the stamp (its time is now: recent, so read).
        let path = "Sources/App/UI/Theme.swift"
        var bytes = Array(try Data(contentsOf: root.appendingPathComponent(path)))
        bytes[0] = bytes[0] == UInt8(ascii: " ") ? UInt8(ascii: "\t") : UInt8(ascii: " ")
        try write(path, Data(bytes))
        let edited = scan(symbols: false)
        XCTAssertEqual(edited.result, scan(symbols: false, cache: false).result)
        XCTAssertEqual(edited.report?.misses, 1)
        XCTAssertEqual(edited.report?.unread, 12)

        // Touched, same bytes: read and hashed once (a hit), restamped, then not read again.
        let touched = "Sources/App/Domain/Session.swift"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -1800)], ofItemAtPath: root.appendingPathComponent(touched).path)
        let first = scan(symbols: false)
        XCTAssertEqual(first.report?.misses, 0)
        XCTAssertEqual(first.report?.written, true, "the new stamp is recorded")
        XCTAssertEqual(first.report?.unread, 11, "the touched file, and the edited one (recent when recorded), are read")
        XCTAssertEqual(scan(symbols: false).report?.unread, 12, "only the edited file, still recent, is read")
    }

    func testFactsWithSymbolsServeAScanWithoutThemButNotTheOtherWayRound() {
        _ = scan(symbols: true)
        let without = scan(symbols: false)
        XCTAssertEqual(without.result, scan(symbols: false, cache: false).result, "the import scan's suppressions, not the symbol scan's")
        XCTAssertEqual(without.report?.hits, 13)
        XCTAssertEqual(without.report?.written, false, "records with symbols are kept")
        XCTAssertEqual(without.result.files.first { $0.path == "Sources/App/Extra.swift" }?.suppressions.count, 1)
        XCTAssertEqual(scan(symbols: true).result.files.first { $0.path == "Sources/App/Extra.swift" }?.suppressions.count, 2)
        XCTAssertEqual(scan(symbols: true).report?.hits, 13)

        try? FileManager.default.removeItem(atPath: cacheFile)
        _ = scan(symbols: false)
        let with = scan(symbols: true)
        XCTAssertEqual(with.result, scan(symbols: true, cache: false).result)
        XCTAssertEqual(with.report?.misses, 13)
        XCTAssertEqual(with.report?.written, true)
        XCTAssertEqual(scan(symbols: true).report?.hits, 13)
    }

    func testAChangedFileIsLexedAgainAndARemovedOneLeavesTheCache() throws {
        _ = scan(symbols: true)
        let before = try XCTUnwrap(scan(symbols: true).result.files.first { $0.path == "Sources/App/UI/LoginView.swift" })
        XCTAssertFalse(before.references.isEmpty)

        try write("Sources/App/UI/LoginView.swift", "import Security\nstruct LoginView { let session: Session }\n")
        let edited = scan(symbols: true)
        XCTAssertEqual(edited.result, scan(symbols: true, cache: false).result)
        XCTAssertEqual(edited.report?.misses, 1)
        XCTAssertEqual(edited.report?.hits, 12)
        XCTAssertEqual(edited.report?.written, true)
        let after = try XCTUnwrap(edited.result.files.first { $0.path == "Sources/App/UI/LoginView.swift" })
        XCTAssertEqual(after.imports.map(\.module), ["Security"])
        XCTAssertEqual(after.references.map(\.name), ["Session"])
        XCTAssertNotEqual(after, before)

        // Same size, different bytes: the hash decides.
        try write("Sources/App/UI/LoginView.swift", "import Securitz\nstruct LoginView { let session: Session }\n")
        let sameSize = scan(symbols: true)
        XCTAssertEqual(sameSize.report?.misses, 1)
        XCTAssertEqual(sameSize.result.files.first { $0.path == "Sources/App/UI/LoginView.swift" }?.imports.map(\.module), ["Securitz"])

        try FileManager.default.removeItem(at: root.appendingPathComponent("Sources/App/Extra.swift"))
        let removed = scan(symbols: true)
        XCTAssertEqual(removed.report?.misses, 0)
        XCTAssertEqual(removed.report?.written, true, "the removed file's record is dropped")
        XCTAssertEqual(scan(symbols: true).report?.loaded, 12)
        XCTAssertEqual(removed.result, scan(symbols: true, cache: false).result)
    }

    /// `--staged`: content that is not the disk's is looked up by its hash like any other.
    func testReplacementContentIsAMissWhenItDiffersAndAHitWhenItDoesNot() throws {
        _ = scan(symbols: true)
        let disk = Array(try Data(contentsOf: root.appendingPathComponent("Sources/App/Extra.swift")))
        let same = scan(symbols: true, contents: ["Sources/App/Extra.swift": disk])
        XCTAssertEqual(same.report?.hits, 13)

        let staged: [String: [UInt8]] = ["Sources/App/Extra.swift": Array("import Staged\n".utf8)]
        let run = scan(symbols: true, contents: staged)
        XCTAssertEqual(run.result, ProjectScanner.scan(root: root.path, contents: staged, symbols: true))
        XCTAssertEqual(run.report?.misses, 1)
        XCTAssertEqual(run.result.files.first { $0.path == "Sources/App/Extra.swift" }?.imports.map(\.module), ["Staged"])
        let back = scan(symbols: true)
        XCTAssertEqual(back.report?.misses, 1, "the disk's bytes differ from the staged ones the cache now holds")
        XCTAssertEqual(back.result, scan(symbols: true, cache: false).result)
    }

    /// A damaged cache file gives the same result: damage to its header or index loses it whole (the
    /// scan is a cold one), damage to a block loses that block's file (scanned again); either way it
    /// is rewritten with the same facts.
    func testADamagedCacheGivesTheSameResult() throws {
        let plain = scan(symbols: true, cache: false).result
        _ = scan(symbols: true)
        let good = try Data(contentsOf: URL(fileURLWithPath: cacheFile))
        let goodFacts = FactsCache.load(from: cacheFile, producer: "test").factsByPath
        XCTAssertEqual(goodFacts.count, 13)
        var rng = SplitMix(seed: 7)
        var damaged: [(String, Data)] = [
            ("empty", Data()),
            ("truncated to half", good.prefix(good.count / 2)),
            ("truncated by a byte", good.dropLast()),
            ("garbage", Data((0..<good.count).map { _ in UInt8(truncatingIfNeeded: rng.next()) })),
            ("another file", Data("{\"version\": 1}\n".utf8)),
        ]
        for index in stride(from: 0, to: good.count, by: max(1, good.count / 40)) {
            var flipped = good
            flipped[index] ^= 0x5A
            damaged.append(("byte \(index) flipped", flipped))
        }
        for (name, data) in damaged {
            try data.write(to: URL(fileURLWithPath: cacheFile))
            let run = scan(symbols: true)
            XCTAssertEqual(run.result, plain, name)
            let hits = run.report?.hits ?? -1
            XCTAssertTrue(hits == 0 || hits == 12, "\(name): the whole cache or one block lost, not \(hits) hits")
            XCTAssertEqual(run.report?.written, true, name)
            XCTAssertEqual(FactsCache.load(from: cacheFile, producer: "test").factsByPath, goodFacts, "\(name): rewritten as it was")
        }
    }

    func testACacheThatCannotBeWrittenIsNoError() throws {
        let blocker = root.deletingLastPathComponent().appendingPathComponent("blocker")
        try Data("a file, not a directory".utf8).write(to: blocker)
        cacheFile = blocker.appendingPathComponent("cache/facts.bin").path
        let run = scan(symbols: true)
        XCTAssertEqual(run.result, scan(symbols: true, cache: false).result)
        XCTAssertEqual(run.report?.written, false)
        XCTAssertNotNil(run.report?.problem)
        XCTAssertFalse(run.result.diagnostics.contains { $0.message.contains("cache") })
    }

    /// The cache holds exactly the files of the scan: a narrower `scan` setting drops the others.
    func testTheCacheHoldsTheScannedFilesOnly() throws {
        _ = scan(symbols: false)
        let narrower = ProjectScanner.scanReportingCache(root: root.path, include: [Glob("Sources/App/UI/**")], cache: location)
        XCTAssertEqual(narrower.report?.hits, 3)
        XCTAssertEqual(narrower.report?.written, true)
        XCTAssertEqual(FactsCache.load(from: cacheFile, producer: "test").records.map(\.path),
                       ["Sources/App/UI/Log.swift", "Sources/App/UI/LoginView.swift", "Sources/App/UI/Theme.swift"])
        // `only` lexes some files but keeps the records of the others.
        _ = scan(symbols: false)
        let only = ProjectScanner.scanReportingCache(root: root.path, only: ["Sources/App/main.swift"], cache: location)
        XCTAssertEqual(only.report?.hits, 1)
        XCTAssertEqual(only.report?.written, false)
        XCTAssertEqual(FactsCache.load(from: cacheFile, producer: "test").count, 13)
    }
}

extension FactsCache {
    /// Every record's facts by its path, to compare two caches.
    var factsByPath: [String: Facts?] {
        Dictionary(uniqueKeysWithValues: records.map { ($0.path, $0.facts) })
    }
}

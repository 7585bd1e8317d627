import Foundation
import XCTest
import SteleCore
@testable import SteleScan
import SteleTestSupport

/// `ScanSession`: imports first, then symbols for the files asked for. What each step gives must
/// be exactly what a one-step scan gives for those files, with or without the cache.
final class ScanSessionTests: XCTestCase {
    static let fixtures = TestPaths.fixtures

    func path(_ fixture: String) -> String { Self.fixtures.appendingPathComponent(fixture).path }

    func indices(_ scan: ScanResult, _ paths: [String]) -> Set<Int> {
        Set(paths.map { p in scan.files.firstIndex { $0.path == p }! })
    }

    func testSymbolsReadLaterEqualAOneStepScanForThoseFilesOnly() {
        let full = ProjectScanner.scan(root: path("layered-app"), symbols: true)
        let plain = ProjectScanner.scan(root: path("layered-app"))
        var session = ScanSession(root: path("layered-app"))
        XCTAssertEqual(session.result, plain)
        let wanted = indices(session.result, ["Sources/App/Domain/Session.swift", "Sources/App/UI/Theme.swift"])
        session.readSymbols(of: wanted.union([-1, 999]))
        for i in session.result.files.indices {
            XCTAssertEqual(session.result.files[i], wanted.contains(i) ? full.files[i] : plain.files[i], session.result.files[i].path)
            XCTAssertEqual(session.symbolsRead[i], wanted.contains(i))
        }
        XCTAssertFalse(session.result.files[wanted.min()!].references.isEmpty)
        let once = session.result
        session.readSymbols(of: wanted)
        XCTAssertEqual(session.result, once, "a second read changes nothing")
        session.readSymbols(of: Set(session.result.files.indices))
        XCTAssertEqual(session.result, full)
    }

    /// `must not use` rules read only the files that name what they forbid: the others keep their
    /// import scan, and are read in full by a later ask without names.
    func testSymbolsAskedByNameAreReadOnlyWhereTheNameIsWritten() {
        let full = ProjectScanner.scan(root: path("layered-app"), symbols: true)
        let plain = ProjectScanner.scan(root: path("layered-app"))
        var session = ScanSession(root: path("layered-app"))
        let all = Set(session.result.files.indices)
        session.readSymbols(of: all, naming: ["Theme"])
        let naming = indices(session.result, ["Sources/App/Domain/LoginModel.swift", "Sources/App/Domain/Session.swift", "Sources/App/UI/Theme.swift"])
        for i in all {
            XCTAssertEqual(session.result.files[i], naming.contains(i) ? full.files[i] : plain.files[i], session.result.files[i].path)
            XCTAssertEqual(session.symbolsRead[i], naming.contains(i), session.result.files[i].path)
        }
        session.readSymbols(of: all)
        XCTAssertEqual(session.result, full)
    }

    func testHoldsAnyFindsANeedleAnywhereAndOnlyWhole() {
        let bytes = Array("let x = UserDefaults.standard // stele:allow".utf8)
        XCTAssertTrue(ProjectScanner.holdsAny(of: [Array("UserDefaults".utf8)], in: bytes))
        XCTAssertTrue(ProjectScanner.holdsAny(of: [Array("nope".utf8), Array("stele:allow".utf8)], in: bytes), "at the very end")
        XCTAssertTrue(ProjectScanner.holdsAny(of: [Array("let".utf8)], in: bytes), "at the very start")
        XCTAssertFalse(ProjectScanner.holdsAny(of: [Array("UserDefaultsX".utf8), Array("allowed".utf8)], in: bytes))
        XCTAssertFalse(ProjectScanner.holdsAny(of: [Array("a longer needle than the haystack itself, by far, really".utf8)], in: Array("short".utf8)))
        XCTAssertFalse(ProjectScanner.holdsAny(of: [Array("x".utf8)], in: []))
    }

    func testWithSymbolsFromTheStartEveryFileIsRead() {
        let session = ScanSession(root: path("shop"), symbols: true)
        XCTAssertEqual(session.result, ProjectScanner.scan(root: path("shop"), symbols: true))
        XCTAssertTrue(session.symbolsRead.allSatisfy { $0 })
    }

    /// The cache is read once and written once, across both steps: a warm run serves both from it.
    func testTheCacheServesBothSteps() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stele-session-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let location = FactsCache.Location(path: directory.appendingPathComponent("facts.bin").path, producer: "test")
        func run() -> (ScanResult, FactsCache.Report?) {
            var session = ScanSession(root: path("layered-app"), cache: location)
            session.readSymbols(of: indices(session.result, ["Sources/App/Domain/Session.swift"]))
            return (session.result, session.finish())
        }
        var expected = ProjectScanner.scan(root: path("layered-app"))
        let i = expected.files.firstIndex { $0.path == "Sources/App/Domain/Session.swift" }!
        expected.files[i] = ProjectScanner.scan(root: path("layered-app"), symbols: true).files[i]

        let (cold, coldReport) = run()
        XCTAssertEqual(cold, expected)
        XCTAssertEqual(coldReport?.misses, 11)
        XCTAssertEqual(coldReport?.written, true)
        let (warm, warmReport) = run()
        XCTAssertEqual(warm, expected)
        XCTAssertEqual(warmReport?.hits, 11)
        XCTAssertEqual(warmReport?.misses, 0)
        XCTAssertEqual(warmReport?.written, false)
        let records = FactsCache.load(from: location.path, producer: "test")
        XCTAssertNotNil(records["Sources/App/Domain/Session.swift"]?.facts?.symbols)
        XCTAssertNil(records["Sources/App/UI/Theme.swift"]?.facts?.symbols)
    }

    /// A file sees its own module and the modules it imports; files in no module see each other.
    func testFilesVisibleFromAFileAreItsModuleAndItsImports() {
        let scan = ProjectScanner.scan(root: path("shop"))
        func visible(_ paths: [String]) -> [String] { scan.filesVisible(from: indices(scan, paths)).map { scan.files[$0].path }.sorted() }
        XCTAssertEqual(visible(["Sources/UI/OrderView.swift"]), [
            "Sources/Domain/Money.swift", "Sources/Domain/Order.swift", "Sources/Persistence/OrderStore.swift", "Sources/UI/OrderView.swift",
        ])
        XCTAssertEqual(visible(["Sources/Features/Cart/CartScreen.swift"]),
                       ["Sources/Features/Cart/CartScreen.swift", "Sources/Features/Login/LoginScreen.swift"])
        XCTAssertEqual(visible(["Package.swift"]), ["Package.swift"], "in no module, importing none of the project's")
        XCTAssertEqual(scan.filesVisible(from: [-3, 1000]), [])
    }

    /// The second step reuses the first one's imports only for the bytes it read: a file edited in
    /// between is read again whole (with a cache, by hash; without one, by size).
    func testAFileEditedBetweenTheStepsIsReadAgain() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stele-session-edit-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("layered-app"), to: root)
        let file = root.appendingPathComponent("Sources/App/UI/Theme.swift")
        let original = try Data(contentsOf: file)
        let location = FactsCache.Location(path: root.appendingPathComponent(".cache/facts.bin").path, producer: "test")
        for (cache, edit) in [(location, "import Aaaaa\n"), (nil, "import Longer\nstruct Theme {}\n")] as [(FactsCache.Location?, String)] {
            try original.write(to: file)
            var session = ScanSession(root: root.path, cache: cache)
            let i = session.result.files.firstIndex { $0.path == "Sources/App/UI/Theme.swift" }!
            let edited = cache == nil ? Data(edit.utf8) : Data(edit.utf8) + original.dropFirst(edit.utf8.count)
            try edited.write(to: file)
            session.readSymbols(of: [i])
            XCTAssertEqual(session.result.files[i].imports.map(\.module), cache == nil ? ["Longer"] : ["Aaaaa"])
            XCTAssertEqual(session.result.files[i], ProjectScanner.scan(root: root.path, symbols: true).files[i])
        }
    }
}

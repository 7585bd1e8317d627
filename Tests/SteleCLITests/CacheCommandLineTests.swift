import Foundation
import XCTest
import SteleTestSupport

/// The facts cache through the real binary: where it lives, how it is turned off, and that output
/// is byte-identical with and without it.
final class CacheCommandLineTests: XCTestCase {
    var cacheDirectory: URL!

    override func setUpWithError() throws {
        cacheDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("stele-cache-\(UUID().uuidString)")
        addTeardownBlock { [cacheDirectory] in try? FileManager.default.removeItem(at: cacheDirectory!) }
    }

    var cacheFiles: [String] { (try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory.path)) ?? [] }

    func run(_ arguments: [String], in tree: TemporaryTree, _ environment: [String: String] = [:]) throws -> SteleProcess.Outcome {
        try SteleProcess.run(arguments, environment: ["STELE_CACHE_DIR": cacheDirectory.path].merging(environment) { $1 })
    }

    /// Standard error without the timing lines, which differ from run to run.
    func diagnostics(_ outcome: SteleProcess.Outcome) -> String {
        outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(" ms  ") }.joined(separator: "\n")
    }

    func testColdWarmAndUncachedRunsPrintTheSame() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let snapshot = try tree.snapshot()
        for arguments in [["check", tree.path, "--format", "json"], ["check", tree.path], ["scan", tree.path, "--format", "json"]] {
            try? FileManager.default.removeItem(at: cacheDirectory)
            let timings = ["STELE_TIMINGS": "1"]
            let cold = try run(arguments, in: tree, timings)
            let warm = try run(arguments, in: tree, timings)
            let uncached = try run(arguments + ["--no-cache"], in: tree, timings)
            XCTAssertFalse(uncached.stderr.contains("from the cache"), uncached.stderr)
            if arguments[0] == "check" {
                XCTAssertTrue(cold.stderr.contains("0 from the cache, 9 lexed; 0 records read, rewritten"), cold.stderr)
                XCTAssertTrue(warm.stderr.contains("9 from the cache, 0 lexed; 9 records read)"), warm.stderr)
            }
            for other in [warm, uncached] {
                XCTAssertEqual(other.status, cold.status)
                XCTAssertEqual(other.stdout, cold.stdout)
                XCTAssertEqual(diagnostics(other), diagnostics(cold))
            }
            XCTAssertEqual(cacheFiles.count, 1, "one file per repository root")
            XCTAssertTrue(cacheFiles[0].hasPrefix("facts-") && cacheFiles[0].hasSuffix(".bin"), cacheFiles[0])
        }
        XCTAssertEqual(try tree.snapshot(), snapshot, "nothing is written into the repository")
        // The same root named another way is the same cache file.
        _ = try run(["check", tree.path + "/."], in: tree)
        XCTAssertEqual(cacheFiles.count, 1)
    }

    func testAnEditedFileIsScannedAgain() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let before = try run(["check", tree.path], in: tree)
        try tree.write("Sources/UI/OrderView.swift", "import Domain\nimport GRDB\n")
        let edited = try run(["check", tree.path], in: tree, ["STELE_TIMINGS": "1"])
        XCTAssertTrue(edited.stderr.contains("8 from the cache, 1 lexed"), edited.stderr)
        XCTAssertTrue(edited.stdout.contains("Sources/UI/OrderView.swift:2:1: error: `UI` imports `GRDB`"), edited.stdout)
        XCTAssertNotEqual(edited.stdout, before.stdout)
        XCTAssertEqual(edited.stdout, try run(["check", tree.path, "--no-cache"], in: tree).stdout)
    }

    func testNoCacheAndSteleCacheZeroWriteNothing() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        _ = try run(["check", tree.path, "--no-cache"], in: tree)
        _ = try run(["scan", tree.path, "--no-cache"], in: tree)
        _ = try run(["check", tree.path], in: tree, ["STELE_CACHE": "0"])
        _ = try run(["graph", tree.path], in: tree, ["STELE_CACHE": "0"])
        XCTAssertEqual(cacheFiles, [])
        XCTAssertEqual(try run(["rules", tree.path, "--no-cache"], in: tree).status, 0)
        XCTAssertEqual(try run(["graph", tree.path, "--no-cache"], in: tree).status, 0)
        XCTAssertEqual(try run(["baseline", tree.path, "--no-cache", "--output", cacheDirectory.path + "-baseline.json"], in: tree).status, 0)
        try? FileManager.default.removeItem(atPath: cacheDirectory.path + "-baseline.json")
        XCTAssertEqual(cacheFiles, [])
    }

    func testDefaultDirectoriesFollowXDGThenHome() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let xdg = cacheDirectory.appendingPathComponent("xdg"), home = cacheDirectory.appendingPathComponent("home")
        _ = try SteleProcess.run(["check", tree.path], environment: ["STELE_CACHE_DIR": "", "XDG_CACHE_HOME": xdg.path, "HOME": home.path])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: xdg.appendingPathComponent("stele").path).count, 1)
        _ = try SteleProcess.run(["check", tree.path], environment: ["STELE_CACHE_DIR": "", "XDG_CACHE_HOME": "relative/is/ignored", "HOME": home.path])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent(".cache/stele").path).count, 1)
        XCTAssertEqual(try tree.snapshot().keys.filter { $0.hasPrefix("relative") }, [])
    }

    func testACacheDirectoryThatCannotBeCreatedIsNoError() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let blocker = cacheDirectory.appendingPathComponent("a-file")
        try FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        try Data().write(to: blocker)
        let expected = try run(["check", tree.path, "--no-cache"], in: tree)
        let quiet = try SteleProcess.run(["check", tree.path], environment: ["STELE_CACHE_DIR": blocker.path + "/sub"])
        XCTAssertEqual(quiet.status, expected.status)
        XCTAssertEqual(quiet.stdout, expected.stdout)
        XCTAssertEqual(quiet.stderr, expected.stderr)
        let timed = try SteleProcess.run(["check", tree.path], environment: ["STELE_CACHE_DIR": blocker.path + "/sub", "STELE_TIMINGS": "1"])
        XCTAssertTrue(timed.stderr.contains("stele: cache not written: cannot create"), timed.stderr)
    }

    /// The hook: staged content is looked up by its hash like any other, and findings agree with
    /// an uncached staged run.
    func testStagedRunsUseTheCache() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        XCTAssertEqual(try tree.git("init", "-q"), 0)
        XCTAssertEqual(try tree.git("add", "-A"), 0)
        XCTAssertEqual(try tree.git("commit", "-q", "-m", "shop"), 0)
        _ = try run(["check", tree.path], in: tree)
        let timings = ["STELE_TIMINGS": "1"]
        let unchanged = try run(["check", tree.path, "--staged"], in: tree, timings)
        XCTAssertTrue(unchanged.stderr.contains("9 from the cache, 0 lexed"), unchanged.stderr)

        try tree.write("Sources/UI/OrderView.swift", "import Domain\nimport GRDB\n")
        XCTAssertEqual(try tree.git("add", "Sources/UI/OrderView.swift"), 0)
        try tree.write("Sources/UI/OrderView.swift", "import Domain\n") // fixed in the work tree, not staged
        let staged = try run(["check", tree.path, "--staged"], in: tree, timings)
        XCTAssertTrue(staged.stderr.contains("8 from the cache, 1 lexed"), staged.stderr)
        XCTAssertEqual(staged.status, 1)
        XCTAssertTrue(staged.stdout.hasPrefix("Sources/UI/OrderView.swift:2:1: error: `UI` imports `GRDB`"), staged.stdout)
        let uncached = try run(["check", tree.path, "--staged", "--no-cache"], in: tree)
        XCTAssertEqual(staged.stdout, uncached.stdout)
        XCTAssertEqual(diagnostics(staged), uncached.stderr)
        let workTree = try run(["check", tree.path, "--files", "Sources/UI/OrderView.swift"], in: tree, timings)
        XCTAssertEqual(workTree.status, 0, "the work tree's version is clean: the staged facts are not served for it")
        XCTAssertTrue(workTree.stderr.contains("8 from the cache, 1 lexed"), workTree.stderr)
    }
}

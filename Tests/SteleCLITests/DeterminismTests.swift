import Foundation
import XCTest
import SteleTestSupport

/// Same inputs, byte-identical output (issue 16): whatever order the files were created in (so
/// whatever order the directory listing returns), with the facts cache cold, warm or off, and with
/// two runs writing one cache at once.
final class DeterminismTests: XCTestCase {
    /// The fixture's files, written into a fresh tree in a given order.
    func tree(from fixture: String, order: (inout [String]) -> Void) throws -> TemporaryTree {
        let source = TestPaths.fixtures.appendingPathComponent(fixture)
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: source.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: source.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        order(&files)
        let tree = try TemporaryTree()
        for path in files { try tree.write(path, try Data(contentsOf: source.appendingPathComponent(path))) }
        return tree
    }

    func testOutputDoesNotDependOnCreationOrderOrTheCache() throws {
        var random = SplitMix(seed: 16)
        for fixture in ["shop", "layered-app", "change-agreement"] {
            var outputs: [String: Set<String>] = [:]
            for round in 0..<3 {
                let tree = try tree(from: fixture) { files in
                    if round == 0 { files.sort() } else if round == 1 { files.sort(by: >) } else {
                        for k in stride(from: files.count - 1, to: 0, by: -1) { files.swapAt(k, random.below(k + 1)) }
                    }
                }
                defer { tree.remove() }
                for arguments in [["check", "--format", "json"], ["check", "--format", "sarif"], ["scan", "--format", "json"], ["graph", "--format", "json"]] {
                    for cache in ["cold", "warm", "off"] {
                        let run = try SteleProcess.run([arguments[0], tree.path] + arguments.dropFirst() + (cache == "off" ? ["--no-cache"] : []),
                                                       environment: ["STELE_CACHE_DIR": tree.path + ".cache-\(round)"])
                        outputs[arguments.joined(separator: " "), default: []].insert(run.stdout)
                    }
                }
                try? FileManager.default.removeItem(atPath: tree.path + ".cache-\(round)")
            }
            for (command, seen) in outputs {
                XCTAssertEqual(seen.count, 1, "\(fixture): `stele \(command)` printed \(seen.count) different outputs")
                XCTAssertFalse(seen.first?.isEmpty ?? true, "\(fixture): \(command)")
            }
        }
    }

    /// Two hooks at once: two runs that each rewrite the same facts cache never see a torn file,
    /// and the cache they leave serves the next run with the same output.
    func testTwoRunsWritingOneCacheAtOnceAgree() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let cache = tree.path + ".shared-cache"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let expected = try SteleProcess.run(["check", tree.path, "--no-cache"]).stdout
        for round in 0..<8 {
            // An edit each round makes both runs rewrite the cache.
            try tree.write("Sources/App/Round.swift", "import Domain\n// round \(round)\n")
            let reference = try SteleProcess.run(["check", tree.path, "--no-cache"]).stdout
            // Two processes started together, each waited for on its own thread.
            let path = tree.path
            let group = DispatchGroup()
            let results = Outputs()
            for _ in 0..<2 {
                DispatchQueue.global().async(group: group) {
                    results.append((try? SteleProcess.run(["check", path], environment: ["STELE_CACHE_DIR": cache]).stdout) ?? "failed")
                }
            }
            group.wait()
            XCTAssertEqual(results.all, [reference, reference], "round \(round)")
            XCTAssertEqual(try SteleProcess.run(["check", tree.path], environment: ["STELE_CACHE_DIR": cache]).stdout, reference)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.contains("stele-tmp") }
            XCTAssertEqual(leftovers, [], "no temporary file is left behind")
        }
        XCTAssertNotEqual(expected, "")
    }
}

/// Outputs gathered from several threads.
final class Outputs: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func append(_ item: String) {
        lock.lock(); defer { lock.unlock() }
        items.append(item)
    }

    var all: [String] {
        lock.lock(); defer { lock.unlock() }
        return items
    }
}

import Foundation
import XCTest
@testable import SteleScan
import SteleTestSupport

/// The listing is every regular file of the tree, sorted as `String` sorts, however deep the tree
/// starts branching and whichever way its paths are sorted.
final class FileWalkerTests: XCTestCase {
    func testAListingOfATreeThatBranchesDeepHasEveryFileSorted() throws {
        let tree = try TemporaryTree()
        defer { tree.remove() }
        // One `Sources/` at the top with 80 modules below it (the walk goes breadth first to find
        // enough folders for the workers), files at every level, names that sort across levels.
        var expected: [String] = ["Package.swift", "a.txt", "a/b.txt", "a-b/c.txt", "a.b/c.txt"]
        for i in 0..<80 {
            expected += ["Sources/M\(i)/File.swift", "Sources/M\(i)/Deep/er/Inner.swift", "Sources/M\(i).swift"]
        }
        for path in expected { try tree.write(path, "// \(path)\n") }
        let listing = FileWalker(root: tree.path).list()
        XCTAssertEqual(listing.files, expected.sorted())
        XCTAssertEqual(listing.diagnostics.map(\.message), [])
    }

    func testASCIIPathsSortByTheirBytesAsStringsSort() {
        var rng = SplitMix(seed: 7)
        let alphabet = Array("aAbB/._-09zZ~ ")
        var paths = (0..<2_000).map { _ in String((0..<Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }) }
        paths += ["a/b", "a.b", "a-b", "a", "", "A", "a/", "a//b"]
        var sorted = paths
        FileWalker.sort(&sorted)
        XCTAssertEqual(sorted, paths.sorted())
    }

    /// From 8,192 paths the sort runs in two halves on two cores and merges them: the same order.
    func testManyPathsSortInHalvesAndMergeAsStringsSort() {
        var rng = SplitMix(seed: 11)
        let alphabet = Array("aAbB/._-09zZ")
        for count in [8_191, 8_192, 8_193, 20_001] {
            var paths = (0..<count).map { _ in String((0..<Int(1 + rng.next() % 10)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }) }
            paths += paths.prefix(50) // repeats land in both halves
            var sorted = paths
            FileWalker.sort(&sorted)
            XCTAssertEqual(sorted, paths.sorted(), "\(count) paths")
        }
    }

    func testPathsBeyondASCIISortAsStringsSort() {
        // "é" written as one scalar and as "e" with a combining accent are equal to `String`: the
        // byte order would part them, so such a listing is sorted the `String` way.
        let precomposed = "caf\u{E9}/b.swift", decomposed = "cafe\u{301}/a.swift"
        var paths = [precomposed, "cafe/z.swift", decomposed, "caf/x.swift", "Zoo.swift"]
        FileWalker.sort(&paths)
        XCTAssertEqual(paths, [precomposed, "cafe/z.swift", decomposed, "caf/x.swift", "Zoo.swift"].sorted())
    }
}

import XCTest
import SteleScan
@testable import SteleGraph
import SteleTestSupport

/// The layering `stele init` proposes, read from real fixture trees.
final class InferredLayeringTests: XCTestCase {
    func layering(_ fixture: String) -> InferredLayering {
        InferredLayering.infer(Architecture(scan: ProjectScanner.scan(root: TestPaths.fixture(fixture).path), components: []))
    }

    func testModulesAreRankedByTheLongestChainOfImportsBelowThem() {
        let l = layering("init-package")
        XCTAssertEqual(l.layers, [["App"], ["Features"], ["Networking"], ["Core", "Util"]],
                       "App imports Features, which imports Networking, which imports Core; Util imports nothing")
        XCTAssertEqual(l.cycles, [])
        XCTAssertEqual(l.apart, [InferredLayering.Apart(kind: "Tests", modules: ["CoreTests"]),
                                 InferredLayering.Apart(kind: "Benchmarks", modules: ["CoreBenchmarks"])])
        // Every import between ranked modules points strictly down: what makes `layers` hold today
        // and fail when any one of them is turned around.
        let rank = Dictionary(uniqueKeysWithValues: l.layers.enumerated().flatMap { k, layer in layer.map { ($0, k) } })
        XCTAssertEqual(l.dependencies.count, 5)
        for d in l.dependencies { XCTAssertLessThan(rank[d.from]!, rank[d.to]!, "\(d.from) → \(d.to)") }
    }

    func testModulesInACycleShareALayerAndTheCycleIsReported() {
        let l = layering("review-app")
        XCTAssertEqual(l.layers, [["App"], ["Data", "Domain", "UI", "Util"]])
        XCTAssertEqual(l.cycles.map(\.modules), [["Data", "Domain", "UI", "Util"]])
        XCTAssertEqual(l.cycles.first?.example, ["Data", "Util", "Data"])
        XCTAssertEqual(l.apart.map(\.kind), ["Tests"])
    }

    func testATreeWithoutModulesHasNoLayers() {
        let l = layering("layered-app")
        XCTAssertEqual(l.layers, [["App"]], "one app target organised in folders: one module, nothing to rank")
        XCTAssertEqual(l.dependencies, [])
    }
}

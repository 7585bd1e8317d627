import XCTest
@testable import SteleGraph
@testable import SteleReport

/// What `stele init` writes, from a layering.
final class InitProposalTests: XCTestCase {
    let layering = InferredLayering(layers: [["App"], ["Features", "Payments"], ["Core"]], cycles: [],
                                    apart: [.init(kind: "Tests", modules: ["CoreTests"])],
                                    dependencies: [.init(from: "App", to: "Features"), .init(from: "Features", to: "Core")])

    func testANewRepositoryGetsTheRulesInAnADRAndTheNamesInTheRulesFile() throws {
        let p = InitProposal(layering, .init(today: "2026-12-04", commit: "0123456789abcdef", newADRDirectory: "adr", takenNames: ["App", "Core"]))
        XCTAssertEqual(p.files.map(\.path), ["rules/architecture.stele", "adr/0001-record-architecture-decisions.md", "adr/0002-module-layering.md"])
        XCTAssertEqual(p.layerNames, ["App", "Layer2", "Core"])
        XCTAssertEqual(p.rules, ["layers App > Layer2 > Core", "no cycles"])
        XCTAssertEqual(p.files[0].text, """
        # Written by `stele init` on 2026-12-04 (commit 0123456789ab): the layering the code follows today.
        # The rules are in adr/0002-module-layering.md; these are the names they use.
        #
        # layer 1 (top): App
        # layer 2: Layer2 = Features, Payments
        # layer 3 (bottom): Core
        # kept apart (tests may use any layer): CoreTests

        component Layer2 = module Features, module Payments

        """)
        let adr = p.files[2].text
        XCTAssertTrue(adr.hasPrefix("# 2. Module layering\n\nDate: 2026-12-04\n\n## Status\n\nAccepted\n"), adr)
        XCTAssertTrue(adr.contains("```stele\nlayers App > Layer2 > Core\nno cycles\n```\n"), adr)
        XCTAssertTrue(adr.contains("- layer 2: `Layer2`: `Features`, `Payments`\n"), adr)
        XCTAssertTrue(adr.contains("at commit `0123456789ab`"), adr)
        XCTAssertTrue(p.files[1].text.contains("Architecture Decision Records in `adr/`"))
    }

    func testARepositoryWithADRsGetsItsRulesInTheRulesFileOnly() {
        let p = InitProposal(layering, .init(today: "2026-12-04", commit: nil, newADRDirectory: nil, takenNames: []))
        XCTAssertEqual(p.files.map(\.path), ["rules/architecture.stele"])
        XCTAssertTrue(p.files[0].text.hasSuffix("component Layer2 = module Features, module Payments\n\nlayers App > Layer2 > Core\nno cycles\n"), p.files[0].text)
        XCTAssertFalse(p.files[0].text.contains("commit"))
    }

    /// A package whose name would take a lower layer's package along is named by its own files.
    func testAPackageOverALowerOneIsAComponentOfItsFiles() {
        let nested = InferredLayering(layers: [["shop.data"], ["shop.domain"], ["shop.data.legacy"]], cycles: [], apart: [], dependencies: [])
        let p = InitProposal(nested, .init(today: "2026-12-04", commit: nil, newADRDirectory: nil, takenNames: [],
                                           ownFiles: ["shop.data": ["src/shop/data/*.java"]]))
        XCTAssertEqual(p.layerNames, ["Layer1", "shop.domain", "shop.data.legacy"])
        XCTAssertTrue(p.files[0].text.contains("# layer 1 (top): Layer1 = shop.data\n"), p.files[0].text)
        XCTAssertTrue(p.files[0].text.hasSuffix("component Layer1 = src/shop/data/*.java\n\nlayers Layer1 > shop.domain > shop.data.legacy\nno cycles\n"), p.files[0].text)
    }

    func testALayerNameNeverClashesWithAName() {
        let p = InitProposal(layering, .init(today: "2026-12-04", commit: nil, newADRDirectory: nil, takenNames: ["Layer2", "Layer2_"]))
        XCTAssertEqual(p.layerNames, ["App", "Layer2__", "Core"])
    }

    func testCyclesAreReportedAndNoCyclesIsNotProposed() {
        let cyclic = InferredLayering(layers: [["App"], ["A", "B"]], cycles: [.init(modules: ["A", "B"], example: ["A", "B", "A"])], apart: [],
                                      dependencies: [])
        let p = InitProposal(cyclic, .init(today: "2026-12-04", commit: nil, newADRDirectory: "docs/adr", takenNames: []))
        XCTAssertEqual(p.rules, ["layers App > Layer2"])
        XCTAssertTrue(p.files[0].text.contains("# in a dependency cycle, so in one layer: A, B (e.g. A → B → A)\n"))
        XCTAssertTrue(p.files[2].text.contains("- `A`, `B` (for example `A` → `B` → `A`)\n"))
        XCTAssertEqual(p.files[2].path, "docs/adr/0002-module-layering.md")
    }

    func testNothingToLayerProposesNoRule() {
        let flat = InferredLayering(layers: [["A", "B"]], cycles: [], apart: [], dependencies: [])
        let p = InitProposal(flat, .init(today: "2026-12-04", commit: nil, newADRDirectory: "adr", takenNames: []))
        XCTAssertEqual(p.rules, ["no cycles"])
        let none = InitProposal(InferredLayering(layers: [], cycles: [], apart: [], dependencies: []),
                                .init(today: "2026-12-04", commit: nil, newADRDirectory: "adr", takenNames: []))
        XCTAssertEqual(none.rules, [])
        XCTAssertTrue(none.files[2].text.contains("There is no layering to keep yet"))
    }
}

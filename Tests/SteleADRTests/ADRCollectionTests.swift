import Foundation
import XCTest
import SteleCore
@testable import SteleADR
import SteleTestSupport

/// Reads the `adr-formats` fixture: one ADR per format, found through directory discovery.
final class ADRCollectionTests: XCTestCase {
    static let fixtures = TestPaths.fixtures

    func load(_ fixture: String) -> ADRCollection {
        ADRCollection.load(repositoryRoot: ADRCollectionTests.fixtures.appendingPathComponent(fixture).path, configuredDirectory: nil)
    }

    func testEveryFormat() throws {
        let collection = load("adr-formats")
        XCTAssertEqual(collection.directory, "docs/decisions")
        XCTAssertEqual(collection.adrs.map(\.id), ["ADR-0001", "ADR-0002", "ADR-0003", "ADR-0004", "ADR-0005", "ADR-0007", "20240301-log4brains-style"],
                       "README.md and template.md are not ADRs")
        XCTAssertEqual(collection.adrs.map(\.status), [.accepted, .superseded, .accepted, .accepted, .proposed, .deprecated, .proposed])
        XCTAssertEqual(collection.adrs.map(\.title), [
            "Record architecture decisions", "Use SQLite for storage", "Network access goes through one module", "Use GRDB for storage",
            "Feature modules are independent", "Logging through one facade", "Prefer value types in the domain",
        ])
        XCTAssertEqual(collection.adrs.map(\.date), ["2023-05-02", "2023-05-10", "2023-06-01", "2023-07-01", "2024-01-15", nil, "2024-03-01"])
        XCTAssertEqual(collection.adrs[1].statusText, "Superseded by 4. Use GRDB for storage")
        XCTAssertEqual(collection.adrs[1].supersededBy, ["ADR-0004"])
        XCTAssertEqual(collection.adrs[3].supersedes, ["ADR-0002"], "made symmetric from 0002's own status")
        XCTAssertEqual(collection.adrs[5].statusText, "Deprecated")
    }

    func testRuleLinesFromBlocksAndRulesSections() {
        let adrs = load("adr-formats").adrs
        let network = adrs[2]
        XCTAssertEqual(network.ruleLines.map(\.text), [
            "Only Networking may import Alamofire.",
            "Features must not depend on Networking directly or indirectly.",
            "Keep request building declarative.",
            "nested: Networking must not import UIKit",
            "A long rule that wraps onto a second line: Networking must not depend on Features",
        ])
        XCTAssertEqual(network.ruleLines.first?.location, SourceLocation(file: "docs/decisions/0003-madr2-network-layer.md", line: 19, column: 3))
        XCTAssertEqual(network.ruleLines[3].location.column, 7)
        XCTAssertTrue(network.ruleLines.allSatisfy { $0.origin == .rulesSection })
        XCTAssertEqual(adrs[3].ruleLines.map(\.text), ["component Storage = Sources/Storage/**", "only Storage may import GRDB   # the only database library"])
        XCTAssertEqual(adrs[3].ruleLines.map(\.origin), [.steleBlock, .steleBlock])
        XCTAssertEqual(adrs[5].ruleLines.map(\.text), ["Only Logging may import os"], "numbered items under Enforcement")
    }

    func testDiagnosticsForTheEmptyBlock() {
        let diagnostics = load("adr-formats").diagnostics
        XCTAssertEqual(diagnostics.map(\.description), [
            "docs/decisions/0005-madr4-proposed.md:12:1: warning: empty stele block: no rules\n  hint: write one rule per line, e.g. `Domain must not import UIKit`, or remove the block",
        ])
    }

    func testTheShopFixture() {
        let adrs = load("shop").adrs
        XCTAssertEqual(adrs.map(\.id), (1...7).map { String(format: "ADR-%04d", $0) })
        XCTAssertEqual(adrs[4].supersededBy, ["ADR-0006"])
        XCTAssertEqual(adrs[5].supersedes, ["ADR-0005"])
        XCTAssertEqual(adrs[6].title, "Database access goes through Persistence")
        XCTAssertEqual(adrs[1].ruleLines.map(\.location.line), [17, 18])
    }

    func testLinkWarnsWhenASupersededADRStillSaysAccepted() {
        let old = ADRParser.parse("# 1. Old\n\n## Status\n\nAccepted\n", file: "adr/0001-old.md").adr
        let new = ADRParser.parse("# 2. New\n\nStatus: Accepted\n\nSupersedes [1. Old](0001-old.md)\n", file: "adr/0002-new.md").adr
        let (linked, diagnostics) = ADRCollection.link([new, old])
        XCTAssertEqual(linked.map(\.id), ["ADR-0001", "ADR-0002"])
        XCTAssertEqual(linked[0].status, .superseded)
        XCTAssertEqual(linked[0].supersededBy, ["ADR-0002"])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "adr/0001-old.md", line: 5, column: 1))
    }

    func testOnlyAnAcceptedADRSupersedes() {
        let old = ADRParser.parse("# 1. Old\n\nStatus: Accepted\n", file: "adr/0001-old.md").adr
        let rejected = ADRParser.parse("# 2. Idea\n\nStatus: Rejected\n\nSupersedes [1. Old](0001-old.md)\n", file: "adr/0002-idea.md").adr
        let (linked, diagnostics) = ADRCollection.link([old, rejected])
        XCTAssertEqual(linked[0].status, .accepted, "a rejected proposal does not switch a decision off")
        XCTAssertEqual(linked[0].supersededBy, ["ADR-0002"], "the link is still recorded")
        XCTAssertEqual(diagnostics, [])
    }

    func testDuplicateIdsWarn() {
        let a = ADRParser.parse("# A\n\nStatus: Accepted\n", file: "adr/0001-a.md").adr
        let b = ADRParser.parse("# B\n\nStatus: Accepted\n", file: "adr/0001-b.md").adr
        XCTAssertEqual(ADRCollection.link([a, b]).diagnostics.first?.message, "duplicate ADR id ADR-0001 (also adr/0001-a.md)")
    }
}

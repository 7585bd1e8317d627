import XCTest
import SteleCore
@testable import SteleCheck

final class BaselineTests: XCTestCase {
    func testSplitsNewBaselinedAndFixed() {
        let findings = CheckHarness.check("shop", rules: "only Persistence may import GRDB\nno cycles").findings
        XCTAssertEqual(findings.count, 2)
        let stale = Baseline.Entry(fingerprint: "0000000000000000", rule: "gone", file: "Sources/Old.swift", message: "old")
        let baseline = Baseline(entries: [Baseline.Entry(findings[0]), stale])
        let applied = baseline.apply(to: findings)
        XCTAssertEqual(applied.baselined, [findings[0]])
        XCTAssertEqual(applied.new, [findings[1]])
        XCTAssertEqual(applied.fixed, [stale])
    }

    func testOccurrencesAreCounted() {
        let finding = CheckHarness.check("shop", rules: "only Persistence may import GRDB").findings[0]
        let applied = Baseline(findings: [finding]).apply(to: [finding, finding])
        XCTAssertEqual(applied.baselined.count, 1)
        XCTAssertEqual(applied.new.count, 1, "a second identical violation is new")
    }

    /// In changed-files mode one finding can stand for several (imports whose indirect path one changed
    /// import completes): it is baselined only when every one of them is.
    func testAFindingStandingForSeveralIsBaselinedWhenAllAre() {
        let findings = CheckHarness.check("shop", rules: "only Persistence may import GRDB\nno cycles").findings
        var merged = findings[0]
        merged.mergedFingerprints = [findings[1].fingerprint]
        XCTAssertEqual(Baseline(findings: findings).apply(to: [merged]).baselined, [merged])
        let partial = Baseline(findings: [findings[0]]).apply(to: [merged])
        XCTAssertEqual(partial.new, [merged], "one of the two is new")
        XCTAssertEqual(partial.fixed.count, 1, "nothing is consumed by a finding that stays new")
    }

    func testEntriesAreSortedForCleanDiffs() {
        let a = Baseline.Entry(fingerprint: "b", rule: "r", file: "z.swift", message: "m")
        let b = Baseline.Entry(fingerprint: "a", rule: "r", file: "a.swift", message: "m")
        XCTAssertEqual(Baseline(entries: [a, b]).entries, [b, a])
    }
}

import Foundation
import XCTest
import SteleTestSupport

/// `// stele:allow ADR-… -- reason` on the offending line or the line before.
final class SuppressionTests: XCTestCase {
    func testASuppressionWithAReasonAcceptsThatADRsFindingOnly() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("Sources/Domain/Order.swift", "import Foundation\n// stele:allow ADR-0002 -- legacy store, removed with #12\nimport GRDB\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1, "ADR-0007's finding on the same import remains")
        XCTAssertFalse(run.stdout.contains("[ADR-0002]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("Sources/Domain/Order.swift:3:1: error: `Domain` imports `GRDB`, which only `Persistence` may import [ADR-0007]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("1 suppressed inline"), run.stdout)
        XCTAssertFalse(run.stderr.contains("stele:allow"), run.stderr)
    }

    func testWithoutAReasonNothingIsSuppressedAndItIsReported() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("Sources/Domain/Order.swift", "import GRDB // stele:allow ADR-0002\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertTrue(run.stdout.contains("[ADR-0002]"), run.stdout)
        XCTAssertTrue(run.stderr.contains("Sources/Domain/Order.swift:1:13: warning: `stele:allow ADR-0002` has no reason, so it suppresses nothing"), run.stderr)
    }

    func testASuppressionThatCoversNothingIsReported() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("Sources/UI/OrderView.swift", "// stele:allow ADR-0002 -- just in case\nimport Domain\n")
        let run = try SteleProcess.run(["check", tree.path, "--format", "json"])
        XCTAssertTrue(run.stderr.contains("Sources/UI/OrderView.swift:1:1: warning: `stele:allow ADR-0002` suppresses nothing"), run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((json["summary"] as? [String: Any])?["suppressed"] as? Int, 0)
    }

    /// `until DATE`: in force before the date (announced in its last 30 days), expired from it on.
    func testAnUntilSuppressionEndsOnItsDateAndIsAnnouncedBefore() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("Sources/Domain/Order.swift",
                       "import Foundation\n// stele:allow ADR-0002 until 2026-12-10 -- legacy store, removed with #12\nimport GRDB\n")
        let early = try SteleProcess.run(["check", tree.path, "--today", "2026-10-01"])
        XCTAssertFalse(early.stdout.contains("[ADR-0002]"), early.stdout)
        XCTAssertFalse(early.stderr.contains("stele:allow"), early.stderr)

        let soon = try SteleProcess.run(["check", tree.path, "--today", "2026-11-25"])
        XCTAssertFalse(soon.stdout.contains("[ADR-0002]"), soon.stdout)
        XCTAssertTrue(soon.stderr.contains("Sources/Domain/Order.swift:2:1: info: `stele:allow ADR-0002` ends on 2026-12-10 (in 15 days): its findings will be reported again"), soon.stderr)

        let late = try SteleProcess.run(["check", tree.path, "--today", "2026-12-10"])
        XCTAssertTrue(late.stdout.contains("Sources/Domain/Order.swift:3:1: error: `Domain` imports `GRDB` [ADR-0002]"), late.stdout)
        XCTAssertTrue(late.stderr.contains("Sources/Domain/Order.swift:2:1: warning: `stele:allow ADR-0002` expired on 2026-12-10: the findings it allowed are reported again"), late.stderr)
    }

    /// A rule's `until` waiver is announced in its last 30 days.
    func testARuleWaiverEndingSoonIsAnnounced() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("rules/waiver.stele", "UI must not import Persistence until 2026-12-01\n")
        let run = try SteleProcess.run(["check", tree.path, "--today", "2026-11-25"])
        XCTAssertTrue(run.stderr.contains("rules/waiver.stele:1:1: info: waiver ends on 2026-12-01 (in 6 days): `UI must not import Persistence until 2026-12-01` will be enforced"), run.stderr)
        let far = try SteleProcess.run(["check", tree.path, "--today", "2026-06-01"])
        XCTAssertFalse(far.stderr.contains("waiver ends"), far.stderr)
    }
}

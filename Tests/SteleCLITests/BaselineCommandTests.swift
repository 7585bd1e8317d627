import Foundation
import XCTest
import SteleTestSupport

/// The adoption story: baseline a repository with violations, the gate passes; a new violation fails
/// it; moving code around does not resurrect baselined findings; fixed ones are reported.
final class BaselineCommandTests: XCTestCase {
    func testBaselineThenOnlyNewViolationsFail() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let baseline = tree.url.appendingPathComponent("stele-baseline.json").path

        let written = try SteleProcess.run(["baseline", tree.path, "--output", baseline])
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertTrue(written.stderr.contains("baseline of 5 findings written"), written.stderr)
        XCTAssertFalse(try String(contentsOfFile: baseline, encoding: .utf8).contains("\"line\""), "no line numbers in a baseline")

        let clean = try SteleProcess.run(["check", tree.path, "--baseline", baseline])
        XCTAssertEqual(clean.status, 0, clean.stdout)
        XCTAssertEqual(clean.stdout, "stele: no violations (9 files, 9 rules enforced, 1 not enforced, 1 prose rule not checked)\n")
        XCTAssertTrue(clean.stderr.contains("5 findings are in the baseline"), clean.stderr)

        // Code moves: the import goes down five lines. Still baselined.
        try tree.write("Sources/Domain/Order.swift", "import Foundation\n\n\n\n\n\nimport GRDB\n\npublic struct Order {}\n")
        let moved = try SteleProcess.run(["check", tree.path, "--baseline", baseline])
        XCTAssertEqual(moved.status, 0, moved.stdout)

        // A new violation fails the gate, and only it is reported.
        try tree.write("Sources/App/Debug.swift", "import GRDB\n")
        let fresh = try SteleProcess.run(["check", tree.path, "--baseline", baseline])
        XCTAssertEqual(fresh.status, 1)
        XCTAssertTrue(fresh.stdout.hasPrefix("Sources/App/Debug.swift:1:1: error: `App` imports `GRDB`"), fresh.stdout)
        XCTAssertFalse(fresh.stdout.contains("Sources/Domain/Order.swift"), fresh.stdout)

        // Fixing a baselined violation is reported as removable.
        try tree.write("Sources/Features/Cart/CartScreen.swift", "public struct CartScreen {}\n")
        let fixed = try SteleProcess.run(["check", tree.path, "--baseline", baseline])
        XCTAssertTrue(fixed.stderr.contains("baselined findings no longer occur"), fixed.stderr)
    }

    func testMissingOrMalformedBaselineIsAUsageError() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let missing = try SteleProcess.run(["check", tree.path, "--baseline", tree.path + "/nope.json"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("hint: create it with `stele baseline --output"), missing.stderr)
        try tree.write("bad.json", "[1, 2]")
        let bad = try SteleProcess.run(["check", tree.path, "--baseline", tree.path + "/bad.json"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("is not a Stele baseline"), bad.stderr)
    }
}

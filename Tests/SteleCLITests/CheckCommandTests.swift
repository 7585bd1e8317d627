import Foundation
import XCTest
import SteleTestSupport

/// `stele check` end to end, on the shop fixture: a SwiftPM package with ADRs in five formats.
final class CheckCommandTests: XCTestCase {
    func testReportsEachViolationOnceWithItsADR() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout, """
        Sources/Domain/Order.swift:2:1: error: `Domain` imports `GRDB` [ADR-0002]
            import GRDB
          rule: Domain must not import GRDB, UIKit, SwiftUI  (adr/0002-pure-domain.md:17)
          why:  ADR-0002 "Keep the domain layer pure" (accepted, adr/0002-pure-domain.md)
          more: stele explain ADR-0002/R1 \(tree.path)
        Sources/Domain/Order.swift:2:1: error: `Domain` imports `GRDB`, which only `Persistence` may import [ADR-0007]
            import GRDB
          rule: Only Persistence may import GRDB  (adr/0007-database-access.md:7)
          why:  ADR-0007 "Database access goes through Persistence" (accepted, adr/0007-database-access.md)
          more: stele explain ADR-0007/R1 \(tree.path)
        Sources/Features/Cart/CartScreen.swift:1:1: warning: `Feature(Cart)` imports `Feature(Login)` (`import Login`): members of `Feature(*)` must not depend on each other [ADR-0004]
            import Login
          rule: Feature(*) must not depend on each other  (adr/0004-feature-modules.md:13)
          why:  ADR-0004 "Feature modules" (proposed, adr/0004-feature-modules.md)
          more: stele explain ADR-0004/R1 \(tree.path)
        Sources/Features/Cart/CartScreen.swift:1:1: error: dependency cycle: Cart → Login → Cart [ADR-0006]
            import Login
          rule: no cycles  (adr/0006-foundation-allowed.md:15)
          why:  ADR-0006 "Foundation is allowed everywhere" (accepted, adr/0006-foundation-allowed.md)
          more: stele explain ADR-0006/R1 \(tree.path)
        Sources/Features/Login/LoginScreen.swift:1:1: warning: `Feature(Login)` imports `Feature(Cart)` (`import Cart`): members of `Feature(*)` must not depend on each other [ADR-0004]
            import Cart
          rule: Feature(*) must not depend on each other  (adr/0004-feature-modules.md:13)
          why:  ADR-0004 "Feature modules" (proposed, adr/0004-feature-modules.md)
          more: stele explain ADR-0004/R1 \(tree.path)
        stele: 3 errors, 2 warnings (9 files, 9 rules enforced, 1 not enforced, 1 prose rule not checked)

        """)
    }

    func testJSONIsDeterministicAndFollowsTheSchema() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let first = try SteleProcess.run(["check", tree.path, "--format", "json"])
        let second = try SteleProcess.run(["check", tree.path, "--format=json"])
        XCTAssertEqual(first.status, 1)
        XCTAssertEqual(first.stdout, second.stdout, "same inputs, byte-identical output")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["version"] as? Int, 1)
        let summary = try XCTUnwrap(json["summary"] as? [String: Any])
        XCTAssertEqual(summary["files"] as? Int, 9)
        XCTAssertEqual(summary["errors"] as? Int, 3)
        XCTAssertEqual(summary["warnings"] as? Int, 2)
        let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
        let first_ = findings[0]
        XCTAssertEqual(first_["rule"] as? String, "Domain must not import GRDB, UIKit, SwiftUI")
        XCTAssertEqual(first_["file"] as? String, "Sources/Domain/Order.swift")
        XCTAssertEqual(first_["line"] as? Int, 2)
        XCTAssertEqual(first_["column"] as? Int, 1)
        XCTAssertEqual(first_["from"] as? String, "Domain")
        XCTAssertEqual(first_["to"] as? String, "GRDB")
        let adr = try XCTUnwrap(first_["adr"] as? [String: Any])
        XCTAssertEqual(adr["id"] as? String, "ADR-0002")
        XCTAssertEqual(adr["status"] as? String, "accepted")
        XCTAssertEqual(adr["file"] as? String, "adr/0002-pure-domain.md")
        XCTAssertEqual(adr["line"] as? Int, 17)
        XCTAssertEqual((first_["fingerprint"] as? String)?.count, 16)
    }

    func testOutputOptionWritesTheReportAndCheckWritesNothingElse() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let before = try tree.snapshot()
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(try tree.snapshot(), before, "check must not write into the tree")

        let report = FileManager.default.temporaryDirectory.appendingPathComponent("stele-report-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: report) }
        let written = try SteleProcess.run(["check", tree.path, "--format", "json", "--output", report.path])
        XCTAssertEqual(written.stdout, "")
        XCTAssertTrue(try String(contentsOf: report, encoding: .utf8).contains("\"ADR-0002\""))
    }

    func testCleanRepositoryExitsZero() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("Sources/Domain/Order.swift", "import Foundation\npublic struct Order {}\n")
        try tree.write("Sources/Features/Cart/CartScreen.swift", "public struct CartScreen {}\n")
        try tree.write("Sources/Features/Login/LoginScreen.swift", "public struct LoginScreen {}\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("stele: no violations (9 files, 9 rules enforced, 1 not enforced, 1 prose rule not checked)"), run.stdout)
    }

    /// Rules that vanish silently (issue 11): prose bullets are counted, a `### Consequences`
    /// heading inside `## Rules` ends the rules, and one note says what nothing enforces.
    func testProseRulesAndUnenforcedDecisionsAreCountedAndNoted() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("adr/0008-networking.md", """
            # 8. Networking goes through one client

            ## Status

            Accepted

            ## Rules

            - Keep retries in the client, not in features.
            - Log every request with its correlation id.

            ### Consequences

            - Features must not import Network directly, or they bypass the client.
            """)
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertTrue(run.stdout.hasSuffix("(9 files, 9 rules enforced, 1 not enforced, 3 prose rules not checked)\n"), run.stdout)
        XCTAssertEqual(run.stderr.components(separatedBy: "stele: note:").count, 2, "said once: \(run.stderr)")
        XCTAssertTrue(run.stderr.contains("stele: note: 2 of 7 decisions in force have no enforced rule (ADR-0001, ADR-0008); 3 prose rules are not checked; `stele rules` lists them"), run.stderr)
        let rules = try SteleProcess.run(["rules", tree.path])
        XCTAssertTrue(rules.stdout.contains("[prose       ] Log every request with its correlation id."), rules.stdout)
        XCTAssertFalse(rules.stdout.contains("Features must not import Network"), "a Consequences heading ends the rules: \(rules.stdout)")
        let quiet = try SteleProcess.run(["check", tree.path, "--quiet"])
        XCTAssertFalse(quiet.stderr.contains("note:"), quiet.stderr)
    }

    /// `only X may import M` leaves test and example code out by default (issue 11: 14 of 15 errors
    /// in async-http-client were in Tests/ and Examples/), and `stele rules` says so.
    func testTestAndExampleCodeAreTheirOwnComponents() throws {
        let tree = try TemporaryTree()
        defer { tree.remove() }
        try tree.write("Package.swift", """
            // swift-tools-version:5.9
            import PackageDescription
            let package = Package(name: "Client", targets: [
                .target(name: "Client"), .target(name: "Other"), .testTarget(name: "ClientTests", dependencies: ["Client"]),
            ])
            """)
        try tree.write("Sources/Client/Client.swift", "import NIOPosix\n")
        try tree.write("Sources/Other/Other.swift", "import NIOPosix\n")
        try tree.write("Tests/ClientTests/ClientTests.swift", "import NIOPosix\n")
        try tree.write("Examples/GetHTML/GetHTML.swift", "import NIOPosix\n")
        try tree.write("rules/network.stele", "only Client may import NIOPosix\nExamples must not import Other\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.hasPrefix("Sources/Other/Other.swift:1:1: error: `Other` imports `NIOPosix`, which only `Client` may import"), run.stdout)
        XCTAssertTrue(run.stdout.contains("stele: 1 error"), run.stdout)
        let rules = try SteleProcess.run(["rules", tree.path])
        XCTAssertTrue(rules.stdout.contains("  Tests  implicit: test targets and Tests/ folders, 1 file\n"), rules.stdout)
        XCTAssertTrue(rules.stdout.contains("  Examples  implicit: Examples/, Samples/ and Demo/ folders, 1 file\n"), rules.stdout)
        XCTAssertTrue(rules.stdout.contains("      applies to every file but Tests, Examples (test and example code)\n"), rules.stdout)
    }

    func testWarningsAloneDoNotFailTheGate() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("Sources/Domain/Order.swift", "import Foundation\n")
        try tree.write("Sources/Features/Cart/CartScreen.swift", "public struct CartScreen {}\n")
        try tree.write("Sources/Features/Login/LoginScreen.swift", "import Cart\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stdout.contains("warning: `Feature(Login)` imports `Feature(Cart)`"), run.stdout)
    }

    func testWaiverFromTheCommandLineDate() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        try tree.write("rules/architecture.stele", "Domain must not import GRDB until 2027-01-01 because ADR-0002\n")
        try tree.write("adr/0002-pure-domain.md", "# Pure\n\nStatus: Accepted\n")
        try tree.write("adr/0007-database-access.md", "# 7. DB\n\nStatus: Accepted\n")
        try tree.write("adr/0006-foundation-allowed.md", "# 6. F\n\nStatus: Accepted\n")
        let waived = try SteleProcess.run(["check", tree.path, "--today", "2026-12-31"])
        XCTAssertFalse(waived.stdout.contains("error:"), waived.stdout)
        let expired = try SteleProcess.run(["check", tree.path, "--today", "2027-01-01"])
        XCTAssertEqual(expired.status, 1)
        XCTAssertTrue(expired.stdout.contains("Sources/Domain/Order.swift:2:1: error: `Domain` imports `GRDB` [ADR-0002]"), expired.stdout)
    }
}

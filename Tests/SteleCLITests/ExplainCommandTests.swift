import Foundation
import XCTest
import SteleTestSupport

/// `stele explain` end to end, on the shop fixture.
final class ExplainCommandTests: XCTestCase {
    let shop = TestPaths.fixture("shop").path

    func testAnADRIdExplainsTheDecisionItsRulesExamplesAndFindings() throws {
        for name in ["ADR-0002", "0002", "adr-2"] {
            let run = try SteleProcess.run(["explain", name, shop])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.hasPrefix("""
            ADR-0002: Keep the domain layer pure
              status: accepted, date: 2024-02-01, adr/0002-pure-domain.md
              why:      Orders and money are our core. They must stay testable without a database or a screen.
              decision: The domain knows nothing of persistence or UI.

            Rule ADR-0002/R1: Domain must not import GRDB, UIKit, SwiftUI
              state:    enforced, error
              where:    adr/0002-pure-domain.md:17 (a stele block of the ADR)
              Example violation: a file of Domain imports GRDB.
                Sources/Domain/Money.swift:
                  import GRDB
              Fix: remove `import GRDB` from Domain;
            """), name + "\n" + run.stdout)
            XCTAssertTrue(run.stdout.contains("  Findings today: 1\n    Sources/Domain/Order.swift:2:1: error: `Domain` imports `GRDB`\n        import GRDB\n"), run.stdout)
            XCTAssertTrue(run.stdout.contains("Rule ADR-0002/R2: Domain must not depend on Persistence, UI\n"), run.stdout)
        }
    }

    func testARuleByItsTextOrIdAndAFindingByItsFingerprint() throws {
        let byText = try SteleProcess.run(["explain", "only persistence may import GRDB", shop])
        XCTAssertEqual(byText.status, 0, byText.stderr)
        XCTAssertTrue(byText.stdout.hasPrefix("ADR-0007: Database access goes through Persistence\n"), byText.stdout)
        XCTAssertTrue(byText.stdout.contains("Rule ADR-0007/R1: Only Persistence may import GRDB\n"), byText.stdout)
        XCTAssertFalse(byText.stdout.contains("ADR-0007/R2"), byText.stdout)
        let byID = try SteleProcess.run(["explain", "ADR-0007/R1", shop])
        XCTAssertEqual(byID.stdout, byText.stdout)
        for text in ["App must not import GRDB because ADR-0007", "App must not import GRDB"] {
            let run = try SteleProcess.run(["explain", text, shop])
            XCTAssertTrue(run.stdout.contains("Rule rules/architecture.stele/R1: App must not import GRDB because ADR-0007\n"), text + "\n" + run.stdout + run.stderr)
        }

        let check = try SteleProcess.run(["check", shop, "--format", "json"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let cycle = try XCTUnwrap((json["findings"] as? [[String: Any]])?.first { ($0["message"] as? String)?.hasPrefix("dependency cycle") == true })
        let fingerprint = try XCTUnwrap(cycle["fingerprint"] as? String)
        let run = try SteleProcess.run(["explain", fingerprint, shop, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let explained = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(explained["kind"] as? String, "finding")
        XCTAssertEqual((explained["finding"] as? [String: Any])?["fingerprint"] as? String, fingerprint)
        XCTAssertEqual((explained["adr"] as? [String: Any])?["id"] as? String, "ADR-0006")
        let rule = try XCTUnwrap((explained["rules"] as? [[String: Any]])?.first)
        XCTAssertEqual(rule["id"] as? String, "ADR-0006/R1")
        let example = try XCTUnwrap(rule["example"] as? [String: Any])
        XCTAssertEqual((example["violation"] as? [Any])?.count, 2, "a cycle takes two files")
    }

    func testUnknownArgumentsExitTwoWithAHint() throws {
        let typo = try SteleProcess.run(["explain", "ADR-0020", shop])
        XCTAssertEqual(typo.status, 2)
        XCTAssertEqual(typo.stdout, "")
        XCTAssertTrue(typo.stderr.contains("stele: error: nothing named `ADR-0020`: no ADR, rule or finding has that id or text\n  hint: did you mean `ADR-0002`?"), typo.stderr)
        let start = try SteleProcess.run(["explain", "Domain must not import GRDB", shop])
        XCTAssertEqual(start.status, 2)
        XCTAssertTrue(start.stderr.contains("did you mean `Domain must not import GRDB, UIKit, SwiftUI`?"), start.stderr)
        let none = try SteleProcess.run(["explain"])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("`stele explain` needs what to explain"), none.stderr)
    }

    func testCheckTextEndsEachFindingWithItsExplainCommandWhichWorks() throws {
        let check = try SteleProcess.run(["check", shop])
        let commands = check.stdout.split(separator: "\n").filter { $0.hasPrefix("  more: stele explain ") }
        XCTAssertEqual(commands.count, 5, check.stdout)
        let words = commands[0].dropFirst("  more: stele ".count).split(separator: " ").map(String.init)
        XCTAssertEqual(words, ["explain", "ADR-0002/R1", shop])
        let run = try SteleProcess.run(words)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Rule ADR-0002/R1: Domain must not import GRDB, UIKit, SwiftUI"), run.stdout)
    }
}

/// The examples `stele explain` makes are real violations: written into a copy of the tree, each
/// makes the real check report a new finding of its rule.
final class ExplainExampleTests: XCTestCase {
    func json(_ run: SteleProcess.Outcome) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout + run.stderr)
    }

    func fingerprints(of rule: String, in tree: TemporaryTree) throws -> Set<String> {
        let findings = try json(SteleProcess.run(["check", tree.path, "--format", "json"]))["findings"] as? [[String: Any]] ?? []
        return Set(findings.filter { $0["ruleId"] as? String == rule }.compactMap { $0["fingerprint"] as? String })
    }

    func testEveryEnforcedRulesExampleBreaksItForReal() throws {
        var tried = 0
        // The manifest-truth fixture gets its rules here, as its own tests give them.
        let extraRules = ["manifest-truth": "manifests must match imports (error)\nno cycles\n"]
        for fixture in ["shop", "layered-app", "review-app", "change-agreement", "manifest-truth"] {
            let original = try TemporaryTree(copying: fixture)
            defer { original.remove() }
            if let extra = extraRules[fixture] { try original.write("rules/extra.stele", extra) }
            let rules = try json(SteleProcess.run(["rules", original.path, "--format", "json"]))["rules"] as? [[String: Any]] ?? []
            for rule in rules where rule["state"] as? String == "enforced" {
                let id = try XCTUnwrap(rule["id"] as? String)
                let tree = try TemporaryTree(copying: fixture)
                defer { tree.remove() }
                if let extra = extraRules[fixture] { try tree.write("rules/extra.stele", extra) }
                let explained = try json(SteleProcess.run(["explain", id, tree.path, "--format", "json"]))
                guard let example = (explained["rules"] as? [[String: Any]])?.first?["example"] as? [String: Any] else { continue }
                let before = try fingerprints(of: id, in: tree)
                for file in try XCTUnwrap(example["violation"] as? [[String: Any]]) {
                    let path = try XCTUnwrap(file["path"] as? String), code = try XCTUnwrap(file["code"] as? String)
                    let existing = (try? String(contentsOf: tree.url.appendingPathComponent(path), encoding: .utf8)) ?? ""
                    // An import goes at the top; other code at the end.
                    try tree.write(path, code.hasPrefix("import ") ? code + existing : existing + "\n" + code)
                }
                let after = try fingerprints(of: id, in: tree)
                XCTAssertFalse(after.subtracting(before).isEmpty, "\(fixture) \(id) \"\(rule["text"] ?? "")\": the example \(example) breaks nothing")
                tried += 1
            }
        }
        XCTAssertGreaterThan(tried, 12)
    }
}

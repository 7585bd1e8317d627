import Foundation
import XCTest
import SteleTestSupport

final class ScanAndRulesCommandTests: XCTestCase {
    func testScanJSONListsModulesImportsAndConditions() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let run = try SteleProcess.run(["scan", tree.path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        let view = try XCTUnwrap(files.first { $0["path"] as? String == "Sources/UI/OrderView.swift" })
        XCTAssertEqual(view["module"] as? String, "UI")
        let imports = try XCTUnwrap(view["imports"] as? [[String: Any]])
        XCTAssertEqual(imports.map { $0["module"] as? String }, ["Domain", "Persistence", "UIKit"])
        XCTAssertEqual(imports[2]["conditions"] as? [String], ["canImport(UIKit)"])
        XCTAssertEqual(imports[2]["line"] as? Int, 4)
        let order = try XCTUnwrap(files.first { $0["path"] as? String == "Sources/Domain/Order.swift" })
        XCTAssertEqual((order["imports"] as? [[String: Any]])?.map { $0["module"] as? String }, ["Foundation", "GRDB"],
                       "nothing from comments or strings")
        let modules = try XCTUnwrap(json["modules"] as? [[String: Any]])
        XCTAssertEqual(modules.map { $0["name"] as? String }, ["App", "Cart", "Domain", "DomainTests", "Login", "Persistence", "UI"])
        let cart = try XCTUnwrap(modules.first { $0["name"] as? String == "Cart" })
        XCTAssertEqual(cart["directory"] as? String, "Sources/Features/Cart")
        XCTAssertEqual(json["externals"] as? [String], ["Foundation", "GRDB", "PackageDescription", "UIKit", "XCTest"])
    }

    /// The text form (the default): the names rules can use and their files, where the JSON form
    /// is every fact (issue 11: 2.5 MB of JSON for 140 files, to find a component's name).
    func testScanTextListsModulesComponentsAndTheirFiles() throws {
        let tree = try TemporaryTree(copying: "layered-app")
        defer { tree.remove() }
        let run = try SteleProcess.run(["scan", tree.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Modules (1)\n  App  executable, 10 files  Sources/App/  (Package.swift:8)\n    Sources/App/Data/Log.swift\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("\nComponents\n  Data  3 files\n    Sources/App/Data/Log.swift\n    Sources/App/Data/Shutdown.swift\n    Sources/App/Data/UserRepository.swift\n  Domain  3 files\n"), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("\nExternals (2)\n  Glibc, PackageDescription\n"), run.stdout)
        XCTAssertEqual(try SteleProcess.run(["scan", tree.path, "--format", "text"]).stdout, run.stdout)
        XCTAssertEqual(try SteleProcess.run(["scan", tree.path, "--format", "yaml"]).status, 2)
    }

    func testRulesJSONListsEveryADRAndRuleWithProvenance() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let run = try SteleProcess.run(["rules", tree.path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["adrDirectory"] as? String, "adr")
        let adrs = try XCTUnwrap(json["adrs"] as? [[String: Any]])
        XCTAssertEqual(adrs.map { $0["id"] as? String }, ["ADR-0001", "ADR-0002", "ADR-0003", "ADR-0004", "ADR-0005", "ADR-0006", "ADR-0007"])
        XCTAssertEqual(adrs.map { $0["status"] as? String }, ["accepted", "accepted", "accepted", "proposed", "superseded", "accepted", "accepted"])
        XCTAssertEqual(adrs[4]["supersededBy"] as? [String], ["ADR-0006"])
        XCTAssertEqual(adrs[5]["supersedes"] as? [String], ["ADR-0005"])
        let rules = try XCTUnwrap(json["rules"] as? [[String: Any]])
        let inactive = try XCTUnwrap(rules.first { $0["text"] as? String == "Domain must not import Foundation" })
        XCTAssertEqual(inactive["state"] as? String, "inactive")
        XCTAssertEqual(inactive["reason"] as? String, "ADR-0005 is superseded by ADR-0006")
        let prose = try XCTUnwrap(rules.first { $0["prose"] as? Bool == true })
        XCTAssertEqual(prose["text"] as? String, "Keep view code free of business rules.")
        XCTAssertEqual(prose["state"] as? String, "not-enforced")
        let stele = try XCTUnwrap(rules.first { ($0["source"] as? [String: Any])?["origin"] as? String == "stele-file" })
        XCTAssertEqual((stele["adr"] as? [String: Any])?["id"] as? String, "ADR-0007")
        XCTAssertEqual(rules.filter { $0["text"] as? String == "Only Persistence may import GRDB" }.count, 1,
                       "the bullet outside the rules section is not a rule")
    }

    func testGraphFormats() throws {
        let tree = try TemporaryTree(copying: "shop")
        defer { tree.remove() }
        let dot = try SteleProcess.run(["graph", tree.path])
        XCTAssertTrue(dot.stdout.contains("\"UI\" -> \"Persistence\" [label=\"1 import\"];"), dot.stdout)
        XCTAssertTrue(dot.stdout.contains("\"Feature(Cart)\" -> \"Feature(Login)\" [label=\"1 import\"];"), "declared members replace their modules")
        XCTAssertFalse(dot.stdout.contains("\"Cart\""), dot.stdout)
        let mermaid = try SteleProcess.run(["graph", tree.path, "--format", "mermaid"])
        XCTAssertTrue(mermaid.stdout.hasPrefix("graph TD\n"), mermaid.stdout)
    }
}

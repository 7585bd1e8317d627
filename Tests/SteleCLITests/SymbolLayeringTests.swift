import Foundation
import XCTest
import SteleTestSupport

/// Folder layering inside one target, end to end through the real binary: the symbol-level
/// dependencies of issue 4, tried the way a new user would.
final class SymbolLayeringTests: XCTestCase {
    /// One SwiftPM target whose layers are folders: every cross-layer use is reported once, at the
    /// use, naming the type and where it is declared, with the ADR. The comment, the string, the
    /// shadowing local and the ambiguous `log` in LoginModel.swift give nothing.
    func testLayersAsFoldersInOneTarget() throws {
        let tree = try TemporaryTree(copying: "layered-app")
        defer { tree.remove() }
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        let headlines = run.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        XCTAssertEqual(headlines, [
            // Two uses on one line are one finding, with their count (issue 11).
            "Sources/App/Data/UserRepository.swift:6:23: error: `Data` uses `Session` (`Domain`, declared at Sources/App/Domain/Session.swift:1), a higher layer (2 uses on this line) [ADR-0001]",
            "Sources/App/Domain/Session.swift:5:29: error: `Domain` uses `Theme` (`UI`, declared at Sources/App/UI/Theme.swift:1), a higher layer [ADR-0001]",
            "Sources/App/Domain/Validation.swift:3:36: error: `Domain` uses `LoginView` (`UI`, declared at Sources/App/UI/LoginView.swift:1), a higher layer [ADR-0001]",
            "stele: 3 errors (11 files, 1 rule enforced, 1 ambiguous use not resolved)",
        ])
        // The snippet is the source line, as for imports, not "uses Session".
        XCTAssertTrue(run.stdout.contains("error: `Data` uses `Session`"))
        XCTAssertTrue(run.stdout.contains("\n    func restore() -> Session { Session(user: current()) }\n"), run.stdout)
        XCTAssertFalse(run.stdout.contains("    uses "), run.stdout)
        XCTAssertTrue(run.stdout.contains("  why:  ADR-0001 \"The app's layers are folders: UI above Domain above Data\" (accepted, adr/0001-layers-as-folders.md)"))
        XCTAssertEqual(run.stderr, "")
    }

    /// Fixing the code clears the gate: the findings came from the uses, not from the file names.
    func testFixingTheUsesClearsTheGate() throws {
        let tree = try TemporaryTree(copying: "layered-app")
        defer { tree.remove() }
        try tree.write("Sources/App/Domain/Session.swift", "struct Session {\n    let user: String\n}\n")
        try tree.write("Sources/App/Domain/Validation.swift", "enum Validation {}\n")
        try tree.write("Sources/App/Data/UserRepository.swift",
                       "struct UserRepository {\n    func current() -> String { \"ada\" }\n    func store(_ user: String) {}\n}\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertEqual(run.stdout, "stele: no violations (11 files, 1 rule enforced, 1 ambiguous use not resolved)\n")
    }

    /// An Xcode project and no `component` line: the project file says which files are the `App`
    /// and `AppTests` modules, and the layers are globs.
    func testXcodeProjectWithoutComponents() throws {
        let tree = try TemporaryTree(copying: "xcode-app")
        defer { tree.remove() }
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        let headlines = run.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        XCTAssertEqual(headlines, [
            "App/Domain/Order.swift:6:18: error: `App/Domain/**` uses `OrderListView` (`App/UI/**`, declared at App/UI/OrderListView.swift:3), a higher layer [ADR-0001]",
            "stele: 1 error (10 files, 2 rules enforced)",
        ])
    }

    /// `stele scan` shows the edges the checks use, and the ambiguous reference with its candidates.
    func testScanShowsSymbolEdges() throws {
        let run = try SteleProcess.run(["scan", TestPaths.fixtures.appendingPathComponent("layered-app").path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let symbols = try XCTUnwrap(json["symbols"] as? [String: Any])
        XCTAssertEqual(symbols["ambiguous"] as? Int, 1)
        let edges = try XCTUnwrap(symbols["edges"] as? [[String: Any]])
        let theme = try XCTUnwrap(edges.first { $0["name"] as? String == "Theme" })
        XCTAssertEqual(theme["file"] as? String, "Sources/App/Domain/Session.swift")
        XCTAssertEqual(theme["line"] as? Int, 5)
        XCTAssertEqual(theme["declaredIn"] as? String, "Sources/App/UI/Theme.swift")
        let log = try XCTUnwrap(edges.first { $0["name"] as? String == "log" })
        XCTAssertEqual(log["ambiguous"] as? [String], ["Sources/App/Data/Log.swift", "Sources/App/UI/Log.swift"])
        XCTAssertNil(edges.first { $0["file"] as? String == "Sources/App/Domain/LoginModel.swift" && $0["name"] as? String == "Theme" },
                     "the local `Theme` shadows the type")
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        let theme_ = try XCTUnwrap(files.first { $0["path"] as? String == "Sources/App/UI/Theme.swift" })
        let declared = (theme_["declarations"] as? [[String: Any]])?.map { "\($0["kind"]!) \($0["name"]!)" }
        XCTAssertEqual(declared, ["enum Theme", "let accent", "func badge"])
    }
}

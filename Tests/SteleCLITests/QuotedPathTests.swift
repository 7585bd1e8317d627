import Foundation
import XCTest
import SteleTestSupport

/// A folder with a space in its name, as async-http-client has (`ConnectionPool/State Machine/`):
/// a quoted glob names it in an ADR's block and in a rules file, and the check finds what is in it.
final class QuotedPathTests: XCTestCase {
    func tree() throws -> TemporaryTree {
        let tree = try TemporaryTree()
        try tree.write("Package.swift", """
            // swift-tools-version:5.9
            import PackageDescription
            let package = Package(name: "Client", targets: [.target(name: "Client")])
            """)
        try tree.write("Sources/Client/State Machine/PoolStateMachine.swift", "struct PoolStateMachine {\n    let connection = Connection()\n}\n")
        try tree.write("Sources/Client/Connection/Connection.swift", "struct Connection {}\n")
        try tree.write("adr/0001-state-machines.md", """
            # 1. State machines are pure

            ## Status

            Accepted

            ## Decision

            ```stele
            component StateMachines = "Sources/Client/State Machine/**"
            component Connections = `Sources/Client/Connection/**`
            StateMachines must not depend on `Connections`
            ```
            """)
        return tree
    }

    func testAQuotedGlobNamesAFolderWithASpace() throws {
        let tree = try tree()
        defer { tree.remove() }
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Sources/Client/State Machine/PoolStateMachine.swift:2:22: error: `StateMachines` uses `Connection`"), run.stdout)
        XCTAssertTrue(run.stdout.contains("stele: 1 error"), run.stdout)
    }

    func testAnUnquotedOneIsAnErrorThatSaysToQuoteIt() throws {
        let tree = try tree()
        defer { tree.remove() }
        try tree.write("rules/paths.stele", "component Machines = Sources/Client/State Machine/**\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("rules/paths.stele:1:22: error: `Sources/Client/State Machine/**` reads as 2 words: a path with a space must be quoted"), run.stderr)
        XCTAssertTrue(run.stderr.contains("hint: write it in quotes: `\"Sources/Client/State Machine/**\"`"), run.stderr)
    }
}

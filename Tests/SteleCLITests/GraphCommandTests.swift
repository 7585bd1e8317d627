import Foundation
import XCTest
import SteleTestSupport

/// `stele graph` through the real binary, on the layered app: one target whose folders are components.
final class GraphCommandTests: XCTestCase {
    func testFolderComponentsOfOneTargetAreJoinedByTheirSymbolUses() throws {
        let tree = try TemporaryTree(copying: "layered-app")
        defer { tree.remove() }
        let dot = try SteleProcess.run(["graph", tree.path])
        XCTAssertEqual(dot.status, 0, dot.stderr)
        XCTAssertTrue(dot.stdout.contains("  \"Domain\" -> \"UI\" [label=\"2 uses\"];\n"), dot.stdout)
        XCTAssertTrue(dot.stdout.contains("  \"UI\" -> \"Domain\" [label=\"1 use\"];\n"), dot.stdout)
        XCTAssertTrue(dot.stdout.contains("  \"App\" -> \"UI\" [label=\"1 use\"];\n"), "App stands for main.swift: \(dot.stdout)")
        XCTAssertTrue(dot.stdout.contains("  \"Data\" -> \"Glibc\" [label=\"1 import\"];\n"), dot.stdout)
        XCTAssertFalse(dot.stdout.contains("\"App\" -> \"Glibc\""), "Data's import is Data's, not App's too: \(dot.stdout)")

        let mermaid = try SteleProcess.run(["graph", tree.path, "--format", "mermaid"])
        XCTAssertEqual(mermaid.status, 0, mermaid.stderr)
        XCTAssertTrue(mermaid.stdout.contains("  n1[\"Domain\"]\n  n2[\"UI\"]\n"), mermaid.stdout)
        XCTAssertTrue(mermaid.stdout.contains("  n1 -->|2 uses| n2\n"), mermaid.stdout)

        let json = try SteleProcess.run(["graph", tree.path, "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let edges = try XCTUnwrap(object["edges"] as? [[String: Any]])
        let domainToUI = try XCTUnwrap(edges.first { $0["from"] as? String == "Domain" && $0["to"] as? String == "UI" })
        XCTAssertEqual(domainToUI["uses"] as? Int, 2)
        XCTAssertEqual(domainToUI["imports"] as? Int, 0)
        let nodes = try XCTUnwrap(object["nodes"] as? [[String: Any]])
        XCTAssertEqual(nodes.map { $0["name"] as? String }, ["Data", "Domain", "UI", "App", "Glibc"])
        XCTAssertEqual(nodes.first { $0["name"] as? String == "App" }?["kind"] as? String, "module")
    }

    /// With no rule that reads symbols, the graph still asks for the symbols its edges need.
    func testComponentsWithoutRulesStillGetSymbolEdges() throws {
        let tree = try TemporaryTree(copying: "layered-app")
        defer { tree.remove() }
        try FileManager.default.removeItem(at: tree.url.appendingPathComponent("adr"))
        try tree.write("rules/components.stele", """
        component UI = Sources/App/UI/**
        component Domain = Sources/App/Domain/**

        """)
        let run = try SteleProcess.run(["graph", tree.path, "--format", "json"], environment: ["STELE_TIMINGS": "1"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("\"from\": \"Domain\",\n      \"to\": \"UI\",\n      \"imports\": 0,\n      \"uses\": 2\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("\"from\": \"Domain\",\n      \"to\": \"App\",\n      \"imports\": 0,\n      \"uses\": 1\n"),
                      "Data's files are App's here: \(run.stdout)")
        XCTAssertTrue(run.stderr.contains("symbols (10 files read, 10 resolved)"), run.stderr)
    }

    func testNoExternalsLeavesOutExternalNodesAndTheirEdges() throws {
        let tree = try TemporaryTree(copying: "layered-app")
        defer { tree.remove() }
        for format in ["dot", "mermaid", "json"] {
            let all = try SteleProcess.run(["graph", tree.path, "--format", format])
            XCTAssertTrue(all.stdout.contains("Glibc"), all.stdout)
            let run = try SteleProcess.run(["graph", tree.path, "--format", format, "--no-externals"])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertFalse(run.stdout.contains("Glibc"), run.stdout)
            XCTAssertTrue(run.stdout.contains("Domain"), run.stdout)
        }
        let shop = try TemporaryTree(copying: "shop")
        defer { shop.remove() }
        let dot = try SteleProcess.run(["graph", shop.path, "--no-externals"])
        XCTAssertFalse(dot.stdout.contains("style=dashed"), dot.stdout)
        XCTAssertTrue(dot.stdout.contains("\"UI\" -> \"Persistence\" [label=\"1 import\"];"), dot.stdout)
    }

    func testAnUnknownOptionIsAUsageError() throws {
        let run = try SteleProcess.run(["graph", "--no-external"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("unknown option `--no-external` for `stele graph`"), run.stderr)
        XCTAssertTrue(run.stderr.contains("did you mean `--no-externals`?"), run.stderr)
        XCTAssertEqual(try SteleProcess.run(["graph", "--externals"]).status, 2)
        XCTAssertEqual(try SteleProcess.run(["graph", "--no-externals=yes"]).status, 2, "a flag takes no value")
    }
}

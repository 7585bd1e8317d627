import Foundation
import XCTest
import SteleGraph
@testable import SteleReport

final class GraphReportTests: XCTestCase {
    /// Modules that import each other, an external.
    static let graph: ComponentGraph = {
        var g = ComponentGraph.empty
        g.nodes = [.init("App", kind: .module, files: 3), .init("Domain", kind: .module, files: 2), .init("GRDB", kind: .external, files: 0)]
        g.edges = [.init(from: "App", to: "Domain", imports: 2), .init(from: "Domain", to: "GRDB", imports: 1)]
        return g
    }()

    /// Folders of one target (edges of symbol uses), the rest of the target, an import of an external.
    static let folders: ComponentGraph = {
        var g = ComponentGraph.empty
        g.nodes = [.init("Domain", files: 3), .init("UI", files: 2), .init("App", kind: .module, files: 1), .init("Glibc", kind: .external, files: 0)]
        g.edges = [
            .init(from: "App", to: "UI", imports: 0, uses: 1),
            .init(from: "Domain", to: "Glibc", imports: 1, uses: 0),
            .init(from: "Domain", to: "UI", imports: 0, uses: 3),
            .init(from: "UI", to: "Domain", imports: 2, uses: 1),
        ]
        return g
    }()

    func testDot() {
        XCTAssertEqual(GraphReport.dot(GraphReportTests.graph), """
        digraph architecture {
          rankdir=TB;
          node [shape=box, fontname="Helvetica"];
          "App";
          "Domain";
          "GRDB" [style=dashed];
          "App" -> "Domain" [label="2 imports"];
          "Domain" -> "GRDB" [label="1 import"];
        }

        """)
    }

    func testDotLabelsSymbolUses() {
        XCTAssertEqual(GraphReport.dot(GraphReportTests.folders), """
        digraph architecture {
          rankdir=TB;
          node [shape=box, fontname="Helvetica"];
          "Domain";
          "UI";
          "App";
          "Glibc" [style=dashed];
          "App" -> "UI" [label="1 use"];
          "Domain" -> "Glibc" [label="1 import"];
          "Domain" -> "UI" [label="3 uses"];
          "UI" -> "Domain" [label="2 imports, 1 use"];
        }

        """)
    }

    func testMermaid() {
        XCTAssertEqual(GraphReport.mermaid(GraphReportTests.graph), """
        graph TD
          n0["App"]
          n1["Domain"]
          n2(["GRDB"])
          n0 -->|2 imports| n1
          n1 -->|1 import| n2

        """)
    }

    func testMermaidLabelsSymbolUses() {
        XCTAssertEqual(GraphReport.mermaid(GraphReportTests.folders), """
        graph TD
          n0["Domain"]
          n1["UI"]
          n2["App"]
          n3(["Glibc"])
          n2 -->|1 use| n1
          n0 -->|1 import| n3
          n0 -->|3 uses| n1
          n1 -->|2 imports, 1 use| n0

        """)
    }

    func testJSON() {
        XCTAssertTrue(GraphReport.json(GraphReportTests.graph).contains("\"from\": \"App\",\n      \"to\": \"Domain\",\n      \"imports\": 2"))
    }

    func testJSONCountsImportsAndUsesAndSaysWhatEachNodeIs() throws {
        let text = GraphReport.json(GraphReportTests.folders)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(json["version"] as? Int, 1)
        let nodes = try XCTUnwrap(json["nodes"] as? [[String: Any]])
        XCTAssertEqual(nodes.map { $0["name"] as? String }, ["Domain", "UI", "App", "Glibc"])
        XCTAssertEqual(nodes.map { $0["kind"] as? String }, ["component", "component", "module", "external"])
        XCTAssertEqual(nodes.map { $0["files"] as? Int }, [3, 2, 1, 0])
        XCTAssertEqual(nodes.map { $0["external"] as? Bool }, [false, false, false, true])
        let edges = try XCTUnwrap(json["edges"] as? [[String: Any]])
        XCTAssertEqual(edges.map { "\($0["from"]!)->\($0["to"]!) \($0["imports"]!)/\($0["uses"]!)" },
                       ["App->UI 0/1", "Domain->Glibc 1/0", "Domain->UI 0/3", "UI->Domain 2/1"])
        XCTAssertTrue(text.contains("\"from\": \"UI\",\n      \"to\": \"Domain\",\n      \"imports\": 2,\n      \"uses\": 1\n"), text)
    }

    func testADeclaredComponentWithNoFilesIsDrawnAsAnExternal() {
        var g = ComponentGraph.empty
        g.nodes = [.init("Store", kind: .component, files: 0)]
        XCTAssertTrue(GraphReport.dot(g).contains("\"Store\" [style=dashed];"))
        XCTAssertTrue(GraphReport.mermaid(g).contains("n0([\"Store\"])"))
    }
}

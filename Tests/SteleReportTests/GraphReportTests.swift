import XCTest
import SteleGraph
@testable import SteleReport

final class GraphReportTests: XCTestCase {
    static let graph: ComponentGraph = {
        var g = ComponentGraph.empty
        g.nodes = ["App", "Domain", "GRDB"]
        g.externalNodes = ["GRDB"]
        g.edges = [.init(from: "App", to: "Domain", weight: 2), .init(from: "Domain", to: "GRDB", weight: 1)]
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
          "App" -> "Domain" [label="2"];
          "Domain" -> "GRDB" [label="1"];
        }

        """)
    }

    func testMermaid() {
        XCTAssertEqual(GraphReport.mermaid(GraphReportTests.graph), """
        graph TD
          n0["App"]
          n1["Domain"]
          n2(["GRDB"])
          n0 -->|2| n1
          n1 -->|1| n2

        """)
    }

    /// Uses between folders of one module: their count in the label, drawn dotted when no import
    /// makes the edge (issue 11).
    func testUseEdges() {
        var g = ComponentGraph.empty
        g.nodes = ["UI", "Domain", "Data"]
        g.edges = [.init(from: "Domain", to: "Data", weight: 1, uses: 3), .init(from: "UI", to: "Domain", weight: 0, uses: 1)]
        XCTAssertTrue(GraphReport.dot(g).contains("  \"Domain\" -> \"Data\" [label=\"1 import, 3 uses\"];\n  \"UI\" -> \"Domain\" [label=\"1 use\", style=dotted];\n"),
                      GraphReport.dot(g))
        XCTAssertTrue(GraphReport.mermaid(g).hasSuffix("  n1 -->|1 import, 3 uses| n2\n  n0 -.->|1 use| n1\n"), GraphReport.mermaid(g))
        XCTAssertTrue(GraphReport.json(g).contains("\"imports\": 0,\n      \"uses\": 1"), GraphReport.json(g))
    }

    func testJSON() {
        XCTAssertTrue(GraphReport.json(GraphReportTests.graph).contains("\"from\": \"App\",\n      \"to\": \"Domain\",\n      \"imports\": 2"))
    }
}

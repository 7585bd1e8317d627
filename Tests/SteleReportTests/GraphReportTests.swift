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

    func testJSON() {
        XCTAssertTrue(GraphReport.json(GraphReportTests.graph).contains("\"from\": \"App\",\n      \"to\": \"Domain\",\n      \"imports\": 2"))
    }
}

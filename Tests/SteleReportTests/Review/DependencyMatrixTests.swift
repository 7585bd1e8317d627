import XCTest
@testable import SteleReport

final class DependencyMatrixTests: XCTestCase {
    static func node(_ name: String, _ kind: Review.Node.Kind = .module) -> Review.Node {
        Review.Node(name: name, kind: kind, files: kind == .external ? 0 : 1, layer: nil, inCycle: false)
    }

    static func edge(_ from: Int, _ to: Int, imports: Int, uses: Int = 0, violations: [String] = [], cycle: Bool = false) -> Review.Edge {
        Review.Edge(from: from, to: to, imports: imports, uses: uses, violations: violations, inCycle: cycle)
    }

    /// Nodes in name order: Data, Domain, GRDB (external), UI, App.
    static let graph = Review.Graph(
        nodes: [node("Data"), node("Domain"), node("GRDB", .external), node("UI"), node("App")],
        edges: [edge(4, 3, imports: 2), edge(3, 1, imports: 3, uses: 4), edge(1, 0, imports: 1), edge(0, 2, imports: 5),
                edge(0, 1, imports: 1, violations: ["ADR-0002/R1"], cycle: true)],
        layers: [])

    func testOrderIsDependentsFirstExternalsLast() {
        let m = DependencyMatrix(DependencyMatrixTests.graph)
        // App → UI → (Domain ⇄ Data, one level) → GRDB.
        XCTAssertEqual(m.names, ["App", "UI", "Data", "Domain", "GRDB"])
    }

    func testCellsCountImportsAndUsesAndMarkViolations() {
        let m = DependencyMatrixTests.graph
        let matrix = DependencyMatrix(m)
        func cell(_ a: String, _ b: String) -> DependencyMatrix.Cell? {
            matrix.cell(row: matrix.names.firstIndex(of: a)!, column: matrix.names.firstIndex(of: b)!)
        }
        XCTAssertEqual(cell("UI", "Domain")?.count, 7)
        XCTAssertEqual(cell("App", "UI")?.count, 2)
        XCTAssertEqual(cell("Data", "GRDB")?.count, 5)
        XCTAssertEqual(cell("Data", "Domain"), DependencyMatrix.Cell(count: 1, violated: true, inCycle: true))
        XCTAssertNil(cell("Domain", "UI"))
        XCTAssertNil(cell("App", "App"))
        XCTAssertEqual(matrix.cells.values.reduce(0) { $0 + $1.count }, 5)
    }
}

import XCTest
@testable import SteleReport

/// The review's graph layout on known graphs: declared layers top to bottom in order, no two nodes
/// of a row overlapping, no more crossings than the input order has, and the same drawing every time.
final class LayeredLayoutTests: XCTestCase {
    /// Three on top, three below, wired so that the input order crosses every pair.
    static let crossed = LayeredLayout.Input(
        widths: [60, 60, 60, 60, 60, 60],
        edges: [(0, 5, 1), (1, 4, 1), (2, 3, 1)].map { (from: $0.0, to: $0.1, weight: $0.2) },
        layers: [0, 0, 0, 1, 1, 1])

    /// A graph with long edges, a cycle, free nodes and an external: 12 nodes, 20 edges.
    static let mixed: LayeredLayout.Input = {
        let pairs = [(0, 1), (0, 4), (0, 7), (1, 2), (1, 5), (2, 3), (2, 8), (3, 9), (4, 2), (4, 6), (5, 3), (5, 9),
                     (6, 1), (6, 11), (7, 3), (7, 10), (8, 9), (9, 8), (10, 11), (3, 1)]
        return LayeredLayout.Input(widths: (0..<12).map { 50 + ($0 % 4) * 20 },
                                   edges: pairs.map { (from: $0.0, to: $0.1, weight: 1 + ($0.0 + $0.1) % 3) },
                                   layers: [0, 1, 2, 3, nil, nil, nil, nil, nil, nil, nil, nil], bottom: [11])
    }()

    func testDeclaredLayersAreRowsTopToBottomInTheirOrder() {
        let layout = LayeredLayout(LayeredLayoutTests.mixed)
        XCTAssertLessThan(layout.ranks[0], layout.ranks[1])
        XCTAssertLessThan(layout.ranks[1], layout.ranks[2])
        XCTAssertLessThan(layout.ranks[2], layout.ranks[3])
        XCTAssertLessThan(layout.centers[0].y, layout.centers[1].y)
        // 3 → 1 goes against the declared layers: drawn upwards, all others down.
        let against = LayeredLayoutTests.mixed.edges.firstIndex { $0.from == 3 && $0.to == 1 }!
        XCTAssertTrue(layout.upward[against])
        XCTAssertGreaterThan(layout.routes[against].first!.y, layout.routes[against].last!.y)
        // The external is on the last row, alone with the other bottom nodes.
        XCTAssertEqual(layout.ranks[11], layout.ranks.max())
        XCTAssertEqual(layout.ranks.filter { $0 == layout.ranks[11] }.count, 1)
    }

    func testANodeInNoLayerNeverSharesALayersRow() {
        let layout = LayeredLayout(LayeredLayoutTests.mixed)
        let layeredRows = Set([0, 1, 2, 3].map { layout.ranks[$0] })
        for v in 4..<11 { XCTAssertFalse(layeredRows.contains(layout.ranks[v]), "node \(v) on a declared layer's row") }
    }

    func testEveryEdgeButTheUpwardOnesPointsDown() {
        let input = LayeredLayoutTests.mixed
        let layout = LayeredLayout(input)
        for (k, edge) in input.edges.enumerated() {
            if layout.upward[k] { XCTAssertGreaterThan(layout.ranks[edge.from], layout.ranks[edge.to]) }
            else { XCTAssertLessThan(layout.ranks[edge.from], layout.ranks[edge.to], "edge \(edge)") }
        }
        // Of the two-way dependency 8 ⇄ 9, exactly one is drawn upwards.
        let a = input.edges.firstIndex { $0.from == 8 && $0.to == 9 }!, b = input.edges.firstIndex { $0.from == 9 && $0.to == 8 }!
        XCTAssertNotEqual(layout.upward[a], layout.upward[b])
    }

    func testNoTwoNodesOfARowOverlap() {
        for input in [LayeredLayoutTests.crossed, LayeredLayoutTests.mixed] {
            let layout = LayeredLayout(input)
            let n = input.widths.count
            for a in 0..<n {
                for b in (a + 1)..<n where layout.ranks[a] == layout.ranks[b] {
                    let distance = abs(layout.centers[a].x - layout.centers[b].x)
                    XCTAssertGreaterThanOrEqual(distance, (input.widths[a] + input.widths[b]) / 2 + LayeredLayout.nodeGap - 1, "nodes \(a) and \(b)")
                }
            }
            for v in 0..<n {
                XCTAssertGreaterThanOrEqual(layout.centers[v].x - input.widths[v] / 2, 0)
                XCTAssertLessThanOrEqual(layout.centers[v].x + input.widths[v] / 2, layout.width)
            }
        }
    }

    func testCrossingsNeverIncreaseOnTheInputOrder() {
        let crossed = LayeredLayout(LayeredLayoutTests.crossed)
        XCTAssertEqual(crossed.initialCrossings, 3)
        XCTAssertEqual(crossed.crossings, 0)
        let mixed = LayeredLayout(LayeredLayoutTests.mixed)
        XCTAssertLessThanOrEqual(mixed.crossings, mixed.initialCrossings)
    }

    func testCrossingCount() {
        XCTAssertEqual(LayeredLayout.inversions([(0, 0), (1, 1), (2, 2)], width: 3), 0)
        XCTAssertEqual(LayeredLayout.inversions([(0, 2), (1, 1), (2, 0)], width: 3), 3)
        // Edges sharing an end do not cross.
        XCTAssertEqual(LayeredLayout.inversions([(0, 1), (0, 0), (1, 0)], width: 2), 1)
    }

    func testTheSameInputGivesTheSameDrawing() {
        let a = LayeredLayout(LayeredLayoutTests.mixed), b = LayeredLayout(LayeredLayoutTests.mixed)
        XCTAssertEqual(a.centers, b.centers)
        XCTAssertEqual(a.routes, b.routes)
        XCTAssertEqual(a.order, b.order)
        XCTAssertEqual([a.width, a.height], [b.width, b.height])
    }

    func testPlacementKeepsOrderAndSeparation() {
        let placed = LayeredLayout.place([10, 10, 10], separations: [20, 20])
        XCTAssertEqual(placed, [-10, 10, 30])
        XCTAssertEqual(LayeredLayout.place([0, 100], separations: [20]), [0, 100])
    }
}

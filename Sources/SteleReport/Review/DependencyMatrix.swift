/// The dependency structure matrix of a review graph: one row and one column per node, in the same
/// order; the cell in row A, column B counts A's dependencies on B (imports and uses). Nodes are
/// ordered dependents first: by level (longest path from the top over the graph with its cycles
/// contracted), externals last, then by name; so most marks fall on one side of the diagonal and a
/// mark on the other side is a dependency upwards.
public struct DependencyMatrix: Sendable {
    public struct Cell: Hashable, Sendable {
        public var count: Int
        public var violated: Bool
        public var inCycle: Bool
    }

    /// Node indices of the graph, in matrix order.
    public var order: [Int]
    public var names: [String]
    /// Non-empty cells by (row, column), both positions in `order`.
    public var cells: [Int: [Int: Cell]]

    public init(_ graph: Review.Graph) {
        let n = graph.nodes.count
        let component = ReviewGraphBuilder.stronglyConnected(count: n, edges: graph.edges.map { ($0.from, $0.to) })
        let componentCount = (component.max() ?? -1) + 1
        var successors: [Set<Int>] = Array(repeating: [], count: componentCount)
        var indegree = Array(repeating: 0, count: componentCount)
        for edge in graph.edges where component[edge.from] != component[edge.to] {
            if successors[component[edge.from]].insert(component[edge.to]).inserted { indegree[component[edge.to]] += 1 }
        }
        var level = Array(repeating: 0, count: componentCount)
        var ready = (0..<componentCount).filter { indegree[$0] == 0 }
        while let c = ready.popLast() {
            for d in successors[c].sorted() {
                level[d] = max(level[d], level[c] + 1)
                indegree[d] -= 1
                if indegree[d] == 0 { ready.append(d) }
            }
        }
        order = (0..<n).sorted { a, b in
            let ka = (graph.nodes[a].kind == .external ? 1 : 0, level[component[a]], graph.nodes[a].name)
            let kb = (graph.nodes[b].kind == .external ? 1 : 0, level[component[b]], graph.nodes[b].name)
            return ka < kb
        }
        names = order.map { graph.nodes[$0].name }
        var position = Array(repeating: 0, count: n)
        for (p, k) in order.enumerated() { position[k] = p }
        var cells: [Int: [Int: Cell]] = [:]
        for edge in graph.edges {
            cells[position[edge.from], default: [:]][position[edge.to]] =
                Cell(count: edge.count, violated: !edge.violations.isEmpty, inCycle: edge.inCycle)
        }
        self.cells = cells
    }

    public func cell(row: Int, column: Int) -> Cell? { cells[row]?[column] }
}

import SteleScan

/// The project's module dependency graph: an edge `a → b` when some file of module `a` imports `b`.
/// Nodes are module names; externals appear only as edge targets.
public struct ModuleGraph: Sendable {
    /// Sorted targets of each module's imports.
    public var edges: [String: [String]]

    public init(scan: ScanResult) {
        self.init(table: ImportTable(files: scan.files))
    }

    init(table: ImportTable) {
        edges = table.targets.mapValues { $0.sorted() }.filter { !$0.value.isEmpty }
    }

    /// The shortest path from `start` to any module in `targets` (both ends included), or nil.
    /// Breadth-first with sorted neighbours, so the path chosen is deterministic.
    public func shortestPath(from start: String, to targets: Set<String>, avoiding: Set<String> = []) -> [String]? {
        if targets.contains(start) { return [start] }
        var previous: [String: String] = [start: start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in edges[node] ?? [] where previous[next] == nil && !avoiding.contains(next) {
                previous[next] = node
                if targets.contains(next) {
                    var path = [next]
                    var cursor = next
                    while cursor != start { cursor = previous[cursor]!; path.append(cursor) }
                    return path.reversed()
                }
                queue.append(next)
            }
        }
        return nil
    }
}

/// Cycles in a directed graph: Tarjan's strongly connected components, each reported as one
/// concrete cycle through its smallest node, so that the same graph always yields the same text.
public enum CycleFinder {
    public static func cycles(nodes: [String], edges: [String: [String]]) -> [[String]] {
        components(nodes: nodes, edges: edges).map { cycle(in: $0, edges: edges) }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The strongly connected components that hold a cycle (two nodes or more, or a node with an
    /// edge to itself), each sorted.
    public static func components(nodes: [String], edges: [String: [String]]) -> [[String]] {
        let nodeSet = Set(nodes)
        var index = 0
        var indices: [String: Int] = [:]
        var lowlink: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var components: [[String]] = []

        func connect(_ v: String) {
            indices[v] = index; lowlink[v] = index; index += 1
            stack.append(v); onStack.insert(v)
            for w in edges[v] ?? [] where nodeSet.contains(w) {
                if indices[w] == nil {
                    connect(w)
                    lowlink[v] = min(lowlink[v]!, lowlink[w]!)
                } else if onStack.contains(w) {
                    lowlink[v] = min(lowlink[v]!, indices[w]!)
                }
            }
            if lowlink[v] == indices[v] {
                var component: [String] = []
                while let w = stack.popLast() {
                    onStack.remove(w)
                    component.append(w)
                    if w == v { break }
                }
                let selfLoop = (edges[v] ?? []).contains(v)
                if component.count > 1 || selfLoop { components.append(component.sorted()) }
            }
        }
        for v in nodes.sorted() where indices[v] == nil { connect(v) }
        return components
    }

    /// One concrete cycle of a component: the shortest through its smallest node.
    public static func cycle(in component: [String], edges: [String: [String]]) -> [String] {
        shortestCycle(through: component[0], within: Set(component), edges: edges) ?? component + [component[0]]
    }

    /// The shortest cycle that leaves `start` and comes back to it inside `members`, as a path that
    /// begins and ends with `start`; breadth-first with sorted neighbours, so it is deterministic.
    static func shortestCycle(through start: String, within members: Set<String>, edges: [String: [String]]) -> [String]? {
        var previous: [String: String] = [start: start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]; head += 1
            for next in (edges[node] ?? []) where members.contains(next) {
                if next == start {
                    var path = [start]
                    var cursor = node
                    while cursor != start { path.append(cursor); cursor = previous[cursor]! }
                    return [start] + Array(path.dropFirst().reversed()) + [start]
                }
                if previous[next] == nil { previous[next] = node; queue.append(next) }
            }
        }
        return nil
    }

    /// The shortest cycle that takes the edge `from → to` inside `members`: `from`, `to`, the
    /// shortest way back, `from`. Nil when there is no way back.
    public static func cycle(through from: String, _ to: String, within members: Set<String>, edges: [String: [String]]) -> [String]? {
        if from == to { return [from, from] }
        var previous: [String: String] = [to: to]
        var queue = [to]
        var head = 0
        while head < queue.count {
            let node = queue[head]; head += 1
            for next in (edges[node] ?? []) where members.contains(next) && previous[next] == nil {
                previous[next] = node
                if next == from {
                    var back = [from]
                    var cursor = from
                    while cursor != to { cursor = previous[cursor]!; back.append(cursor) }
                    return [from] + back.reversed()
                }
                queue.append(next)
            }
        }
        return nil
    }
}

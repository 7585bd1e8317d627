/// A layered (Sugiyama) drawing of a directed graph, computed by Stele itself so that the review
/// report needs no Graphviz and no script: dependents above what they depend on.
///
/// 1. Orientation: edges between declared layers point down the declared order (an edge against
///    it is drawn upwards); the other edges are added heaviest first, each reversed only if keeping
///    it would close a cycle.
/// 2. Ranks: declared layers top to bottom in their order, longest path from the top for the rest;
///    the `bottom` nodes (externals) on a row of their own under everything.
/// 3. Edges spanning several ranks pass through dummy points, one per rank crossed.
/// 4. Order within ranks: barycenter sweeps down and up; the order with the fewest crossings is kept,
///    so the result never has more crossings than the initial order.
/// 5. Coordinates: each rank is placed as close as possible to its neighbours' average, nodes never
///    overlapping (an isotonic regression per rank, a few passes alternating down and up).
///
/// Pure and deterministic: ties are broken by input order, never by a hash.
public struct LayeredLayout: Sendable {
    public struct Input: Sendable {
        /// Each node's width in pixels.
        public var widths: [Int]
        /// Directed edges between node indices, dependent → dependency, with a weight (import count).
        public var edges: [(from: Int, to: Int, weight: Int)]
        /// The declared layer of a node (0 is the top layer), nil for a node in no declared layer.
        public var layers: [Int?]
        /// Nodes drawn on a last row of their own (externals).
        public var bottom: Set<Int>

        public init(widths: [Int], edges: [(from: Int, to: Int, weight: Int)], layers: [Int?]? = nil, bottom: Set<Int> = []) {
            self.widths = widths
            self.edges = edges
            self.layers = layers ?? Array(repeating: nil, count: widths.count)
            self.bottom = bottom
        }
    }

    public struct Point: Hashable, Sendable {
        public var x: Int
        public var y: Int
    }

    /// Each node's rank (0 is the top row).
    public var ranks: [Int]
    /// Each rank's nodes, left to right; indices past the input's nodes are dummy points.
    public var order: [[Int]]
    /// Each node's centre.
    public var centers: [Point]
    public var nodeHeight: Int
    /// For each input edge (in input order), its points from the source's border to the target's;
    /// empty for a self-loop.
    public var routes: [[Point]]
    /// For each input edge, whether it is drawn upwards (against the declared layers, or to break a cycle).
    public var upward: [Bool]
    public var width: Int
    public var height: Int
    /// Edge crossings of the initial order (input order within each rank) and of the order kept.
    public var initialCrossings: Int
    public var crossings: Int

    public static let rankGap = 90
    public static let nodeGap = 28
    public static let dummyWidth = 8
    public static let margin = 24

    public init(_ input: Input, nodeHeight: Int = 30, sweeps: Int = 8) {
        let n = input.widths.count
        self.nodeHeight = nodeHeight

        // 1. Orientation.
        var down: [[Int]] = Array(repeating: [], count: n)
        var upward = Array(repeating: false, count: input.edges.count)
        var kept: [(top: Int, bottom: Int, edge: Int)] = []
        var free: [Int] = []
        for (k, edge) in input.edges.enumerated() where edge.from != edge.to {
            let (a, b) = (edge.from, edge.to)
            if input.bottom.contains(a) != input.bottom.contains(b) {
                // Externals are at the bottom: an edge to one points down, from one points up.
                if input.bottom.contains(a) { upward[k] = true; kept.append((b, a, k)) } else { kept.append((a, b, k)) }
            } else if let la = input.layers[a], let lb = input.layers[b], la != lb {
                if la < lb { kept.append((a, b, k)); down[a].append(b) } else { upward[k] = true; kept.append((b, a, k)); down[b].append(a) }
            } else {
                free.append(k)
            }
        }
        // Declared layers are kept apart by barrier constraints in the ranking, which no edge may
        // contradict: a free edge from a lower layer's node to a higher one's would make a cycle.
        let layerCount = (input.layers.compactMap { $0 }.max() ?? -1) + 1
        let barrierBase = n
        var constraint: [[Int]] = Array(repeating: [], count: n + max(0, layerCount - 1))
        if layerCount > 1 {
            for v in 0..<n {
                guard let l = input.layers[v] else { continue }
                if l < layerCount - 1 { constraint[v].append(barrierBase + l) }
                if l > 0 { constraint[barrierBase + l - 1].append(v) }
            }
        }
        func reachesWithBarriers(_ from: Int, _ to: Int) -> Bool {
            var seen = Set([from])
            var stack = [from]
            while let v = stack.popLast() {
                if v == to { return true }
                let next = (v < n ? down[v] : []) + constraint[v]
                for w in next where seen.insert(w).inserted { stack.append(w) }
            }
            return false
        }
        free.sort { input.edges[$0].weight != input.edges[$1].weight ? input.edges[$0].weight > input.edges[$1].weight : $0 < $1 }
        for k in free {
            let (a, b) = (input.edges[k].from, input.edges[k].to)
            if input.bottom.contains(a) || !reachesWithBarriers(b, a) {
                kept.append((a, b, k)); down[a].append(b)
            } else {
                upward[k] = true; kept.append((b, a, k)); down[b].append(a)
            }
        }

        // 2. Ranks: longest path from the top over edges (length 1) and barriers (into a barrier 1,
        // out of it 0), in a topological order that takes nodes in input order.
        let total = n + max(0, layerCount - 1)
        var successors: [[(Int, Int)]] = Array(repeating: [], count: total)
        var indegree = Array(repeating: 0, count: total)
        for v in 0..<n where !input.bottom.contains(v) {
            for w in down[v] where !input.bottom.contains(w) { successors[v].append((w, 1)); indegree[w] += 1 }
        }
        for v in 0..<total {
            for w in constraint[v] { successors[v].append((w, v >= barrierBase ? 0 : 1)); indegree[w] += 1 }
        }
        var rank = Array(repeating: 0, count: total)
        var ready = (0..<total).filter { indegree[$0] == 0 }.reversed() as [Int]
        while let v = ready.popLast() {
            for (w, length) in successors[v] {
                rank[w] = max(rank[w], rank[v] + length)
                indegree[w] -= 1
                if indegree[w] == 0 {
                    // Keep `ready` sorted descending so that the smallest index comes out first.
                    let at = ready.firstIndex { $0 < w } ?? ready.count
                    ready.insert(w, at: at)
                }
            }
        }
        var ranks = Array(rank[0..<n])
        let inner = (0..<n).filter { !input.bottom.contains($0) }
        // A row is a declared layer's alone: nodes in no layer that landed on it move to a row of
        // their own just above (no edge joins nodes of one row, so every edge still points down).
        if layerCount > 0 {
            let layeredRows = Set(inner.filter { input.layers[$0] != nil }.map { ranks[$0] })
            for v in inner { ranks[v] = 2 * ranks[v] - (input.layers[v] == nil && layeredRows.contains(ranks[v]) ? 1 : 0) }
        }
        // Empty ranks (left by barriers) are closed up; the order of ranks is kept.
        let used = Set(inner.map { ranks[$0] }).sorted()
        let compact = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) })
        for v in inner { ranks[v] = compact[ranks[v]]! }
        let lastInner = used.count - 1
        for v in input.bottom { ranks[v] = lastInner + 1 }
        self.ranks = ranks
        let rankCount = (ranks.max() ?? -1) + 1

        // 3. Dummy points.
        var widths = input.widths
        var chains: [[Int]] = Array(repeating: [], count: input.edges.count)
        var allRanks = ranks
        for (top, bottom, k) in kept {
            var chain = [top]
            if ranks[bottom] - ranks[top] > 1 {
                for r in (ranks[top] + 1)..<ranks[bottom] {
                    chain.append(widths.count)
                    widths.append(LayeredLayout.dummyWidth)
                    allRanks.append(r)
                }
            }
            chain.append(bottom)
            chains[k] = chain
        }
        let count = widths.count
        var above: [[Int]] = Array(repeating: [], count: count)
        var below: [[Int]] = Array(repeating: [], count: count)
        for chain in chains where chain.count > 1 {
            for (u, v) in zip(chain, chain.dropFirst()) { below[u].append(v); above[v].append(u) }
        }

        // 4. Order within ranks.
        var order: [[Int]] = Array(repeating: [], count: rankCount)
        for v in 0..<count { order[allRanks[v]].append(v) }
        func crossingsOf(_ order: [[Int]]) -> Int {
            var total = 0
            var position = Array(repeating: 0, count: count)
            for row in order { for (i, v) in row.enumerated() { position[v] = i } }
            for r in 0..<max(0, order.count - 1) {
                var pairs: [(Int, Int)] = []
                for u in order[r] { for v in below[u] where allRanks[v] == r + 1 { pairs.append((position[u], position[v])) } }
                total += LayeredLayout.inversions(pairs, width: order[r + 1].count)
            }
            return total
        }
        let initialCrossings = crossingsOf(order)
        var best = order
        var bestCrossings = initialCrossings
        if bestCrossings > 0 {
            var position = Array(repeating: 0, count: count)
            for row in order { for (i, v) in row.enumerated() { position[v] = i } }
            for sweep in 0..<sweeps {
                let downward = sweep % 2 == 0
                let rows = downward ? Array(1..<max(1, rankCount)) : Array((0..<max(0, rankCount - 1)).reversed())
                for r in rows {
                    let keyed = order[r].map { v -> (Int, Double) in
                        let neighbours = downward ? above[v] : below[v]
                        guard !neighbours.isEmpty else { return (v, Double(position[v])) }
                        return (v, Double(neighbours.reduce(0) { $0 + position[$1] }) / Double(neighbours.count))
                    }
                    order[r] = keyed.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : position[$0.0] < position[$1.0] }.map(\.0)
                    for (i, v) in order[r].enumerated() { position[v] = i }
                }
                let c = crossingsOf(order)
                if c < bestCrossings { best = order; bestCrossings = c }
                if c == 0 { break }
            }
        }
        order = best
        self.order = order
        self.initialCrossings = initialCrossings
        crossings = bestCrossings

        // 5. Coordinates.
        var x = Array(repeating: 0.0, count: count)
        func gap(_ a: Int, _ b: Int) -> Double {
            let g = a >= n || b >= n ? LayeredLayout.nodeGap / 2 : LayeredLayout.nodeGap
            return Double(widths[a] + widths[b]) / 2 + Double(g)
        }
        for row in order {
            var at = 0.0
            for (i, v) in row.enumerated() {
                if i > 0 { at += gap(row[i - 1], v) }
                x[v] = at
            }
        }
        for pass in 0..<8 {
            let downward = pass % 2 == 0
            let rows = downward ? Array(0..<rankCount) : Array((0..<rankCount).reversed())
            for r in rows {
                let row = order[r]
                guard !row.isEmpty else { continue }
                let desired = row.map { v -> Double in
                    let neighbours = (downward ? above[v] : below[v]) + (pass >= 4 ? (downward ? below[v] : above[v]) : [])
                    guard !neighbours.isEmpty else { return x[v] }
                    return neighbours.reduce(0.0) { $0 + x[$1] } / Double(neighbours.count)
                }
                let separations = zip(row, row.dropFirst()).map { gap($0, $1) }
                let placed = LayeredLayout.place(desired, separations: separations)
                for (v, p) in zip(row, placed) { x[v] = p }
            }
        }
        let left = (0..<count).map { x[$0] - Double(widths[$0]) / 2 }.min() ?? 0
        let right = (0..<count).map { x[$0] + Double(widths[$0]) / 2 }.max() ?? 0
        let shift = Double(LayeredLayout.margin) - left
        var centers: [Point] = []
        for v in 0..<count {
            centers.append(Point(x: Int((x[v] + shift).rounded()),
                                 y: LayeredLayout.margin + nodeHeight / 2 + allRanks[v] * LayeredLayout.rankGap))
        }
        self.centers = Array(centers[0..<n])
        width = Int((right - left).rounded()) + 2 * LayeredLayout.margin
        height = 2 * LayeredLayout.margin + nodeHeight + max(0, rankCount - 1) * LayeredLayout.rankGap

        var routes: [[Point]] = Array(repeating: [], count: input.edges.count)
        for k in input.edges.indices where chains[k].count > 1 {
            var points = chains[k].map { centers[$0] }
            points[0].y += nodeHeight / 2
            points[points.count - 1].y -= nodeHeight / 2
            routes[k] = upward[k] ? points.reversed() : points
        }
        self.routes = routes
        self.upward = upward
    }

    /// Crossings between two adjacent ranks: inversions among edges sorted by their upper end,
    /// counted with a Fenwick tree over the lower ends.
    static func inversions(_ pairs: [(Int, Int)], width: Int) -> Int {
        let sorted = pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var tree = Array(repeating: 0, count: width + 1)
        var seen = 0
        var total = 0
        for (_, lower) in sorted {
            // Edges seen so far whose lower end is strictly right of this one cross it.
            var i = lower + 1
            var atMost = 0
            while i > 0 { atMost += tree[i]; i -= i & -i }
            total += seen - atMost
            i = lower + 1
            while i <= width { tree[i] += 1; i += i & -i }
            seen += 1
        }
        return total
    }

    /// Positions as close as possible (least squares) to `desired`, in the same order, with at least
    /// `separations[i]` between the i-th and the next: pool-adjacent-violators on the positions
    /// less their cumulative separation.
    static func place(_ desired: [Double], separations: [Double]) -> [Double] {
        var offset = [0.0]
        for s in separations { offset.append(offset.last! + s) }
        let targets = zip(desired, offset).map { $0 - $1 }
        var blocks: [(sum: Double, count: Int)] = []
        for t in targets {
            blocks.append((t, 1))
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1], previous = blocks[blocks.count - 2]
                guard previous.sum / Double(previous.count) > last.sum / Double(last.count) else { break }
                blocks.removeLast(2)
                blocks.append((previous.sum + last.sum, previous.count + last.count))
            }
        }
        var result: [Double] = []
        for block in blocks {
            let mean = block.sum / Double(block.count)
            for _ in 0..<block.count { result.append(mean + offset[result.count]) }
        }
        return result
    }
}

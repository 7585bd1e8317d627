import SteleCheck
import SteleGraph
import SteleRules

/// The review's component graph, from `stele graph`'s `ComponentGraph`: the same nodes and edges,
/// with each edge's violations (the findings whose dependency it is), cycles, and declared layers.
/// Platform modules (Swift, Foundation, Glibc, XCTest, …) are left out unless a finding lands there.
enum ReviewGraphBuilder {
    static func graph(_ input: Review.Input) -> Review.Graph {
        let cg = input.graph
        let files = input.architecture.scan.files
        var index: [String: Int] = [:]
        for (k, node) in cg.nodes.enumerated() { index[node.name] = k }
        var nodesOfFile: [Int: [Int]] = [:]
        var nodesOfModule: [String: [Int]] = [:]
        for (k, node) in cg.nodes.enumerated() {
            guard let members = cg.members[node.name] else { continue }
            for i in members.files { nodesOfFile[i, default: []].append(k) }
            for m in members.modules.sorted() { nodesOfModule[m, default: []].append(k) }
        }
        var fileIndex: [String: Int] = [:]
        for (i, file) in files.enumerated() { fileIndex[file.path] = i }
        var edgeIndex: [Int: Int] = [:]
        let n = cg.nodes.count
        for (k, edge) in cg.edges.enumerated() { edgeIndex[index[edge.from]! * n + index[edge.to]!] = k }

        // Each finding's dependency: from the nodes holding its file to those holding what it
        // imports (the import at its place) or uses (the file declaring the name).
        var violations: [Int: Set<String>] = [:]
        for finding in input.result.findings {
            guard let i = fileIndex[finding.location.file] else { continue }
            var targets: [Int] = []
            if let declaring = finding.declaringFile {
                targets = fileIndex[declaring].flatMap { nodesOfFile[$0] } ?? []
            } else if let imported = files[i].imports.first(where: { $0.line == finding.location.line && $0.column == finding.location.column }) {
                targets = nodesOfModule[imported.module] ?? []
            }
            for s in nodesOfFile[i] ?? [] {
                for t in targets where t != s {
                    if let e = edgeIndex[s * n + t] { violations[e, default: []].insert(finding.rule.id) }
                }
            }
        }

        // Shown: every project node, and externals that are not platform modules or that a finding reaches.
        var shown: [Int] = []
        for (k, node) in cg.nodes.enumerated() {
            let violated = cg.edges.indices.contains { violations[$0] != nil && index[cg.edges[$0].to] == k }
            if !node.isExternal || !PlatformModules.exempt.contains(node.name) || violated { shown.append(k) }
        }
        var position: [Int: Int] = [:]
        for (p, k) in shown.enumerated() { position[k] = p }
        let layers = declaredLayers(input)
        var nodes = shown.map { k -> Review.Node in
            let node = cg.nodes[k]
            return Review.Node(name: node.name, kind: node.isExternal ? .external : (node.kind == .module ? .module : .component),
                               files: node.files, layer: layer(of: node, members: cg.members[node.name], layers: layers.sets), inCycle: false)
        }
        var edges: [Review.Edge] = []
        for (k, edge) in cg.edges.enumerated() {
            guard let from = position[index[edge.from]!], let to = position[index[edge.to]!] else { continue }
            edges.append(Review.Edge(from: from, to: to, imports: edge.imports, uses: edge.uses,
                                     violations: (violations[k] ?? []).sorted(), inCycle: false))
        }
        markCycles(&nodes, &edges)
        return Review.Graph(nodes: nodes, edges: edges, layers: layers.names)
    }

    /// The longest `layers` rule that is in force (or waived), with each layer's set.
    static func declaredLayers(_ input: Review.Input) -> (names: [String], sets: [ComponentSet]) {
        var best: [Selector] = []
        for rule in input.result.rules {
            guard case .layers(let layers, _) = rule.rule.kind, layers.count > best.count else { continue }
            switch rule.state {
            case .enforced, .waived: best = layers
            default: continue
            }
        }
        let sets = best.map { selector -> ComponentSet in
            if case .resolved(let set) = input.architecture.resolve(selector) { return set }
            return ComponentSet(name: selector.description, files: [], modules: [])
        }
        return (best.map(\.description), sets)
    }

    /// The first layer that is the node: by name, by module, or holding all its files.
    static func layer(of node: ComponentGraph.Node, members: ComponentSet?, layers: [ComponentSet]) -> Int? {
        for (k, set) in layers.enumerated() {
            if set.name == node.name || set.modules.contains(node.name) { return k }
            if let members, !members.files.isEmpty, !set.files.isEmpty {
                let holder = Set(set.files)
                if members.files.allSatisfy(holder.contains) { return k }
            }
        }
        return nil
    }

    /// Tarjan's strongly connected components: nodes and edges inside one of more than one node are in a cycle.
    static func markCycles(_ nodes: inout [Review.Node], _ edges: inout [Review.Edge]) {
        let component = stronglyConnected(count: nodes.count, edges: edges.map { ($0.from, $0.to) })
        var sizes: [Int: Int] = [:]
        for c in component { sizes[c, default: 0] += 1 }
        for k in nodes.indices where sizes[component[k]]! > 1 { nodes[k].inCycle = true }
        for k in edges.indices where component[edges[k].from] == component[edges[k].to] && edges[k].from != edges[k].to {
            edges[k].inCycle = true
        }
    }

    static func stronglyConnected(count: Int, edges: [(Int, Int)]) -> [Int] {
        var adjacency: [[Int]] = Array(repeating: [], count: count)
        for (a, b) in edges { adjacency[a].append(b) }
        var indexOf = Array(repeating: -1, count: count)
        var low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var component = Array(repeating: -1, count: count)
        var next = 0
        var components = 0
        for root in 0..<count where indexOf[root] < 0 {
            // Iterative: (node, next successor to visit).
            var work: [(Int, Int)] = [(root, 0)]
            indexOf[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let (v, i) = work.last {
                if i < adjacency[v].count {
                    work[work.count - 1].1 += 1
                    let w = adjacency[v][i]
                    if indexOf[w] < 0 {
                        indexOf[w] = next; low[w] = next; next += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], indexOf[w])
                    }
                } else {
                    work.removeLast()
                    if let (parent, _) = work.last { low[parent] = min(low[parent], low[v]) }
                    if low[v] == indexOf[v] {
                        while let w = stack.popLast() {
                            onStack[w] = false
                            component[w] = components
                            if w == v { break }
                        }
                        components += 1
                    }
                }
            }
        }
        return component
    }

    /// The graph with its nodes grouped by the top folder of their files (externals together):
    /// what is drawn when there are too many nodes to draw one by one. Nodes in a declared layer
    /// and nodes an edge that breaks a rule touches stay themselves: what the decisions are about.
    static func grouped(_ graph: Review.Graph, _ input: Review.Input) -> Review.Graph {
        let files = input.architecture.scan.files
        var kept = Set(graph.nodes.indices.filter { graph.nodes[$0].layer != nil })
        for edge in graph.edges where !edge.violations.isEmpty { kept.insert(edge.from); kept.insert(edge.to) }
        var keyOf: [String] = []
        for (k, node) in graph.nodes.enumerated() {
            if kept.contains(k) {
                keyOf.append("\u{0}" + node.name)
                continue
            }
            guard node.kind != .external, let members = input.graph.members[node.name], !members.files.isEmpty else {
                keyOf.append("external modules")
                continue
            }
            var counts: [String: Int] = [:]
            for i in members.files {
                let path = files[i].path.utf8
                let top = path.firstIndex(of: UInt8(ascii: "/")).map { String(Substring(path[...$0])) } ?? "(root files)"
                counts[top, default: 0] += 1
            }
            keyOf.append(counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }[0].key)
        }
        // Externals last; otherwise by name.
        let external = "external modules"
        let keys = Array(Set(keyOf)).sorted { (a: String, b: String) -> Bool in
            let ka = (a == external ? 1 : 0, a), kb = (b == external ? 1 : 0, b)
            return ka < kb
        }
        var groupIndex: [String: Int] = [:]
        for (k, key) in keys.enumerated() { groupIndex[key] = k }
        var nodes = keys.map { Review.Node(name: $0, kind: $0 == "external modules" ? .external : .group, files: 0, layer: nil, inCycle: false) }
        var layersOf: [[Int?]] = Array(repeating: [], count: keys.count)
        for (k, node) in graph.nodes.enumerated() {
            let g = groupIndex[keyOf[k]]!
            if kept.contains(k) { nodes[g] = node; continue }
            nodes[g].files += node.files
            nodes[g].members.append(node.name)
            layersOf[g].append(node.layer)
        }
        for g in nodes.indices where nodes[g].kind == .group || nodes[g].name == "external modules" {
            nodes[g].members.sort()
            // A group sits in a declared layer only if all its nodes do.
            if let first = layersOf[g].first, let layer = first, layersOf[g].allSatisfy({ $0 == layer }) { nodes[g].layer = layer }
        }
        var merged: [Int: Review.Edge] = [:]
        for edge in graph.edges {
            let (a, b) = (groupIndex[keyOf[edge.from]]!, groupIndex[keyOf[edge.to]]!)
            guard a != b else { continue }
            let key = a * keys.count + b
            var e = merged[key] ?? Review.Edge(from: a, to: b, imports: 0, uses: 0, violations: [], inCycle: false)
            e.imports += edge.imports
            e.uses += edge.uses
            e.violations = Array(Set(e.violations).union(edge.violations)).sorted()
            // A group holds nodes from above and below others: a cycle among groups may be none
            // among nodes. Only an edge made of edges in a real cycle is marked.
            e.inCycle = e.inCycle || edge.inCycle
            merged[key] = e
        }
        let edges = merged.keys.sorted().map { merged[$0]! }
        return Review.Graph(nodes: nodes, edges: edges, layers: graph.layers)
    }

    /// Per project node: files, couplings (platform modules not counted), instability, what it depends on.
    static func components(_ graph: Review.Graph, _ input: Review.Input) -> [Review.Component] {
        var fanIn = Array(repeating: Set<Int>(), count: graph.nodes.count)
        var out: [[Review.Edge]] = Array(repeating: [], count: graph.nodes.count)
        for edge in graph.edges {
            fanIn[edge.to].insert(edge.from)
            out[edge.from].append(edge)
        }
        // The platform modules each node imports, from the full component graph.
        var platform: [String: [String]] = [:]
        let shownNames = Set(graph.nodes.map(\.name))
        for edge in input.graph.edges where !shownNames.contains(edge.to) && PlatformModules.exempt.contains(edge.to) {
            platform[edge.from, default: []].append(edge.to)
        }
        return graph.nodes.enumerated().compactMap { k, node in
            guard node.kind != .external else { return nil }
            let ca = fanIn[k].count
            let ce = Set(out[k].map(\.to)).count
            let dependsOn = out[k].map { (name: graph.nodes[$0.to].name, count: $0.count, violated: !$0.violations.isEmpty) }
                .sorted { $0.name < $1.name }
            let lines = input.lines.map { counts in (input.graph.members[node.name]?.files ?? []).reduce(0) { $0 + counts[$1] } }
            return Review.Component(name: node.name, kind: node.kind, files: node.files, lines: lines, fanIn: ca, fanOut: ce,
                                    instability: ca + ce == 0 ? nil : Double(ce) / Double(ca + ce), dependsOn: dependsOn,
                                    platform: (platform[node.name] ?? []).sorted())
        }
    }
}

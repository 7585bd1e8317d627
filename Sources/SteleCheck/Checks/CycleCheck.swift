import SteleCore
import SteleGraph
import SteleRules

/// `no cycles in A` / `A must be acyclic` / `no cycles`: no dependency cycle among A's modules, or
/// among the members of a parametrized component. One finding per cycle, at the import that closes
/// it from the cycle's first node.
struct CycleCheck: RuleCheck {
    var subject: Selector?

    func vacuousSelector(in context: CheckContext) -> String? { subject.flatMap(context.emptiness(of:)) }

    /// With a node that is part of a module, the symbol uses of every node's files.
    func symbolSources(in context: CheckContext) -> [Int] {
        let nodes = nodes(in: context)
        guard context.readsSymbols(towards: Array(nodes.values)) else { return [] }
        return nodes.values.flatMap { context.symbolSources(of: $0) }
    }

    /// The nodes of the graph, by name: A's modules, or the members of a family.
    func nodes(in context: CheckContext) -> [String: ComponentSet] {
        let architecture = context.architecture
        var nodes: [String: ComponentSet] = [:]
        if case .family(let family)? = subject, let members = architecture.families[family] {
            for member in members.values { nodes[member.name] = member }
        } else {
            let scope = subject.map(context.set)
            let modules = scope.map { set in Set(set.files.compactMap { architecture.scan.files[$0].module }) } ?? architecture.internalModules
            for module in modules {
                nodes[module] = ComponentSet(name: module, files: architecture.moduleFiles[module] ?? [], modules: [module])
            }
        }
        return nodes
    }

    func findings(in context: CheckContext) -> [Finding] {
        let nodes = nodes(in: context)
        // Which nodes an import of each module lands in, computed once.
        let anyPartial = context.readsSymbols(towards: Array(nodes.values))
        let ordered = nodes.sorted(by: { $0.key < $1.key })
        var nodesByModule: [String: [String]] = [:]
        for (name, node) in ordered {
            for module in node.modules { nodesByModule[module, default: []].append(name) }
        }
        // Edges, with the first import (in file order) that makes each one, and in changed-files
        // mode the changed files' dependencies that make one.
        var edges: [String: Set<String>] = [:]
        let witness: (String, String) -> CheckContext.Dependency?
        var changedEdges: [(from: String, to: String, dependency: CheckContext.Dependency)] = []
        if !anyPartial && context.changed.files.isEmpty {
            // Imports only, a whole run: the edges come from the imports as they are, and only an
            // import that witnesses a cycle becomes a `Dependency` (one per import cost a tenth of
            // an import-level check).
            let first: [String: [String: (file: Int, index: Int)]]
            (edges, first) = CycleCheck.importEdges(nodes: ordered, nodesByModule: nodesByModule, context: context)
            let files = context.architecture.scan.files
            witness = { from, to in
                first[from]?[to].map { CheckContext.Dependency(importOf: files[$0.file].imports[$0.index], in: files[$0.file], at: $0.file) }
            }
        } else {
            var firstDependency: [String: [String: CheckContext.Dependency]] = [:]
            // Which nodes hold each file, for symbol uses (a whole run of imports needs none).
            var nodesByFile: [Int: [String]] = [:]
            for (name, node) in ordered {
                for file in node.files { nodesByFile[file, default: []].append(name) }
            }
            for (name, node) in ordered {
                for dependency in context.dependencies(of: node, symbols: anyPartial) {
                    let others: [String]
                    switch dependency.target {
                    case .module(let module): others = nodesByModule[module] ?? []
                    case .symbol(_, let file, _, _, _): others = (nodesByFile[file] ?? []).filter { context.lands(dependency, in: nodes[$0]!) }
                    }
                    for other in others where other != name {
                        edges[name, default: []].insert(other)
                        if firstDependency[name]?[other] == nil { firstDependency[name, default: [:]][other] = dependency }
                        if context.changed.files.contains(dependency.file) { changedEdges.append((name, other, dependency)) }
                    }
                }
            }
            witness = { from, to in firstDependency[from]?[to] }
        }
        let sortedEdges = edges.mapValues { $0.sorted() }
        // In file order: a change is reported at its first edge that lies on a cycle.
        changedEdges.sort { ($0.dependency.path, $0.dependency.line, $0.dependency.column) < ($1.dependency.path, $1.dependency.line, $1.dependency.column) }
        return CycleFinder.components(nodes: Array(nodes.keys), edges: sortedEdges).compactMap { component in
            let cycle = CycleFinder.cycle(in: component, edges: sortedEdges)
            guard cycle.count >= 2, let dependency = witness(cycle[0], cycle[1]) else { return nil }
            var finding = context.finding(dependency, message: message(cycle), from: cycle[0], to: cycle[1])
            // The change's edge inside this cycle's component closes a cycle through it: reported
            // there, naming that cycle, with the full run's fingerprint.
            let members = Set(component)
            for edge in changedEdges where members.contains(edge.from) && members.contains(edge.to) {
                guard let through = CycleFinder.cycle(through: edge.from, edge.to, within: members, edges: sortedEdges) else { continue }
                finding.changeSite = context.changeSite(edge.dependency, message: message(through))
                break
            }
            return finding
        }
    }

    /// The edges that imports make between `nodes` (in name order; the files and modules the rule
    /// excepts left out), and for each edge the first import that makes it, in file order: the
    /// file's index and the import's.
    static func importEdges(nodes: [(key: String, value: ComponentSet)], nodesByModule: [String: [String]], context: CheckContext)
        -> (edges: [String: Set<String>], first: [String: [String: (file: Int, index: Int)]]) {
        let files = context.architecture.scan.files
        var edges: [String: Set<String>] = [:]
        var first: [String: [String: (file: Int, index: Int)]] = [:]
        for (name, node) in nodes {
            // The node's imported modules, each with its first import, in the order first met: a
            // module imported by many files is looked up once (this loop runs for every import).
            var firstImport: [String: (file: Int, index: Int)] = [:]
            var imported: [String] = []
            // By index: a `SourceFile` or `Import` copied per file and import retained and released
            // every string and array in it.
            for i in node.files where !context.exceptFiles.contains(i) {
                let own = files[i].module
                files[i].imports.withUnsafeBufferPointer { imports in
                    for k in imports.indices where imports[k].module != own && firstImport[imports[k].module] == nil {
                        firstImport[imports[k].module] = (i, k)
                        imported.append(imports[k].module)
                    }
                }
            }
            // The first module met that lands in another node has that edge's first import.
            for module in imported where !context.exceptModules.contains(module) {
                for other in nodesByModule[module] ?? [] where other != name && edges[name, default: []].insert(other).inserted {
                    first[name, default: [:]][other] = firstImport[module]
                }
            }
        }
        return (edges, first)
    }

    func message(_ cycle: [String]) -> String {
        "dependency cycle: \(cycle.joined(separator: " → "))"
    }
}

import SteleScan

/// A layering the code already follows, for `stele init`: the project's modules ranked by the
/// longest chain of imports below them, so that every import between two ranked modules points
/// strictly down (`layers` then holds today, and turning any one import around breaks it). Modules
/// that import each other in a cycle share a rank, and the cycle is reported, never hidden. Tests,
/// examples and benchmarks are kept apart: they may use anything, and nothing uses them.
public struct InferredLayering: Sendable, Equatable {
    /// The ranks, top first; each rank's modules sorted.
    public var layers: [[String]]
    /// The groups of ranked modules that depend on each other in a cycle.
    public var cycles: [Cycle]
    /// Modules kept out of the layers, by why: "Tests", "Examples", "Benchmarks".
    public var apart: [Apart]
    /// Imports between ranked modules (`from` imports `to`), sorted: what the layering was read from.
    public var dependencies: [Dependency]

    public struct Apart: Sendable, Equatable {
        public var kind: String
        public var modules: [String]
    }

    public struct Cycle: Sendable, Equatable {
        /// Every module of the group, sorted.
        public var modules: [String]
        /// One concrete cycle through the first of them, as a closed path (`A → B → A`).
        public var example: [String]
    }

    public struct Dependency: Sendable, Equatable, Hashable {
        public var from: String
        public var to: String
    }

    public var modules: [String] { layers.flatMap { $0 } }

    public static func infer(_ architecture: Architecture) -> InferredLayering {
        let scan = architecture.scan
        let testModules = Set(scan.modules.filter { $0.kind == .test }.map(\.name))
        var apartByKind: [String: Set<String>] = [:]
        var ranked: [String] = []
        for (module, files) in architecture.moduleFiles.sorted(by: { $0.key < $1.key }) {
            let paths = files.map { scan.files[$0].path }
            if testModules.contains(module) || paths.allSatisfy({ Architecture.supportingFolders(in: $0).test }) {
                apartByKind["Tests", default: []].insert(module)
            } else if paths.allSatisfy({ Architecture.supportingFolders(in: $0).example }) {
                apartByKind["Examples", default: []].insert(module)
            } else if paths.allSatisfy(isBenchmark) {
                apartByKind["Benchmarks", default: []].insert(module)
            } else {
                ranked.append(module)
            }
        }
        let members = Set(ranked)
        var edges: [String: [String]] = [:]
        var dependencies: [Dependency] = []
        for module in ranked {
            let targets = (architecture.moduleGraph.edges[module] ?? []).filter { members.contains($0) && $0 != module }
            edges[module] = targets
            dependencies += targets.map { Dependency(from: module, to: $0) }
        }

        // Strongly connected components (a module alone when in no cycle), ranked bottom-up.
        let cyclic = CycleFinder.components(nodes: ranked, edges: edges)
        var componentOf: [String: Int] = [:]
        var components: [[String]] = []
        for component in cyclic {
            for m in component { componentOf[m] = components.count }
            components.append(component)
        }
        for m in ranked where componentOf[m] == nil {
            componentOf[m] = components.count
            components.append([m])
        }
        var rank = [Int?](repeating: nil, count: components.count)
        func rankOf(_ c: Int) -> Int {
            if let r = rank[c] { return r }
            var below = -1
            for m in components[c] {
                for t in edges[m] ?? [] where componentOf[t]! != c { below = max(below, rankOf(componentOf[t]!)) }
            }
            rank[c] = below + 1
            return below + 1
        }
        var layers: [[String]] = []
        for c in components.indices {
            let r = rankOf(c)
            while layers.count <= r { layers.append([]) }
            layers[r] += components[c]
        }
        return InferredLayering(layers: layers.reversed().map { $0.sorted() },
                                cycles: cyclic.map { Cycle(modules: $0, example: CycleFinder.cycle(in: $0, edges: edges)) }
                                    .sorted { $0.modules.lexicographicallyPrecedes($1.modules) },
                                apart: ["Tests", "Examples", "Benchmarks"].compactMap { kind in apartByKind[kind].map { Apart(kind: kind, modules: $0.sorted()) } },
                                dependencies: dependencies)
    }

    /// A file under a `Benchmarks` or `Benchmark` folder.
    static func isBenchmark(_ path: String) -> Bool {
        path.split(separator: "/").dropLast().contains { $0 == "Benchmarks" || $0 == "Benchmark" }
    }
}

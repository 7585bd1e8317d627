/// The component dependency graph, for `stele graph` and the review report: which component's
/// files import which component's modules, and how many imports make each edge.
public struct ComponentGraph: Sendable {
    public struct Edge: Hashable, Sendable {
        public var from: String
        public var to: String
        /// How many import statements make this edge.
        public var weight: Int

        public init(from: String, to: String, weight: Int) {
            self.from = from
            self.to = to
            self.weight = weight
        }
    }

    /// A graph with no nodes, to build by hand (tests, other languages' scanners).
    public static let empty = ComponentGraph(nodes: [], externalNodes: [], edges: [])

    init(nodes: [String], externalNodes: Set<String>, edges: [Edge]) {
        self.nodes = nodes
        self.externalNodes = externalNodes
        self.edges = edges
    }

    public var nodes: [String]
    /// Nodes that are externals (no files in the project).
    public var externalNodes: Set<String>
    /// Sorted by `from`, then `to`.
    public var edges: [Edge]

    /// Declared components and parametrized members, then every project module and (optionally)
    /// every external that none of them is: zero configuration shows the module graph, and each
    /// declared component replaces the modules it stands for.
    public init(architecture: Architecture, includeExternals: Bool = true) {
        var sets = architecture.declared.values.sorted { $0.name < $1.name }
        for family in architecture.families.keys.sorted() {
            sets += architecture.families[family]!.values.sorted { $0.name < $1.name }
        }
        let covered = sets.reduce(into: Set<String>()) { $0.formUnion($1.modules) }
        sets += architecture.internalModules.subtracting(covered).sorted().map {
            ComponentSet(name: $0, files: architecture.moduleFiles[$0] ?? [], modules: [$0])
        }
        if includeExternals {
            sets += architecture.externals.subtracting(covered).sorted().map { ComponentSet(name: $0, files: [], modules: [$0]) }
        }
        var weights: [String: Int] = [:]
        for source in sets {
            for i in source.files {
                let file = architecture.scan.files[i]
                for imported in file.imports where imported.module != file.module && !source.modules.contains(imported.module) {
                    for target in sets where target.name != source.name && target.modules.contains(imported.module) {
                        weights[source.name + "\u{1F}" + target.name, default: 0] += 1
                    }
                }
            }
        }
        nodes = sets.map(\.name)
        externalNodes = Set(sets.filter { $0.files.isEmpty }.map(\.name))
        edges = weights.map { key, weight in
            let ends = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            return Edge(from: ends[0], to: ends[1], weight: weight)
        }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }
}

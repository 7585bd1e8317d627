/// The component dependency graph, for `stele graph` and the review report: which component depends
/// on which, through how many imports and how many uses of names declared in the other's files.
///
/// Nodes: declared components and parametrized members, then every project module and external
/// that none of them holds whole. Each file belongs to one node, its *owner*: the first declared
/// component (or member) that holds it, else its module. So folder components inside one target
/// are nodes of their own, and the module's node stands for the rest of its files.
///
/// Edges: an import goes from the importing file's owner to the node that is the imported module
/// (the first declared component holding it whole, else the module or external itself). A use of a
/// name declared in another file *of the same module* goes from owner to owner: within one target
/// imports say nothing, so these edges are what show folder layering. (A use across modules is
/// already drawn by the import that makes it possible.)
public struct ComponentGraph: Sendable {
    public struct Edge: Hashable, Sendable {
        public var from: String
        public var to: String
        /// How many import statements make this edge.
        public var weight: Int
        /// How many uses of names declared in the target's files (within one module).
        public var uses: Int

        public init(from: String, to: String, weight: Int, uses: Int = 0) {
            self.from = from
            self.to = to
            self.weight = weight
            self.uses = uses
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

    /// The graph of an architecture; its symbol index must have resolved the files of
    /// `symbolSubjects(of:)` for the use edges to be drawn.
    public init(architecture: Architecture, includeExternals: Bool = true) {
        let files = architecture.scan.files
        var sets = ComponentGraph.declaredSets(architecture)
        let covered = sets.reduce(into: Set<String>()) { $0.formUnion($1.modules) }
        sets += architecture.internalModules.subtracting(covered).sorted().map {
            ComponentSet(name: $0, files: architecture.moduleFiles[$0] ?? [], modules: [$0])
        }
        if includeExternals {
            sets += architecture.externals.subtracting(covered).sorted().map { ComponentSet(name: $0, files: [], modules: [$0]) }
        }
        // Each file's owner, and the node each module's import lands in.
        var owner = [Int?](repeating: nil, count: files.count)
        var target: [String: Int] = [:]
        for (k, set) in sets.enumerated() {
            for i in set.files where owner[i] == nil { owner[i] = k }
            for module in set.modules where target[module] == nil { target[module] = k }
        }
        var imports: [Int: Int] = [:], uses: [Int: Int] = [:]
        func key(_ a: Int, _ b: Int) -> Int { a * sets.count + b }
        for (i, file) in files.enumerated() {
            guard let from = owner[i] else { continue }
            for imported in file.imports where imported.module != file.module {
                if let to = target[imported.module], to != from { imports[key(from, to), default: 0] += 1 }
            }
            for edge in architecture.symbols.edges(from: i) {
                guard case .declared(let declaring, _, _) = edge.target, files[declaring].module == file.module,
                      let to = owner[declaring], to != from else { continue }
                uses[key(from, to), default: 0] += 1
            }
        }
        nodes = sets.map(\.name)
        externalNodes = Set(sets.filter { $0.files.isEmpty }.map(\.name))
        edges = Set(imports.keys).union(uses.keys).map { k in
            Edge(from: sets[k / sets.count].name, to: sets[k % sets.count].name, weight: imports[k] ?? 0, uses: uses[k] ?? 0)
        }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// Declared components, then parametrized members, by name.
    static func declaredSets(_ architecture: Architecture) -> [ComponentSet] {
        var sets = architecture.declared.values.sorted { $0.name < $1.name }
        for family in architecture.families.keys.sorted() {
            sets += architecture.families[family]!.values.sorted { $0.name < $1.name }
        }
        return sets
    }

    /// The files whose uses the graph needs resolved: those of every module that a declared
    /// component holds part of (there, only uses show how the parts depend on each other).
    /// Asked of an architecture of imports alone, as the checker's subjects are.
    public static func symbolSubjects(of architecture: Architecture) -> Set<Int> {
        var modules = Set<String>()
        for set in declaredSets(architecture) where architecture.isPartial(set) {
            for i in set.files { if let module = architecture.scan.files[i].module { modules.insert(module) } }
        }
        return Set(modules.flatMap { architecture.moduleFiles[$0] ?? [] })
    }
}

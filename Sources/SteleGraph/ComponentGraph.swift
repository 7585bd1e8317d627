import SteleScan

/// The component dependency graph, for `stele graph`: which component's files depend on which
/// component, through imports and, where a component is part of a module (a folder of one target),
/// through uses of the types and functions another component's files declare.
///
/// Nodes are the declared components and parametrized members, then each project module that no
/// declared component holds whole, standing for its files in no declared component (a folder
/// component takes its files out of its module's node), then the externals the project imports.
public struct ComponentGraph: Sendable {
    public struct Node: Hashable, Sendable {
        public enum Kind: String, Sendable {
            /// A declared component or a member of a parametrized one.
            case component
            /// A project module, for its files that no declared component holds.
            case module
            /// A module the project imports but does not have (a package's, the SDK's).
            case external
        }

        public var name: String
        public var kind: Kind
        /// How many project files the node stands for.
        public var files: Int

        public init(_ name: String, kind: Kind = .component, files: Int = 1) {
            self.name = name
            self.kind = kind
            self.files = files
        }

        /// No project code: an external, or a declared component of externals (or of nothing).
        /// Drawn dashed; `--no-externals` leaves these out.
        public var isExternal: Bool { kind == .external || (kind == .component && files == 0) }
    }

    public struct Edge: Hashable, Sendable {
        public var from: String
        public var to: String
        /// How many import statements make this edge.
        public var imports: Int
        /// How many uses of a name declared in a file of `to` make it (counted only where an
        /// import cannot tell: within one module, or into a component that is part of a module).
        public var uses: Int

        public init(from: String, to: String, imports: Int = 0, uses: Int = 0) {
            self.from = from
            self.to = to
            self.imports = imports
            self.uses = uses
        }
    }

    /// A graph with no nodes, to build by hand (tests, other languages' scanners).
    public static let empty = ComponentGraph(nodes: [], edges: [])

    init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }

    /// Declared components (by name), parametrized members (by family, then name), project modules,
    /// externals (each by name).
    public var nodes: [Node]
    /// Sorted by `from`, then `to`.
    public var edges: [Edge]
    /// What each node (by name) stands for: its project files (indices into the scan's files) and
    /// the modules whose import lands in it. What places a finding (a file, an import) on an edge.
    public private(set) var members: [String: ComponentSet] = [:]

    /// - Parameter includeExternals: false leaves out every node with no project files, and its edges.
    ///
    /// Symbol uses are counted for the files `ComponentGraph.symbolSources(in:)` names, as far as
    /// `architecture.symbols` resolved them: build it with those files among its `symbolSubjects`.
    public init(architecture: Architecture, includeExternals: Bool = true) {
        let files = architecture.scan.files
        var nodes = ComponentGraph.projectNodes(architecture)
        let covered = nodes.reduce(into: Set<String>()) { $0.formUnion($1.set.modules) }
        for external in architecture.externals.subtracting(covered).sorted() {
            nodes.append((Node(external, kind: .external, files: 0), ComponentSet(name: external, files: [], modules: [external])))
        }
        if !includeExternals { nodes.removeAll { $0.node.isExternal } }
        // A module, an external or a declared component may share a name: keep every node apart.
        var taken = Set<String>()
        for k in nodes.indices where !taken.insert(nodes[k].node.name).inserted {
            nodes[k].node.name += " (\(nodes[k].node.kind.rawValue))"
            taken.insert(nodes[k].node.name)
        }

        var nodesByModule: [String: [Int]] = [:]
        var nodesByFile: [Int: [Int]] = [:]
        for (k, entry) in nodes.enumerated() {
            for module in entry.set.modules { nodesByModule[module, default: []].append(k) }
            for i in entry.set.files { nodesByFile[i, default: []].append(k) }
        }
        var counts: [Int: (imports: Int, uses: Int)] = [:]
        func key(_ from: Int, _ to: Int) -> Int { from * nodes.count + to }
        let sources = ComponentGraph.symbolSources(in: architecture)
        for (k, entry) in nodes.enumerated() {
            for i in entry.set.files {
                let file = files[i]
                for imported in file.imports where imported.module != file.module && !entry.set.modules.contains(imported.module) {
                    for target in nodesByModule[imported.module] ?? [] where target != k { counts[key(k, target), default: (0, 0)].imports += 1 }
                }
                guard sources.contains(i), architecture.symbols.resolved?.contains(i) ?? true else { continue }
                for edge in architecture.symbols.edges(from: i) {
                    guard case .declared(let declaring, _, _) = edge.target else { continue }
                    let module = files[declaring].module
                    for target in nodesByFile[declaring] ?? [] where target != k {
                        // Into another module that the target holds whole, the import speaks for the use.
                        guard module == file.module || !(module.map(nodes[target].set.modules.contains) ?? false) else { continue }
                        counts[key(k, target), default: (0, 0)].uses += 1
                    }
                }
            }
        }

        // Declared components and modules with files always show; a module whose every file a folder
        // component took, or an external, only when an edge touches it (`PackageDescription`, which
        // only manifests import, is in no node's files).
        var touched = Set<Int>()
        for pair in counts.keys { touched.insert(pair / nodes.count); touched.insert(pair % nodes.count) }
        let kept = nodes.enumerated().filter { k, entry in
            entry.node.kind == .component || (entry.node.kind == .module && entry.node.files > 0) || touched.contains(k)
        }.map(\.element)
        self.nodes = kept.map(\.node)
        members = Dictionary(kept.map { ($0.node.name, $0.set) }, uniquingKeysWith: { first, _ in first })
        edges = counts.map { pair, count in
            Edge(from: nodes[pair / nodes.count].node.name, to: nodes[pair % nodes.count].node.name, imports: count.imports, uses: count.uses)
        }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// The project's nodes and the files and modules each stands for: declared components, family
    /// members, then every project module no declared component holds whole, for its remaining files.
    static func projectNodes(_ architecture: Architecture) -> [(node: Node, set: ComponentSet)] {
        var sets = architecture.declared.values.sorted { $0.name < $1.name }
        for family in architecture.families.keys.sorted() {
            sets += architecture.families[family]!.values.sorted { $0.name < $1.name }
        }
        var nodes = sets.map { (node: Node($0.name, kind: .component, files: $0.files.count), set: $0) }
        let claimed = sets.reduce(into: Set<Int>()) { $0.formUnion($1.files) }
        let covered = sets.reduce(into: Set<String>()) { $0.formUnion($1.modules) }
        for module in architecture.internalModules.subtracting(covered).sorted() {
            let rest = (architecture.moduleFiles[module] ?? []).filter { !claimed.contains($0) }
            nodes.append((Node(module, kind: .module, files: rest.count), ComponentSet(name: module, files: rest, modules: [module])))
        }
        return nodes
    }

    /// The files whose symbol uses the graph counts, asked of an architecture built from imports
    /// alone (which files a node holds depends on paths and modules only): none when every node is
    /// whole modules, else the nodes' files that can see a module some node holds part of (their
    /// own, or one they import). A use can land in another node nowhere else that an import would not.
    public static func symbolSources(in architecture: Architecture) -> Set<Int> {
        let nodes = projectNodes(architecture)
        let files = architecture.scan.files
        var reachable = Set<String>()
        for entry in nodes where architecture.isPartial(entry.set) {
            for i in entry.set.files { reachable.insert(files[i].module ?? "") }
        }
        guard !reachable.isEmpty else { return [] }
        var sources = Set<Int>()
        for entry in nodes {
            for i in entry.set.files
            where reachable.contains(files[i].module ?? "") || files[i].imports.contains(where: { reachable.contains($0.module) }) {
                sources.insert(i)
            }
        }
        return sources
    }
}

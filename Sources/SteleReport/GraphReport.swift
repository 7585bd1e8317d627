import SteleCore
import SteleGraph

/// `stele graph --format dot|mermaid|json`.
public enum GraphReport {
    public static func dot(_ graph: ComponentGraph) -> String {
        var out = "digraph architecture {\n  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n"
        for node in graph.nodes {
            out += "  \(quoted(node))" + (graph.externalNodes.contains(node) ? " [style=dashed]" : "") + ";\n"
        }
        for edge in graph.edges {
            // An edge made by uses alone (folders of one module) is drawn dotted.
            out += "  \(quoted(edge.from)) -> \(quoted(edge.to)) [label=\"\(label(edge))\"" + (edge.weight == 0 ? ", style=dotted" : "") + "];\n"
        }
        return out + "}\n"
    }

    public static func mermaid(_ graph: ComponentGraph) -> String {
        var ids: [String: String] = [:]
        for (i, node) in graph.nodes.enumerated() { ids[node] = "n\(i)" }
        var out = "graph TD\n"
        for node in graph.nodes {
            let label = node.replacingQuotes()
            out += graph.externalNodes.contains(node) ? "  \(ids[node]!)([\"\(label)\"])\n" : "  \(ids[node]!)[\"\(label)\"]\n"
        }
        for edge in graph.edges {
            out += "  \(ids[edge.from]!) " + (edge.weight == 0 ? "-.->" : "-->") + "|\(label(edge))| \(ids[edge.to]!)\n"
        }
        return out
    }

    public static func json(_ graph: ComponentGraph) -> String {
        JSON.object([
            ("version", .int(1)),
            ("nodes", .array(graph.nodes.map { .object([("name", .string($0)), ("external", .bool(graph.externalNodes.contains($0)))]) })),
            ("edges", .array(graph.edges.map {
                .object([("from", .string($0.from)), ("to", .string($0.to)), ("imports", .int($0.weight)), ("uses", .int($0.uses))])
            })),
        ]).rendered()
    }

    /// `2` for two imports (as before uses were drawn), `3 uses`, or `2 imports, 3 uses`.
    static func label(_ edge: ComponentGraph.Edge) -> String {
        if edge.uses == 0 { return "\(edge.weight)" }
        let uses = "\(edge.uses) \(edge.uses == 1 ? "use" : "uses")"
        return edge.weight == 0 ? uses : "\(edge.weight) \(edge.weight == 1 ? "import" : "imports"), " + uses
    }

    static func quoted(_ s: String) -> String {
        var out = ""
        JSON.writeQuoted(s, into: &out)
        return out
    }
}

extension String {
    func replacingQuotes() -> String { String(map { $0 == "\"" ? "'" : $0 }) }
}

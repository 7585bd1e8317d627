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
            out += "  \(quoted(edge.from)) -> \(quoted(edge.to)) [label=\"\(edge.weight)\"];\n"
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
        for edge in graph.edges { out += "  \(ids[edge.from]!) -->|\(edge.weight)| \(ids[edge.to]!)\n" }
        return out
    }

    public static func json(_ graph: ComponentGraph) -> String {
        JSON.object([
            ("version", .int(1)),
            ("nodes", .array(graph.nodes.map { .object([("name", .string($0)), ("external", .bool(graph.externalNodes.contains($0)))]) })),
            ("edges", .array(graph.edges.map { .object([("from", .string($0.from)), ("to", .string($0.to)), ("imports", .int($0.weight))]) })),
        ]).rendered()
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

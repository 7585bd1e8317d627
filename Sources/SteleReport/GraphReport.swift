import SteleCore
import SteleGraph

/// `stele graph --format dot|mermaid|json`. Externals are dashed (dot) or rounded (mermaid); each
/// edge is labelled with what makes it: "2 imports", "3 uses", "1 import, 4 uses".
public enum GraphReport {
    public static func dot(_ graph: ComponentGraph) -> String {
        var out = "digraph architecture {\n  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n"
        for node in graph.nodes {
            out += "  \(quoted(node.name))" + (node.isExternal ? " [style=dashed]" : "") + ";\n"
        }
        for edge in graph.edges {
            out += "  \(quoted(edge.from)) -> \(quoted(edge.to)) [label=\"\(label(edge))\"];\n"
        }
        return out + "}\n"
    }

    public static func mermaid(_ graph: ComponentGraph) -> String {
        var ids: [String: String] = [:]
        for (i, node) in graph.nodes.enumerated() { ids[node.name] = "n\(i)" }
        var out = "graph TD\n"
        for node in graph.nodes {
            let label = node.name.replacingQuotes()
            out += node.isExternal ? "  \(ids[node.name]!)([\"\(label)\"])\n" : "  \(ids[node.name]!)[\"\(label)\"]\n"
        }
        for edge in graph.edges { out += "  \(ids[edge.from]!) -->|\(label(edge))| \(ids[edge.to]!)\n" }
        return out
    }

    public static func json(_ graph: ComponentGraph) -> String {
        JSON.object([
            ("version", .int(1)),
            ("nodes", .array(graph.nodes.map { node in
                .object([("name", .string(node.name)), ("kind", .string(node.kind.rawValue)), ("files", .int(node.files)),
                         ("external", .bool(node.isExternal))])
            })),
            ("edges", .array(graph.edges.map { edge in
                .object([("from", .string(edge.from)), ("to", .string(edge.to)), ("imports", .int(edge.imports)), ("uses", .int(edge.uses))])
            })),
        ]).rendered()
    }

    /// "1 import", "3 uses", "2 imports, 1 use": counts that are zero are left out.
    static func label(_ edge: ComponentGraph.Edge) -> String {
        var parts: [String] = []
        if edge.imports > 0 { parts.append(edge.imports == 1 ? "1 import" : "\(edge.imports) imports") }
        if edge.uses > 0 { parts.append(edge.uses == 1 ? "1 use" : "\(edge.uses) uses") }
        return parts.joined(separator: ", ")
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

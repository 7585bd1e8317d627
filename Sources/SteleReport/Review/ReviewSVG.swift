/// The component graph as inline SVG, laid out by `LayeredLayout`: declared layers as bands top to
/// bottom, edge width by how many imports and uses make the edge, edges that break a rule red and
/// labelled with the rule, edges and nodes in a dependency cycle dashed orange. Every element has a
/// `<title>`, so hovering says what it is without a script.
enum ReviewSVG {
    static let fontSize = 12
    /// Room on the left for the declared layers' names.
    static let gutter = 150

    /// The node widths the drawing uses: the label's estimated width, with padding.
    static func label(_ node: Review.Node) -> String {
        node.kind == .group ? "\(node.name) (\(node.members.count))" : node.name
    }

    static func width(of text: String) -> Int { max(40, text.count * 7 + 20) }

    static func layout(_ graph: Review.Graph) -> LayeredLayout {
        let input = LayeredLayout.Input(
            widths: graph.nodes.map { width(of: label($0)) },
            edges: graph.edges.map { (from: $0.from, to: $0.to, weight: $0.count) },
            layers: graph.nodes.map(\.layer),
            bottom: Set(graph.nodes.indices.filter { graph.nodes[$0].kind == .external && graph.nodes[$0].layer == nil }))
        return LayeredLayout(input)
    }

    static func render(_ graph: Review.Graph) -> String {
        let layout = layout(graph)
        let left = graph.layers.isEmpty ? 0 : gutter
        let width = layout.width + left
        let height = layout.height
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Component dependency graph\">\n"
        out += "<defs>\n"
        for (id, colour) in [("arrow", "#7b8494"), ("arrow-red", "#cf222e"), ("arrow-cycle", "#bc4c00")] {
            out += "<marker id=\"\(id)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"11\" markerHeight=\"11\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(colour)\"/></marker>\n"
        }
        out += "</defs>\n"

        // Declared layers: a band over the ranks their nodes are on, named in the gutter.
        for (k, name) in graph.layers.enumerated() {
            let ys = graph.nodes.indices.filter { graph.nodes[$0].layer == k }.map { layout.centers[$0].y }
            guard let top = ys.min(), let bottom = ys.max() else { continue }
            let y = top - layout.nodeHeight / 2 - 8
            let h = bottom - top + layout.nodeHeight + 16
            out += "<g class=\"layer\"><rect x=\"4\" y=\"\(y)\" width=\"\(width - 8)\" height=\"\(h)\" rx=\"6\" fill=\"\(k % 2 == 0 ? "#f4f6fa" : "#eef1f6")\"/>"
            // The number, and under it the name: a long module name needs the gutter's whole width.
            out += "<text x=\"12\" y=\"\(y + 15)\" font-size=\"11\" fill=\"#57606a\">layer \(k + 1)<tspan x=\"12\" dy=\"13\">\(MarkupText.escape(clip(name, 22)))</tspan></text></g>\n"
        }

        // Edges under nodes; red ones last so that they are on top.
        let order = graph.edges.indices.filter { graph.edges[$0].violations.isEmpty } + graph.edges.indices.filter { !graph.edges[$0].violations.isEmpty }
        var labels = ""
        for k in order {
            let edge = graph.edges[k]
            // An edge drawn upwards runs a little to the right, so that the two edges of a
            // two-way dependency stay apart; its label goes right of it, a downward one's left.
            let up = layout.upward[k]
            let points = layout.routes[k].map { LayeredLayout.Point(x: $0.x + left + (up ? 8 : 0), y: $0.y) }
            guard points.count > 1 else { continue }
            let violated = !edge.violations.isEmpty
            // Edges of groups (what no decision names, drawn by folder) recede behind the declared architecture.
            let faded = !violated && !edge.inCycle && (graph.nodes[edge.from].kind == .group || graph.nodes[edge.to].kind == .group)
            let colour = violated ? "#cf222e" : edge.inCycle ? "#bc4c00" : faded ? "#aab1bb" : "#7b8494"
            let marker = violated ? "arrow-red" : edge.inCycle ? "arrow-cycle" : "arrow"
            let strokeWidth = 1.0 + min(5.0, log2(Double(max(1, edge.count))) * 0.9)
            var title = "\(graph.nodes[edge.from].name) → \(graph.nodes[edge.to].name): " + what(edge)
            if violated { title += "; breaks " + edge.violations.joined(separator: ", ") }
            if edge.inCycle { title += "; in a dependency cycle" }
            if layout.upward[k] { title += "; drawn upwards" }
            out += "<g class=\"edge\(violated ? " violation" : "")\(edge.inCycle ? " cycle" : "")\"><title>\(MarkupText.escape(title))</title>"
            out += "<path d=\"\(path(points))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(ReviewText.decimal(strokeWidth, digits: 1))\""
            out += edge.inCycle ? " stroke-dasharray=\"6 4\"" : ""
            out += violated || edge.inCycle ? "" : faded ? " stroke-opacity=\"0.45\"" : " stroke-opacity=\"0.75\""
            out += " marker-end=\"url(#\(marker))\"/></g>\n"
            if violated {
                let at = labelPoint(points)
                let text = edge.violations.count == 1 ? edge.violations[0] : edge.violations[0] + " +\(edge.violations.count - 1)"
                labels += "<text class=\"edge-label\" x=\"\(at.x + (up ? 6 : -6))\" y=\"\(at.y)\" text-anchor=\"\(up ? "start" : "end")\" font-size=\"11\" fill=\"#cf222e\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(MarkupText.escape(text))</text>\n"
            }
        }

        for (k, node) in graph.nodes.enumerated() {
            let c = layout.centers[k]
            let w = ReviewSVG.width(of: label(node))
            let h = layout.nodeHeight
            let (fill, stroke) = colours(node.kind)
            var title = label(node) + " (\(node.kind.rawValue)" + (node.files > 0 ? ", \(ReviewText.count(node.files, "file")))" : ")")
            if node.inCycle { title += "; in a dependency cycle" }
            if !node.members.isEmpty { title += ": " + node.members.joined(separator: ", ") }
            out += "<g class=\"node \(node.kind.rawValue)\(node.inCycle ? " cycle" : "")\"><title>\(MarkupText.escape(title))</title>"
            out += "<rect x=\"\(c.x + left - w / 2)\" y=\"\(c.y - h / 2)\" width=\"\(w)\" height=\"\(h)\" rx=\"5\" fill=\"\(fill)\" stroke=\"\(node.inCycle ? "#bc4c00" : stroke)\""
            out += node.inCycle ? " stroke-width=\"2.5\"" : " stroke-width=\"1.2\""
            out += node.kind == .external ? " stroke-dasharray=\"4 3\"" : ""
            out += "/><text x=\"\(c.x + left)\" y=\"\(c.y + 4)\" text-anchor=\"middle\" font-size=\"\(fontSize)\" fill=\"#1f2328\">\(MarkupText.escape(label(node)))</text></g>\n"
        }
        out += labels
        out += "</svg>\n"
        return out
    }

    static func colours(_ kind: Review.Node.Kind) -> (fill: String, stroke: String) {
        switch kind {
        case .component: return ("#ddf4ff", "#0969da")
        case .module: return ("#e6f4ea", "#1a7f37")
        case .external: return ("#ffffff", "#8c959f")
        case .group: return ("#f3e8ff", "#8250df")
        }
    }

    /// "3 imports", "1 import, 2 uses".
    static func what(_ edge: Review.Edge) -> String {
        var parts: [String] = []
        if edge.imports > 0 { parts.append(ReviewText.count(edge.imports, "import")) }
        if edge.uses > 0 { parts.append(ReviewText.count(edge.uses, "use")) }
        return parts.joined(separator: ", ")
    }

    /// Straight through the points, with vertical tangents at each: a smooth curve per rank.
    static func path(_ points: [LayeredLayout.Point]) -> String {
        var d = "M\(points[0].x),\(points[0].y)"
        for (p, q) in zip(points, points.dropFirst()) {
            let dy = (q.y - p.y) / 2
            d += " C\(p.x),\(p.y + dy) \(q.x),\(q.y - dy) \(q.x),\(q.y)"
        }
        return d
    }

    /// Where a red edge's label goes: the middle of its route.
    static func labelPoint(_ points: [LayeredLayout.Point]) -> LayeredLayout.Point {
        if points.count % 2 == 1 { return points[points.count / 2] }
        let a = points[points.count / 2 - 1], b = points[points.count / 2]
        return LayeredLayout.Point(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 + 4)
    }

    static func clip(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    /// log2 without Foundation.
    static func log2(_ x: Double) -> Double {
        var v = x
        var result = 0.0
        while v >= 2 { v /= 2; result += 1 }
        // Linear between powers of two: close enough for a stroke width.
        return result + (v - 1)
    }
}

/// `stele review --format markdown`: the review without drawings, short enough for a pull-request
/// comment. Long lists are cut (with a count of the rest); the HTML and JSON forms have everything.
public enum ReviewMarkdown {
    public static let violationsShown = 20
    public static let edgesShown = 60
    /// The matrix is printed for graphs up to this many nodes; larger ones list their edges.
    public static let matrixNodes = 16

    public static func render(_ review: Review) -> String {
        let s = review.summary
        var out = "## Architecture review: \(review.source.name)\n\n"
        var meta: [String] = []
        if let commit = review.source.commit { meta.append("commit `\(commit.prefix(12))`") }
        if let date = review.source.date { meta.append("of \(date)") }
        if !meta.isEmpty { out += meta.joined(separator: " ") + "\n\n" }

        out += "### Summary\n\n| files | modules | components | decisions in force | enforced | warning-only | prose only | vacuous | errors | warnings | waivers (expiring ≤ \(Review.expiryWindow) d) | baseline |\n"
        out += "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        out += "| \(s.files) | \(s.modules) | \(s.components) | \(s.decisionsInForce) / \(s.decisions) | \(s.rulesEnforced) | \(s.rulesWarningOnly) | \(s.rulesProse) | \(s.rulesVacuous) | \(s.errors) | \(s.warnings) | \(s.waivers + s.suppressions) (\(s.expiringSoon)) | \(s.baseline.map(String.init) ?? "none") |\n\n"
        if s.inputErrors + s.inputWarnings > 0 {
            out += "The rules and ADRs have \(ReviewText.count(s.inputErrors, "error")) and \(ReviewText.count(s.inputWarnings, "warning")) (`stele rules` lists them).\n\n"
        }

        if let drift = review.drift { out += changes(drift) }

        out += "### Decisions\n\n"
        if review.decisions.isEmpty { out += "No ADR found.\n\n" }
        for d in review.decisions {
            out += "#### \(d.id) \(d.title) (\(d.status))\n\n"
            var meta: [String] = []
            if let date = d.date { meta.append("date \(date)") }
            meta.append("`\(d.file)`")
            if !d.supersedes.isEmpty { meta.append("supersedes " + d.supersedes.joined(separator: ", ")) }
            if !d.supersededBy.isEmpty { meta.append("superseded by " + d.supersededBy.joined(separator: ", ")) }
            out += meta.joined(separator: " · ") + "\n\n"
            for flag in d.flags { out += "> " + flagText(flag, decision: d) + "\n\n" }
            out += rulesTable(d.rules)
        }
        if !review.otherRules.isEmpty {
            out += "#### Rules that cite no decision\n\n" + rulesTable(review.otherRules)
        }

        out += "### Dependencies\n\n"
        let graph = review.graph
        if graph.nodes.count <= matrixNodes && !graph.nodes.isEmpty {
            let m = DependencyMatrix(graph)
            out += "Row depends on column (imports and uses); **bold** breaks a rule, _italic_ is in a cycle.\n\n"
            out += "| | " + m.names.indices.map { "\($0 + 1)" }.joined(separator: " | ") + " |\n"
            out += "| --- |" + String(repeating: " ---: |", count: m.names.count) + "\n"
            for (r, name) in m.names.enumerated() {
                out += "| \(r + 1) \(MarkupText.markdownCell(name)) |"
                for c in m.names.indices {
                    if r == c { out += " · |"; continue }
                    guard let cell = m.cell(row: r, column: c) else { out += " |"; continue }
                    out += cell.violated ? " **\(cell.count)** |" : cell.inCycle ? " _\(cell.count)_ |" : " \(cell.count) |"
                }
                out += "\n"
            }
            out += "\n"
        } else if !graph.edges.isEmpty {
            // Broken edges first, then the heaviest.
            let edges = graph.edges.sorted { (a: Review.Edge, b: Review.Edge) -> Bool in
                let ka = (a.violations.isEmpty ? 1 : 0, -a.count, graph.nodes[a.from].name, graph.nodes[a.to].name)
                let kb = (b.violations.isEmpty ? 1 : 0, -b.count, graph.nodes[b.from].name, graph.nodes[b.to].name)
                return ka < kb
            }
            out += "| from | to | imports | uses | |\n| --- | --- | ---: | ---: | --- |\n"
            for edge in edges.prefix(edgesShown) {
                var note = edge.violations.isEmpty ? "" : "❌ " + edge.violations.joined(separator: ", ")
                if edge.inCycle { note += (note.isEmpty ? "" : " ") + "↻ cycle" }
                out += "| \(MarkupText.markdownCell(graph.nodes[edge.from].name)) | \(MarkupText.markdownCell(graph.nodes[edge.to].name)) | \(edge.imports) | \(edge.uses) | \(note) |\n"
            }
            if edges.count > edgesShown { out += "\n…and \(edges.count - edgesShown) more edges (`stele graph` prints them all).\n" }
            out += "\n"
        }

        out += "### Components\n\n| component | files | lines | fan-in | fan-out | I | depends on |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |\n"
        for c in review.components {
            let deps = c.dependsOn.map { $0.violated ? "**\($0.name)** (\($0.count))" : "\($0.name) (\($0.count))" }.joined(separator: ", ")
            out += "| \(MarkupText.markdownCell(c.name)) | \(c.files) | \(c.lines.map(String.init) ?? "–") | \(c.fanIn) | \(c.fanOut) | \(c.instability.map { ReviewText.decimal($0, digits: 2) } ?? "–") | \(MarkupText.markdownCell(deps)) |\n"
        }
        out += "\n### Violations\n\n"
        if review.violations.isEmpty { out += "None: every enforced rule holds.\n" }
        for group in review.violations {
            out += "#### \(group.owner)\(group.title.map { " " + $0 } ?? "") (\(group.violations.count))\n\n| where | code | what | rule |\n| --- | --- | --- | --- |\n"
            for v in group.violations.prefix(violationsShown) {
                out += "| `\(MarkupText.markdownCell(v.location.file)):\(v.location.line)`\(v.isNew ? " **new**" : "")\(v.baselined ? " (baselined)" : "")\(v.judged.map { " (judged: \(MarkupText.markdownCell($0.model)), \(Int(($0.confidence * 100).rounded()))%)" } ?? "") | \(code(v.excerpt)) | \(MarkupText.markdownCell(v.message)) | \(MarkupText.markdownCell(v.ruleText)) `\(v.ruleID)` |\n"
            }
            if group.violations.count > violationsShown { out += "\n…and \(group.violations.count - violationsShown) more (`stele check` lists them all).\n" }
            out += "\n"
        }
        return out
    }

    /// The change since the earlier state: what a reviewer of a pull request reads first.
    static func changes(_ d: ReviewDrift) -> String {
        var out = "### Changes since \(MarkupText.markdownCell(d.against))\n\n"
        var counts = ["\(ReviewText.count(d.newFindings.count, "new finding")), \(d.fixedFindings.count) fixed"]
        if d.edgesKnown { counts.append("\(ReviewText.count(d.addedEdges.count, "dependency", "dependencies")) added, \(d.removedEdges.count) removed") }
        if let files = d.changedFiles { counts.append(ReviewText.count(files.count, "file") + " changed") }
        counts.append(ReviewText.count(d.touched.count, "decision") + " touched")
        out += counts.joined(separator: " · ") + ".\n\n"
        if !d.touched.isEmpty {
            out += "| decision | why |\n| --- | --- |\n"
            for t in d.touched { out += "| \(t.id) \(MarkupText.markdownCell(t.title)) | \(MarkupText.markdownCell(t.reasons.joined(separator: "; "))) |\n" }
            out += "\n"
        }
        for (title, list) in [("New findings", d.newFindings), ("Fixed findings", d.fixedFindings)] where !list.isEmpty {
            out += "**\(title)**\n\n| where | what | rule |\n| --- | --- | --- |\n"
            for f in list.prefix(violationsShown) {
                out += "| `\(MarkupText.markdownCell(f.file)):\(f.line)` | \(MarkupText.markdownCell(f.message)) | \(MarkupText.markdownCell(f.ruleText)) `\(f.ruleID)` |\n"
            }
            if list.count > violationsShown { out += "\n…and \(list.count - violationsShown) more.\n" }
            out += "\n"
        }
        for (title, list) in [("Dependencies added", d.addedEdges), ("Dependencies removed", d.removedEdges),
                              ("Dependencies grown or shrunk", d.reweighedEdges)] where !list.isEmpty {
            out += "**\(title)**: " + list.prefix(edgesShown).map { "\(MarkupText.markdownCell($0.from)) → \(MarkupText.markdownCell($0.to)) (\($0.before) → \($0.after))" }.joined(separator: ", ")
            out += list.count > edgesShown ? ", …and \(list.count - edgesShown) more.\n\n" : ".\n\n"
        }
        return out
    }

    static func flagText(_ flag: Review.Flag, decision: Review.Decision) -> String {
        switch flag {
        case .nothingEnforces: return "⚠️ Nothing enforces this decision: no rule of it is checked."
        case .stillRuns(let ids): return "❗ \(decision.status.capitalisedFirst) but still enforced by \(ids.joined(separator: ", "))."
        case .vacuous(let ids): return "⚠️ About nothing (a name that does not exist, or no file matches): \(ids.joined(separator: ", "))."
        case .violated(let n): return "❌ Broken: \(ReviewText.count(n, "violation"))."
        }
    }

    static func rulesTable(_ rules: [Review.Rule]) -> String {
        guard !rules.isEmpty else { return "" }
        var out = "| state | rule | id | violations |\n| --- | --- | --- | ---: |\n"
        for rule in rules {
            var text = MarkupText.markdownCell(rule.text)
            if let reason = rule.state.reason { text += " — " + MarkupText.markdownCell(reason) }
            out += "| \(rule.state.words) | \(text) | `\(rule.id)` | \(rule.state.runs || rule.violations > 0 ? String(rule.violations) : "–") |\n"
        }
        return out + "\n"
    }

    /// Inline code that survives backticks inside it and `|`.
    static func code(_ text: String) -> String {
        let clipped = ReviewSVG.clip(text, 100)
        let fence = clipped.contains("`") ? "`` " : "`"
        let close = clipped.contains("`") ? " ``" : "`"
        return fence + MarkupText.markdownCell(clipped) + close
    }
}

private extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

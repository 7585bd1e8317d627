/// `stele review`: one self-contained HTML file. Inline CSS and SVG; nothing is fetched when it
/// opens; readable with scripts off and on paper (the only script filters the long tables).
public enum ReviewHTML {
    /// Violations listed per decision; the rest are counted.
    public static let violationsShown = 500

    public static func render(_ review: Review) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>Architecture review: \(e(review.source.name))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        out += header(review)
        out += summary(review)
        if let drift = review.drift { out += changes(drift) }
        out += decisions(review)
        if review.isLarge {
            out += matrix(review)
            out += graph(review)
        } else {
            out += graph(review)
            out += matrix(review)
        }
        out += components(review)
        out += violations(review)
        out += diagnostics(review)
        out += "<footer>Made by <code>stele review</code> \(e(review.source.toolVersion)) from the ADRs, the rules and the code: the same tree gives the same file.</footer>\n"
        out += "<script>\n\(script)</script>\n</body>\n</html>\n"
        return out
    }

    static func e(_ text: String) -> String { MarkupText.escape(text) }

    /// A finding's message, its `names` in backticks set as code.
    static func code(_ text: String) -> String { e(text).replacingBackticks() }

    static func header(_ review: Review) -> String {
        var out = "<header>\n<h1>Architecture review: \(e(review.source.name))</h1>\n<p class=\"meta\">"
        var parts: [String] = []
        if let commit = review.source.commit { parts.append("commit <code>\(e(String(commit.prefix(12))))</code>") }
        if let date = review.source.date { parts.append("of \(e(date))") }
        if parts.isEmpty { parts.append("not a git checkout: no commit or date") }
        out += parts.joined(separator: " ") + "</p>\n<nav>"
        var links = [("summary", "Summary")]
        if review.drift != nil { links.append(("changes", "Changes")) }
        links.append(("decisions", "Decisions"))
        let pictures = [("graph", "Graph"), ("matrix", "Matrix")]
        links += review.isLarge ? pictures.reversed() : pictures
        links += [("components", "Components"), ("violations", "Violations")]
        if !review.diagnostics.isEmpty { links.append(("problems", "Problems with the rules")) }
        out += links.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined(separator: " · ")
        return out + "</nav>\n</header>\n"
    }

    static func summary(_ review: Review) -> String {
        let s = review.summary
        var out = "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"tiles\">\n"
        func tile(_ value: String, _ label: String, _ tone: String = "") -> String {
            "<div class=\"tile \(tone)\"><b>\(e(value))</b><span>\(e(label))</span></div>\n"
        }
        out += tile("\(s.files)", "files") + tile("\(s.modules)", "modules") + tile("\(s.components)", "components")
        out += tile("\(s.decisionsInForce) / \(s.decisions)", "decisions in force")
        out += tile("\(s.rulesEnforced)", "rules enforced", s.rulesEnforced > 0 ? "good" : "")
        out += tile("\(s.rulesWarningOnly)", "warning-only")
        out += tile("\(s.rulesProse)", "prose only", s.rulesProse > 0 ? "note" : "")
        out += tile("\(s.rulesVacuous)", "vacuous", s.rulesVacuous > 0 ? "warn" : "")
        out += tile("\(s.errors)", s.errors == 1 ? "error" : "errors", s.errors > 0 ? "bad" : "good")
        out += tile("\(s.warnings)", s.warnings == 1 ? "warning" : "warnings", s.warnings > 0 ? "warn" : "")
        out += tile("\(s.waivers + s.suppressions)", "waivers", s.expiringSoon > 0 ? "warn" : "")
        out += tile(s.baseline.map(String.init) ?? "none", "baseline entries")
        out += "</div>\n<p class=\"fine\">"
        var notes: [String] = []
        notes.append("\(ReviewText.count(s.waivers, "rule waiver")) (`until`), \(ReviewText.count(s.suppressions, "finding")) accepted by <code>stele:allow</code>; \(s.expiringSoon) expiring within \(Review.expiryWindow) days")
        if s.rulesWaived + s.rulesNotInForce + s.rulesNotChecked > 0 {
            notes.append("\(ReviewText.count(s.rulesNotInForce, "rule")) not in force (their decision is superseded, deprecated or rejected), \(s.rulesNotChecked) not checked")
        }
        if s.infos > 0 { notes.append(ReviewText.count(s.infos, "note")) }
        if s.baseline != nil { notes.append("\(s.baselined) of the findings are in the baseline") }
        if s.inputErrors + s.inputWarnings > 0 {
            notes.append("<a href=\"#problems\">\(ReviewText.count(s.inputErrors, "error")) and \(ReviewText.count(s.inputWarnings, "warning")) in the rules and ADRs</a>")
        }
        out += notes.joined(separator: "; ").replacingBackticks() + ".</p>\n</section>\n"
        return out
    }

    static func badge(_ state: ReviewRuleState) -> String {
        "<span class=\"badge \(state.label)\">\(e(state.words))</span>"
    }

    static func decisions(_ review: Review) -> String {
        var out = "<section id=\"decisions\">\n<h2>Decisions</h2>\n"
        if review.decisions.isEmpty { out += "<p>No ADR found.</p>\n" }
        for d in review.decisions {
            out += "<article class=\"adr\(d.inForce ? "" : " retired")\" id=\"\(ReviewText.anchor(d.id))\">\n"
            out += "<h3><span class=\"adr-id\">\(e(d.id))</span> \(e(d.title)) <span class=\"status \(e(d.status))\">\(e(d.status))</span></h3>\n"
            var meta: [String] = []
            if let date = d.date { meta.append("date \(e(date))") }
            meta.append("<code>\(e(d.file))</code>")
            if !d.supersedes.isEmpty { meta.append("supersedes " + d.supersedes.map(link).joined(separator: ", ")) }
            if !d.supersededBy.isEmpty { meta.append("superseded by " + d.supersededBy.map(link).joined(separator: ", ")) }
            out += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n"
            for flag in d.flags { out += flagNote(flag, decision: d) }
            out += rulesTable(d.rules)
            out += "</article>\n"
        }
        if !review.otherRules.isEmpty {
            out += "<article class=\"adr\" id=\"other-rules\">\n<h3>Rules that cite no decision</h3>\n"
            out += rulesTable(review.otherRules)
            out += "</article>\n"
        }
        return out + "</section>\n"
    }

    /// What changed since the earlier state: the decisions touched first (what a reviewer reads
    /// before the code), then the findings and the dependencies.
    static func changes(_ d: ReviewDrift) -> String {
        var out = "<section id=\"changes\">\n<h2>Changes since \(e(d.against))</h2>\n<div class=\"tiles\">\n"
        func tile(_ value: Int, _ label: String, _ tone: String) -> String {
            "<div class=\"tile \(value > 0 ? tone : "")\"><b>\(value)</b><span>\(e(label))</span></div>\n"
        }
        out += tile(d.newFindings.count, "new findings", "bad") + tile(d.fixedFindings.count, "fixed", "good")
        if d.edgesKnown { out += tile(d.addedEdges.count, "dependencies added", "warn") + tile(d.removedEdges.count, "removed", "good") }
        if let files = d.changedFiles { out += tile(files.count, "files changed", "") }
        out += tile(d.touched.count, "decisions touched", "note") + "</div>\n"
        if !d.edgesKnown {
            out += "<p class=\"fine\">The earlier state is a saved <code>stele check</code> report, which has no dependency graph: save <code>stele review --format json</code> to compare dependencies too.</p>\n"
        }
        if !d.touched.isEmpty {
            out += "<h3>Decisions touched</h3>\n<table class=\"touched\"><thead><tr><th>Decision</th><th>Why</th></tr></thead><tbody>\n"
            for t in d.touched {
                out += "<tr><td>\(link(t.id)) \(e(t.title))</td><td>\(e(t.reasons.joined(separator: "; ")))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        for (title, list, cls) in [("New findings", d.newFindings, "bad"), ("Fixed findings", d.fixedFindings, "good")] where !list.isEmpty {
            out += "<h3>\(title)</h3>\n<table class=\"drift \(cls)\"><thead><tr><th>Where</th><th>What</th><th>Rule</th></tr></thead><tbody>\n"
            for f in list.prefix(violationsShown) {
                out += "<tr class=\"\(e(f.severity))\"><td><code>\(e(f.file)):\(f.line)</code></td><td>\(code(f.message))</td>"
                out += "<td>\(e(f.ruleText))<div class=\"why\"><code>\(e(f.ruleID))</code></div></td></tr>\n"
            }
            out += "</tbody></table>\n"
            if list.count > violationsShown { out += "<p class=\"fine\">and \(list.count - violationsShown) more (the JSON form lists them all).</p>\n" }
        }
        for (title, list) in [("Dependencies added", d.addedEdges), ("Dependencies removed", d.removedEdges),
                              ("Dependencies grown or shrunk", d.reweighedEdges)] where !list.isEmpty {
            out += "<h3>\(title)</h3>\n<ul class=\"edges\">\n"
            for edge in list {
                out += "<li>\(e(edge.from)) → \(e(edge.to)) <small>(\(edge.before) → \(edge.after) imports and uses)</small></li>\n"
            }
            out += "</ul>\n"
        }
        if d.newFindings.isEmpty && d.fixedFindings.isEmpty && d.addedEdges.isEmpty && d.removedEdges.isEmpty && d.reweighedEdges.isEmpty {
            out += "<p>No finding and no dependency changed.</p>\n"
        }
        return out + "</section>\n"
    }

    static func link(_ id: String) -> String { "<a href=\"#\(ReviewText.anchor(id))\">\(e(id))</a>" }

    static func flagNote(_ flag: Review.Flag, decision: Review.Decision) -> String {
        switch flag {
        case .nothingEnforces:
            return "<p class=\"flag warn\">Nothing enforces this decision: it has no rule that is checked" + (decision.rules.isEmpty ? " (no rule at all)" : "") + ".</p>\n"
        case .stillRuns(let ids):
            return "<p class=\"flag bad\">This decision is \(e(decision.status)), but \(ids.count == 1 ? "a rule citing it still runs" : "\(ids.count) rules citing it still run"): \(e(ids.joined(separator: ", "))).</p>\n"
        case .vacuous(let ids):
            return "<p class=\"flag warn\">\(ids.count == 1 ? "A rule is" : "\(ids.count) rules are") about nothing (a name that does not exist, or no file matches): \(e(ids.joined(separator: ", "))).</p>\n"
        case .violated(let n):
            return "<p class=\"flag bad\">Broken: <a href=\"#v-\(ReviewText.anchor(decision.id))\">\(ReviewText.count(n, "violation"))</a>.</p>\n"
        }
    }

    static func rulesTable(_ rules: [Review.Rule]) -> String {
        guard !rules.isEmpty else { return "" }
        var out = "<table class=\"rules\"><thead><tr><th>State</th><th>Rule</th><th>Id</th><th class=\"num\">Violations</th></tr></thead><tbody>\n"
        for rule in rules {
            out += "<tr><td>\(badge(rule.state))</td><td>\(e(rule.text))"
            if let reason = rule.state.reason { out += "<div class=\"why\">\(e(reason))</div>" }
            if let from = rule.citedFrom { out += "<div class=\"why\">written in <code>\(e(from)):\(rule.location.line)</code></div>" }
            out += "</td><td><code>\(e(rule.id))</code></td><td class=\"num\(rule.violations > 0 ? " bad" : "")\">\(rule.state.runs || rule.violations > 0 ? String(rule.violations) : "–")</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    static func graph(_ review: Review) -> String {
        var out = "<section id=\"graph\">\n<h2>Component graph</h2>\n"
        let drawing = review.drawing
        if review.isLarge {
            out += "<p>\(review.graph.nodes.count) nodes are too many to draw one by one: those in a declared layer or on an edge that breaks a rule are drawn, the others grouped by top folder (hover a group for its members; the matrix above has every node).</p>\n"
        }
        if drawing.nodes.isEmpty { return out + "<p>No component.</p>\n</section>\n" }
        out += "<p class=\"legend\"><span class=\"key component\">declared component</span> <span class=\"key module\">module</span> "
        out += "<span class=\"key external\">external</span>" + (review.isLarge ? " <span class=\"key group\">group</span>" : "")
        out += " · arrows point from a component to what it depends on; width grows with the number of imports and uses · "
        out += "<span class=\"red\">red: breaks a rule (labelled with it)</span> · <span class=\"orange\">dashed orange: in a dependency cycle</span>"
        if !drawing.layers.isEmpty { out += " · bands: the declared layers, top to bottom" }
        out += ". Platform modules (Swift, Foundation, Glibc, XCTest, …) are left out.</p>\n"
        out += "<div class=\"scroll\">\n" + ReviewSVG.render(drawing) + "</div>\n</section>\n"
        return out
    }

    static func matrix(_ review: Review) -> String {
        let source = review.graph.nodes.count <= 150 ? review.graph : review.drawing
        let m = DependencyMatrix(source)
        var out = "<section id=\"matrix\">\n<h2>Dependency structure matrix</h2>\n"
        out += "<p>Row depends on column: the number counts imports and uses. Dependents come first, so marks above the diagonal are dependencies on what comes later, and a mark below it points back up. <span class=\"red\">Red: breaks a rule.</span> <span class=\"orange\">Orange: in a cycle.</span></p>\n"
        guard !m.names.isEmpty else { return out + "<p>No component.</p>\n</section>\n" }
        out += "<div class=\"scroll\"><table class=\"dsm\"><thead><tr><th></th>"
        for k in m.names.indices { out += "<th title=\"\(e(m.names[k]))\">\(k + 1)</th>" }
        out += "</tr></thead><tbody>\n"
        for (r, name) in m.names.enumerated() {
            out += "<tr><th>\(r + 1) \(e(name))</th>"
            for c in m.names.indices {
                if r == c { out += "<td class=\"diag\"></td>"; continue }
                guard let cell = m.cell(row: r, column: c) else { out += "<td></td>"; continue }
                let cls = cell.violated ? "v" : cell.inCycle ? "c" : "d"
                out += "<td class=\"\(cls)\" title=\"\(e(name)) → \(e(m.names[c])): \(cell.count)\">\(cell.count)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n</section>\n"
    }

    static func components(_ review: Review) -> String {
        var out = "<section id=\"components\">\n<h2>Components</h2>\n"
        out += "<p>Fan-in: how many components depend on it; fan-out: on how many it depends (platform modules not counted); instability I = fan-out / (fan-in + fan-out), 0 for a component everything leans on, 1 for one nothing does.</p>\n"
        out += "<input type=\"search\" class=\"filter\" data-table=\"component-table\" placeholder=\"Filter components\" aria-label=\"Filter components\">\n"
        out += "<table id=\"component-table\" class=\"components\"><thead><tr><th>Component</th><th class=\"num\">Files</th><th class=\"num\">Lines</th><th class=\"num\">Fan-in</th><th class=\"num\">Fan-out</th><th class=\"num\">I</th><th>Depends on</th></tr></thead><tbody>\n"
        for c in review.components {
            out += "<tr><td>\(e(c.name))<div class=\"why\">\(c.kind.rawValue)</div></td><td class=\"num\">\(c.files)</td><td class=\"num\">\(c.lines.map(String.init) ?? "–")</td><td class=\"num\">\(c.fanIn)</td><td class=\"num\">\(c.fanOut)</td>"
            out += "<td class=\"num\">\(c.instability.map { ReviewText.decimal($0, digits: 2) } ?? "–")</td><td>"
            out += c.dependsOn.map { "<span class=\"dep\($0.violated ? " bad" : "")\">\(e($0.name))&nbsp;<small>\($0.count)</small></span>" }.joined(separator: " ")
            if !c.platform.isEmpty { out += " <span class=\"why\">platform: \(e(c.platform.joined(separator: ", ")))</span>" }
            out += "</td></tr>\n"
        }
        return out + "</tbody></table>\n</section>\n"
    }

    static func violations(_ review: Review) -> String {
        var out = "<section id=\"violations\">\n<h2>Violations</h2>\n"
        if review.violations.isEmpty { return out + "<p>None: every enforced rule holds.</p>\n</section>\n" }
        for group in review.violations {
            out += "<h3 id=\"v-\(ReviewText.anchor(group.owner))\">\(e(group.owner))\(group.title.map { " " + e($0) } ?? "") <small>\(ReviewText.count(group.violations.count, "violation"))</small></h3>\n"
            out += "<table class=\"violations\"><thead><tr><th>Where</th><th>Code</th><th>What</th><th>Rule</th></tr></thead><tbody>\n"
            for v in group.violations.prefix(violationsShown) {
                out += "<tr class=\"\(v.severity.rawValue)\"><td><code>\(e(v.location.file)):\(v.location.line)</code>"
                if v.isNew { out += " <span class=\"badge new\">new</span>" }
                if let j = v.judged {
                    out += " <span class=\"badge judged\" title=\"\(e("judged by \(j.model), confidence \(Int((j.confidence * 100).rounded()))%: \(j.reason)"))\">judged</span>"
                }
                if v.baselined { out += "<div class=\"why\">in the baseline</div>" }
                out += "</td><td><code class=\"excerpt\">\(e(ReviewSVG.clip(v.excerpt, 120)))</code></td><td>\(code(v.message))<div class=\"why\">\(v.severity.rawValue)</div></td>"
                out += "<td>\(e(v.ruleText))<div class=\"why\"><code>\(e(v.ruleID))</code></div></td></tr>\n"
            }
            out += "</tbody></table>\n"
            if group.violations.count > violationsShown {
                out += "<p class=\"fine\">and \(group.violations.count - violationsShown) more (<code>stele check</code> lists them all).</p>\n"
            }
        }
        return out + "</section>\n"
    }

    static func diagnostics(_ review: Review) -> String {
        guard !review.diagnostics.isEmpty else { return "" }
        var out = "<section id=\"problems\">\n<h2>Problems with the rules and ADRs</h2>\n<ul class=\"problems\">\n"
        for d in review.diagnostics {
            let at = d.location.map { "<code>\(e($0.file)):\($0.line)</code> " } ?? ""
            out += "<li class=\"\(d.severity.rawValue)\">\(at)<b>\(d.severity.rawValue)</b> \(e(d.message))"
            if let hint = d.hint { out += "<div class=\"why\">\(e(hint))</div>" }
            out += "</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    static let css = """
    :root { color-scheme: light; }
    body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; margin: 0 auto; padding: 0 24px 48px; max-width: 1280px; }
    header { border-bottom: 1px solid #d0d7de; margin-bottom: 8px; }
    h1 { font-size: 24px; margin: 20px 0 4px; }
    h2 { font-size: 20px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d0d7de; }
    h3 { font-size: 16px; margin: 20px 0 6px; }
    nav a { color: #0969da; text-decoration: none; }
    .meta, .fine, .legend { color: #57606a; font-size: 13px; margin: 2px 0 8px; }
    code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
    .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 8px; }
    .tile { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 10px; }
    .tile b { display: block; font-size: 22px; }
    .tile span { color: #57606a; font-size: 12px; }
    .tile.good b { color: #1a7f37; } .tile.bad b { color: #cf222e; } .tile.warn b { color: #9a6700; } .tile.note b { color: #8250df; }
    .adr { border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 14px 10px; margin: 10px 0; break-inside: avoid; }
    .adr.retired { background: #f6f8fa; }
    .adr-id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #57606a; }
    .status { font-size: 11px; font-weight: 600; text-transform: uppercase; border-radius: 10px; padding: 1px 8px; margin-left: 6px; background: #eaeef2; vertical-align: middle; }
    .status.accepted { background: #dafbe1; color: #1a7f37; } .status.proposed { background: #fff8c5; color: #7d4e00; }
    .status.superseded, .status.deprecated, .status.rejected { background: #eaeef2; color: #57606a; }
    .flag { margin: 6px 0; padding: 4px 10px; border-left: 4px solid; border-radius: 3px; }
    .flag.warn { border-color: #bf8700; background: #fff8c5; } .flag.bad { border-color: #cf222e; background: #ffebe9; }
    table { border-collapse: collapse; width: 100%; margin: 6px 0; }
    th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #eaeef2; }
    th { font-size: 12px; color: #57606a; font-weight: 600; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    td.bad, .dep.bad, .red { color: #cf222e; font-weight: 600; } .orange { color: #bc4c00; font-weight: 600; }
    .why { color: #57606a; font-size: 12px; }
    .badge { display: inline-block; font-size: 11px; font-weight: 600; border-radius: 10px; padding: 1px 8px; white-space: nowrap; background: #eaeef2; color: #57606a; }
    .badge.enforced { background: #dafbe1; color: #1a7f37; } .badge.warning-only { background: #fff8c5; color: #7d4e00; }
    .badge.vacuous { background: #ffebe9; color: #a40e26; } .badge.prose { background: #fbefff; color: #8250df; }
    .badge.waived { background: #ddf4ff; color: #0550ae; } .badge.new { background: #cf222e; color: #fff; }
    table.drift.good td:first-child { border-left: 3px solid #1a7f37; } ul.edges small { color: #57606a; }
    .scroll { overflow: auto; border: 1px solid #d0d7de; border-radius: 6px; }
    svg.graph { display: block; font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
    .key { display: inline-block; padding: 0 6px; border: 1px solid; border-radius: 4px; font-size: 12px; }
    .key.component { background: #ddf4ff; border-color: #0969da; } .key.module { background: #e6f4ea; border-color: #1a7f37; }
    .key.external { border-style: dashed; border-color: #8c959f; } .key.group { background: #f3e8ff; border-color: #8250df; }
    table.dsm { width: auto; font-size: 11px; }
    table.dsm { font-size: 10px; } table.dsm th, table.dsm td { border: 1px solid #eaeef2; padding: 1px 1px; text-align: center; min-width: 13px; }
    table.dsm tbody th { text-align: left; white-space: nowrap; position: sticky; left: 0; background: #fff; }
    table.dsm td.diag { background: #d0d7de; } table.dsm td.d { background: #ddf4ff; }
    table.dsm td.v { background: #cf222e; color: #fff; font-weight: 600; } table.dsm td.c { background: #ffd8b5; }
    .dep { white-space: nowrap; margin-right: 6px; } .dep small { color: #57606a; }
    code.excerpt { white-space: pre-wrap; word-break: break-all; }
    tr.error td:first-child { border-left: 3px solid #cf222e; } tr.warning td:first-child { border-left: 3px solid #bf8700; }
    .problems li.error b { color: #cf222e; } .problems li.warning b { color: #9a6700; }
    input.filter { font: inherit; padding: 4px 8px; margin: 4px 0; width: 280px; border: 1px solid #d0d7de; border-radius: 6px; }
    footer { margin-top: 40px; color: #57606a; font-size: 12px; }
    @media print {
      body { max-width: none; padding: 0; }
      nav, input.filter { display: none; }
      .scroll { overflow: visible; border: none; }
      svg.graph { max-width: 100%; height: auto; }
      section { break-before: auto; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; }
      table.dsm { font-size: 6px; } table.dsm th, table.dsm td { min-width: 0; padding: 0 1px; }
    }

    """

    /// Filters a table's rows by the text typed; without scripts the box does nothing and every row shows.
    static let script = """
    document.querySelectorAll('input.filter').forEach(function (box) {
      var rows = document.getElementById(box.dataset.table).tBodies[0].rows;
      box.addEventListener('input', function () {
        var q = box.value.toLowerCase();
        for (var i = 0; i < rows.length; i++) rows[i].style.display = rows[i].textContent.toLowerCase().indexOf(q) < 0 ? 'none' : '';
      });
    });

    """
}

private extension String {
    /// `until` in backticks → `<code>until</code>` (the summary's notes are written with backticks).
    /// An odd number of backticks is left as it is: an unclosed `<code>` would swallow the rest.
    func replacingBackticks() -> String {
        guard filter({ $0 == "`" }).count % 2 == 0 else { return self }
        var out = ""
        var open = false
        for c in self {
            if c == "`" { out += open ? "</code>" : "<code>"; open.toggle() } else { out.append(c) }
        }
        return out
    }
}

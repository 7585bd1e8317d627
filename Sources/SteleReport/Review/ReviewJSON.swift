import SteleCore

/// `stele review --format json`: the data behind the report, every list whole.
public enum ReviewJSON {
    /// A violation's members, with `judged` last for a judged one only (the others' JSON is as it was).
    static func judged(_ v: Review.Violation, _ members: [(String, JSON)]) -> [(String, JSON)] {
        guard let j = v.judged else { return members }
        return members + [("judged", .object([("model", .string(j.model)), ("confidence", .double(j.confidence)), ("reason", .string(j.reason))]))]
    }

    public static func render(_ review: Review) -> String {
        let s = review.summary
        let summary: JSON = .object([
            ("files", .int(s.files)), ("modules", .int(s.modules)), ("components", .int(s.components)),
            ("decisions", .int(s.decisions)), ("decisionsInForce", .int(s.decisionsInForce)),
            ("rules", .object([
                ("enforced", .int(s.rulesEnforced)), ("warningOnly", .int(s.rulesWarningOnly)), ("prose", .int(s.rulesProse)),
                ("vacuous", .int(s.rulesVacuous)), ("waived", .int(s.rulesWaived)), ("notInForce", .int(s.rulesNotInForce)),
                ("notChecked", .int(s.rulesNotChecked)),
            ])),
            ("errors", .int(s.errors)), ("warnings", .int(s.warnings)), ("infos", .int(s.infos)),
            ("waivers", .int(s.waivers)), ("suppressions", .int(s.suppressions)), ("expiringWithin30Days", .int(s.expiringSoon)),
            ("baseline", .optional(s.baseline)), ("baselined", .int(s.baselined)),
            ("inputErrors", .int(s.inputErrors)), ("inputWarnings", .int(s.inputWarnings)),
        ])
        let decisions: [JSON] = review.decisions.map { d in
            .object([
                ("id", .string(d.id)), ("title", .string(d.title)), ("status", .string(d.status)), ("statusText", .string(d.statusText)),
                ("inForce", .bool(d.inForce)), ("date", .optional(d.date)), ("file", .string(d.file)),
                ("supersedes", ReportJSON.strings(d.supersedes)), ("supersededBy", ReportJSON.strings(d.supersededBy)),
                ("flags", .array(d.flags.map(flag))),
                ("rules", .array(d.rules.map(rule))),
            ])
        }
        return JSON.object([
            ("version", .int(1)),
            ("source", .object([
                ("name", .string(review.source.name)), ("commit", .optional(review.source.commit)), ("date", .optional(review.source.date)),
                ("tool", .string("stele " + review.source.toolVersion)),
            ])),
            ("summary", summary),
            ("decisions", .array(decisions)),
            ("otherRules", .array(review.otherRules.map(rule))),
            ("graph", graph(review.graph)),
            ("matrix", matrix(DependencyMatrix(review.graph))),
            ("components", .array(review.components.map { c in
                .object([
                    ("name", .string(c.name)), ("kind", .string(c.kind.rawValue)), ("files", .int(c.files)), ("lines", .optional(c.lines)),
                    ("fanIn", .int(c.fanIn)), ("fanOut", .int(c.fanOut)),
                    ("instability", c.instability.map { .double(($0 * 1000).rounded() / 1000) } ?? .null),
                    ("dependsOn", .array(c.dependsOn.map { .object([("name", .string($0.name)), ("count", .int($0.count)), ("violated", .bool($0.violated))]) })),
                    ("platform", ReportJSON.strings(c.platform)),
                ])
            })),
            ("violations", .array(review.violations.map { group in
                .object([
                    ("owner", .string(group.owner)), ("title", .optional(group.title)),
                    ("findings", .array(group.violations.map { v in
                        .object(ReviewJSON.judged(v, [
                            ("rule", .string(v.ruleID)), ("ruleText", .string(v.ruleText)), ("severity", .string(v.severity.rawValue)),
                            ("file", .string(v.location.file)), ("line", .int(v.location.line)), ("column", .int(v.location.column)),
                            ("message", .string(v.message)), ("excerpt", .string(v.excerpt)), ("baselined", .bool(v.baselined)),
                            ("fingerprint", .string(v.fingerprint)), ("new", .bool(v.isNew)),
                        ]))
                    })),
                ])
            })),
            ("diagnostics", .array(review.diagnostics.map(ReportJSON.diagnostic))),
            ("drift", review.drift.map(drift) ?? .null),
        ]).rendered()
    }

    static func drift(_ d: ReviewDrift) -> JSON {
        func finding(_ f: ReviewDrift.Finding) -> JSON {
            .object([("rule", .string(f.ruleID)), ("ruleText", .string(f.ruleText)), ("owner", .optional(f.owner)), ("severity", .string(f.severity)),
                     ("file", .string(f.file)), ("line", .int(f.line)), ("message", .string(f.message)), ("fingerprint", .string(f.fingerprint))])
        }
        func edge(_ e: ReviewDrift.EdgeChange) -> JSON {
            .object([("from", .string(e.from)), ("to", .string(e.to)), ("before", .int(e.before)), ("after", .int(e.after))])
        }
        return .object([
            ("against", .string(d.against)),
            ("newFindings", .array(d.newFindings.map(finding))),
            ("fixedFindings", .array(d.fixedFindings.map(finding))),
            ("edgesKnown", .bool(d.edgesKnown)),
            ("addedEdges", .array(d.addedEdges.map(edge))),
            ("removedEdges", .array(d.removedEdges.map(edge))),
            ("reweighedEdges", .array(d.reweighedEdges.map(edge))),
            ("changedFiles", d.changedFiles.map(ReportJSON.strings) ?? .null),
            ("touchedDecisions", .array(d.touched.map { t in
                .object([("id", .string(t.id)), ("title", .string(t.title)), ("reasons", ReportJSON.strings(t.reasons))])
            })),
        ])
    }

    static func rule(_ r: Review.Rule) -> JSON {
        .object([
            ("id", .string(r.id)), ("text", .string(r.text)), ("state", .string(r.state.label)), ("reason", .optional(r.state.reason)),
            ("severity", .optional(r.severity?.rawValue)), ("violations", .int(r.violations)),
            ("file", .string(r.location.file)), ("line", .int(r.location.line)),
        ])
    }

    static func flag(_ f: Review.Flag) -> JSON {
        switch f {
        case .nothingEnforces: return .object([("kind", .string("nothing-enforces"))])
        case .stillRuns(let ids): return .object([("kind", .string("superseded-but-runs")), ("rules", ReportJSON.strings(ids))])
        case .vacuous(let ids): return .object([("kind", .string("vacuous-rules")), ("rules", ReportJSON.strings(ids))])
        case .violated(let n): return .object([("kind", .string("violated")), ("violations", .int(n))])
        }
    }

    static func graph(_ g: Review.Graph) -> JSON {
        .object([
            ("layers", ReportJSON.strings(g.layers)),
            ("nodes", .array(g.nodes.map { n in
                .object([("name", .string(n.name)), ("kind", .string(n.kind.rawValue)), ("files", .int(n.files)),
                         ("layer", .optional(n.layer)), ("inCycle", .bool(n.inCycle))])
            })),
            ("edges", .array(g.edges.map { e in
                .object([("from", .string(g.nodes[e.from].name)), ("to", .string(g.nodes[e.to].name)), ("imports", .int(e.imports)),
                         ("uses", .int(e.uses)), ("violations", ReportJSON.strings(e.violations)), ("inCycle", .bool(e.inCycle))])
            })),
        ])
    }

    static func matrix(_ m: DependencyMatrix) -> JSON {
        var cells: [JSON] = []
        for row in m.cells.keys.sorted() {
            for column in m.cells[row]!.keys.sorted() {
                let cell = m.cells[row]![column]!
                cells.append(.object([("row", .int(row)), ("column", .int(column)), ("count", .int(cell.count)),
                                      ("violated", .bool(cell.violated)), ("inCycle", .bool(cell.inCycle))]))
            }
        }
        return .object([("names", ReportJSON.strings(m.names)), ("cells", .array(cells))])
    }
}

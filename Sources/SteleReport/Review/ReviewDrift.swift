import SteleCheck
import SteleCore
import SteleGraph

/// What changed between an earlier state and now (`stele review --compare OLD.json`, `--since REF`):
/// findings new and fixed, dependencies added and removed, and the decisions the change touches.
/// Findings are matched by fingerprint, which survives line moves; a reworded rule has new
/// fingerprints, so its findings show as fixed under the old words and new under the new.
public struct ReviewDrift: Sendable {
    public struct Finding: Sendable, Equatable {
        public var fingerprint: String
        public var ruleID: String
        public var ruleText: String
        /// The decision the rule serves (`ADR-0002`), or the rules file it is written in.
        public var owner: String?
        public var severity: String
        public var file: String
        public var line: Int
        public var message: String

        public init(fingerprint: String, ruleID: String, ruleText: String, owner: String?, severity: String, file: String, line: Int, message: String) {
            self.fingerprint = fingerprint
            self.ruleID = ruleID
            self.ruleText = ruleText
            self.owner = owner
            self.severity = severity
            self.file = file
            self.line = line
            self.message = message
        }
    }

    public struct EdgeChange: Sendable, Equatable {
        public var from: String
        public var to: String
        /// Imports and uses before and after (0 for an edge that did not exist or no longer does).
        public var before: Int
        public var after: Int
    }

    public struct TouchedDecision: Sendable, Equatable {
        public var id: String
        public var title: String
        /// Why, in words: "new", "its record changed", "2 new findings", "governs 3 changed files".
        public var reasons: [String]
    }

    /// What now is compared with, in words: `old.json`, `commit 1a2b3c4d5e6f (main~3)`.
    public var against: String
    public var newFindings: [Finding]
    public var fixedFindings: [Finding]
    /// Whether the earlier state knew the dependencies (a saved check JSON does not).
    public var edgesKnown: Bool
    public var addedEdges: [EdgeChange]
    public var removedEdges: [EdgeChange]
    /// Dependencies there before and now, with another number of imports and uses.
    public var reweighedEdges: [EdgeChange]
    /// For `--since`: the files the change adds or modifies, sorted; nil for `--compare`.
    public var changedFiles: [String]?
    public var touched: [TouchedDecision]

    /// Compares two states. `changedFiles` and `governed` (decision id → changed files its rules
    /// govern) come with `--since`; `decisionFiles` maps a decision id to its record's path.
    public static func compare(old: ReviewSnapshot, now: ReviewSnapshot, against: String, changedFiles: [String]? = nil,
                               governed: [String: Int] = [:], decisionFiles: [String: String] = [:]) -> ReviewDrift {
        let (added, removed) = difference(old.findings, now.findings)
        var drift = ReviewDrift(against: against, newFindings: added, fixedFindings: removed, edgesKnown: old.edges != nil && now.edges != nil,
                                addedEdges: [], removedEdges: [], reweighedEdges: [], changedFiles: changedFiles?.sorted(), touched: [])
        if let before = old.edges, let after = now.edges {
            for (pair, count) in after {
                if let old = before[pair] {
                    if old != count { drift.reweighedEdges.append(EdgeChange(from: pair.from, to: pair.to, before: old, after: count)) }
                } else {
                    drift.addedEdges.append(EdgeChange(from: pair.from, to: pair.to, before: 0, after: count))
                }
            }
            for (pair, count) in before where after[pair] == nil {
                drift.removedEdges.append(EdgeChange(from: pair.from, to: pair.to, before: count, after: 0))
            }
            drift.addedEdges.sort { ($0.from, $0.to) < ($1.from, $1.to) }
            drift.removedEdges.sort { ($0.from, $0.to) < ($1.from, $1.to) }
            drift.reweighedEdges.sort { ($0.from, $0.to) < ($1.from, $1.to) }
        }

        // The decisions touched, in id order.
        var reasons: [String: [String]] = [:]
        let titles = (now.decisions ?? [:]).merging(old.decisions ?? [:]) { a, _ in a }
        if let nowDecisions = now.decisions, let oldDecisions = old.decisions {
            for id in nowDecisions.keys where oldDecisions[id] == nil { reasons[id, default: []].append("new") }
            for id in oldDecisions.keys where nowDecisions[id] == nil { reasons[id, default: []].append("removed") }
        }
        if let changed = changedFiles.map(Set.init) {
            for (id, file) in decisionFiles where changed.contains(file) && !(reasons[id]?.contains("new") ?? false) {
                reasons[id, default: []].append("its record changed")
            }
        }
        for (list, word) in [(added, "new"), (removed, "fixed")] {
            var counts: [String: Int] = [:]
            for f in list { if let owner = f.owner, titles[owner] != nil { counts[owner, default: 0] += 1 } }
            for (id, n) in counts { reasons[id, default: []].append(ReviewText.count(n, "\(word) finding")) }
        }
        for (id, n) in governed where n > 0 { reasons[id, default: []].append("governs " + ReviewText.count(n, "changed file")) }
        drift.touched = reasons.keys.sorted().map { TouchedDecision(id: $0, title: titles[$0] ?? "", reasons: reasons[$0]!) }
        return drift
    }

    /// Findings of `now` not in `old`, and of `old` not in `now`, as multisets of fingerprints:
    /// two findings with one fingerprint (the same line twice) count twice.
    static func difference(_ old: [Finding], _ now: [Finding]) -> (added: [Finding], removed: [Finding]) {
        var remaining: [String: Int] = [:]
        for f in old { remaining[f.fingerprint, default: 0] += 1 }
        var added: [Finding] = []
        for f in now {
            if let n = remaining[f.fingerprint], n > 0 { remaining[f.fingerprint] = n - 1 } else { added.append(f) }
        }
        var removed: [Finding] = []
        for f in old.reversed() {
            if let n = remaining[f.fingerprint], n > 0 {
                remaining[f.fingerprint] = n - 1
                removed.append(f)
            }
        }
        let order: (Finding, Finding) -> Bool = { ($0.file, $0.line, $0.ruleID, $0.message) < ($1.file, $1.line, $1.ruleID, $1.message) }
        return (added.sorted(by: order), removed.sorted(by: order))
    }

    /// Decision id → how many of the changed files its running rules are about (a file in a
    /// component, module or glob that one of the rule's selectors names).
    public static func governed(changedFiles: [String], result: CheckResult, architecture: Architecture) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, file) in architecture.scan.files.enumerated() { index[file.path] = i }
        let changed = Set(changedFiles.compactMap { index[$0] })
        guard !changed.isEmpty else { return [:] }
        var governed: [String: Set<Int>] = [:]
        for rule in result.rules where rule.state.isEnforced {
            guard let id = rule.provenance.adr?.id else { continue }
            for selector in rule.rule.selectors {
                guard case .resolved(let set) = architecture.resolve(selector) else { continue }
                for file in set.files where changed.contains(file) { governed[id, default: []].insert(file) }
            }
        }
        return governed.mapValues(\.count)
    }
}

extension Review {
    /// The review with its drift, each violation that the drift calls new marked so.
    public func with(_ drift: ReviewDrift) -> Review {
        var review = self
        review.drift = drift
        var fresh: [String: Int] = [:]
        for f in drift.newFindings { fresh["\(f.fingerprint)|\(f.file)|\(f.line)", default: 0] += 1 }
        for g in review.violations.indices {
            for v in review.violations[g].violations.indices {
                let key = "\(review.violations[g].violations[v].fingerprint)|\(review.violations[g].violations[v].location.file)|\(review.violations[g].violations[v].location.line)"
                if let n = fresh[key], n > 0 {
                    fresh[key] = n - 1
                    review.violations[g].violations[v].isNew = true
                }
            }
        }
        return review
    }
}

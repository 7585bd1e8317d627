import SteleCore

/// One state of the architecture, as far as drift compares it: the findings (by fingerprint, which
/// survives line moves), the component dependencies, and the decisions. Made from the review being
/// written, from the review of an earlier commit (`--since REF`), or read back from a saved
/// `stele check --format json` or `stele review --format json` (`--compare OLD.json`).
public struct ReviewSnapshot: Sendable, Equatable {
    public var findings: [ReviewDrift.Finding]
    /// Dependencies between components, by `from` and `to`, with their imports and uses; nil when
    /// the state does not know them (a saved `stele check` JSON has no graph).
    public var edges: [Pair: Int]?
    /// Decision ids and titles; nil when unknown (a saved `stele check` JSON lists only those with findings).
    public var decisions: [String: String]?

    public struct Pair: Hashable, Sendable, Comparable {
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }

        public static func < (a: Pair, b: Pair) -> Bool { (a.from, a.to) < (b.from, b.to) }
    }

    public init(findings: [ReviewDrift.Finding], edges: [Pair: Int]?, decisions: [String: String]?) {
        self.findings = findings
        self.edges = edges
        self.decisions = decisions
    }

    /// The state a review shows.
    public init(_ review: Review) {
        findings = review.violations.flatMap { group in
            group.violations.map { v in
                ReviewDrift.Finding(fingerprint: v.fingerprint, ruleID: v.ruleID, ruleText: v.ruleText, owner: group.owner,
                                    severity: v.severity.rawValue, file: v.location.file, line: v.location.line, message: v.message)
            }
        }
        var edges: [Pair: Int] = [:]
        for e in review.graph.edges { edges[Pair(from: review.graph.nodes[e.from].name, to: review.graph.nodes[e.to].name)] = e.count }
        self.edges = edges
        decisions = Dictionary(review.decisions.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
    }

    public struct ReadFailure: Error, Equatable {
        public var message: String

        public init(message: String) { self.message = message }
    }

    /// Reads a saved `stele check --format json` (findings) or `stele review --format json`
    /// (findings, dependencies and decisions). Anything else is refused with the reason.
    public static func parse(_ text: String) -> Result<ReviewSnapshot, ReadFailure> {
        guard let json = JSON.parse(text), case .object = json else {
            return .failure(ReadFailure(message: "is not JSON"))
        }
        guard json["version"]?.intValue == 1 else {
            return .failure(ReadFailure(message: "has no `\"version\": 1`: not a report of this version of Stele"))
        }
        if json["error"] != nil {
            return .failure(ReadFailure(message: "is the report of a run that stopped on an error (exit 2): it holds no findings"))
        }
        if let list = json["findings"]?.arrayValue {
            // `stele check --format json`.
            var findings: [ReviewDrift.Finding] = []
            for item in list {
                guard let finding = finding(item, owner: item["adr"]?["id"]?.stringValue ?? item["source"]?["file"]?.stringValue) else {
                    return .failure(ReadFailure(message: "has a finding without fingerprint, rule, file or line"))
                }
                findings.append(finding)
            }
            return .success(ReviewSnapshot(findings: findings, edges: nil, decisions: nil))
        }
        if let groups = json["violations"]?.arrayValue, let graph = json["graph"] {
            // `stele review --format json`.
            var findings: [ReviewDrift.Finding] = []
            for group in groups {
                for item in group["findings"]?.arrayValue ?? [] {
                    guard let finding = finding(item, owner: group["owner"]?.stringValue) else {
                        return .failure(ReadFailure(message: "has a finding without fingerprint, rule, file or line (a review saved before fingerprints were written? save it again)"))
                    }
                    findings.append(finding)
                }
            }
            var edges: [Pair: Int] = [:]
            for edge in graph["edges"]?.arrayValue ?? [] {
                guard let from = edge["from"]?.stringValue, let to = edge["to"]?.stringValue else {
                    return .failure(ReadFailure(message: "has a dependency without `from` or `to`"))
                }
                edges[Pair(from: from, to: to), default: 0] += (edge["imports"]?.intValue ?? 0) + (edge["uses"]?.intValue ?? 0)
            }
            var decisions: [String: String] = [:]
            for d in json["decisions"]?.arrayValue ?? [] {
                if let id = d["id"]?.stringValue { decisions[id] = d["title"]?.stringValue ?? "" }
            }
            return .success(ReviewSnapshot(findings: findings, edges: edges, decisions: decisions))
        }
        return .failure(ReadFailure(message: "is neither a saved `stele check --format json` nor a `stele review --format json`"))
    }

    private static func finding(_ item: JSON, owner: String?) -> ReviewDrift.Finding? {
        guard let fingerprint = item["fingerprint"]?.stringValue, let file = item["file"]?.stringValue, let line = item["line"]?.intValue else { return nil }
        // The check's JSON names the rule's text `rule` and its id `ruleId`; the review's, `ruleText` and `rule`.
        let text = item["ruleText"]?.stringValue ?? (item["ruleId"] != nil ? item["rule"]?.stringValue : nil)
        let id = item["ruleId"]?.stringValue ?? (item["ruleText"] != nil ? item["rule"]?.stringValue : nil)
        guard let ruleText = text ?? item["rule"]?.stringValue else { return nil }
        return ReviewDrift.Finding(fingerprint: fingerprint, ruleID: id ?? ruleText, ruleText: ruleText, owner: owner,
                                   severity: item["severity"]?.stringValue ?? "error", file: file, line: line,
                                   message: item["message"]?.stringValue ?? "")
    }
}

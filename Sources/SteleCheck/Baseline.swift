/// Findings accepted as they are, so that a legacy repository can adopt the gate today and only new
/// violations fail it. Entries are matched on fingerprints, which hash the rule, the file, the
/// dependency and the offending line's text, never its line number: moving code keeps it baselined.
public struct Baseline: Equatable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var fingerprint: String
        public var rule: String
        public var file: String
        public var message: String

        public init(fingerprint: String, rule: String, file: String, message: String) {
            self.fingerprint = fingerprint
            self.rule = rule
            self.file = file
            self.message = message
        }

        public init(_ finding: Finding) {
            self.init(fingerprint: finding.fingerprint, rule: finding.rule.text, file: finding.location.file, message: finding.message)
        }
    }

    /// Sorted by file, then fingerprint: a baseline file diffs cleanly when regenerated.
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries.sorted { ($0.file, $0.fingerprint, $0.message) < ($1.file, $1.fingerprint, $1.message) }
    }

    public init(findings: [Finding]) {
        self.init(entries: findings.map(Entry.init))
    }

    public struct Application: Sendable {
        /// Findings not in the baseline: these are reported and gate the build.
        public var new: [Finding]
        /// Findings the baseline accepts.
        public var baselined: [Finding]
        /// Baseline entries that no longer occur: the code was fixed, the entry can go.
        public var fixed: [Entry]
    }

    /// Splits findings into new and baselined. Matching counts occurrences, so a second identical
    /// violation in the same file is new even though its fingerprint is baselined once.
    public func apply(to findings: [Finding]) -> Application {
        var remaining: [String: [Entry]] = [:]
        for entry in entries { remaining[entry.fingerprint, default: []].append(entry) }
        var new: [Finding] = []
        var baselined: [Finding] = []
        for finding in findings {
            // A finding that stands for several (changed-files mode) is baselined when all of them are.
            var needed: [String: Int] = [:]
            for fingerprint in finding.fingerprints { needed[fingerprint, default: 0] += 1 }
            if needed.allSatisfy({ (remaining[$0.key]?.count ?? 0) >= $0.value }) {
                for (fingerprint, count) in needed { remaining[fingerprint]!.removeLast(count) }
                baselined.append(finding)
            } else {
                new.append(finding)
            }
        }
        let fixed = remaining.values.flatMap { $0 }.sorted { ($0.file, $0.fingerprint) < ($1.file, $1.fingerprint) }
        return Application(new: new, baselined: baselined, fixed: fixed)
    }
}

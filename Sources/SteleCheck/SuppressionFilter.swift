import SteleCore
import SteleScan
import SteleRules

/// Applies inline suppressions (`// stele:allow ADR-0003 -- reason`) to findings.
///
/// A suppression covers findings on its own line and the next, of rules from the ADR it names (or
/// the rule whose id it names). It takes effect only with a reason: an exception to a decision
/// should say why. One without a reason, or one that covers nothing, is reported. One with
/// `until DATE` covers nothing from that date on (it is reported as expired), and is announced in
/// the 30 days before.
enum SuppressionFilter {
    struct Outcome {
        var kept: [Finding]
        var suppressed: [Finding]
        var diagnostics: [Diagnostic]
    }

    /// `judged` lists the rules the LLM judge may give findings for, later in the run or in another
    /// (`judge` rules, prose rules their ADR opts in): a suppression that could cover one of them is
    /// not reported as covering nothing; nor is one at an `ambiguous` use of a rule it covers (the
    /// judge may find that the use breaks the rule).
    static func apply(_ findings: [Finding], files: [SourceFile], today: String = "", judged: [CompiledRule] = [],
                      ambiguous: [AmbiguousUse] = []) -> Outcome {
        var byFile: [String: [Suppression]] = [:]
        for file in files where !file.suppressions.isEmpty { byFile[file.path] = file.suppressions }
        guard !byFile.isEmpty else { return Outcome(kept: findings, suppressed: [], diagnostics: []) }

        var used = Set<SourceLocation>()
        var kept: [Finding] = []
        var suppressed: [Finding] = []
        for finding in findings {
            let candidates = (byFile[finding.location.file] ?? []).filter {
                ($0.line == finding.location.line || $0.line == finding.location.line - 1) && $0.reason != nil
                    && !isExpired($0, today: today) && covers($0, finding)
            }
            if let suppression = candidates.first {
                used.insert(SourceLocation(file: finding.location.file, line: suppression.line, column: suppression.column))
                suppressed.append(finding)
            } else {
                kept.append(finding)
            }
        }
        var diagnostics: [Diagnostic] = []
        for (file, suppressions) in byFile.sorted(by: { $0.key < $1.key }) {
            for s in suppressions {
                let at = SourceLocation(file: file, line: s.line, column: s.column)
                if let until = s.until, CalendarDay.number(until) == nil {
                    diagnostics.append(.warning("`stele:allow \(s.target) until \(until)`: `\(until)` is not a date, so it allows nothing",
                                                at: at, hint: "write the date as YYYY-MM-DD: `until 2027-03-31`"))
                } else if isExpired(s, today: today), let until = s.until {
                    diagnostics.append(.warning("`stele:allow \(s.target)` expired on \(until): the findings it allowed are reported again",
                                                at: at, hint: "fix them, or remove the comment"))
                } else if s.target.isEmpty {
                    diagnostics.append(.warning("`stele:allow` names no ADR or rule", at: at, hint: "write `// stele:allow ADR-0003 -- why this is fine`"))
                } else if s.reason == nil {
                    diagnostics.append(.warning("`stele:allow \(s.target)` has no reason, so it suppresses nothing", at: at,
                                                hint: "say why after `--`: `// stele:allow \(s.target) -- why this is fine`"))
                } else if !used.contains(at), !judged.contains(where: { covers(s, rule: $0) }),
                          !ambiguous.contains(where: { $0.file == file && ($0.line == s.line || $0.line == s.line + 1) && covers(s, rule: $0.rule) }) {
                    diagnostics.append(.warning("`stele:allow \(s.target)` suppresses nothing", at: at,
                                                hint: "no finding of \(s.target) on this line or the next; remove the comment"))
                } else if let until = s.until, let days = CalendarDay.days(from: today, to: until), days <= CalendarDay.noticeDays {
                    diagnostics.append(.info("`stele:allow \(s.target)` ends on \(until) (in \(days) \(days == 1 ? "day" : "days")): its findings will be reported again",
                                             at: at, hint: "fix them before then"))
                }
            }
        }
        return Outcome(kept: kept, suppressed: suppressed, diagnostics: diagnostics)
    }

    /// Whether an `until` suppression has reached its date (a malformed date allows nothing either).
    static func isExpired(_ suppression: Suppression, today: String) -> Bool {
        guard let until = suppression.until else { return false }
        guard let days = CalendarDay.days(from: today, to: until) else { return true }
        return days <= 0
    }

    /// `ADR-0003`, `adr-3` or the rule's own id.
    static func covers(_ suppression: Suppression, _ finding: Finding) -> Bool {
        covers(suppression, rule: finding.rule)
    }

    static func covers(_ suppression: Suppression, rule: CompiledRule) -> Bool {
        let target = suppression.target
        if target == rule.id || target == rule.slugID { return true }
        guard let adr = rule.provenance.adr?.id else { return false }
        if target.uppercased() == adr.uppercased() { return true }
        let digits = target.filter(\.isNumber)
        return target.lowercased().hasPrefix("adr") && !digits.isEmpty && Int(digits) == Int(adr.filter(\.isNumber))
    }
}

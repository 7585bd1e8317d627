import SteleADR
import SteleCore
import SteleRules

/// `stele adr lint`: what a careful maintainer of an ADR collection would fix. Missing or unknown
/// statuses, supersede links that are broken or stated on one side only, duplicate numbers, rules
/// left in decisions that no longer hold, bullets that read like rules but did not compile (with the
/// rule they probably meant), and whatever reading the ADRs already found (unclosed front matter,
/// empty `stele` blocks, rules that do not parse).
///
/// Pure: the collection and the rule book compiled from it in, findings in output order out.
public enum ADRLint {
    public static func lint(_ collection: ADRCollection, book: RuleBook) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let byID = Dictionary(collection.adrs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func at(_ adr: ADR, _ line: Int? = nil) -> SourceLocation { SourceLocation(file: adr.file, line: line ?? 1, column: 1) }

        for adr in collection.adrs {
            // Status.
            if adr.statusLine == nil {
                let read = adr.statusNote.map { " of its own; read as \(adr.status.rawValue) (\($0))" } ?? "; its rules are treated as proposed (warnings)"
                findings.append(.warning("\(adr.id) has no status\(read)", at: at(adr),
                                         hint: "write it: a `## Status` section, `Status: Accepted`, or `status: accepted` front matter"))
            } else if adr.status == .unknown {
                let word = adr.statusText.split(whereSeparator: { !$0.isLetter }).first.map { String($0).lowercased() } ?? ""
                let known = ADRStatus.allCases.filter { $0 != .unknown }.map(\.rawValue)
                let guess = Suggestion.closest(to: word, in: known).map { "did you mean `\($0)`? " } ?? ""
                findings.append(.error("\(adr.id) has an unknown status `\(adr.statusText)`; its rules are treated as warnings", at: at(adr, adr.statusLine),
                                       hint: guess + "use " + known.joined(separator: ", ")))
            }
            // Supersede links, as each ADR states them.
            let declared = collection.declaredLinks[adr.file] ?? .init(supersedes: [], supersededBy: [])
            for newer in declared.supersededBy {
                guard let other = byID[newer] else {
                    findings.append(.error("\(adr.id) says it is superseded by \(newer), which does not exist", at: at(adr, adr.statusLine),
                                           hint: "fix the link, or write \(newer)"))
                    continue
                }
                if !(collection.declaredLinks[other.file]?.supersedes.contains(adr.id) ?? false) {
                    findings.append(.warning("\(adr.id) says it is superseded by \(newer), but \(newer) does not say it supersedes \(adr.id)", at: at(other),
                                             hint: "add `Supersedes [\(adr.title)](\(name(adr.file)))` to \(other.file)"))
                }
            }
            for older in declared.supersedes {
                guard let other = byID[older] else {
                    findings.append(.error("\(adr.id) says it supersedes \(older), which does not exist", at: at(adr),
                                           hint: "fix the link"))
                    continue
                }
                if !(collection.declaredLinks[other.file]?.supersededBy.contains(adr.id) ?? false) {
                    let partly = adr.partialLinks.contains(older) ? " in part" : ""
                    findings.append(.warning("\(adr.id) supersedes \(older)\(partly), but \(older)'s status does not say so", at: at(other, other.statusLine),
                                             hint: "set its status to `\(partly.isEmpty ? "Superseded" : "Partly superseded") by [\(adr.title)](\(name(adr.file)))`"))
                }
            }
        }
        // Duplicate numbers.
        var seen: [Int: ADR] = [:]
        for adr in collection.adrs {
            guard let number = adr.number else { continue }
            if let first = seen[number] {
                findings.append(.error("duplicate ADR number \(number): \(first.file) has it too", at: at(adr),
                                       hint: "renumber one of them (rules and links citing \(adr.id) are ambiguous)"))
            } else {
                seen[number] = adr
            }
        }
        // Rules that no longer run, or still do although their decision was replaced.
        let inactiveByADR = Dictionary(grouping: book.rules.filter { $0.provenance.origin != .steleFile && !$0.state.isEnforced && $0.provenance.adr.map({ !$0.status.isInForce }) == true },
                                       by: { $0.provenance.adr!.id })
        for adr in collection.adrs where !adr.status.isInForce {
            guard let rules = inactiveByADR[adr.id], let first = rules.first else { continue }
            let by = adr.supersededBy.isEmpty ? "" : " by " + adr.supersededBy.joined(separator: ", ")
            findings.append(.warning("\(adr.id) is \(adr.status.rawValue)\(by), so its \(rules.count) \(rules.count == 1 ? "rule is" : "rules are") not enforced",
                                     at: first.provenance.location,
                                     hint: adr.supersededBy.first.map { "move the rules that still hold into \($0), and delete the others" } ?? "delete them, or move the ones that still hold into an ADR in force"))
        }
        for rule in book.rules where rule.provenance.origin == .steleFile {
            guard let cited = rule.provenance.adr, !cited.status.isInForce else { continue }
            findings.append(.warning("rule `\(rule.text)` still runs, but the ADR it cites (\(cited.id)) is \(cited.status.rawValue)", at: rule.provenance.location,
                                     hint: byID[cited.id]?.supersededBy.first.map { "cite \($0), which replaced it, or delete the rule" } ?? "cite an ADR in force, or delete the rule"))
        }
        // Bullets that read like rules but are not in the rule language.
        for prose in book.proseRules where ProbableRule.readsLikeRule(prose.text) {
            let meant = ProbableRule.suggestion(for: prose.text)
            findings.append(.warning("reads like a rule but is not enforced: \(prose.parseError)", at: prose.provenance.location,
                                     hint: meant.map { "did you mean `\($0)`?" } ?? "write it in the rule language (docs/rule-language.md), or move it out of the rules section"))
        }
        // What reading the ADRs found, and rules in ADRs that do not compile.
        let files = Set(collection.adrs.map(\.file))
        findings += collection.diagnostics.filter { d in
            // The status findings above say it better.
            !(d.message.hasPrefix("no status found") || d.message.hasPrefix("unknown status") || d.message.hasPrefix("duplicate ADR id")
              || d.message.contains("supersedes it; it is treated as superseded"))
        }
        findings += book.diagnostics.filter { $0.location.map { files.contains($0.file) } ?? false }
        var unique = Set<Diagnostic>()
        return findings.filter { unique.insert($0).inserted }.sortedForOutput()
    }

    static func name(_ file: String) -> String { String(file.split(separator: "/").last ?? "") }

    /// `--format json`: one object per finding.
    public static func json(_ findings: [Diagnostic]) -> String {
        JSON.array(findings.map { d in
            .object([
                ("file", .optional(d.location?.file)), ("line", .optional(d.location?.line)), ("column", .optional(d.location?.column)),
                ("severity", .string(d.severity.rawValue)), ("message", .string(d.message)), ("hint", .optional(d.hint)),
            ])
        }).rendered() + "\n"
    }
}

import SteleCheck
import SteleCore
import SteleRules

/// JSON pieces shared by every JSON document Stele prints, so that an ADR or a location looks the
/// same in `check`, `rules` and `scan` output.
enum ReportJSON {
    /// The ADR a rule comes from, with the line of the rule (the spec's `adr` object), or null.
    static func adr(of provenance: Provenance) -> JSON {
        guard let adr = provenance.adr else { return .null }
        return .object([
            ("id", .string(adr.id)), ("title", .string(adr.title)), ("status", .string(adr.status.rawValue)),
            ("file", .string(adr.file)),
            ("line", adr.file == provenance.location.file ? .int(provenance.location.line) : .null),
        ])
    }

    /// Where a rule is written, and in what kind of place.
    static func source(of provenance: Provenance) -> JSON {
        .object([
            ("file", .string(provenance.location.file)), ("line", .int(provenance.location.line)),
            ("column", .int(provenance.location.column)), ("origin", .string(provenance.origin.rawValue)),
        ])
    }

    /// One finding, as `stele check --format json` lists it (and `stele explain`, and the MCP `check` tool).
    static func finding(_ f: Finding) -> JSON {
        var members: [(String, JSON)] = [
            ("rule", .string(f.rule.text)),
            ("ruleId", .string(f.rule.id)),
            ("severity", .string(f.severity.rawValue)),
            ("file", .string(f.location.file)), ("line", .int(f.location.line)), ("column", .int(f.location.column)),
            ("message", .string(f.message)),
            ("from", .string(f.from)), ("to", .string(f.to)),
            ("snippet", .string(f.snippet)),
            ("conditions", ReportJSON.strings(f.conditions)),
            ("adr", ReportJSON.adr(of: f.rule.provenance)),
            ("source", ReportJSON.source(of: f.rule.provenance)),
            ("fingerprint", .string(f.fingerprint)),
        ]
        // Only a judged finding has the member: the others' JSON stays as it was.
        if let judged = f.judged { members.append(("judged", judgement(judged))) }
        return .object(members)
    }

    /// `{"model": …, "confidence": 0.9, "reason": …}`: the LLM judge's marks on a judged finding.
    static func judgement(_ j: Finding.Judgement) -> JSON {
        .object([("model", .string(j.model)), ("confidence", .double(j.confidence)), ("reason", .string(j.reason))])
    }

    static func diagnostic(_ d: Diagnostic) -> JSON {
        .object([
            ("severity", .string(d.severity.rawValue)), ("message", .string(d.message)),
            ("file", .optional(d.location?.file)), ("line", .optional(d.location?.line)), ("column", .optional(d.location?.column)),
            ("hint", .optional(d.hint)),
        ])
    }

    static func strings(_ values: [String]) -> JSON { .array(values.map(JSON.string)) }
}

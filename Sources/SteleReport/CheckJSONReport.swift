import SteleCore
import SteleCheck

/// `stele check --format json`: schema version 1 (docs/cli.md).
public enum CheckJSONReport {
    public static func render(_ result: CheckResult, fileCount: Int, diagnostics: [Diagnostic]) -> String {
        ReportBuffer.collect { write(result, fileCount: fileCount, diagnostics: diagnostics, emit: $0) }
    }

    /// The same document, streamed: one finding at a time (`JSONStream`).
    public static func write(_ result: CheckResult, fileCount: Int, diagnostics: [Diagnostic], emit: ([UInt8]) -> Void) {
        let enforced = result.rules.filter { $0.state.isEnforced }.count
        var summary: [(String, JSON)] = [
            ("files", .int(fileCount)), ("rules", .int(enforced)), ("rulesNotEnforced", .int(result.rules.count - enforced)),
            ("proseRules", .int(result.proseRules.count)),
            ("errors", .int(result.errorCount)), ("warnings", .int(result.warningCount)), ("infos", .int(result.infoCount)),
            ("suppressed", .int(result.suppressed.count)),
        ]
        // Only when there is something to say: the judge judged prose rules, or a use was ambiguous.
        let prose = CheckTextReport.proseCounts(result)
        if prose.judged > 0 { summary.append(("proseRulesJudged", .int(prose.judged))) }
        if !result.ambiguousUses.isEmpty {
            summary.append(("ambiguousUses", .int(result.ambiguousUses.count)))
            summary.append(("ambiguousUsesJudged", .int(result.judgedAmbiguousUses)))
        }
        JSONStream.write([
            .value("version", .int(1)),
            .value("summary", .object(summary)),
            .elements("findings", count: result.findings.count) { ReportJSON.finding(result.findings[$0]) },
            .value("diagnostics", .array(diagnostics.map(ReportJSON.diagnostic))),
        ], emit: emit)
    }

    /// The document for a run that stopped before checking (exit 2: the rules or ADRs have errors):
    /// a tool that reads the JSON gets the reason and the located errors, not an empty output.
    public static func stopped(_ reason: String, diagnostics: [Diagnostic]) -> String {
        JSON.object([
            ("version", .int(1)),
            ("error", .string(reason)),
            ("findings", .array([])),
            ("diagnostics", .array(diagnostics.map(ReportJSON.diagnostic))),
        ]).rendered()
    }
}

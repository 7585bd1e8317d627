import SteleCore
import SteleCheck

/// `stele check --format json`: schema version 1 (docs/cli.md).
public enum CheckJSONReport {
    public static func render(_ result: CheckResult, fileCount: Int, diagnostics: [Diagnostic]) -> String {
        let enforced = result.rules.filter { $0.state.isEnforced }.count
        let findings: [JSON] = result.findings.map(ReportJSON.finding)
        return JSON.object([
            ("version", .int(1)),
            ("summary", .object([
                ("files", .int(fileCount)), ("rules", .int(enforced)), ("rulesNotEnforced", .int(result.rules.count - enforced)),
                ("proseRules", .int(result.proseRules.count)),
                ("errors", .int(result.errorCount)), ("warnings", .int(result.warningCount)), ("infos", .int(result.infoCount)),
                ("suppressed", .int(result.suppressed.count)),
            ])),
            ("findings", .array(findings)),
            ("diagnostics", .array(diagnostics.map(ReportJSON.diagnostic))),
        ]).rendered()
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

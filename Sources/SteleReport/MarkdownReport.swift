import SteleCore
import SteleCheck

/// `stele check --format markdown`: a summary and a table, for a pull-request comment or a CI job
/// summary (`>> $GITHUB_STEP_SUMMARY`).
public enum MarkdownReport {
    public static func render(_ result: CheckResult, fileCount: Int) -> String {
        var out = "### Stele: " + CheckTextReport.summary(result, fileCount: fileCount).dropFirst("stele: ".count) + "\n\n"
        if result.findings.isEmpty {
            out += "Every enforced architecture decision holds.\n"
            return out
        }
        out += "| | Where | Finding | Rule | Decision |\n| --- | --- | --- | --- | --- |\n"
        for f in result.findings {
            let icon: String
            switch f.severity {
            case .error: icon = "❌"
            case .warning: icon = "⚠️"
            case .info: icon = "ℹ️"
            }
            let decision = f.rule.provenance.adr.map { "[\($0.id)](\($0.file)) \(cell($0.title)) (\($0.status.rawValue))" }
                ?? "`\(f.rule.provenance.location.file)`"
            out += "| \(icon) | `\(f.location.file):\(f.location.line)` | \(cell(f.message)) | \(cell(f.rule.text)) | \(decision) |\n"
        }
        return out
    }

    /// A table cell: `|` escaped, line breaks folded.
    static func cell(_ text: String) -> String {
        text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }
}

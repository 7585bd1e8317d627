import SteleCore
import SteleCheck

/// `stele check --format markdown`: a summary and a table, for a pull-request comment or a CI job
/// summary (`>> $GITHUB_STEP_SUMMARY`).
enum MarkdownReport {
    /// - Parameter linkBase: where files are browsed, `https://github.com/OWNER/REPO/blob/SHA/` in a
    ///   GitHub workflow; without it, links are relative to the repository root.
    static func render(_ result: CheckResult, fileCount: Int, linkBase: String? = nil) -> String {
        ReportBuffer.collect { write(result, fileCount: fileCount, linkBase: linkBase, emit: $0) }
    }

    static func write(_ result: CheckResult, fileCount: Int, linkBase: String? = nil, emit: ([UInt8]) -> Void) {
        var out = ReportBuffer()
        defer { out.finish(emit) }
        out.put("### Stele: " + CheckTextReport.summary(result, fileCount: fileCount).dropFirst("stele: ".count) + "\n\n", emit)
        if result.findings.isEmpty {
            out.put("Every enforced architecture decision holds.\n", emit)
            return
        }
        out.put("| | Where | Finding | Rule | Decision |\n| --- | --- | --- | --- | --- |\n", emit)
        // What fails the build first: errors, then warnings, then notes, each in file order.
        let ordered = result.findings.enumerated().sorted { a, b in
            rank(a.element.severity) != rank(b.element.severity) ? rank(a.element.severity) < rank(b.element.severity) : a.offset < b.offset
        }.map(\.element)
        for f in ordered {
            let icon: String
            switch f.severity {
            case .error: icon = "❌"
            case .warning: icon = "⚠️"
            case .info: icon = "ℹ️"
            }
            let decision = f.rule.provenance.adr.map { "[\($0.id)](\($0.file)) \(MarkupText.markdownCell($0.title)) (\($0.status.rawValue))" }
                ?? "`\(f.rule.provenance.location.file)`"
            let target = (linkBase ?? "") + SARIFReport.uri(f.location.file) + "#L\(f.location.line)"
            out.put("| \(icon) | [`\(MarkupText.markdownCell(f.location.file)):\(f.location.line)`](\(target)) | \(MarkupText.markdownCell(f.message)) | \(MarkupText.markdownCell(f.rule.text)) | \(decision) |\n", emit)
        }
    }

    static func rank(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        }
    }
}

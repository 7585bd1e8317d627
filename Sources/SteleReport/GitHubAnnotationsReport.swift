import SteleCore
import SteleCheck

/// `stele check --format github`: GitHub Actions workflow commands, one annotation per finding,
/// shown on the pull request's diff at the offending line.
enum GitHubAnnotationsReport {
    static func render(_ result: CheckResult) -> String {
        var out = ""
        for f in result.findings {
            let command: String
            switch f.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            let title = f.rule.provenance.adr.map { "\($0.id): \(f.rule.text)" } ?? f.rule.text
            var message = f.message
            if let adr = f.rule.provenance.adr {
                message += "\nRule: \(f.rule.text) (\(f.rule.provenance.location.file):\(f.rule.provenance.location.line))"
                message += "\nDecision: \(adr.id) \"\(adr.title)\" (\(adr.status.rawValue))"
            } else {
                message += "\nRule: \(f.rule.text) (\(f.rule.provenance.location.file):\(f.rule.provenance.location.line))"
            }
            out += "::\(command) file=\(property(f.location.file)),line=\(f.location.line),col=\(f.location.column),title=\(property(title))::\(data(message))\n"
        }
        return out
    }

    /// Escapes a command's message (`%`, CR, LF), as the runner expects.
    static func data(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    /// Escapes a command property value: the message escapes plus `:` and `,`.
    static func property(_ text: String) -> String {
        data(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

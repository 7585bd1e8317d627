import SteleCore
import SteleCheck
import SteleRules

/// `stele check --format sarif`: SARIF 2.1.0, as GitHub code scanning reads it.
///
/// Every compiled rule is a `reportingDescriptor` whose help text names its ADR; every finding is a
/// `result` with a physical location relative to `%SRCROOT%` and a `partialFingerprints` entry (the
/// line-independent fingerprint), so that alerts survive code moving between runs.
enum SARIFReport {
    static func render(_ result: CheckResult, toolVersion: String) -> String {
        ReportBuffer.collect { write(result, toolVersion: toolVersion, emit: $0) }
    }

    /// Streamed: one result at a time (`JSONStream`), inside the one run.
    static func write(_ result: CheckResult, toolVersion: String, emit: ([UInt8]) -> Void) {
        let rules = result.rules.filter { $0.state.isEnforced }
        var index: [String: Int] = [:]
        var descriptors: [JSON] = []
        for rule in rules where index[rule.id] == nil {
            index[rule.id] = descriptors.count
            descriptors.append(descriptor(rule))
        }
        func sarifResult(_ finding: Finding) -> JSON {
            var members: [(String, JSON)] = [("ruleId", .string(finding.rule.id))]
            if let i = index[finding.rule.id] { members.append(("ruleIndex", .int(i))) }
            members += [
                ("level", .string(level(finding.severity))),
                ("message", .object([("text", .string(message(finding)))])),
                ("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(uri(finding.location.file))), ("uriBaseId", .string("%SRCROOT%"))])),
                    ("region", .object([
                        ("startLine", .int(finding.location.line)), ("startColumn", .int(finding.location.column)),
                        ("snippet", .object([("text", .string(finding.snippet))])),
                    ])),
                ]))])])),
                ("partialFingerprints", .object([("steleFingerprint/v1", .string(finding.fingerprint))])),
                ("properties", .object([("from", .string(finding.from)), ("to", .string(finding.to))]
                                       + (finding.judged.map { [("judged", ReportJSON.judgement($0))] } ?? []))),
            ]
            return .object(members)
        }
        JSONStream.write([
            .value("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            .value("version", .string("2.1.0")),
            .objects("runs", [[
                .value("tool", .object([("driver", .object([
                    ("name", .string("Stele")),
                    ("version", .string(toolVersion)),
                    ("semanticVersion", .string(toolVersion)),
                    ("rules", .array(descriptors)),
                ]))])),
                .elements("results", count: result.findings.count) { sarifResult(result.findings[$0]) },
            ]]),
        ], emit: emit)
    }

    static func descriptor(_ rule: CompiledRule) -> JSON {
        let why = rule.provenance.adr.map { "\($0.id) \"\($0.title)\" (\($0.status.rawValue), \($0.file))" }
            ?? "rules file \(rule.provenance.location.file)"
        let help = "\(rule.text)\n\nDecision: \(why), line \(rule.provenance.location.line)."
        let markdown = "`\(rule.text)`\n\nDecision: " + (rule.provenance.adr.map { "[\($0.id) \($0.title)](\($0.file)) (\($0.status.rawValue))" }
            ?? "`\(rule.provenance.location.file)`") + ", line \(rule.provenance.location.line)."
        var members: [(String, JSON)] = [
            ("id", .string(rule.id)),
            ("name", .string(rule.id)),
            ("shortDescription", .object([("text", .string(rule.text))])),
            ("fullDescription", .object([("text", .string(help))])),
            ("help", .object([("text", .string(help)), ("markdown", .string(markdown))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
        ]
        members.append(("properties", .object([("tags", .array([.string("architecture")]))])))
        return .object(members)
    }

    static func message(_ finding: Finding) -> String {
        var text = finding.message
        if let adr = finding.rule.provenance.adr { text += " (breaks \(adr.id): \(adr.title))" }
        return text
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A relative URI reference: path segments percent-encoded where URIs require it.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "/-._~".contains(c)) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

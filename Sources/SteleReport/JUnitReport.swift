import SteleCore
import SteleCheck
import SteleRules

/// `stele check --format junit`: JUnit XML, as CI systems show test results. One test suite per
/// decision (ADR or rules file), one test case per rule, one `<failure>` per finding; rules not in
/// force are `<skipped>` with the reason.
enum JUnitReport {
    static func render(_ result: CheckResult) -> String {
        ReportBuffer.collect { write(result, emit: $0) }
    }

    static func write(_ result: CheckResult, emit: ([UInt8]) -> Void) {
        var out = ReportBuffer()
        func put(_ text: String) { out.put(text, emit) }
        let findingsByRule = Dictionary(grouping: result.findings, by: \.rule.id)
        // Suites in the order their rules come; each rule once.
        var suites: [(name: String, rules: [CompiledRule])] = []
        var seen = Set<String>()
        for rule in result.rules where seen.insert(rule.id).inserted {
            let suite = rule.provenance.adr.map { "\($0.id) \($0.title)" } ?? rule.provenance.location.file
            if let i = suites.firstIndex(where: { $0.name == suite }) { suites[i].rules.append(rule) } else { suites.append((suite, [rule])) }
        }
        let failing = result.findings.filter { $0.severity == .error }.count
        put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        put("<testsuites name=\"stele\" tests=\"\(seen.count)\" failures=\"\(failing)\" errors=\"0\">\n")
        for suite in suites {
            let failures = suite.rules.reduce(0) { $0 + (findingsByRule[$1.id] ?? []).filter { $0.severity == .error }.count }
            let skipped = suite.rules.filter { !$0.state.isEnforced }.count
            put("  <testsuite name=\"\(escape(suite.name))\" tests=\"\(suite.rules.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n")
            for rule in suite.rules {
                let location = rule.provenance.location
                put("    <testcase classname=\"\(escape(rule.provenance.adr?.id ?? location.file))\" name=\"\(escape(rule.text))\" file=\"\(escape(location.file))\" line=\"\(location.line)\"")
                let findings = findingsByRule[rule.id] ?? []
                if rule.state.isEnforced && findings.isEmpty {
                    put("/>\n")
                    continue
                }
                put(">\n")
                if let reason = rule.state.reason {
                    put("      <skipped message=\"\(escape(reason))\"/>\n")
                }
                for finding in findings {
                    // Warnings are reported but do not fail the gate, so they are not JUnit failures.
                    let element = finding.severity == .error ? "failure" : "system-out"
                    let body = "\(finding.location): \(finding.message)\n    \(finding.snippet)"
                    if element == "failure" {
                        put("      <failure type=\"\(finding.severity.rawValue)\" message=\"\(escape(finding.location.description + ": " + finding.message))\">\(escape(body))</failure>\n")
                    } else {
                        put("      <system-out>\(escape(finding.severity.rawValue + ": " + body))</system-out>\n")
                    }
                }
                put("    </testcase>\n")
            }
            put("  </testsuite>\n")
        }
        put("</testsuites>\n")
        out.finish(emit)
    }

    /// XML character data and attribute values (see `MarkupText`).
    static func escape(_ text: String) -> String { MarkupText.escape(text) }
}

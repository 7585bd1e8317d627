import SteleCore
import SteleCheck
import SteleRules

/// `stele check` (default format): compiler-style lines that editors and terminals make clickable,
/// each followed by the rule and the decision it comes from, so the reader needs no other file.
enum CheckTextReport {
    static func render(_ result: CheckResult, fileCount: Int, root: String = ".") -> String {
        ReportBuffer.collect { write(result, fileCount: fileCount, root: root, emit: $0) }
    }

    static func write(_ result: CheckResult, fileCount: Int, root: String = ".", emit: ([UInt8]) -> Void) {
        var out = ReportBuffer()
        for f in result.findings {
            var text = "\(f.location): \(f.severity.rawValue): \(f.message)"
            if let adr = f.rule.provenance.adr { text += " [\(adr.id)]" }
            text += "\n"
            if !f.snippet.isEmpty { text += "    \(f.snippet)\n" }
            if !f.conditions.isEmpty { text += "  only when: #if \(f.conditions.joined(separator: " › #if "))\n" }
            text += "  rule: \(f.rule.text)  (\(f.rule.provenance.location.file):\(f.rule.provenance.location.line))\n"
            if let adr = f.rule.provenance.adr {
                text += "  why:  \(adr.id) \"\(adr.title)\" (\(adr.status.rawValue), \(adr.file))\n"
            }
            text += "  more: \(explainCommand(for: f.rule, root: root))\n"
            out.put(text, emit)
        }
        out.put(summary(result, fileCount: fileCount) + "\n", emit)
        out.finish(emit)
    }

    /// The command that explains a finding's rule: its decision, an example and its fix.
    public static func explainCommand(for rule: CompiledRule, root: String) -> String {
        "stele explain " + ([rule.id] + (root == "." ? [] : [root])).map(shellWord).joined(separator: " ")
    }

    /// `word` as one shell word: as it is when it holds nothing a shell reads, else single-quoted.
    static func shellWord(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { s in
            (s.properties.isAlphabetic && s.isASCII) || ("0"..."9").contains(s) || "-_./:=+@%,".unicodeScalars.contains(s)
        }
        if plain { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    static func summary(_ result: CheckResult, fileCount: Int) -> String {
        let enforced = result.rules.filter { $0.state.isEnforced }.count
        let notEnforced = result.rules.count - enforced
        var parts = ["\(fileCount) \(plural(fileCount, "file"))", "\(enforced) \(plural(enforced, "rule")) enforced"]
        if notEnforced > 0 { parts.append("\(notEnforced) not enforced") }
        let prose = proseCounts(result)
        if prose.judged > 0 {
            parts.append("\(prose.judged) prose \(plural(prose.judged, "rule")) judged" + (prose.notChecked > 0 ? ", \(prose.notChecked) not checked" : ""))
        } else if prose.notChecked > 0 {
            parts.append("\(prose.notChecked) prose \(plural(prose.notChecked, "rule")) not checked")
        }
        let ambiguous = result.ambiguousUses.count, unresolved = ambiguous - result.judgedAmbiguousUses
        if result.judgedAmbiguousUses > 0 {
            parts.append("\(result.judgedAmbiguousUses) ambiguous \(plural(result.judgedAmbiguousUses, "use")) judged" + (unresolved > 0 ? ", \(unresolved) not resolved" : ""))
        } else if ambiguous > 0 {
            parts.append("\(ambiguous) ambiguous \(plural(ambiguous, "use")) not resolved")
        }
        if !result.suppressed.isEmpty { parts.append("\(result.suppressed.count) suppressed inline") }
        let counts = [(result.errorCount, "error"), (result.warningCount, "warning"), (result.infoCount, "note")]
            .filter { $0.0 > 0 }.map { "\($0.0) \(plural($0.0, $0.1))" }
        let verdict = counts.isEmpty ? "no violations" : counts.joined(separator: ", ")
        return "stele: \(verdict) (\(parts.joined(separator: ", ")))"
    }

    /// Prose rules the judge answered every question of in this run, and the others.
    static func proseCounts(_ result: CheckResult) -> (judged: Int, notChecked: Int) {
        let judged = result.proseRules.filter { result.judgedProseRules.contains($0.id) }.count
        return (judged, result.proseRules.count - judged)
    }

    static func plural(_ n: Int, _ word: String) -> String { n == 1 ? word : word + "s" }
}

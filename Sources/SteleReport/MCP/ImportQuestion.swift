import SteleCore
import SteleCheck
import SteleGraph
import SteleRules

/// "May file F import module M?", answered from two runs of the real check: the tree as it is, and
/// the tree with `import M` added at the top of F. The findings the second run has and the first
/// has not (by fingerprint, which does not depend on lines), or that sit on the added line, are
/// what the import would cause; their rules and ADRs decide. Pure: the runs are done by the caller.
public enum ImportQuestion {
    /// The line put at the top of the file: an import in Swift, and in Python too.
    public static func virtualImport(_ module: String) -> String { "import \(module)\n" }

    /// Whether `module` can be written after `import`: dotted identifiers only.
    public static func isModuleName(_ module: String) -> Bool {
        let parts = module.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            guard let first = part.first, first.isLetter || first == "_" else { return false }
            return part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        }
    }

    public struct Answer: Sendable {
        public var file: String
        public var module: String
        /// The findings the import would cause.
        public var findings: [Finding]
        /// Rules on using declarations of the module's folders, and on names, that an import alone
        /// does not break but that still bind the file.
        public var notes: [String]
        /// Whether the file imports the module already.
        public var alreadyImported: Bool

        public var allowed: Bool { !findings.contains { $0.severity == .error } }
    }

    /// - Parameters:
    ///   - before: the check of the tree as it is.
    ///   - after: the check with the import added at line 1 of `file`.
    public static func answer(file: String, module: String, before: CheckResult, after: CheckResult, architecture: Architecture,
                              alreadyImported: Bool) -> Answer {
        let known = Set(before.findings.flatMap(\.fingerprints))
        var caused = after.findings.filter { f in
            (f.location.file == file && f.location.line == 1) || !f.fingerprints.contains(where: known.contains)
        }
        if alreadyImported {
            // The same import again has the same fingerprint: today's findings on it decide.
            caused += before.findings.filter { $0.location.file == file && $0.snippet == "import \(module)" }
        }
        var seen = Set<String>()
        caused = caused.filter { seen.insert($0.fingerprint).inserted }
        return Answer(file: file, module: module, findings: caused, notes: notes(file: file, module: module, rules: after.rules, architecture: architecture),
                      alreadyImported: alreadyImported)
    }

    /// Rules the import does not break but the code written after it may: a forbidden target that
    /// is a folder of the module (reached by using its declarations), and names the file must not use.
    static func notes(file: String, module: String, rules: [CompiledRule], architecture: Architecture) -> [String] {
        guard let index = architecture.scan.files.firstIndex(where: { $0.path == file }) else { return [] }
        let moduleFiles = Set(architecture.moduleFiles[module] ?? [])
        func set(_ selector: Selector) -> ComponentSet? {
            if case .resolved(let set) = architecture.resolve(selector) { return set }
            return nil
        }
        func holds(_ selector: Selector) -> Bool { set(selector)?.files.contains(index) ?? false }
        var notes: [String] = []
        for rule in rules where rule.state.isEnforced {
            var forbidden: [Selector] = []
            switch rule.rule.kind {
            case .mustNotDependOn(let a, let targets, _) where holds(a):
                forbidden = targets
            case .layers(let layers, _):
                if let own = layers.firstIndex(where: holds) { forbidden = Array(layers[..<own]) }
            case .onlyMayDependOn(let allowed, let target) where !allowed.contains(where: holds):
                forbidden = [target]
            case .independent(let family):
                if let members = architecture.families[family], let own = members.first(where: { $0.value.files.contains(index) }) {
                    forbidden = members.keys.filter { $0 != own.key }.sorted().map { .member(family: family, member: $0) }
                }
            case .mustNotUse(let a, let symbols) where holds(a):
                notes.append("whatever it imports, \(file) must not use \(symbols.joined(separator: ", ")): \(describe(rule))")
            default:
                break
            }
            for target in forbidden {
                guard let targetSet = set(target), architecture.isPartial(targetSet), targetSet.files.contains(where: moduleFiles.contains) else { continue }
                notes.append("an import of \(module) does not break this rule, but using the declarations of \(target) (a part of \(module)) does: \(describe(rule))")
            }
        }
        return notes
    }

    static func describe(_ rule: CompiledRule) -> String {
        var out = "\(rule.id) \"\(rule.text)\" (\(rule.provenance.location.file):\(rule.provenance.location.line))"
        if let adr = rule.provenance.adr { out += ", \(adr.id) \"\(adr.title)\"" }
        return out
    }

    public static func text(_ answer: Answer) -> String {
        var out: String
        let errors = answer.findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            out = "No: \(answer.file) must not import \(answer.module).\n"
        } else if !answer.findings.isEmpty {
            out = "Yes, with warnings: \(answer.file) may import \(answer.module), but rules in force warn about it.\n"
        } else {
            out = "Yes: no rule in force forbids \(answer.file) to import \(answer.module).\n"
        }
        if answer.alreadyImported { out += "(It imports \(answer.module) already.)\n" }
        for f in answer.findings {
            out += "- \(f.severity.rawValue): \(f.message)\n  rule \(describe(f.rule))\n"
            out += "  explain: \(f.rule.id)\n"
        }
        if !answer.notes.isEmpty {
            out += "Also:\n"
            for note in answer.notes { out += "- \(note)\n" }
        }
        return out
    }

    public static func json(_ answer: Answer) -> JSON {
        var decidedBy: [JSON] = []
        var ids = Set<String>()
        for f in answer.findings where ids.insert(f.rule.id).inserted {
            decidedBy.append(.object([
                ("ruleId", .string(f.rule.id)), ("rule", .string(f.rule.text)), ("severity", .string(f.severity.rawValue)),
                ("adr", ReportJSON.adr(of: f.rule.provenance)), ("source", ReportJSON.source(of: f.rule.provenance)),
            ]))
        }
        return .object([
            ("file", .string(answer.file)), ("module", .string(answer.module)), ("allowed", .bool(answer.allowed)),
            ("alreadyImported", .bool(answer.alreadyImported)),
            ("decidedBy", .array(decidedBy)),
            ("findings", .array(answer.findings.map(ReportJSON.finding))),
            ("notes", ReportJSON.strings(answer.notes)),
        ])
    }
}

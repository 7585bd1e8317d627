import SteleCore
import SteleGraph
import SteleRules
import SteleScan

/// The outcome of checking a codebase against its decision set.
public struct CheckResult: Sendable {
    /// Sorted by location: the order of the report.
    public var findings: [Finding]
    /// Every rule, with its final state (a rule whose names do not resolve is not enforced).
    public var rules: [CompiledRule]
    /// Unknown names, vacuous rules, idle suppressions: problems with the rules rather than the code.
    public var diagnostics: [Diagnostic]
    /// Findings an inline `stele:allow … -- reason` accepted.
    public var suppressed: [Finding]
    /// Bullets of in-force ADRs' rules sections that are not in the rule language: decisions
    /// written for people, which nothing checks (until the judge does).
    public var proseRules: [ProseRule] = []
    /// Enforced rules whose subject matches no file (a rule about nothing can never fail), by rule
    /// id, with the selector that matches nothing: the "vacuous rule" warnings, as data.
    public var vacuous: [String: String] = [:]
    /// Uses of names declared in several files that a rule forbids for some of those files: not
    /// findings, not resolved (`stele check --judge` asks about them), by file and position.
    public var ambiguousUses: [AmbiguousUse] = []
    /// Of those, how many the judge answered in this run.
    public var judgedAmbiguousUses = 0
    /// The prose rules (ids) the judge asked about in this run with every question answered.
    public var judgedProseRules: Set<String> = []

    public init(findings: [Finding], rules: [CompiledRule], diagnostics: [Diagnostic], suppressed: [Finding] = []) {
        self.findings = findings
        self.rules = rules
        self.diagnostics = diagnostics
        self.suppressed = suppressed
    }

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
    public var infoCount: Int { findings.filter { $0.severity == .info }.count }
}

/// Checks every enforced rule of a rule book against an architecture.
public enum Checker {
    /// - Parameter changes: changed-files mode: only the findings the change takes part in are
    ///   returned, those made of several places (cycles, indirect paths) at the change (`ChangeScope`).
    public static func check(_ book: RuleBook, architecture: Architecture, changes: ChangeScope? = nil) -> CheckResult {
        let changed = changes.map { ChangedImports(files: $0.files(in: architecture.scan), scan: architecture.scan) } ?? ChangedImports()
        var rules: [CompiledRule] = []
        var findings: [Finding] = []
        var diagnostics: [Diagnostic] = []
        var vacuous: [String: String] = [:]
        var ambiguous: [AmbiguousUse] = []
        for var rule in book.rules {
            let problems = nameProblems(of: rule, in: architecture)
            if !problems.isEmpty {
                // A bullet written for people may name things loosely: warn, don't stop (the spec).
                let isBullet = rule.provenance.origin == .rulesSection
                for problem in problems {
                    diagnostics.append(Diagnostic(isBullet ? .warning : .error, problem.message, at: rule.provenance.location, hint: problem.hint))
                }
                if rule.state.isEnforced || isBullet {
                    rule.state = .notEnforced(reason: problems[0].message)
                }
                rules.append(rule)
                continue
            }
            rules.append(rule)
            guard rule.state.isEnforced, let check = check(for: rule.rule.kind) else { continue }
            let context = CheckContext(architecture: architecture, rule: rule, changed: changed)
            if let selector = check.vacuousSelector(in: context) {
                vacuous[rule.id] = selector
                diagnostics.append(.warning("vacuous rule: \(selector) matches no file", at: rule.provenance.location,
                                            hint: "check the component's glob or module name; a rule about nothing can never fail"))
            }
            // One finding per line per rule and message: an import that lands in several forbidden
            // components is reported once, and so are two uses of the same name on one line, with
            // their count.
            var seen: [String: (index: Int, count: Int)] = [:]
            for finding in check.findings(in: context) {
                let key = "\(finding.location.file):\(finding.location.line)|\(finding.message)"
                if let first = seen[key] {
                    if finding.location != findings[first.index].location { seen[key]!.count += 1 }
                    continue
                }
                seen[key] = (findings.count, 1)
                findings.append(finding)
            }
            for (_, entry) in seen where entry.count > 1 {
                findings[entry.index].message += " (\(entry.count) uses on this line)"
            }
            ambiguous += ambiguousUses(of: rule, check: check, architecture: architecture)
        }
        findings.sort(by: Finding.ordered)
        // Suppressions are read at each finding's own place, as in a full run, before any is moved to the change.
        let filtered = SuppressionFilter.apply(findings, files: architecture.scan.files, today: book.today, judged: Checker.judgedRules(book),
                                               ambiguous: ambiguous)
        var result = CheckResult(findings: filtered.kept, rules: rules, diagnostics: diagnostics + filtered.diagnostics,
                                 suppressed: filtered.suppressed)
        result.vacuous = vacuous
        let changedPaths = changes.map { Set($0.files(in: architecture.scan).map { architecture.scan.files[$0].path }) }
        result.ambiguousUses = ambiguous.filter { changedPaths?.contains($0.file) ?? true }
            .sorted { ($0.file, $0.line, $0.column, $0.rule.id) < ($1.file, $1.line, $1.column, $1.rule.id) }
        result.proseRules = book.proseRules.filter { $0.provenance.adr?.status.isInForce ?? true }
        if let changes {
            result.findings = changes.restrict(filtered.kept, book: book, architecture: architecture)
            result.suppressed = changes.restrictSuppressed(filtered.suppressed, book: book, architecture: architecture)
        }
        return result
    }

    /// Whether any enforced rule reads symbol uses: one whose check reads them by name (`must not
    /// use`, wherever its subject is), or one that names a folder (a glob, in the rule or in a
    /// component), whose dependencies inside a module only symbol uses show. When none does, no
    /// file is read past its imports.
    public static func needsSymbols(_ book: RuleBook) -> Bool {
        func isGlob(_ selector: Selector) -> Bool { if case .glob = selector { return true } else { return false } }
        for rule in book.rules where rule.state.isEnforced {
            guard let check = check(for: rule.rule.kind) else { continue }
            if !check.resolvesSymbols || rule.rule.selectors.contains(where: isGlob) { return true }
        }
        return book.components.contains { $0.sources.contains { if case .glob = $0 { return true } else { return false } } }
    }

    /// The files whose symbol uses the enforced rules read (`read`), and those of them whose uses
    /// must be resolved to declarations (`resolved`, for dependency rules). Only they and the files
    /// they can see (`ScanResult.filesVisible(from:)`) need their symbols read. Asked of an
    /// architecture built from imports alone: which files a rule covers depends on paths and
    /// modules, never on symbols.
    public static func symbolSubjects(_ book: RuleBook, architecture: Architecture) -> (read: Set<Int>, resolved: Set<Int>) {
        let reading = symbolReading(book, architecture: architecture)
        return (reading.read.union(reading.readIfNamed), reading.resolved)
    }

    /// Which files' symbols the enforced rules read, and on what condition.
    public struct SymbolReading: Sendable {
        /// Files whose uses are read, whatever they hold.
        public var read = Set<Int>()
        /// Files whose uses matter only where they name one of `names` (`must not use` subjects): a
        /// file that does not hold one of them, written out, need not be lexed to its end.
        public var readIfNamed = Set<Int>()
        public var names = Set<String>()
        /// Files whose uses must be resolved to declarations (dependency rules).
        public var resolved = Set<Int>()

        public init() {}
    }

    /// Reads into `session` the symbols `reading` asks for: its files and those they can see in
    /// full; the files only `must not use` rules read (and those they see) where they name what
    /// those forbid. Returns how many files of each kind were asked for.
    @discardableResult
    public static func readSymbols(_ reading: SymbolReading, into session: inout ScanSession) -> (read: Int, ifNamed: Int) {
        let visible = session.result.filesVisible(from: reading.read)
        session.readSymbols(of: visible)
        let ifNamed = session.result.filesVisible(from: reading.readIfNamed).subtracting(visible)
        if !ifNamed.isEmpty { session.readSymbols(of: ifNamed, naming: reading.names) }
        return (visible.count, ifNamed.count)
    }

    /// `symbolSubjects`, with the files only name-matching rules read kept apart (`readIfNamed`):
    /// the worst case, a `must not use` rule about every file, then lexes only the files that name
    /// what it forbids.
    public static func symbolReading(_ book: RuleBook, architecture: Architecture) -> SymbolReading {
        var reading = SymbolReading()
        for rule in book.rules where rule.state.isEnforced {
            guard let check = check(for: rule.rule.kind) else { continue }
            let sources = check.symbolSources(in: CheckContext(architecture: architecture, rule: rule))
            if let names = check.symbolNames, !check.resolvesSymbols {
                reading.readIfNamed.formUnion(sources)
                reading.names.formUnion(names)
            } else {
                reading.read.formUnion(sources)
            }
            if check.resolvesSymbols { reading.resolved.formUnion(sources) }
        }
        reading.readIfNamed.subtract(reading.read)
        return reading
    }

    static func check(for kind: Rule.Kind) -> RuleCheck? {
        switch kind {
        case .layers(let layers, let strict): return LayersCheck(layers: layers, strict: strict)
        case .mustNotDependOn(let a, let bs, let transitive): return ForbiddenDependencyCheck(subject: a, targets: bs, transitive: transitive)
        case .mustNotImport(let a, let modules): return ForbiddenImportCheck(subject: a, modules: modules)
        case .mayOnlyDependOn(let a, let bs): return AllowedDependenciesCheck(subject: a, allowed: bs)
        case .onlyMayDependOn(let allowed, let c): return ExclusiveDependencyCheck(allowed: allowed, target: c, modules: [])
        case .onlyMayImport(let allowed, let modules): return ExclusiveDependencyCheck(allowed: allowed, target: nil, modules: modules)
        case .noCycles(let a): return CycleCheck(subject: a)
        case .independent(let family): return IndependenceCheck(family: family)
        case .naming(let a, let pattern): return NamingCheck(subject: a, pattern: pattern)
        case .mustNotUse(let a, let symbols): return ForbiddenUseCheck(subject: a, symbols: symbols)
        case .manifestsMatchImports(let a): return ManifestTruthCheck(subject: a)
        case .judge: return nil
        }
    }

    /// When a name is unknown because of the manifest, say so: a `Package.swift` that declares no
    /// target Stele can read (empty, or not a manifest), or a `Sources/NAME/` folder that no target
    /// is named after. A suggestion of another name would mislead there.
    static func manifestHint(for name: String, in architecture: Architecture) -> String? {
        let files = architecture.scan.files
        let manifests = files.map(\.path).filter(ProjectScanner.isManifest)
        guard let manifest = manifests.first else { return nil }
        let packageModules = architecture.scan.modules.filter { $0.manifestPath.hasSuffix("Package.swift") }
        if packageModules.isEmpty {
            return "`\(manifest)` declares no target Stele can read (is it empty, or not a manifest?): fix it, or declare `component \(name) = Sources/\(name)/**`"
        }
        if files.contains(where: { $0.path.hasPrefix("Sources/\(name)/") }) {
            return "`Sources/\(name)/` has files, but no target of `\(manifest)` is named `\(name)`: use the target's name, or declare `component \(name) = Sources/\(name)/**`"
        }
        return nil
    }

    /// Names in the rule that mean nothing in this codebase, each with a hint.
    static func nameProblems(of rule: CompiledRule, in architecture: Architecture) -> [(message: String, hint: String?)] {
        nameProblems(of: rule.rule, in: architecture)
    }

    /// The same for a rule not in the book (a suggested one, `stele rules --suggest`): `alsoDeclared`
    /// are the components declared alongside it.
    public static func nameProblems(of rule: Rule, in architecture: Architecture, alsoDeclared: Set<String> = []) -> [(message: String, hint: String?)] {
        var problems: [(String, String?)] = []
        for selector in rule.selectors {
            if case .name(let name) = selector, alsoDeclared.contains(name) { continue }
            if case .unknown(let name, let suggestion) = architecture.resolve(selector) {
                problems.append(("unknown component `\(name)`",
                                 manifestHint(for: name, in: architecture) ?? suggestion.map { "did you mean `\($0)`?" }
                                    ?? "declare it (`component \(name) = Sources/\(name)/**`) or use a detected module's name; `stele scan` lists modules and components with their files"))
            }
        }
        // Module names in `must not import` / `only ... may import` may name what nobody imports yet,
        // but a near miss of a real module is a typo.
        let modules: [String]
        switch rule.kind {
        case .mustNotImport(_, let m), .onlyMayImport(_, let m): modules = m
        default: modules = []
        }
        for module in modules where !architecture.isKnownModule(module) {
            let root = String(module.split(separator: ".").first ?? Substring(module))
            if architecture.isKnownModule(root) { continue }
            if let suggestion = Suggestion.closest(to: module, in: architecture.internalModules.union(architecture.externals).union(PlatformModules.known)) {
                problems.append(("unknown module `\(module)`", "did you mean `\(suggestion)`?"))
            }
        }
        return problems
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SteleCheck
import SteleCore
import SteleFiles
import SteleJudge
import SteleRules
import SteleScan

/// `stele check --judge`, `--judge=replay`, `--judge-dry-run`: the judge's I/O edge. It reads the
/// files and the verdict store, runs `stele-judge` for what must be asked (never in replay), writes
/// the new verdicts, and adds the judged findings and notes to the check's result.
enum JudgeCommandLine {
    static func mode(_ option: String) -> JudgeSession.Mode? {
        switch option {
        case "ask": return .ask
        case "replay": return .replay
        case "dry-run": return .dryRun
        default: return nil
        }
    }

    struct Applied {
        var result: CheckResult
        /// Notes and store problems, to print and to report.
        var diagnostics: [Diagnostic]
        /// One line for standard error: how many questions, answered how.
        var summary: String
        /// `--judge-dry-run`: the requests.
        var printedRequests: [String]
    }

    /// Nil with a message when the judge's configuration is wrong (exit 2, like any configuration error).
    static func apply(_ mode: JudgeSession.Mode, to loaded: Pipeline.Loaded, result: CheckResult, root: String,
                      contents: [String: [UInt8]], changed: Set<String>?) -> Result<Applied, JudgeSettingsProblem> {
        let settings: JudgeSettings
        switch JudgeCommandLine.settings(loaded.book) {
        case .failure(let problem): return .failure(problem)
        case .success(let s): settings = s
        }
        var diagnostics: [Diagnostic] = []
        var questions: [JudgeQuestion] = []
        var judgeRules: Set<String> = []
        var proseRules: Set<String> = []
        // Each asked file's whole text is read for `stele:allow` (the scan read only its imports' comments).
        var suppressions: [String: [Suppression]] = [:]
        func text(of file: String) -> String? {
            let bytes: [UInt8]
            if let staged = contents[file] {
                bytes = staged
            } else if case .text(let read, true) = FileReader.read(root + "/" + file) {
                bytes = read
            } else {
                return nil
            }
            if suppressions[file] == nil { suppressions[file] = Suppression.all(in: bytes, path: file) }
            return String(decoding: bytes, as: UTF8.self)
        }
        func ask(_ rule: CompiledRule, question: String, component: String, files: [String]) {
            for file in files where changed?.contains(file) ?? true {
                guard let text = text(of: file) else { continue }
                questions += JudgeQuestion.questions(rule: rule, question: question, component: component, file: file, text: text)
            }
        }
        for rule in result.rules where rule.state == .notEnforced(reason: RuleBook.judgeNotEnabled) {
            guard let subjects = Checker.judgeSubjects(rule, architecture: loaded.architecture) else { continue }
            judgeRules.insert(rule.id)
            ask(rule, question: subjects.question, component: subjects.component, files: subjects.files)
        }
        // Prose rules whose ADR says `judge prose rules`: the ADR's sentence is the question.
        for prose in result.proseRules {
            switch Checker.proseSubjects(prose, architecture: loaded.architecture) {
            case nil: continue
            case .none(let why)?:
                diagnostics.append(.info("prose rule not judged: \"\(prose.text)\" (\(prose.id)): \(why)", at: prose.provenance.location))
            case .files(let rule, let component, let files)?:
                proseRules.insert(rule.id)
                ask(rule, question: prose.text, component: component, files: files)
            }
        }
        // Uses of a name several files declare, where a dependency rule forbids some of them (the
        // check left them out, changed files only already): which one each means.
        var uses = 0
        for use in result.ambiguousUses {
            guard let text = text(of: use.file), let question = JudgeQuestion.question(about: use, text: text) else { continue }
            questions.append(question)
            uses += 1
        }
        let storePath = root + "/" + VerdictStore.path
        var store = VerdictStore()
        if case .text(let bytes, _) = FileReader.read(storePath) {
            let parsed = VerdictStore.parse(String(decoding: bytes, as: UTF8.self))
            store = parsed.store
            for line in parsed.skipped {
                diagnostics.append(.warning("not a verdict: line skipped (its question is asked again)", at: SourceLocation(file: VerdictStore.path, line: line, column: 1),
                                            hint: "after a merge conflict, keep both sides' lines: the store sorts and merges them"))
            }
        }
        let session = JudgeSession(settings: settings, mode: mode)
        let outcome = session.run(questions, store: store, send: { requests in send(requests, settings: settings) })
        // `--judge` (never a replay or a dry run) drops the verdicts of files that are gone.
        let before = store.entries.count
        let goneFiles = mode == .ask ? store.prune(exists: { FileSystem.kind(of: root + "/" + $0) != nil }) : []
        let pruned = before - store.entries.count
        if !outcome.newEntries.isEmpty || pruned > 0 {
            store.insert(contentsOf: outcome.newEntries)
            let problem = FileSystem.createDirectories(root + "/.stele") ?? FileSystem.write(store.rendered(), to: storePath)
            if let problem {
                diagnostics.append(.warning("verdicts not stored: \(problem)", at: SourceLocation(file: VerdictStore.path, line: 1, column: 1)))
            }
        }
        var updated = result
        // `stele:allow` covers judged findings as it covers the others.
        let allowed = Checker.suppressingJudged(outcome.findings, suppressions: suppressions, scanned: loaded.architecture.scan.files,
                                                today: loaded.book.today)
        // An allow in a file with a question left unanswered may yet cover a finding: not "covers nothing".
        let unansweredFiles = Set(outcome.notes.filter { $0.message.hasPrefix("not judged:") }.compactMap { $0.location?.file })
        diagnostics += allowed.diagnostics.filter { !($0.message.hasSuffix("` suppresses nothing") && unansweredFiles.contains($0.location?.file ?? "")) }
        updated.findings = (result.findings + allowed.kept).sorted(by: Finding.ordered)
        if !allowed.suppressed.isEmpty { updated.suppressed = (result.suppressed + allowed.suppressed).sorted(by: Finding.ordered) }
        for k in updated.rules.indices where judgeRules.contains(updated.rules[k].id) {
            let id = updated.rules[k].id
            if let missing = outcome.unanswered[id] {
                updated.rules[k].state = .notEnforced(reason: "not judged: \(missing) \(missing == 1 ? "question has" : "questions have") no verdict")
            } else {
                updated.rules[k].state = .enforced
            }
        }
        updated.judgedAmbiguousUses = questions.indices.filter { questions[$0].use != nil && !outcome.unansweredQuestions.contains($0) }.count
        let asked = Set(questions.map(\.rule.id))
        updated.judgedProseRules = proseRules.filter { asked.contains($0) && outcome.unanswered[$0] == nil }
        diagnostics += outcome.notes
        updated.diagnostics += diagnostics
        let stored = questions.count - outcome.newEntries.count - outcome.unanswered.values.reduce(0, +)
        let unanswered = outcome.unanswered.values.reduce(0, +)
        func count(_ n: Int, _ what: String) -> String { "\(n) \(what)\(n == 1 ? "" : "s")" }
        // What was asked about: `judge` rules (named even when there are none and nothing else), prose rules, ambiguous uses.
        var about = judgeRules.isEmpty && !(proseRules.isEmpty && uses == 0) ? [] : [count(judgeRules.count, "`judge` rule")]
        if !proseRules.isEmpty { about.append(count(proseRules.count, "prose rule")) }
        if uses > 0 { about.append(count(uses, "ambiguous use")) }
        let summary = "stele: judge: \(count(questions.count, "question")) of \(about.joined(separator: " and ")): "
            + "\(stored) from \(VerdictStore.path), \(outcome.newEntries.count) newly judged (\(outcome.requestsSent) \(outcome.requestsSent == 1 ? "request" : "requests")), \(unanswered) not judged"
            + (pruned == 0 ? "" : "; \(pruned) stale \(pruned == 1 ? "verdict" : "verdicts") of \(goneFiles.count) deleted \(goneFiles.count == 1 ? "file" : "files") dropped")
            + (outcome.responseFormatRejected ? "; the server rejected response_format, so it was asked without it (STELE_JUDGE_RESPONSE_FORMAT=none or json-object)" : "")
        return .success(Applied(result: updated, diagnostics: diagnostics, summary: summary, printedRequests: outcome.printedRequests))
    }

    /// The judge's settings: the environment first, then `judge NAME VALUE` in rules/*.stele (never the key).
    static func settings(_ book: RuleBook) -> Result<JudgeSettings, JudgeSettingsProblem> {
        let written = book.judgeSettings
        return JudgeSettings.from(environment: { name in
            FileSystem.environment(name).flatMap { $0.isEmpty ? nil : $0 } ?? written[name]
        })
    }

    /// Runs `stele-judge` with the requests on its standard input; its answers by id. A helper that
    /// cannot start, or is stopped at its deadline, leaves requests unanswered with the reason.
    static func send(_ requests: [(id: String, request: ProviderRequest)], settings: JudgeSettings) -> [String: JudgeWire.Outcome] {
        guard let helper = helperPath() else {
            return failing(requests, "stele-judge was not found next to stele (set STELE_JUDGE_PATH)")
        }
        let input = requests.map { JudgeWire.requestLine(id: $0.id, $0.request) + "\n" }.joined()
        // Every round of `concurrency` requests may use all its attempts, with waits between them.
        let rounds = Double((requests.count + settings.concurrency - 1) / settings.concurrency)
        let perRequest = Double(settings.timeoutSeconds + 3) * Double(settings.attempts) + 31 * Double(settings.attempts - 1)
        let deadline = rounds * perRequest + 5
        guard let run = Subprocess.run([helper, "--timeout", String(settings.timeoutSeconds), "--attempts", String(settings.attempts),
                                        "--concurrency", String(settings.concurrency)], input: Array(input.utf8), deadline: deadline) else {
            return failing(requests, "cannot run \(helper)")
        }
        var answers: [String: JudgeWire.Outcome] = [:]
        for line in run.output.split(separator: UInt8(ascii: "\n")) {
            if let (id, outcome) = JudgeWire.parseOutcome(String(decoding: line, as: UTF8.self)) { answers[id] = outcome }
        }
        let why = run.timedOut ? "stele-judge was stopped after \(Int(deadline)) s" : "stele-judge gave no answer (exit status \(run.status))"
        for (id, _) in requests where answers[id] == nil { answers[id] = .failure(why) }
        return answers
    }

    static func failing(_ requests: [(id: String, request: ProviderRequest)], _ message: String) -> [String: JudgeWire.Outcome] {
        Dictionary(uniqueKeysWithValues: requests.map { ($0.id, JudgeWire.Outcome.failure(message)) })
    }

    /// `STELE_JUDGE_PATH`, else `stele-judge` in the running `stele`'s own directory.
    static func helperPath() -> String? {
        if let path = FileSystem.environment("STELE_JUDGE_PATH"), !path.isEmpty { return path }
        guard let executable = executablePath(), let slash = executable.lastIndex(of: "/") else { return nil }
        let candidate = String(executable[..<slash]) + "/stele-judge"
        return FileSystem.kind(of: candidate) == nil ? nil : candidate
    }

    static func executablePath() -> String? {
        #if canImport(Darwin)
        var length: UInt32 = 0
        _ = _NSGetExecutablePath(nil, &length)
        var buffer = [CChar](repeating: 0, count: Int(length) + 1)
        guard _NSGetExecutablePath(&buffer, &length) == 0 else { return nil }
        return FileSystem.realPath(String(cString: buffer))
        #else
        return FileSystem.realPath("/proc/self/exe")
        #endif
    }
}

import SteleCore
import SteleADR

/// The decision set: every component, rule and setting, from `rules/*.stele` and from the ADRs,
/// each rule with its provenance, severity and state.
public struct RuleBook: Sendable {
    public var components: [ComponentDeclaration] = []
    public var rules: [CompiledRule] = []
    public var proseRules: [ProseRule] = []
    public var settings: [Setting] = []
    public var diagnostics: [Diagnostic] = []
    /// The day the book was compiled for (`YYYY-MM-DD`): it decides which waivers hold.
    public var today = ""

    public init() {}

    /// Pure: compiles parsed rule files and ADRs. `today` (`YYYY-MM-DD`) decides `until` waivers;
    /// it is a parameter so that the same inputs always give the same output.
    public static func compile(ruleFiles: [RuleFile], adrs: [ADR], today: String) -> RuleBook {
        var book = RuleBook()
        book.today = today
        let adrsByID = Dictionary(adrs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var declared: [String: SourceLocation] = [:]

        func declare(_ component: ComponentDeclaration) {
            if let first = declared[component.name] {
                book.diagnostics.append(.error("component `\(component.name)` is declared twice", at: component.location,
                                               hint: "the first declaration is at \(first)"))
                return
            }
            declared[component.name] = component.location
            book.components.append(component)
        }

        for file in ruleFiles {
            book.diagnostics += file.diagnostics
            for line in file.lines {
                switch line.statement {
                case .component(let c): declare(c)
                case .setting(let s): book.settings.append(s)
                case .judgeProse:
                    book.diagnostics.append(.error("`judge prose rules` belongs in an ADR: it opts that ADR's prose rules in", at: line.location,
                                                   hint: "write it in the ADR's ```stele block, or write the rule here as `judge \"…\" for A`"))
                case .rule(let rule):
                    var adr: ADRReference?
                    if let id = rule.because {
                        if let cited = adrsByID[normaliseADRID(id)] {
                            adr = ADRReference(cited)
                            if !cited.status.isInForce {
                                book.diagnostics.append(.warning("this rule cites \(cited.id), which is \(cited.status.rawValue)", at: line.location,
                                                                 hint: "rules in .stele files stay in force; cite the ADR that replaced it"))
                            }
                        } else {
                            book.diagnostics.append(.warning("`because \(id)`: no ADR with that id", at: line.location,
                                                             hint: Suggestion.closest(to: id, in: adrsByID.keys).map { "did you mean `\($0)`?" }))
                        }
                    }
                    let provenance = Provenance(adr: adr, location: line.location, origin: .steleFile)
                    book.rules.append(compiled(rule, text: line.text, provenance: provenance, baseSeverity: .error, adrState: nil, today: today))
                }
            }
        }

        for adr in adrs {
            let reference = ADRReference(adr)
            var adrState: CompiledRule.State?
            if !adr.status.isInForce {
                let by = adr.supersededBy.isEmpty ? "" : " by " + adr.supersededBy.joined(separator: ", ")
                adrState = .inactive(reason: "\(adr.id) is \(adr.status.rawValue)\(by)")
            }
            let firstProse = book.proseRules.count
            var optIn: ProseJudging?
            for line in adr.ruleLines {
                let origin: Provenance.Origin = line.origin == .steleBlock ? .steleBlock : .rulesSection
                let provenance = Provenance(adr: reference, location: line.location, origin: origin)
                switch RuleParser.parse(line.text, at: line.location) {
                case .success(nil):
                    continue
                case .success(.component(let c)?):
                    if adr.status.isInForce { declare(c) }
                case .success(.judgeProse(var judging)?):
                    judging.location = line.location
                    optIn = judging
                case .success(.setting?):
                    book.diagnostics.append(.error("settings belong in rules/*.stele, not in an ADR", at: line.location,
                                                   hint: "move this line to rules/architecture.stele"))
                case .success(.rule(let rule)?):
                    var text = RuleFile.statementText(line.text)
                    // Bullets are sentences; the rule is the sentence without its full stop.
                    if origin == .rulesSection, text.hasSuffix(".") { text.removeLast() }
                    book.rules.append(compiled(rule, text: text, provenance: provenance,
                                               baseSeverity: adr.status.severity ?? .warning, adrState: adrState, today: today))
                case .failure(let diagnostic):
                    if origin == .rulesSection {
                        book.proseRules.append(ProseRule(text: line.text, provenance: provenance, parseError: diagnostic.message))
                    } else {
                        book.diagnostics.append(diagnostic)
                    }
                }
            }
            if let optIn {
                if book.proseRules.count == firstProse {
                    book.diagnostics.append(.warning("`judge prose rules`: \(adr.id) has no prose rule to judge", at: optIn.location,
                                                     hint: "prose rules are the bullets of its Rules section that are not in the rule language"))
                }
                for k in firstProse..<book.proseRules.count { book.proseRules[k].judging = optIn }
            }
        }
        // Each rule's place in its file, for its id (`ADR-0002/R3`).
        var counts: [String: Int] = [:]
        for k in book.rules.indices {
            let file = book.rules[k].provenance.location.file
            counts[file, default: 0] += 1
            book.rules[k].number = counts[file]!
        }
        // Waivers that end soon are announced, so that nobody is surprised by a red build.
        for rule in book.rules {
            guard case .waived(let until) = rule.state, let days = CalendarDay.days(from: today, to: until),
                  days <= CalendarDay.noticeDays else { continue }
            book.diagnostics.append(.info("waiver ends on \(until) (in \(days) \(days == 1 ? "day" : "days")): `\(rule.text)` will be enforced",
                                          at: rule.provenance.location, hint: "fix the violations, or extend the date if the decision says so"))
        }
        return book
    }

    static func compiled(_ rule: Rule, text: String, provenance: Provenance, baseSeverity: Severity,
                         adrState: CompiledRule.State?, today: String) -> CompiledRule {
        var state = adrState ?? .enforced
        if state == .enforced, let until = rule.until, today < until {
            state = .waived(until: until)
        }
        if state == .enforced {
            switch rule.kind {
            case .judge: state = .notEnforced(reason: RuleBook.judgeNotEnabled)
            default: break
            }
        }
        return CompiledRule(text: text, rule: rule, provenance: provenance, severity: rule.severity ?? rule.defaultSeverity(given: baseSeverity), state: state)
    }

    /// The state's reason for a `judge` rule in force while the judge is off (`stele check` without `--judge`).
    public static let judgeNotEnabled = "not judged: the LLM judge is not enabled"

    /// `adr-7`, `ADR 7`, `0007` → `ADR-0007`, the form ADR ids take.
    static func normaliseADRID(_ id: String) -> String {
        let digits = id.filter(\.isNumber)
        guard !digits.isEmpty, let n = Int(digits), id.drop(while: { !$0.isNumber }).allSatisfy(\.isNumber) else { return id }
        let padded = String(n)
        return "ADR-" + String(repeating: "0", count: max(0, 4 - padded.count)) + padded
    }

    /// The last value of each setting wins, as in most config formats.
    public var adrDirectory: String? {
        settings.reduce(nil) { last, s in if case .adrDirectory(let d) = s { return d } else { return last } }
    }
    public var scanGlobs: [Glob] {
        settings.flatMap { s -> [Glob] in if case .scan(let g) = s { return g } else { return [] } }
    }
    /// `judge NAME VALUE` settings by the environment variable each stands for; the last one wins.
    public var judgeSettings: [String: String] {
        var result: [String: String] = [:]
        for case .judge(let variable, let value) in settings { result[variable] = value }
        return result
    }
    public var ignoreGlobs: [Glob] {
        settings.flatMap { s -> [Glob] in if case .ignore(let g) = s { return g } else { return [] } }
    }
}

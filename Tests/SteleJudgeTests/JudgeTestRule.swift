import SteleCore
import SteleJudge
import SteleRules

/// A `judge` rule as an ADR's stele block gives it, for the tests.
enum JudgeTestRule {
    static let question = "the domain never reads the clock"

    static var rule: CompiledRule {
        let adr = ADRReference(id: "ADR-0009", title: "The domain never reads the clock", status: .accepted, file: "adr/0009-clock.md")
        var rule = CompiledRule(text: "judge \"\(question)\" for Domain", rule: Rule(kind: .judge(question, .name("Domain"))),
                                provenance: Provenance(adr: adr, location: SourceLocation(file: adr.file, line: 12, column: 1), origin: .steleBlock),
                                severity: .error, state: .enforced)
        rule.number = 1
        return rule
    }

    static func questions(_ text: String, file: String = "Sources/Domain/Order.swift", maximumLines: Int = 300) -> [JudgeQuestion] {
        JudgeQuestion.questions(rule: rule, question: question, component: "Domain", file: file, text: text, maximumLines: maximumLines)
    }

    static var settings: JudgeSettings {
        var settings = JudgeSettings()
        settings.url = "http://127.0.0.1:9/v1"
        settings.model = "test-model"
        return settings
    }
}

import XCTest
@testable import SteleADR
import SteleCore
@testable import SteleRules

/// `judge prose rules`: the opt-in an ADR writes to have its prose rules asked of the LLM judge.
final class JudgeProseTests: XCTestCase {
    let here = SourceLocation(file: "adr/0003-x.md", line: 7, column: 1)

    func statement(_ text: String) throws -> Statement? { try RuleParser.parse(text, at: here).get() }

    func failure(_ text: String) -> Diagnostic? {
        if case .failure(let d) = RuleParser.parse(text, at: here) { return d }
        XCTFail("expected an error for: \(text)")
        return nil
    }

    func testTheOptInParsesWithAComponentAndASeverity() throws {
        XCTAssertEqual(try statement("judge prose rules"), .judgeProse(ProseJudging(subject: nil, severity: nil)))
        XCTAssertEqual(try statement("Judge Prose Rules."), .judgeProse(ProseJudging(subject: nil, severity: nil)))
        XCTAssertEqual(try statement("judge prose rules for Domain"), .judgeProse(ProseJudging(subject: .name("Domain"), severity: nil)))
        XCTAssertEqual(try statement("judge prose rules for Sources/Shop/** (warning)"),
                       .judgeProse(ProseJudging(subject: .glob(Glob("Sources/Shop/**")), severity: .warning)))
        // A `judge` rule is still a rule.
        guard case .rule(let rule)? = try statement("judge \"views hold no logic\" for UI") else { return XCTFail() }
        XCTAssertEqual(rule.kind, .judge("views hold no logic", .name("UI")))
    }

    func testMisuseIsAnErrorAtItsColumn() {
        let noRules = failure("judge prose for Domain")
        XCTAssertEqual(noRules?.message, "expected `rules` after `judge prose`, found `for`")
        XCTAssertEqual(noRules?.location, SourceLocation(file: "adr/0003-x.md", line: 7, column: 13))
        let except = failure("judge prose rules for Domain except Sources/Domain/Clock.swift")
        XCTAssertEqual(except?.message, "`judge prose rules` takes no `except`, `until` or `because`")
        XCTAssertEqual(except?.location, SourceLocation(file: "adr/0003-x.md", line: 7, column: 30))
        let extra = failure("judge prose rules Domain")
        XCTAssertEqual(extra?.message, "unexpected `Domain` after `judge prose rules`")
        XCTAssertEqual(extra?.location?.column, 19)
    }

    let adrText = """
    # 3. Clocks

    ## Status

    Accepted

    ## Rules

    - Domain code takes the time as a parameter and never calls the clock.
    - `Domain` must not import UIKit.

    ```stele
    component Domain = Sources/Domain/**
    judge prose rules (warning)
    ```
    """

    func testTheOptInMarksItsADRsProseRulesOnly() {
        let other = """
        # 4. Other

        ## Status

        Accepted

        ## Rules

        - Keep it simple.
        """
        let book = RuleBook.compile(ruleFiles: [], adrs: [ADRParser.parse(adrText, file: "adr/0003-clocks.md").adr,
                                                          ADRParser.parse(other, file: "adr/0004-other.md").adr], today: "2026-01-01")
        XCTAssertEqual(book.diagnostics, [])
        XCTAssertEqual(book.proseRules.map(\.text), ["Domain code takes the time as a parameter and never calls the clock.", "Keep it simple."])
        XCTAssertEqual(book.proseRules[0].judging?.severity, .warning)
        XCTAssertEqual(book.proseRules[0].judging?.location, SourceLocation(file: "adr/0003-clocks.md", line: 14, column: 1))
        XCTAssertNil(book.proseRules[1].judging, "another ADR's prose rules are not opted in")
        XCTAssertEqual(book.rules.map(\.text), ["Domain must not import UIKit"], "the opt-in is not a rule")

        let judged = book.proseRules[0].judgedRule(subject: .name("Domain"))
        XCTAssertEqual(judged.id, "ADR-0003/prose-line-9")
        XCTAssertEqual(judged.severity, .warning)
        XCTAssertEqual(judged.rule.kind, .judge("Domain code takes the time as a parameter and never calls the clock.", .name("Domain")))
        var unmarked = book.proseRules[0]
        unmarked.judging = nil
        XCTAssertEqual(unmarked.judgedRule(subject: .name("Domain")).severity, .error, "the accepted ADR's severity")
    }

    func testTheOptInWithoutProseRulesWarnsAndInARulesFileIsAnError() {
        let noProse = adrText.replacingOccurrences(of: "- Domain code takes the time as a parameter and never calls the clock.\n", with: "")
        let book = RuleBook.compile(ruleFiles: [RuleFile.parse("judge prose rules\n", path: "rules/architecture.stele")],
                                    adrs: [ADRParser.parse(noProse, file: "adr/0003-clocks.md").adr], today: "2026-01-01")
        XCTAssertEqual(book.diagnostics.map { "\($0.location!): \($0.severity.rawValue): \($0.message)" }, [
            "rules/architecture.stele:1:1: error: `judge prose rules` belongs in an ADR: it opts that ADR's prose rules in",
            "adr/0003-clocks.md:13:1: warning: `judge prose rules`: ADR-0003 has no prose rule to judge",
        ])
    }
}

/// `judge NAME VALUE` in rules/*.stele: how the judge is reached, never its key.
final class JudgeSettingTests: XCTestCase {
    let here = SourceLocation(file: "rules/architecture.stele", line: 2, column: 1)

    func setting(_ text: String) throws -> Statement? { try RuleParser.parse(text, at: here).get() }

    func failure(_ text: String) -> Diagnostic? {
        if case .failure(let d) = RuleParser.parse(text, at: here) { return d }
        XCTFail("expected an error for: \(text)")
        return nil
    }

    func testSettingsNameTheirVariables() throws {
        XCTAssertEqual(try setting("judge model qwen2.5-coder-7b-instruct"), .setting(.judge(variable: "STELE_LLM_MODEL", value: "qwen2.5-coder-7b-instruct")))
        XCTAssertEqual(try setting("judge url http://127.0.0.1:8080/v1   # llama.cpp"), .setting(.judge(variable: "STELE_LLM_URL", value: "http://127.0.0.1:8080/v1")))
        XCTAssertEqual(try setting("Judge Provider Anthropic"), .setting(.judge(variable: "STELE_LLM_PROVIDER", value: "anthropic")))
        XCTAssertEqual(try setting("judge max-requests 20"), .setting(.judge(variable: "STELE_JUDGE_MAX_REQUESTS", value: "20")))
        XCTAssertEqual(try setting("judge response-format JSON-Object"), .setting(.judge(variable: "STELE_JUDGE_RESPONSE_FORMAT", value: "json-object")))
        XCTAssertEqual(try setting("judge timeout 30"), .setting(.judge(variable: "STELE_JUDGE_TIMEOUT", value: "30")))
        let file = RuleFile.parse("judge model a\njudge timeout 5\njudge model b\n", path: "rules/architecture.stele")
        let book = RuleBook.compile(ruleFiles: [file], adrs: [], today: "2026-01-01")
        XCTAssertEqual(book.judgeSettings, ["STELE_LLM_MODEL": "b", "STELE_JUDGE_TIMEOUT": "5"], "the last one wins")
        XCTAssertEqual(book.diagnostics, [])
    }

    func testMisuseIsAnErrorAtItsColumn() {
        let key = failure("judge api-key sk-123")
        XCTAssertEqual(key?.message, "the judge's key is never a setting: set STELE_LLM_API_KEY in the environment")
        XCTAssertEqual(key?.location?.column, 7)
        let typo = failure("judge modle qwen")
        XCTAssertEqual(typo?.message, "unknown judge setting `modle`")
        XCTAssertEqual(typo?.hint, "did you mean `judge model`?")
        XCTAssertEqual(failure("judge timeout soon")?.message, "`judge timeout` takes a whole number, not `soon`")
        XCTAssertEqual(failure("judge timeout soon")?.location?.column, 15)
        XCTAssertEqual(failure("judge provider gemini")?.message, "`judge provider` is `openai` or `anthropic`, not `gemini`")
        XCTAssertEqual(failure("judge url ftp://x")?.message, "`judge url` must start with http:// or https://")
        XCTAssertEqual(failure("judge model")?.message, "expected a value after `judge model`")
        XCTAssertEqual(failure("judge model a b")?.message, "unexpected `b` after `judge model …`")
        XCTAssertEqual(failure("judge model a (warning)")?.message, "unexpected `(` after `judge model …`")
    }

    func testInAnADRItIsAnError() {
        let text = """
        # 3. Clocks

        ## Status

        Accepted

        ```stele
        judge model qwen
        ```
        """
        let book = RuleBook.compile(ruleFiles: [], adrs: [ADRParser.parse(text, file: "adr/0003-clocks.md").adr], today: "2026-01-01")
        XCTAssertEqual(book.diagnostics.map(\.message), ["settings belong in rules/*.stele, not in an ADR"])
    }
}

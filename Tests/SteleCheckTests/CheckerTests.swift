import XCTest
import SteleCore
import SteleRules
@testable import SteleCheck

final class CheckerTests: XCTestCase {
    func testUnknownNamesInRuleFilesAreErrorsWithSuggestions() {
        let result = CheckHarness.check("shop", rules: "Domian must not depend on UI")
        XCTAssertEqual(result.diagnostics.map(\.description),
                       ["rules/test.stele:1:1: error: unknown component `Domian`\n  hint: did you mean `Domain`?"])
        XCTAssertEqual(result.rules.first?.state, .notEnforced(reason: "unknown component `Domian`"))
    }

    func testMisspeltModuleIsAnErrorButAPreventiveRuleIsNot() {
        XCTAssertEqual(CheckHarness.check("shop", rules: "Domain must not import GRBD").diagnostics.first?.hint, "did you mean `GRDB`?")
        XCTAssertEqual(CheckHarness.check("shop", rules: "Domain must not import Alamofire, AppKit").diagnostics, [])
    }

    func testVacuousRuleIsAWarning() {
        let result = CheckHarness.check("shop", rules: "Sources/Nowhere/** must not import GRDB")
        XCTAssertEqual(result.diagnostics.map(\.message), ["vacuous rule: Sources/Nowhere/** matches no file"])
        XCTAssertEqual(result.diagnostics.first?.severity, .warning)
    }

    /// No import can reach part of a module, but the use of a type declared there can.
    func testATargetThatIsPartOfAModuleIsReachedBySymbols() {
        let result = CheckHarness.check("shop", rules: "Persistence must not depend on Sources/Domain/Order.swift")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.findings.map { "\($0.location) \($0.message)" }, [
            "Sources/Persistence/OrderStore.swift:6:31 `Persistence` uses `Order` (`Sources/Domain/Order.swift`, declared at Sources/Domain/Order.swift:15)",
        ])
        XCTAssertEqual(result.findings.first?.snippet, "uses Order")
        let whole = CheckHarness.check("shop", rules: "Persistence must not depend on Sources/Domain/**")
        XCTAssertEqual(whole.findings.map(\.snippet), ["import Domain"], "the whole module: the import speaks for the uses")
    }

    func testWaiverHoldsUntilItsDate() {
        let rules = "Domain must not import GRDB until 2026-06-30"
        XCTAssertEqual(CheckHarness.check("shop", rules: rules, today: "2026-06-29").findings, [])
        XCTAssertEqual(CheckHarness.check("shop", rules: rules, today: "2026-06-29").rules.first?.state, .waived(until: "2026-06-30"))
        XCTAssertEqual(CheckHarness.check("shop", rules: rules, today: "2026-06-30").findings.count, 1)
    }

    func testJudgeRulesAreListedButNotEnforced() {
        let result = CheckHarness.check("shop", rules: "judge \"no logic in views\" for UI")
        XCTAssertEqual(result.rules.map(\.state), [.notEnforced(reason: "not judged: the LLM judge is not enabled")])
        XCTAssertEqual(result.findings, [])
    }

    func testFingerprintSurvivesALineMove() {
        let a = CheckHarness.check("shop", rules: "Domain must not import GRDB").findings[0]
        var moved = a
        moved.location.line += 10
        let again = Finding(rule: a.rule, location: moved.location, message: a.message, from: a.from, to: a.to, snippet: a.snippet)
        XCTAssertEqual(a.fingerprint, again.fingerprint)
        XCTAssertEqual(a.fingerprint.count, 16)
    }
}

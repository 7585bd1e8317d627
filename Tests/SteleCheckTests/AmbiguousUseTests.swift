import XCTest
@testable import SteleCheck

/// Uses of a name declared in several files, where a rule forbids some of them: not findings (Stele
/// does not guess which declaration is meant), but listed for the judge and counted. The layered
/// app's `LoginModel` calls `log`, which both UI (above Domain) and Data (below it) declare.
final class AmbiguousUseTests: XCTestCase {
    let components = """
        component UI = Sources/App/UI/**
        component Domain = Sources/App/Domain/**
        component Data = Sources/App/Data/**

        """

    func testALayerRuleForbiddingOneOfTheDeclarationsListsTheUse() throws {
        let result = CheckHarness.check("layered-app", rules: components + "layers UI > Domain > Data")
        XCTAssertFalse(result.findings.contains { $0.location.file.hasSuffix("LoginModel.swift") && $0.location.line == 16 },
                       "not a finding: Stele does not guess")
        let use = try XCTUnwrap(result.ambiguousUses.first)
        XCTAssertEqual(result.ambiguousUses.count, 1)
        XCTAssertEqual("\(use.file):\(use.line):\(use.column) \(use.name)", "Sources/App/Domain/LoginModel.swift:16:20 log")
        XCTAssertEqual(use.forbidden.map { "\($0.file):\($0.line)" }, ["Sources/App/UI/Log.swift:2"])
        XCTAssertEqual(use.others.map { "\($0.file):\($0.line)" }, ["Sources/App/Data/Log.swift:1"])
        XCTAssertEqual(use.finding.message, "`Domain` uses `log` (`UI`, declared at Sources/App/UI/Log.swift:2), a higher layer")
        XCTAssertEqual(use.rule.id, "rules/test.stele/R1")
    }

    func testARuleForbiddingEveryDeclarationOrNoneAsksNothing() {
        XCTAssertEqual(CheckHarness.check("layered-app", rules: components + "Domain must not depend on UI, Data").ambiguousUses.count, 0)
        XCTAssertEqual(CheckHarness.check("layered-app", rules: components + "Data must not depend on UI").ambiguousUses.count, 0)
        XCTAssertEqual(CheckHarness.check("layered-app", rules: components + "Domain must not depend on UI").ambiguousUses.map(\.name), ["log"])
        XCTAssertEqual(CheckHarness.check("layered-app", rules: components + "Domain may only depend on Data").ambiguousUses.map(\.name), ["log"])
    }

    func testAnExceptedDeclarationIsAllowed() {
        // `except` the UI's Log.swift: a use of it is allowed, so nothing is left to ask.
        let result = CheckHarness.check("layered-app", rules: components + "Domain must not depend on UI except Sources/App/UI/Log.swift")
        XCTAssertEqual(result.ambiguousUses.count, 0)
    }
}

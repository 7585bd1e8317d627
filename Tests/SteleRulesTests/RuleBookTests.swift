import Foundation
import XCTest
@testable import SteleADR
import SteleCore
@testable import SteleRules

final class RuleBookTests: XCTestCase {
    func adr(_ text: String, file: String) -> ADR { ADRParser.parse(text, file: file).adr }

    let accepted = """
    # 2. Pure domain

    ## Status

    Accepted

    ## Decision

    ```stele
    component Core = Sources/Domain/**
    Core must not import GRDB
    Core must not import UIKit (warning)
    ```

    ## Rules

    - `Core` must **not** depend on `UI`.
    - Keep it simple.
    """

    func testSeverityComesFromStatusUnlessOverridden() {
        let book = RuleBook.compile(ruleFiles: [], adrs: [adr(accepted, file: "adr/0002-pure.md")], today: "2026-01-01")
        XCTAssertEqual(book.rules.map(\.text), ["Core must not import GRDB", "Core must not import UIKit (warning)", "Core must not depend on UI"])
        XCTAssertEqual(book.rules.map(\.severity), [.error, .warning, .error])
        XCTAssertEqual(book.rules.map(\.provenance.origin), [.steleBlock, .steleBlock, .rulesSection])
        XCTAssertEqual(book.rules.first?.provenance.adr?.id, "ADR-0002")
        XCTAssertEqual(book.rules.first?.provenance.location, SourceLocation(file: "adr/0002-pure.md", line: 11, column: 1))
        XCTAssertEqual(book.components.map(\.name), ["Core"])
        XCTAssertEqual(book.proseRules.map(\.text), ["Keep it simple."])
        XCTAssertEqual(book.diagnostics, [])
    }

    func testManifestsRuleIsAWarningUnlessItSaysError() {
        let decision = accepted.replacingOccurrences(of: "Core must not import UIKit (warning)", with: "manifests must match imports\nmanifests must match imports for Core (error)")
        let book = RuleBook.compile(ruleFiles: [RuleFile.parse("manifests must match imports\nmanifests must match imports (info)", path: "rules/a.stele")],
                                    adrs: [adr(decision, file: "adr/0002-pure.md")], today: "2026-01-01")
        XCTAssertEqual(book.rules.map(\.text), ["manifests must match imports", "manifests must match imports (info)", "Core must not import GRDB",
                                                "manifests must match imports", "manifests must match imports for Core (error)", "Core must not depend on UI"])
        XCTAssertEqual(book.rules.map(\.severity), [.warning, .info, .error, .warning, .error, .error],
                       "accepted ADRs and .stele files make rules errors, but this one stays a warning unless it says `(error)`")
        let proposed = adr(decision.replacingOccurrences(of: "Accepted", with: "Proposed"), file: "adr/0002-pure.md")
        XCTAssertEqual(RuleBook.compile(ruleFiles: [], adrs: [proposed], today: "2026-01-01").rules.map(\.severity), [.warning, .warning, .error, .warning])
        let waived = RuleBook.compile(ruleFiles: [RuleFile.parse("manifests must match imports until 2027-01-01", path: "rules/a.stele")],
                                      adrs: [], today: "2026-01-01")
        XCTAssertEqual(waived.rules.first?.state, .waived(until: "2027-01-01"))
    }

    func testProposedIsAWarningAndSupersededIsInactive() {
        let proposed = adr(accepted.replacingOccurrences(of: "Accepted", with: "Proposed"), file: "adr/0002-pure.md")
        XCTAssertEqual(RuleBook.compile(ruleFiles: [], adrs: [proposed], today: "2026-01-01").rules.first?.severity, .warning)
        let superseded = adr(accepted.replacingOccurrences(of: "Accepted", with: "Superseded by [3. New](0003-new.md)"), file: "adr/0002-pure.md")
        let book = RuleBook.compile(ruleFiles: [], adrs: [superseded], today: "2026-01-01")
        XCTAssertEqual(book.rules.first?.state.label, "inactive")
        XCTAssertEqual(book.components, [], "a decision not in force declares nothing")
    }

    func testSyntaxErrorInABlockIsAnErrorInABulletIsProse() {
        let text = "# 4. X\n\nStatus: Accepted\n\n```stele\nCore mustnt import GRDB\n```\n\n## Rules\n\n- Core mustnt import GRDB\n"
        let book = RuleBook.compile(ruleFiles: [], adrs: [adr(text, file: "adr/0004-x.md")], today: "2026-01-01")
        XCTAssertEqual(book.diagnostics.map(\.location?.line), [6])
        XCTAssertEqual(book.diagnostics.first?.severity, .error)
        XCTAssertEqual(book.proseRules.count, 1)
    }

    func testSteleFileRulesCiteTheirADR() {
        let file = RuleFile.parse("App must not import GRDB because adr-2\nApp must not import UIKit because ADR-0099\n", path: "rules/a.stele")
        let book = RuleBook.compile(ruleFiles: [file], adrs: [adr(accepted, file: "adr/0002-pure.md")], today: "2026-01-01")
        XCTAssertEqual(book.rules[0].provenance.adr?.id, "ADR-0002")
        XCTAssertEqual(book.rules[0].severity, .error)
        XCTAssertNil(book.rules[1].provenance.adr)
        XCTAssertEqual(book.diagnostics.map(\.message), ["`because ADR-0099`: no ADR with that id"])
    }

    func testDuplicateComponentAndSettingsInAnADRAreErrors() {
        let file = RuleFile.parse("component Core = Sources/Core/**\n", path: "rules/a.stele")
        let withSetting = accepted.replacingOccurrences(of: "Core must not import GRDB\n", with: "Core must not import GRDB\nscan Sources\n")
        let book = RuleBook.compile(ruleFiles: [file], adrs: [adr(withSetting, file: "adr/0002-pure.md")], today: "2026-01-01")
        XCTAssertEqual(Set(book.diagnostics.map(\.message)), ["component `Core` is declared twice", "settings belong in rules/*.stele, not in an ADR"])
    }

    func testSettingsAccessors() {
        let file = RuleFile.parse("adr directory docs/adr\nadr directory docs/decisions\nscan Sources\nignore **/Gen/**\n", path: "rules/a.stele")
        let book = RuleBook.compile(ruleFiles: [file], adrs: [], today: "2026-01-01")
        XCTAssertEqual(book.adrDirectory, "docs/decisions")
        XCTAssertEqual(book.scanGlobs.map(\.pattern), ["Sources"])
        XCTAssertEqual(book.ignoreGlobs.map(\.pattern), ["**/Gen/**"])
    }

    /// Short ids: the ADR (or rules file) and the rule's place in it; a rules file's rule keeps its
    /// file as owner even when it cites an ADR.
    func testRulesAreNumberedWithinTheirFile() {
        let file = RuleFile.parse("App must not import GRDB because ADR-0002\nno cycles\n", path: "rules/architecture.stele")
        let book = RuleBook.compile(ruleFiles: [file], adrs: [adr(accepted, file: "adr/0002-pure-domain.md")], today: "2026-01-01")
        XCTAssertEqual(book.rules.map(\.id), ["rules/architecture.stele/R1", "rules/architecture.stele/R2", "ADR-0002/R1", "ADR-0002/R2", "ADR-0002/R3"])
        XCTAssertEqual(book.rules[2].slugID, "ADR-0002/core-must-not-import-grdb", "the earlier form, still accepted by stele:allow")
    }
}

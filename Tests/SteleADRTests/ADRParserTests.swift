import XCTest
import SteleCore
@testable import SteleADR

final class ADRParserTests: XCTestCase {
    func parse(_ text: String, file: String = "adr/0009-x.md") -> (adr: ADR, diagnostics: [Diagnostic]) {
        ADRParser.parse(text, file: file)
    }

    func testNumbersFromFileNamesAndTitles() {
        XCTAssertEqual(ADRParser.number(fromStem: "0007-use-grdb"), 7)
        XCTAssertEqual(ADRParser.number(fromStem: "ADR-012_cache"), 12)
        XCTAssertNil(ADRParser.number(fromStem: "20210101-use-x"), "a date is not a number")
        XCTAssertNil(ADRParser.number(fromStem: "use-grdb"))
        XCTAssertEqual(ADRParser.splitNumber(fromTitle: "7. Use GRDB").0, 7)
        XCTAssertEqual(ADRParser.splitNumber(fromTitle: "ADR-7: Use GRDB").1, "Use GRDB")
        XCTAssertEqual(ADRParser.splitNumber(fromTitle: "ADR 007 - Use GRDB").0, 7)
        XCTAssertEqual(ADRParser.splitNumber(fromTitle: "Adopt 2 caches").0, nil)
        XCTAssertEqual(parse("# 12. Title\n\nStatus: Accepted\n", file: "adr/use-title.md").adr.id, "ADR-0012")
    }

    func testStatusForms() {
        XCTAssertEqual(parse("# T\n\n**Status:** Accepted\n").adr.status, .accepted)
        XCTAssertEqual(parse("# T\n\nStatus — Proposed\n").adr.status, .proposed)
        XCTAssertEqual(parse("# T\n\n## Status\n\n* In review\n").adr.status, .proposed)
        XCTAssertEqual(parse("---\nstatus: rejected\n---\n# T\n").adr.status, .rejected)
        let unknown = parse("# T\n\nStatus: Maybe\n")
        XCTAssertEqual(unknown.adr.status, .unknown)
        XCTAssertEqual(unknown.diagnostics.first?.message, "unknown status `Maybe`; the ADR's rules are treated as warnings")
        XCTAssertEqual(parse("# T\n\nNo status here.\n").diagnostics.first?.location?.line, 1)
    }

    func testStatusInsideCodeIsNotAStatus() {
        XCTAssertEqual(parse("# T\n\n```\nStatus: Accepted\n```\n\nStatus: Rejected\n").adr.status, .rejected)
    }

    func testBrokenFrontMatterUnclosedFenceAndNoHeading() {
        let broken = parse("---\nstatus: accepted\n\n# 9. Title\n\n```stele\nA must not import B\n")
        XCTAssertEqual(broken.diagnostics.map(\.message), ["front matter is never closed", "code fence is never closed"])
        XCTAssertEqual(broken.adr.status, .accepted, "read as a plain `status:` line")
        XCTAssertEqual(broken.adr.ruleLines.map(\.text), ["A must not import B"])
        let headless = parse("Status: Accepted\n\nJust words.\n", file: "adr/notes.md")
        XCTAssertEqual(headless.adr.title, "notes")
        XCTAssertEqual(headless.diagnostics.map(\.message), ["the ADR has no title heading"])
    }

    func testRulesSectionEndsAtTheNextHeadingOfTheSameLevel() {
        let text = "# T\n\nStatus: Accepted\n\n## Architecture Rules:\n\n- A must not import B\n\n### Detail\n\n- C must not import D\n\n## Other\n\n- E must not import F\n"
        XCTAssertEqual(parse(text).adr.ruleLines.map(\.text), ["A must not import B", "C must not import D"])
    }

    func testADRReferences() {
        XCTAssertEqual(ADRParser.references(in: "[6. New](0006-new.md)"), ["ADR-0006"])
        XCTAssertEqual(ADRParser.references(in: "ADR-12 and adr 3"), ["ADR-0012", "ADR-0003"])
        XCTAssertEqual(ADRParser.references(in: "[4. Newer]"), ["ADR-0004"])
    }
}

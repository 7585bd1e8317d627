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
        XCTAssertNil(ADRParser.number(fromStem: "2021-01-01-use-x"), "nor is a dashed date")
        XCTAssertEqual(parse("# Use X\n\nStatus: Accepted\n", file: "adr/2021-01-01-use-x.md").adr.id, "2021-01-01-use-x")
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
        XCTAssertEqual(parse("# T\n\n## Status: Accepted\n").adr.status, .accepted, "a status written in a heading")
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

    /// A nested heading naming another part of an ADR ends the rules; a topical one (`### Detail`,
    /// above) does not.
    func testANestedConsequencesOrContextHeadingEndsTheRules() {
        for heading in ["### Consequences", "### Positive Consequences", "#### Context:", "### **Notes**", "### Decision outcome"] {
            let text = "# T\n\nStatus: Accepted\n\n## Rules\n\n- A must not import B\n\n\(heading)\n\n- It means C must not import D\n\n### Constraints\n\n- E must not import F\n"
            XCTAssertEqual(parse(text).adr.ruleLines.map(\.text), ["A must not import B", "E must not import F"], heading)
        }
    }

    func testADRReferences() {
        XCTAssertEqual(ADRParser.references(in: "[6. New](0006-new.md)"), ["ADR-0006"])
        XCTAssertEqual(ADRParser.references(in: "ADR-12 and adr 3"), ["ADR-0012", "ADR-0003"])
        XCTAssertEqual(ADRParser.references(in: "[4. Newer]"), ["ADR-0004"])
    }

    func testCRLFLineEndingsAndAByteOrderMark() {
        let crlf = parse("# 1. Title\r\n\r\n## Status\r\n\r\nAccepted\r\n\r\n## Rules\r\n\r\n- A must not depend on B\r\n")
        XCTAssertEqual(crlf.adr.title, "Title")
        XCTAssertEqual(crlf.adr.status, .accepted)
        XCTAssertEqual(crlf.adr.statusLine, 5)
        XCTAssertEqual(crlf.adr.ruleLines.map(\.location.line), [9])
        let bom = parse("\u{FEFF}---\nstatus: accepted # as agreed\n---\n# T\n")
        XCTAssertEqual(bom.adr.title, "T")
        XCTAssertEqual(bom.adr.statusText, "accepted", "a YAML comment is not part of the value")
        XCTAssertEqual(bom.diagnostics, [])
    }

    func testSupersessionPhrasesOpenAClause() {
        XCTAssertEqual(ADRParser.supersessionLinks(in: "The old cache is replaced by Redis, see ADR-0009.").supersededBy, [], "prose, not a link")
        XCTAssertEqual(ADRParser.supersessionLinks(in: "* Status: superseded by [ADR-0005](0005-x.md)").supersededBy, ["ADR-0005"])
        XCTAssertEqual(ADRParser.supersessionLinks(in: "Too low-level. Supersedes [ADR-0002](0002-x.md).").supersedes, ["ADR-0002"])
        let both = ADRParser.supersessionLinks(in: "Supersedes ADR-1; superseded by ADR-3")
        XCTAssertEqual(both.supersedes, ["ADR-0001"])
        XCTAssertEqual(both.supersededBy, ["ADR-0003"])
        XCTAssertEqual(ADRParser.references(in: "[the RFC](https://example.org/2020-01-01.md)"), [], "a URL is not an ADR file")
        let front = parse("---\nstatus: \"superseded by [ADR-0005](0005-x.md)\"\n---\n# T\n")
        XCTAssertEqual(front.adr.supersededBy, ["ADR-0005"], "front matter status links count")
    }

    func testTitlesThatStartWithAWordOrAreMissing() {
        XCTAssertEqual(parse("# 3-tier layering\n\nStatus: Accepted\n", file: "adr/layering.md").adr.id, "layering")
        XCTAssertEqual(ADRParser.splitNumber(fromTitle: "7 - Use GRDB").0, 7)
        XCTAssertEqual(parse("Status: Accepted\n", file: "adr/0004-use-grdb.md").adr.title, "use-grdb")
    }

    func testNestedRulesHeadingsSubBulletsAndHeadingsAfterBullets() {
        let text = "# T\nStatus: Accepted\n## Rules\n- A must not depend on B\n### Constraints\n- C must not depend on D\n\t- E must not depend on F\n"
        XCTAssertEqual(parse(text).adr.ruleLines.map(\.text), ["A must not depend on B", "C must not depend on D", "E must not depend on F"])
    }
}

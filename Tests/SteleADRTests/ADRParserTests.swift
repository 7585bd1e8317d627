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

    func testStatusHistoryTheLatestWins() {
        XCTAssertEqual(parse("# T\n\n## Status\n\nAccepted\n\nSuperseded by [26. X](0026-x.md)\n").adr.status, .superseded)
        XCTAssertEqual(parse("# T\n\n## Status\n\n- 2023-01-02 proposed\n- 2023-02-01 accepted\n").adr.status, .accepted)
        XCTAssertEqual(parse("# T\n\n## Status\n\n- 2023-02-01 accepted\n- 2023-01-02 proposed\n").adr.status, .accepted, "dated lines: the latest date wins")
        XCTAssertEqual(parse("# T\n\n## Status\n\nAccepted\n\nThe team reviewed it and proposed changes.\n").adr.status, .accepted, "prose is no state")
        XCTAssertEqual(parse("# T\n\n* Status: proposed → accepted\n").adr.status, .accepted)
    }

    func testStatusInATableRow() {
        let parsed = parse("# T\n\n| Field | Value |\n|---|---|\n| Status | Open |\n| Date | 2024-03-01 |\n")
        XCTAssertEqual(parsed.adr.status, .proposed)
        XCTAssertEqual(parsed.adr.statusLine, 5)
        XCTAssertEqual(parsed.adr.date, "2024-03-01")
    }

    func testLaterADRsThatSayTheyReplaceAnEarlierOne() {
        XCTAssertEqual(parse("# T\n\nStatus: Accepted\n\nThis replaces ADR 3.\n").adr.supersedes, ["ADR-0003"])
        XCTAssertEqual(parse("# T\n\nStatus: Accepted\n\nSupersedes [ADR-0003](0003-x.md)\n").adr.supersedes, ["ADR-0003"])
        let partly = parse("# T\n\nStatus: Accepted\n\nThis ADR in part supersedes [0003](0003-x.md).\n").adr
        XCTAssertEqual(partly.supersedes, ["ADR-0003"])
        XCTAssertEqual(partly.partialLinks, ["ADR-0003"])
        XCTAssertEqual(parse("# T\n\nStatus: Accepted\n\nADR 5 was superseded by ADR 6 long ago.\n").adr.supersededBy, [], "about another ADR")
        XCTAssertEqual(parse("# T\n\nStatus: Accepted\n\nThe cache is replaced by Redis, see ADR-9.\n").adr.supersededBy, [])
        XCTAssertEqual(parse("# T\n\nSuperseded: 2019-12-19 by [ADR 14](0014-x.md)\n").adr.supersededBy, ["ADR-0014"])
        XCTAssertEqual(parse("# T\n\n## Status\n\n⌛️ Superseded [0019](0019-x.md)\n").adr.supersededBy, ["ADR-0019"])
        XCTAssertEqual(parse("# T\n\n## Status\n\nObsoleted by [ADR-0022](0022-x.md) on 2026-08-18.\n").adr.status, .superseded)
        XCTAssertEqual(parse("# T\n\nStatus: superseded by [20201016-use-slugs](20201016-use-slugs.md)\n").adr.supersededBy, ["20201016-use-slugs"],
                       "a date-named ADR is known by its file name")
    }

    func testPartlySupersededStaysInForce() {
        let old = ADRParser.parse("# 3. Old\n\n## Status\n\nPartly superseded\n\n**These ranges have been superseded by [ADR #0033](0033-x.md).**\n", file: "adr/0003-old.md").adr
        let new = ADRParser.parse("# 33. New\n\nStatus: Accepted\n", file: "adr/0033-new.md").adr
        XCTAssertEqual(old.supersededBy, ["ADR-0033"])
        let (linked, _) = ADRCollection.link([old, new])
        XCTAssertEqual(linked[0].status, .accepted, "what is not superseded still stands")
        XCTAssertEqual(linked[1].supersedes, ["ADR-0003"])
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

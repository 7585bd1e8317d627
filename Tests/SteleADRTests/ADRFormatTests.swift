import Foundation
import XCTest
@testable import SteleADR
import SteleTestSupport

/// `stele adr new` writes in the format a collection already uses: read from the fixture trees under
/// `Tests/Fixtures/adr-new/`, one per format.
final class ADRFormatTests: XCTestCase {
    func detect(_ fixture: String, _ directory: String) throws -> ADRFormat {
        let folder = TestPaths.fixture("adr-new/\(fixture)/\(directory)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return ADRFormat.detect(try names.map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) })
    }

    func testDetectsEachFixturesFormat() throws {
        XCTAssertEqual(try detect("adr-tools", "doc/adr"), ADRFormat(numbering: .digits(width: 4), style: .nygard, titleForm: .numbered))
        XCTAssertEqual(try detect("madr", "docs/decisions"),
                       ADRFormat(numbering: .digits(width: 4), style: .frontMatter, titleForm: .plain, capitalisedStatus: false))
        XCTAssertEqual(try detect("date-prefixed", "docs/adr"),
                       ADRFormat(numbering: .date, style: .bullets, titleForm: .plain, bullet: "-", capitalisedStatus: false))
        XCTAssertEqual(try detect("unnumbered", "adr"), ADRFormat(numbering: .none, style: .statusLine, titleForm: .plain))
        XCTAssertEqual(try detect("prefixed", "docs/architecture/decisions"),
                       ADRFormat(numbering: .digits(width: 3), filePrefix: "ADR-", style: .nygard, titleForm: .prefixed(prefix: "ADR-", separator: ": ", width: 3)))
        XCTAssertEqual(ADRFormat.detect([]), .adrTools, "no ADRs yet: adr-tools' format")
    }

    func testSlugNumberAndFileName() {
        XCTAssertEqual(ADRTemplate.slug("Use GRDB for Storage!"), "use-grdb-for-storage")
        XCTAssertEqual(ADRTemplate.slug("  Ünïcode & spaces -- here  "), "n-code-spaces-here")
        XCTAssertEqual(ADRTemplate.slug("???"), "decision")
        let adrs = ["adr/0002-a.md", "adr/0010-b.md", "adr/c.md"].map { ADRParser.parse("# T\n\nStatus: Accepted\n", file: $0).adr }
        XCTAssertEqual(ADRTemplate.nextNumber(after: adrs), 11)
        XCTAssertEqual(ADRTemplate.nextNumber(after: []), 1)
        let madr = ADRFormat(numbering: .digits(width: 4), style: .frontMatter, titleForm: .plain)
        XCTAssertEqual(ADRTemplate.fileName(format: madr, number: 3, title: "Use X", date: "2026-01-01"), "0003-use-x.md")
        XCTAssertEqual(ADRTemplate.fileName(format: ADRFormat(numbering: .date, style: .bullets, titleForm: .plain), number: 3, title: "Use X", date: "2026-01-01"),
                       "20260101-use-x.md")
        XCTAssertEqual(ADRTemplate.fileName(format: ADRFormat(numbering: .digits(width: 3), filePrefix: "adr-", style: .nygard, titleForm: .plain), number: 12,
                                            title: "Use X", date: "2026-01-01"), "adr-012-use-x.md")
    }

    /// What `adr new` writes reads back as what it meant: title, number, status, date and no rules yet.
    func testRenderedADRsReadBack() {
        let formats: [ADRFormat] = [
            .adrTools, ADRFormat(numbering: .digits(width: 4), style: .frontMatter, titleForm: .plain, capitalisedStatus: false),
            ADRFormat(numbering: .date, style: .bullets, titleForm: .plain, bullet: "-"), ADRFormat(numbering: .none, style: .statusLine, titleForm: .plain),
            ADRFormat(numbering: .digits(width: 3), filePrefix: "ADR-", style: .nygard, titleForm: .prefixed(prefix: "ADR-", separator: ": ", width: 3)),
        ]
        for format in formats {
            let name = ADRTemplate.fileName(format: format, number: 7, title: "Use GRDB", date: "2026-02-03")
            let text = ADRTemplate.render(format: format, number: 7, title: "Use GRDB", date: "2026-02-03")
            let adr = ADRParser.parse(text, file: "adr/" + name).adr
            XCTAssertEqual(adr.title, "Use GRDB", "\(format)")
            XCTAssertEqual(adr.status, .proposed, "\(format)")
            XCTAssertEqual(adr.date, "2026-02-03", "\(format)")
            XCTAssertEqual(adr.ruleLines.filter { !$0.text.hasPrefix("#") }, [], "the example rule is a comment")
            XCTAssertEqual(ADRFormat.detect([(name, text)]).style, format.style, "a new ADR keeps its collection's style")
            if case .digits = format.numbering { XCTAssertEqual(adr.number, 7, "\(format)") }
        }
        let first = ADRParser.parse(ADRTemplate.recordArchitectureDecisions(format: .adrTools, date: "2026-02-03"), file: "adr/0001-record-architecture-decisions.md")
        XCTAssertEqual(first.adr.status, .accepted)
        XCTAssertEqual(first.diagnostics, [], "no empty stele block in the first ADR")
    }
}

import XCTest
@testable import SteleADR

final class MarkdownInlineTests: XCTestCase {
    func testEmphasisCodeAndLinks() {
        XCTAssertEqual(MarkdownInline.strip("`Domain` must **not** depend on `Infrastructure`."), "Domain must not depend on Infrastructure.")
        XCTAssertEqual(MarkdownInline.strip("_UI_ must *not* use [Core](core.md) or ![x](y.png)"), "UI must not use Core or x")
        XCTAssertEqual(MarkdownInline.strip("``a `b` c`` here"), "a `b` c here")
    }

    func testLeavesNonEmphasisAlone() {
        XCTAssertEqual(MarkdownInline.strip("snake_case_name and a * b"), "snake_case_name and a * b")
        XCTAssertEqual(MarkdownInline.strip("Sources/** must not import GRDB"), "Sources/** must not import GRDB")
        XCTAssertEqual(MarkdownInline.strip("**Domain** must not import Sources/**"), "Domain must not import Sources/**")
        XCTAssertEqual(MarkdownInline.strip("`Sources/**/*.swift` stays"), "Sources/**/*.swift stays")
        XCTAssertEqual(MarkdownInline.strip("an \\*escaped\\* star"), "an *escaped* star")
    }

    /// Lines from a hostile ADR (issue 16): thousands of nested or unclosed brackets and backtick
    /// runs of every length took seconds (each scanned to the end of the line); now each is a lookup.
    func testHostileLinesStripInLinearTime() {
        let nested = String(repeating: "[", count: 8_000) + "x" + String(repeating: "](u)", count: 8_000)
        XCTAssertTrue(MarkdownInline.strip(nested).hasSuffix("(u)"), "links deeper than the limit keep their brackets")
        let unclosed = String(repeating: "[a", count: 200_000)
        XCTAssertEqual(MarkdownInline.strip(unclosed), unclosed)
        let ticks = (1...400).map { String(repeating: "`", count: $0) + "x" }.joined()
        XCTAssertEqual(MarkdownInline.strip(ticks).count, ticks.count, "no run of backticks closes another length")
        XCTAssertEqual(MarkdownInline.strip("[[Domain](a.md)](b.md) must not depend on `UI`"), "Domain must not depend on UI")
    }
}

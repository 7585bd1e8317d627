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
}

import XCTest
@testable import SteleADR

final class ADRSummaryTests: XCTestCase {
    func testContextAndDecisionAreTheirSectionsFirstParagraphs() {
        let summary = ADRSummary.read("""
        ---
        status: accepted
        ---
        # Keep the domain pure

        ## Context and Problem Statement

        Orders and *money* are our core.
        They must stay testable.

        A second paragraph.

        ## Decision Outcome

        ```stele
        Domain must not import GRDB
        ```

        - The domain knows nothing of [persistence](x.md).
        - Nor of UI.
        """)
        XCTAssertEqual(summary.context, "Orders and money are our core. They must stay testable.")
        XCTAssertEqual(summary.decision, "The domain knows nothing of persistence.")
        XCTAssertEqual(ADRSummary.read("# T\n\nNo sections.\n"), ADRSummary(context: nil, decision: nil))
    }

    func testSentencesKeepWholeSentencesUpToTheLimit() {
        XCTAssertEqual(ADRSummary.sentences("One. Two, e.g. Three. Four.", limit: 22), "One. Two, e.g. Three.")
        XCTAssertEqual(ADRSummary.sentences("A rather long first sentence goes on here.", limit: 20), "A rather long first…")
    }
}

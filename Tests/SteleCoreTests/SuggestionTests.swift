import XCTest
@testable import SteleCore

final class SuggestionTests: XCTestCase {
    func testClosestFindsTypos() {
        XCTAssertEqual(Suggestion.closest(to: "Domian", in: ["Domain", "UI", "Persistence"]), "Domain")
        XCTAssertEqual(Suggestion.closest(to: "persistance", in: ["Domain", "Persistence"]), "Persistence")
    }

    func testNothingCloseGivesNil() {
        XCTAssertNil(Suggestion.closest(to: "Networking", in: ["Domain", "UI"]))
        XCTAssertNil(Suggestion.closest(to: "Domain", in: ["Domain"]), "the word itself is no suggestion")
    }

    func testTiesAreDeterministic() {
        XCTAssertEqual(Suggestion.closest(to: "Ab", in: ["Bb", "Aa"]), "Aa")
    }

    func testEditDistance() {
        XCTAssertEqual(Suggestion.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.editDistance("", "abc"), 3)
        XCTAssertEqual(Suggestion.editDistance("abcdef", "x", limit: 2), 3)
        XCTAssertEqual(Suggestion.editDistance("chekc", "check"), 1, "a swap of neighbours is one edit")
    }
}

import Testing
@testable import SteleCore

/// Written with Swift Testing (the rest of the suite uses XCTest): both runners report real counts.
@Suite struct SuggestionTests {
    @Test func closestFindsTypos() {
        #expect(Suggestion.closest(to: "Domian", in: ["Domain", "UI", "Persistence"]) == "Domain")
        #expect(Suggestion.closest(to: "persistance", in: ["Domain", "Persistence"]) == "Persistence")
    }

    @Test func nothingCloseGivesNil() {
        #expect(Suggestion.closest(to: "Networking", in: ["Domain", "UI"]) == nil)
        #expect(Suggestion.closest(to: "Domain", in: ["Domain"]) == nil, "the word itself is no suggestion")
    }

    @Test func tiesAreDeterministic() {
        #expect(Suggestion.closest(to: "Ab", in: ["Bb", "Aa"]) == "Aa")
    }

    @Test(arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("chekc", "check", 1), ("check", "check", 0)])
    func editDistance(a: String, b: String, expected: Int) {
        #expect(Suggestion.editDistance(a, b) == expected)
    }

    @Test func editDistanceGivesUpPastTheLimit() {
        #expect(Suggestion.editDistance("abcdef", "x", limit: 2) == 3)
    }
}

import SteleJudge
import SteleRules
import XCTest

/// `stele rules --suggest`'s pure part: the answer's shape, and each line through the rule parser.
final class RuleSuggestionTests: XCTestCase {
    func testTheAnswerIsOneObjectOfRulesPossiblyInOneFence() throws {
        let plain = #"{"rules": [{"rule": "A must not import B", "sentence": "A is pure."}, {"rule": "component C = Sources/C/**\nC must not import B"}]}"#
        XCTAssertEqual(try RuleSuggester.parseAnswer(plain).get().map(\.line), ["A must not import B", "component C = Sources/C/**", "C must not import B"])
        XCTAssertEqual(try RuleSuggester.parseAnswer(plain).get().map(\.sentence), ["A is pure.", nil, nil])
        XCTAssertEqual(try RuleSuggester.parseAnswer("```json\n" + plain + "\n```").get().count, 3)
        XCTAssertEqual(try RuleSuggester.parseAnswer(#"{"rules": []}"#).get().count, 0)
        for bad in ["Sure, here are the rules: A must not import B", #"{"rules": "A must not import B"}"#, #"{"rules": [], "note": "x"}"#,
                    #"{"rules": [{"rule": "A must not import B", "why": "x"}]}"#, #"[{"rule": "A must not import B"}]"#] {
            guard case .failure = RuleSuggester.parseAnswer(bad) else { return XCTFail("accepted: \(bad)") }
        }
    }

    func testOnlyLinesThatParseAndNameKnownThingsAreKept() {
        let proposed = ["component UI = Sources/UI/**", "UI must not import GRDB", "Domain must not import GRDB", "UI should be nice",
                        "judge model gpt-4o", "# a comment"].map { RuleSuggester.Proposed(line: $0, sentence: nil) }
        var asked: [(String, Set<String>)] = []
        let (kept, dropped) = RuleSuggester.validate(proposed) { rule, declared in
            asked.append((rule.selectors.map(\.description).joined(), declared))
            return rule.selectors.contains { $0.description == "Domain" } ? "unknown component `Domain`" : nil
        }
        XCTAssertEqual(kept.map(\.line), ["component UI = Sources/UI/**", "UI must not import GRDB"])
        XCTAssertEqual(dropped.map(\.line), ["Domain must not import GRDB", "UI should be nice", "judge model gpt-4o", "# a comment"])
        XCTAssertEqual(dropped[0].problem, "unknown component `Domain`")
        XCTAssertEqual(dropped[2].problem, "a setting, which belongs in rules/*.stele, not in an ADR")
        XCTAssertEqual(asked.first?.1, ["UI"], "a component declared before a rule counts as known")
    }
}

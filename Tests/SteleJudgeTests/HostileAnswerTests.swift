import SteleJudge
import SteleTestSupport
import XCTest

/// Answers and store files are untrusted text: mutated at random (seeded, so a failure reproduces),
/// they must never crash the parsers, and what they accept must be exactly the valid form.
final class HostileAnswerTests: XCTestCase {
    let valid = #"{"verdict": "violation", "line": 7, "reason": "reads the clock", "confidence": 0.8}"#

    func mutate(_ text: String, _ random: inout SplitMix) -> String {
        var bytes = Array(text.utf8)
        let alphabet = Array(#"{}[]",:0123456789.-eE "\nnulltruefalse\u{0}"#.utf8) + [0xC3, 0xA9, 0xFF]
        for _ in 0..<(1 + random.below(4)) {
            switch random.below(3) {
            case 0 where !bytes.isEmpty: bytes.remove(at: random.below(bytes.count))
            case 1: bytes.insert(alphabet[random.below(alphabet.count)], at: random.below(bytes.count + 1))
            default: if !bytes.isEmpty { bytes[random.below(bytes.count)] = alphabet[random.below(alphabet.count)] }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func testMutatedAnswersNeverCrashAndWhatIsAcceptedIsWellFormed() {
        var random = SplitMix(seed: 13)
        var accepted = 0
        for _ in 0..<5_000 {
            let answer = mutate(valid, &random)
            guard case .success(let verdict) = Verdict.parse(answer, lines: 1...20) else { continue }
            accepted += 1
            XCTAssertTrue((0...1).contains(verdict.confidence), answer)
            XCTAssertFalse(verdict.reason.isEmpty, answer)
            if let line = verdict.line { XCTAssertTrue((1...20).contains(line), answer) }
        }
        XCTAssertGreaterThan(accepted, 0, "some mutations (whitespace, digits) stay valid")
    }

    func testMutatedStoresNeverCrashAndRoundTrip() {
        let store = VerdictStore([
            VerdictStore.Entry(key: "k1", question: "q1", rule: "ADR-0001/R1", file: "A.swift", firstLine: 1, lastLine: 9, model: "m",
                               verdict: Verdict(kind: .violation, line: 3, reason: "r", confidence: 0.5)),
            VerdictStore.Entry(key: "k2", question: "q2", rule: "ADR-0001/R1", file: "B.swift", firstLine: 1, lastLine: 9, model: "m",
                               verdict: Verdict(kind: .ok, line: nil, reason: "fine", confidence: 1)),
        ])
        var random = SplitMix(seed: 7)
        for _ in 0..<2_000 {
            let text = mutate(store.rendered(), &random)
            let parsed = VerdictStore.parse(text).store
            XCTAssertEqual(VerdictStore.parse(parsed.rendered()).store, parsed, "what is read is written back the same")
        }
    }
}

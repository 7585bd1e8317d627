import SteleJudge
import XCTest

final class VerdictStoreTests: XCTestCase {
    func entry(_ key: String, file: String, line: Int? = nil, kind: Verdict.Kind = .ok, model: String = "m") -> VerdictStore.Entry {
        VerdictStore.Entry(key: key, question: "q" + key, rule: "ADR-0001/R1", file: file, firstLine: 1, lastLine: 20, model: model,
                           verdict: Verdict(kind: kind, line: line, reason: "because \"quoted\"\nand a line break", confidence: 0.75))
    }

    func testRoundTripIsSortedOneLinePerEntry() {
        let store = VerdictStore([entry("b", file: "Z.swift"), entry("a", file: "A.swift", line: 3, kind: .violation), entry("c", file: "M.swift")])
        let text = store.rendered()
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].contains("\"file\":\"A.swift\""))
        XCTAssertTrue(lines[2].contains("\"file\":\"Z.swift\""))
        XCTAssertTrue(text.hasSuffix("}\n"))
        let parsed = VerdictStore.parse(text)
        XCTAssertEqual(parsed.skipped, [])
        XCTAssertEqual(parsed.store, store)
        XCTAssertEqual(parsed.store.rendered(), text, "byte-for-byte stable")
    }

    func testMergeIsAUnionWhicheverSideComesFirst() {
        let ours = VerdictStore([entry("a", file: "A.swift"), entry("b", file: "B.swift")])
        let theirs = VerdictStore([entry("b", file: "B.swift"), entry("c", file: "C.swift")])
        XCTAssertEqual(ours.merged(with: theirs).entries.map(\.key), ["a", "b", "c"])
        XCTAssertEqual(ours.merged(with: theirs), theirs.merged(with: ours))
        // Two verdicts for one key (a union merge of a conflict): one is kept, the same either way.
        let conflicting = VerdictStore([entry("b", file: "B.swift", line: 4, kind: .violation)])
        XCTAssertEqual(ours.merged(with: conflicting), conflicting.merged(with: ours))
        XCTAssertEqual(ours.merged(with: conflicting).entries.count, 2)
    }

    func testConflictMarkersAndBrokenLinesAreSkipped() {
        let good = entry("a", file: "A.swift").json
        let text = "<<<<<<< HEAD\n\(good)\n=======\n{\"key\":\"x\"}\n>>>>>>> branch\n{\"key\":\"y\",\"question\":\"q\",\"rule\":\"r\",\"file\":\"f\",\"lines\":\"1-2\",\"model\":\"m\",\"prompt\":\"p\",\"verdict\":\"maybe\",\"line\":null,\"reason\":\"r\",\"confidence\":1}\n"
        let parsed = VerdictStore.parse(text)
        XCTAssertEqual(parsed.store.entries.map(\.key), ["a"])
        XCTAssertEqual(parsed.skipped, [1, 3, 4, 5, 6])
    }

    func testPruneDropsTheVerdictsOfFilesThatAreGoneAndKeepsTheOrder() {
        var store = VerdictStore([entry("d", file: "Gone.swift"), entry("a", file: "A.swift"), entry("b", file: "Gone.swift"),
                                  entry("c", file: "Z.swift"), entry("e", file: "Also/Gone.swift")])
        var asked: [String] = []
        let gone = store.prune { file in asked.append(file); return !file.hasSuffix("Gone.swift") }
        XCTAssertEqual(gone, ["Also/Gone.swift", "Gone.swift"])
        XCTAssertEqual(asked, ["A.swift", "Also/Gone.swift", "Gone.swift", "Z.swift"], "each file asked about once, in store order")
        XCTAssertEqual(store.entries.map(\.key), ["a", "c"])
        XCTAssertNil(store.entry(forKey: "b"))
        XCTAssertEqual(store.entry(forKey: "c")?.file, "Z.swift")
        XCTAssertEqual(store.rendered(), VerdictStore([entry("a", file: "A.swift"), entry("c", file: "Z.swift")]).rendered())
        XCTAssertEqual(store.prune { _ in true }, [], "nothing more to drop")
    }

    func testLookupByModelAndWithout() throws {
        let question = try XCTUnwrap(JudgeTestRule.questions("let a = 1\n").first)
        let stored = VerdictStore.Entry(key: question.key(model: "big"), question: question.modelFreeKey, rule: question.rule.id, file: question.file,
                                        firstLine: 1, lastLine: 1, model: "big", verdict: Verdict(kind: .ok, line: nil, reason: "r", confidence: 1))
        let store = VerdictStore([stored])
        XCTAssertEqual(store.entry(for: question, model: "big"), stored)
        XCTAssertNil(store.entry(for: question, model: "small"))
        XCTAssertEqual(store.entry(for: question, model: nil), stored)
    }
}

extension VerdictStore.Entry {
    /// The entry's line in the file.
    var json: String { VerdictStore([self]).rendered().trimmingCharacters(in: .newlines) }
}

import Foundation
import XCTest
@testable import SteleADR
import SteleTestSupport

/// Bad input never crashes: the corpus's real ADRs cut, spliced and sprinkled with the characters the
/// status and link readers look at, read as ADRs, indexes and formats.
final class ADRMangledInputTests: XCTestCase {
    func testMangledCorpusADRsAreReadWithoutCrashing() throws {
        let root = TestPaths.fixtures.appendingPathComponent("adr-corpus")
        let files = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.contains("/") }.sorted()
        let texts = try files.map { try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }
        let sprinkles = ["|", "→", "->", "Superseded by [", "](", "# ", "\n", "---\n", "2023-01-0", "Partly ", "ADR-", "İ", "⌛️", "`", "{a|b}", ". ", "by ", "this ADR "]
        var random = SplitMix(seed: 15)
        for round in 0..<150 {
            var chars = Array(texts[random.below(texts.count)].prefix(3000))
            for _ in 0..<(1 + random.below(12)) {
                let at = chars.isEmpty ? 0 : random.below(chars.count)
                switch random.below(3) {
                case 0: chars.insert(contentsOf: sprinkles[random.below(sprinkles.count)], at: at)
                case 1: if !chars.isEmpty { chars.removeSubrange(at..<min(chars.count, at + random.below(40))) }
                default: chars.insert(contentsOf: Array(texts[random.below(texts.count)].prefix(200)), at: at)
                }
            }
            let text = String(chars)
            let parsed = ADRParser.parse(text, file: "adr/\(round)-x.md").adr
            _ = ADRStatus.normalise(text)
            _ = ADRIndex(text: text, file: "adr/README.md")
            _ = ADRFormat.detect([("\(round)-x", text)])
            _ = ADRCollection.link([parsed, ADRParser.parse(text, file: "adr/0001-y.md").adr])
        }
    }
}

import Foundation
import XCTest
@testable import SteleADR
import SteleTestSupport

/// Real ADRs from public repositories (`Tests/Fixtures/adr-corpus/<owner>-<repo>/`, each with its
/// `SOURCE`), labelled by hand in `labels.tsv` as a careful reader sees them: status, and which ADRs
/// each supersedes and is superseded by. Every label must be read right.
final class ADRCorpusTests: XCTestCase {
    struct Label {
        var file: String
        var status: String
        var supersedes: [String]
        var supersededBy: [String]
    }

    static let root = TestPaths.fixtures.appendingPathComponent("adr-corpus")

    static func labels() throws -> [Label] {
        let text = try String(contentsOf: root.appendingPathComponent("labels.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func ids(_ cell: String) -> [String] { cell == "-" ? [] : cell.split(separator: ",").map(String.init).sorted() }
            return Label(file: cells[0], status: cells[1], supersedes: ids(cells[2]), supersededBy: ids(cells[3]))
        }
    }

    func testEveryLabelledADRIsReadRight() throws {
        let labels = try ADRCorpusTests.labels()
        let collections = Set(labels.map { String($0.file.split(separator: "/")[0]) })
        var read: [String: ADR] = [:]
        for collection in collections {
            let loaded = ADRCollection.load(repositoryRoot: ADRCorpusTests.root.path, configuredDirectory: collection)
            for adr in loaded.adrs { read[adr.file] = adr }
        }
        XCTAssertEqual(Set(read.keys).subtracting(labels.map(\.file)), [], "nothing but ADRs is read (not SOURCE, README, an index)")
        var wrong: [String] = []
        for label in labels {
            guard let adr = read[label.file] else { wrong.append("\(label.file): not read as an ADR"); continue }
            let got = "\(adr.status.rawValue) supersedes \(adr.supersedes) superseded by \(adr.supersededBy)"
            let expected = "\(label.status) supersedes \(label.supersedes) superseded by \(label.supersededBy)"
            if got != expected { wrong.append("\(label.file): read \(got), expected \(expected)") }
        }
        let right = labels.count - wrong.count
        print("ADR corpus: \(right) of \(labels.count) ADRs from \(collections.count) collections read right")
        XCTAssertEqual(wrong, [])
    }
}

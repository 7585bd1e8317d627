import Foundation
import XCTest
import SteleTestSupport

/// Comments and docs that stay true: every ADR file that the manifest, the sources, the README
/// and the docs cite exists (in this repository's adr/, or in the fixture repository an example
/// output comes from). Renumbering an ADR without updating what cites it fails here.
final class CitedPathsTests: XCTestCase {
    static let root = TestPaths.repositoryRoot

    func testEveryCitedADRFileExists() throws {
        let fm = FileManager.default
        var sources = ["Package.swift", "README.md"]
        for folder in ["Sources", "docs"] {
            let enumerator = fm.enumerator(atPath: Self.root.appendingPathComponent(folder).path)
            while let path = enumerator?.nextObject() as? String {
                if path.hasSuffix(".swift") || path.hasSuffix(".md") { sources.append(folder + "/" + path) }
            }
        }
        XCTAssertGreaterThan(sources.count, 50, "the sources were found")
        let fixtures = try fm.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Tests/Fixtures").path)
        let pattern = try NSRegularExpression(pattern: "adr/[0-9]{4}-[A-Za-z0-9-]+\\.md")
        var cited = 0
        for source in sources {
            let text = try String(contentsOf: Self.root.appendingPathComponent(source), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let path = String(text[Range(match.range, in: text)!])
                cited += 1
                let places = [path] + fixtures.map { "Tests/Fixtures/\($0)/\(path)" }
                XCTAssertTrue(places.contains { fm.fileExists(atPath: Self.root.appendingPathComponent($0).path) },
                              "\(source) cites \(path), which does not exist")
            }
        }
        XCTAssertGreaterThan(cited, 3, "citations were found")
    }
}

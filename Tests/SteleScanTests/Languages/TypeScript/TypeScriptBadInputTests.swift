import Foundation
import XCTest
@testable import SteleScan
import SteleTestSupport

/// Bad input never traps and never loops: the fixture's files cut, spliced and sprinkled with the
/// bytes that open and close comments, strings, templates, substitutions and regexes, through the
/// lexer, the import reader, resolution and the manifest readers (the fuzz target's path,
/// `Tests/Fuzz/typescript.swift`, made deterministic).
final class TypeScriptBadInputTests: XCTestCase {
    func testMutatedSourcesAreReadToTheirEnd() throws {
        let root = TestPaths.fixture("ts-app")
        let paths = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".ts") || $0.hasSuffix(".tsx") || $0.hasSuffix(".json") }.sorted()
        let sources = try paths.map { try Array(Data(contentsOf: root.appendingPathComponent($0))) }
        XCTAssertGreaterThan(sources.count, 8)
        let packages = [TypeScriptPackage(directory: "pkgs/a", manifestPath: "pkgs/a/package.json", name: "@x/a", entries: ["dist/index.js"])]
        let map = TypeScriptModuleMap(packages: packages, files: ["pkgs/a/src/index.ts", "src/c.js", "src/d/index.mjs"],
                                      aliases: [TypeScriptPathAliases(directory: "", baseURL: "src", paths: [("@ui/*", ["ui/*"])])])
        let specials = Array("`'\"/\\*${}()[]\n\r#!<".utf8)
        var random = SplitMix(seed: 14)
        var tokens: [TypeScriptToken] = []
        for _ in 0..<3000 {
            var bytes = sources[random.below(sources.count)]
            for _ in 0..<(1 + random.below(6)) {
                guard !bytes.isEmpty else { break }
                let at = random.below(bytes.count)
                switch random.below(4) {
                case 0: bytes.insert(specials[random.below(specials.count)], at: at)
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + random.below(40)))
                case 2: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                default: bytes.insert(contentsOf: sources[random.below(sources.count)].prefix(random.below(200)), at: at)
                }
            }
            let found = TypeScriptImportScanner.scan(bytes, tokens: &tokens)
            XCTAssertTrue(tokens.allSatisfy { $0.start <= $0.end && $0.end <= bytes.count })
            _ = map.resolve(SourceFile(path: "src/c.js", language: .javascript, module: "src/c.js", imports: found.imports))
            _ = TypeScriptPackage.parse(bytes, path: "package.json")
            _ = TypeScriptConfigReader.parse(bytes, path: "tsconfig.json")
        }
    }
}

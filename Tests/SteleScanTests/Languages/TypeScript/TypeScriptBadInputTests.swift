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
        let sources = try Mutations.sources(ofFixture: "ts-app") { $0.hasSuffix(".ts") || $0.hasSuffix(".tsx") || $0.hasSuffix(".json") }
        XCTAssertGreaterThan(sources.count, 8)
        let packages = [TypeScriptPackage(directory: "pkgs/a", manifestPath: "pkgs/a/package.json", name: "@x/a", entries: ["dist/index.js"])]
        let map = TypeScriptModuleMap(packages: packages, files: ["pkgs/a/src/index.ts", "src/c.js", "src/d/index.mjs"],
                                      aliases: [TypeScriptPathAliases(directory: "", baseURL: "src", paths: [("@ui/*", ["ui/*"])])])
        var tokens: [TypeScriptToken] = []
        let storage = TypeScriptTokens()
        Mutations.forEach(of: sources, specials: "`'\"/\\*${}()[]\n\r#!<", seed: 14) { bytes, random in
            let found = TypeScriptImportScanner.scan(bytes, tokens: &tokens)
            // Lexed only as far as the imports and suppressions need: the same answer.
            let prefix = TypeScriptImportScanner.scan(bytes, into: storage)
            XCTAssertEqual(prefix.imports, found.imports)
            XCTAssertEqual(prefix.suppressions, found.suppressions)
            XCTAssertTrue(tokens.allSatisfy { $0.start <= $0.end && $0.end <= bytes.count })
            _ = map.resolve(SourceFile(path: "src/c.js", language: .javascript, module: "src/c.js", imports: found.imports))
            _ = TypeScriptPackage.parse(bytes, path: "package.json")
            _ = TypeScriptConfigReader.parse(bytes, path: "tsconfig.json")
        }
    }
}

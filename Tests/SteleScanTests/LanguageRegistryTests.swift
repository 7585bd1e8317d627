import Foundation
import XCTest
@testable import SteleScan
import SteleTestSupport

/// A language is added in one folder and one registry line, with its tests and its docs: this
/// fails while one of them is missing (as SwiftFormat's rule-registry tests do for rules).
final class LanguageRegistryTests: XCTestCase {
    static let root = TestPaths.repositoryRoot
    /// `SwiftLanguage` → `Swift`: the name of its folders and of its docs section.
    static let registered = LanguageRegistry.all.map { String(String(describing: $0).dropLast("Language".count)) }

    func folders(_ relative: String) throws -> [String] {
        let url = Self.root.appendingPathComponent(relative)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }

    func testEveryLanguageFolderIsRegisteredAndEveryRegisteredLanguageHasItsFolders() throws {
        XCTAssertEqual(try folders("Sources/SteleScan/Languages"), Self.registered.sorted())
        XCTAssertEqual(try folders("Tests/SteleScanTests/Languages"), Self.registered.sorted())
        for name in Self.registered {
            let tests = FileManager.default.enumerator(atPath: Self.root.appendingPathComponent("Tests/SteleScanTests/Languages/\(name)").path)?
                .compactMap { $0 as? String }.filter { $0.hasSuffix("Tests.swift") } ?? []
            XCTAssertFalse(tests.isEmpty, "no test file for \(name)")
        }
    }

    func testNoLanguageIsReadTwice() {
        let claimed = LanguageRegistry.all.flatMap { $0.languages }
        XCTAssertEqual(claimed.count, Set(claimed).count)
    }

    func testTheDocsDescribeEveryLanguageAsItIsRead() throws {
        let docs = try String(contentsOf: Self.root.appendingPathComponent("docs/languages.md"), encoding: .utf8)
        for name in Self.registered { XCTAssertTrue(docs.contains("\n## \(name)\n"), "docs/languages.md has no section for \(name)") }
        for language in Language.allCases {
            let row = docs.split(separator: "\n").first { $0.hasPrefix("| \(language.rawValue) |") }
            XCTAssertNotNil(row, "docs/languages.md has no row for \(language.rawValue)")
            XCTAssertEqual(row?.hasSuffix("| recognised, not read yet |"), !LanguageRegistry.reads(language), language.rawValue)
        }
    }

    /// Every registered reader reads: a file with an import gives that import, through the same
    /// path a scan takes.
    func testEachRegisteredReaderFindsAnImport() {
        let samples: [Language: (source: String, module: String)] = [
            .swift: ("import Foundation\n", "Foundation"), .python: ("import os\n", "os"),
            .typescript: ("import fs from 'fs'\n", "fs"), .javascript: ("const fs = require('fs')\n", "fs"),
            .go: ("package main\n\nimport \"fmt\"\n", "fmt"),
            .java: ("import java.util.List;\n", "java.util.List"), .kotlin: ("import kotlin.math.max\n", "kotlin.math.max"),
        ]
        for support in LanguageRegistry.all {
            for language in support.languages {
                guard let sample = samples[language] else { return XCTFail("no sample import for \(language)") }
                let found = SourceReaders().reader(for: language)?.imports(in: Array(sample.source.utf8), wholeFile: false)
                XCTAssertEqual(found?.imports.map(\.module), [sample.module])
            }
        }
        XCTAssertNil(SourceReaders().reader(for: .objectiveC), "a language that is not read has no reader")
    }

    /// A language says it has symbols only if its reader finds some: the check skips reading
    /// symbols in a tree without such files, which must then lose nothing.
    func testOnlyLanguagesWhoseReadersFindSymbolsSayTheyHaveThem() {
        let samples: [Language: String] = [
            .swift: "struct A { let b = B() }\n", .python: "class A:\n    b = B()\n", .typescript: "class A { b = new B() }\n",
            .javascript: "class A { b = new B() }\n", .go: "package a\n\ntype A struct { b B }\n",
            .java: "class A { B b = new B(); }\n", .kotlin: "class A { val b = B() }\n",
        ]
        for support in LanguageRegistry.all {
            for language in support.languages {
                guard let sample = samples[language], let reader = SourceReaders().reader(for: language) else { return XCTFail("\(language)") }
                let found = reader.symbols(in: Array(sample.utf8))
                XCTAssertEqual(!found.declarations.isEmpty || !found.references.isEmpty, ProjectScanner.readsSymbols(language), "\(language)")
            }
        }
        XCTAssertFalse(ProjectScanner.readsSymbols(.objectiveC))
    }
}

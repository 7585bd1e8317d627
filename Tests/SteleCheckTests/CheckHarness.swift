import Foundation
import XCTest
import SteleADR
import SteleCheck
import SteleCore
import SteleGraph
import SteleRules
import SteleScan
import SteleTestSupport

/// Runs the real stages on a real fixture tree: scanner, rule parser, rule book, architecture,
/// checker. Only the rules are given inline, so each test states the rule it is about.
enum CheckHarness {
    static let fixtures = TestPaths.fixtures

    static func scan(_ fixture: String, symbols: Bool = true) -> ScanResult {
        ProjectScanner.scan(root: fixtures.appendingPathComponent(fixture).path, symbols: symbols)
    }

    /// Checks `rules` (the text of a `.stele` file) against the fixture, the way `stele check` does:
    /// symbols are read only for the files the rules need (`Checker.symbolSubjects`). Every check
    /// test also asserts that this gives what reading every file's symbols gives.
    static func check(_ fixture: String, rules: String, today: String = "2026-01-01",
                      file: StaticString = #filePath, line: UInt = #line) -> CheckResult {
        let ruleFile = RuleFile.parse(rules, path: "rules/test.stele")
        precondition(ruleFile.diagnostics.isEmpty, "test rules do not parse: \(ruleFile.diagnostics)")
        let book = RuleBook.compile(ruleFiles: [ruleFile], adrs: [], today: today)
        let demanded = Checker.check(book, architecture: architecture(fixture, book: book))
        let full = Checker.check(book, architecture: Architecture(scan: scan(fixture), components: book.components))
        XCTAssertEqual(lines(demanded), lines(full), "symbols read only where rules need them: other findings", file: file, line: line)
        XCTAssertEqual(demanded.suppressed.map(\.location), full.suppressed.map(\.location), file: file, line: line)
        return demanded
    }

    /// The architecture `stele check` builds: imports everywhere, then the symbols of the files the
    /// rules read and of the files those can see.
    static func architecture(_ fixture: String, book: RuleBook) -> Architecture {
        var session = ScanSession(root: fixtures.appendingPathComponent(fixture).path)
        guard Checker.needsSymbols(book) else { return Architecture(scan: session.result, components: book.components) }
        let reading = Checker.symbolReading(book, architecture: Architecture(scan: session.result, components: book.components))
        Checker.readSymbols(reading, into: &session)
        return Architecture(scan: session.result, components: book.components, symbolSubjects: reading.resolved)
    }

    /// `file:line:col message` for each finding: what a test asserts on.
    static func lines(_ result: CheckResult) -> [String] {
        result.findings.map { "\($0.location) \($0.message)" }
    }
}

import XCTest
import SteleCheck
import SteleGraph
import SteleRules
import SteleScan

/// `Checker.symbolSubjects`: which files' symbol uses the rules read, decided from imports alone.
/// `stele check` reads symbols only for these and what they can see, so a file left out here is a
/// finding missed; `CheckHarness.check` compares every check test's findings against a full read.
final class SymbolSubjectsTests: XCTestCase {
    func subjects(_ fixture: String, _ rules: String, resolved: Bool = true) -> [String] {
        let file = RuleFile.parse(rules, path: "rules/test.stele")
        XCTAssertEqual(file.diagnostics, [])
        let book = RuleBook.compile(ruleFiles: [file], adrs: [], today: "2026-01-01")
        let scan = ProjectScanner.scan(root: CheckHarness.fixtures.appendingPathComponent(fixture).path)
        XCTAssertTrue(scan.files.allSatisfy { $0.references.isEmpty }, "decided before any symbol is read")
        let subjects = Checker.symbolSubjects(book, architecture: Architecture(scan: scan, components: book.components))
        XCTAssertTrue(subjects.resolved.isSubset(of: subjects.read))
        return (resolved ? subjects.resolved : subjects.read).map { scan.files[$0].path }.sorted()
    }

    func testRulesOnWholeModulesNeedNoSymbols() {
        XCTAssertEqual(subjects("shop", """
            layers App > UI > Domain
            Domain must not depend on Persistence
            only UI may depend on Persistence
            no cycles
            Domain must not import GRDB
            Sources/Domain/Order.swift must not import GRDB
            """), [])
    }

    func testAFolderTargetReadsTheSubjectsFiles() {
        XCTAssertEqual(subjects("layered-app", "layers Sources/App/UI/** > Sources/App/Domain/** > Sources/App/Data/**"), [
            "Sources/App/Data/Log.swift", "Sources/App/Data/Shutdown.swift", "Sources/App/Data/UserRepository.swift",
            "Sources/App/Domain/LoginModel.swift", "Sources/App/Domain/Session.swift", "Sources/App/Domain/Validation.swift",
            "Sources/App/UI/Log.swift", "Sources/App/UI/LoginView.swift", "Sources/App/UI/Theme.swift",
        ])
        XCTAssertEqual(subjects("layered-app", "Sources/App/Domain/** must not depend on Sources/App/UI/**"), [
            "Sources/App/Domain/LoginModel.swift", "Sources/App/Domain/Session.swift", "Sources/App/Domain/Validation.swift",
        ])
        XCTAssertEqual(subjects("layered-app", """
            Sources/App/Domain/** must not depend on Sources/App/UI/** except Sources/App/Domain/Session.swift
            """), ["Sources/App/Domain/LoginModel.swift", "Sources/App/Domain/Validation.swift"])
    }

    /// Only files that can see the guarded file's module (their own or an import) can use it.
    func testOnlyFilesThatSeeTheTargetsModuleAreRead() {
        XCTAssertEqual(subjects("shop", "only Sources/Persistence/** may depend on Sources/Domain/Order.swift"), [
            "Sources/App/main.swift", "Sources/Domain/Money.swift", "Sources/UI/OrderView.swift",
        ], "test code is outside `only … may` rules (issue 11)")
    }

    /// `must not use` reads names, and resolves none of them.
    func testMustNotUseReadsEveryFileOfItsSubject() {
        XCTAssertEqual(subjects("shop", "Sources/Features/** must not use print", resolved: false),
                       ["Sources/Features/Cart/CartScreen.swift", "Sources/Features/Login/LoginScreen.swift"])
        XCTAssertEqual(subjects("shop", "UI must not use UserDefaults.standard", resolved: false), ["Sources/UI/OrderView.swift"])
        XCTAssertEqual(subjects("shop", "UI must not use UserDefaults.standard"), [])
    }

    func testCyclesAmongFoldersReadEveryNode() {
        XCTAssertEqual(subjects("layered-app", """
            component Part(*) = Sources/App/*/**
            no cycles in Part(*)
            """).count, 10, "main.swift is a member too: `*` matched its name")
    }

    func testWaivedRulesReadNothing() {
        XCTAssertEqual(subjects("shop", """
            Sources/UI/** must not use print until 2027-03-31
            """), [])
    }
}

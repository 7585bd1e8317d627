import Foundation
import XCTest
import SteleCheck
import SteleCore
import SteleGraph
import SteleRules
import SteleScan

/// `manifests must match imports` on Tests/Fixtures/manifest-truth, a package whose every target is
/// one case (see its Package.swift), with a nested example package depending on it by path.
final class ManifestTruthCheckTests: XCTestCase {
    let rule = "manifests must match imports"

    func findings(_ rules: String? = nil) -> [String] {
        CheckHarness.lines(CheckHarness.check("manifest-truth", rules: rules ?? rule))
    }

    func testEveryCaseOfTheFixture() {
        XCTAssertEqual(findings(), [
            "Examples/Demo/Sources/Demo/main.swift:3:1 `Demo` imports `Util`, which its manifest does not declare (Examples/Demo/Package.swift:8): no product of Package.swift vends it: add it to one there, and that product to the target's `dependencies:`",
            "Package.swift:20:1 `Store` declares a dependency on `Unused` but no file of it imports `Unused`: remove it from the target's `dependencies:`",
            "Package.swift:20:1 `Store` declares a dependency on product `Logging` but no file of it imports `Logging`: remove it from the target's `dependencies:`",
            "Sources/Net/Client.swift:2:1 `Net` imports `Core`, which its manifest does not declare (Package.swift:19); `Util` re-exports it (`@_exported import`), but explicit module builds still need it declared: add `\"Core\"` to the target's `dependencies:`",
            "Sources/tool/main.swift:3:1 `tool` imports `Util`, which its manifest does not declare (Package.swift:33): add `\"Util\"` to the target's `dependencies:`",
            "Tests/CoreTests/EntityTests.swift:3:1 `CoreTests` imports `Store`, which its manifest does not declare (Package.swift:36): add `\"Store\"` to the target's `dependencies:`",
        ])
    }

    func testUndeclaredImportIsAWarningAtTheImportWithALineIndependentSnippet() throws {
        let result = CheckHarness.check("manifest-truth", rules: rule)
        let finding = try XCTUnwrap(result.findings.first { $0.from == "CoreTests" })
        XCTAssertEqual(finding.severity, .warning, "accepted or not, the rule is a warning unless it says (error)")
        XCTAssertEqual(finding.snippet, "import Store", "`@testable import Store` is an import like any other")
        XCTAssertEqual(finding.to, "Store")
        XCTAssertEqual(finding.conditions, [])
        let declared = try XCTUnwrap(result.findings.first { $0.snippet == "declares Unused" })
        XCTAssertEqual(declared.location.file, "Package.swift")
        XCTAssertEqual(CheckHarness.check("manifest-truth", rules: rule + " (error)").findings.map(\.severity),
                       [Severity](repeating: .error, count: 6))
    }

    func testConditionalImportCarriesItsConditions() throws {
        let finding = try XCTUnwrap(CheckHarness.check("manifest-truth", rules: rule).findings.first { $0.from == "tool" })
        XCTAssertEqual(finding.conditions, ["canImport(Util)"])
    }

    func testProductsOfPackagesInTheTreeDeclareTheModulesTheyVend() {
        // Demo declares `.product(name: "Kit", package: "truth")`, whose targets are Kit and KitCore:
        // both imports are declared, only `import Util` is not.
        XCTAssertEqual(findings().filter { $0.contains("`Demo`") }.count, 1)
        XCTAssertFalse(findings().contains { $0.contains("KitCore") })
    }

    func testWhatIsNeverJudgedUnused() {
        let all = findings().joined(separator: "\n")
        // `tool` declares the macro target GenMacros (expanded, never imported); CoreTests declares the
        // executable `tool` (run, not imported); the plugin Lint declares `tool` (a tool);
        // CShim (C) declares Unused (its #includes are not read); Store's product `Collections`
        // is named like no imported module; a comment or string saying `import Unused` is no import.
        for name in ["GenMacros", "`tool` declares", "`Lint`", "`CShim`", "Collections"] {
            XCTAssertFalse(all.contains(name), name)
        }
        // Modules outside the tree (DequeModule, SwiftSyntaxMacros, XCTest) are never undeclared:
        // which product vends them is not known.
        XCTAssertFalse(all.contains("DequeModule"))
    }

    func testForLimitsTheRuleToAModuleOrComponent() {
        XCTAssertEqual(findings("manifests must match imports for Store").map { String($0.prefix(20)) },
                       ["Package.swift:20:1 `", "Package.swift:20:1 `"])
        XCTAssertEqual(findings("manifests must match imports for Sources/tool/**").count, 1)
        XCTAssertEqual(findings("manifests must match imports for Net").count, 1)
    }

    func testExceptCarvesOutFilesAndModules() {
        // Files in `except` are not checked; modules in it may be imported and declared freely.
        XCTAssertEqual(findings("manifests must match imports except Tests/**, Examples/**, Unused, Logging").count, 2)
        XCTAssertEqual(findings("manifests must match imports except Store").count, 3, "neither Store's own findings nor CoreTests' import of it")
    }

    func testForAnUnknownNameIsAnError() {
        let result = CheckHarness.check("manifest-truth", rules: "manifests must match imports for Stor")
        XCTAssertEqual(result.findings, [])
        XCTAssertEqual(result.diagnostics.first?.hint, "did you mean `Store`?")
    }

    func testModulesWithoutScannedFilesAreNotJudged() {
        // The shop fixture's manifest declares App → UI, Domain...; scanning only Tests/ leaves its
        // other modules without files: nothing is known of their imports, so nothing is reported.
        let root = CheckHarness.fixtures.appendingPathComponent("shop").path
        let book = RuleBook.compile(ruleFiles: [RuleFile.parse(rule, path: "rules/test.stele")], adrs: [], today: "2026-01-01")
        let scan = ProjectScanner.scan(root: root, include: [Glob("Tests")])
        let result = Checker.check(book, architecture: Architecture(scan: scan, components: []))
        XCTAssertEqual(CheckHarness.lines(result), [])
        XCTAssertEqual(CheckHarness.lines(CheckHarness.check("shop", rules: rule)),
                       ["Sources/Features/Login/LoginScreen.swift:1:1 `Login` imports `Cart`, which its manifest does not declare (Package.swift:21): add `\"Cart\"` to the target's `dependencies:`"])
    }

    func testXcodeTargets() throws {
        // A copy of the Xcode fixture where the app imports SharedKit (a framework of the other
        // project it has no dependency on) and the widget no longer imports the SharedKit it embeds.
        let tree = FileManager.default.temporaryDirectory.appendingPathComponent("stele-truth-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CheckHarness.fixtures.appendingPathComponent("xcode-app"), to: tree)
        defer { try? FileManager.default.removeItem(at: tree) }
        let app = tree.appendingPathComponent("App/AppMain.swift")
        try ("import SharedKit\n" + String(contentsOf: app, encoding: .utf8)).write(to: app, atomically: true, encoding: .utf8)
        let widget = tree.appendingPathComponent("Widget/WidgetMain.swift")
        try String(contentsOf: widget, encoding: .utf8).replacingOccurrences(of: "import SharedKit", with: "")
            .write(to: widget, atomically: true, encoding: .utf8)

        let book = RuleBook.compile(ruleFiles: [RuleFile.parse(rule, path: "rules/test.stele")], adrs: [], today: "2026-01-01")
        let result = Checker.check(book, architecture: Architecture(scan: ProjectScanner.scan(root: tree.path), components: []))
        // AppTests declares the app (a test host, not imported) and the widget embeds SharedKit:
        // neither is reported unused.
        XCTAssertEqual(CheckHarness.lines(result), [
            "App/AppMain.swift:1:1 `App` imports `SharedKit`, which its manifest does not declare (App.xcodeproj/project.pbxproj:120): add `SharedKit` to the target's dependencies",
        ])

        // Linking SharedKit.framework from the build directory (Xcode's implicit dependency) declares it.
        let project = tree.appendingPathComponent("App.xcodeproj/project.pbxproj")
        let original = try String(contentsOf: project, encoding: .utf8)
        func link(_ file: String) throws -> [String] {
            // The app (not its tests, which share the project's Frameworks phase) gets a phase of its own.
            let linked = original
                .replacingOccurrences(of: "A10000000000000000000601 /* Sources */,\n", with: "A10000000000000000000601 /* Sources */,\nAPPFRAMEWORKS,\n")
                .replacingOccurrences(of: "/* Begin PBXGroup section */", with: """
                    APPFRAMEWORKS = {isa = PBXFrameworksBuildPhase; files = (LINKED); };
                    LINKED = {isa = PBXBuildFile; fileRef = PRODUCT; };
                    PRODUCT = {isa = PBXFileReference; path = "\(file)"; sourceTree = BUILT_PRODUCTS_DIR; };
                    /* Begin PBXGroup section */
                    """)
            XCTAssertNotEqual(linked, original)
            try linked.write(to: project, atomically: true, encoding: .utf8)
            return CheckHarness.lines(Checker.check(book, architecture: Architecture(scan: ProjectScanner.scan(root: tree.path), components: [])))
        }
        XCTAssertEqual(try link("SharedKit.framework"), [])
        // A CocoaPods product: the Podfile (not read) declares what the app imports.
        XCTAssertEqual(try link("libPods-App.a"), [])
        XCTAssertEqual(try link("Other.framework").count, 1)
    }

    func testFingerprintsDoNotDependOnLines() throws {
        let result = CheckHarness.check("manifest-truth", rules: rule)
        let unused = try XCTUnwrap(result.findings.first { $0.snippet == "declares Unused" })
        var moved = unused
        moved.location.line += 10
        let recomputed = Finding(rule: moved.rule, location: moved.location, message: moved.message, from: moved.from, to: moved.to, snippet: moved.snippet)
        XCTAssertEqual(recomputed.fingerprint, unused.fingerprint)
    }
}

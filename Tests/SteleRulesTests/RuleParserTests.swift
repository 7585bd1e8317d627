import XCTest
import SteleCore
@testable import SteleRules

final class RuleParserTests: XCTestCase {
    let here = SourceLocation(file: "rules/a.stele", line: 3, column: 5)

    func parse(_ text: String) throws -> Statement {
        switch RuleParser.parse(text, at: here) {
        case .success(let statement?): return statement
        case .success(nil): XCTFail("no statement in \(text)"); throw CancellationError()
        case .failure(let d): XCTFail("\(text): \(d)"); throw d
        }
    }

    func rule(_ text: String) throws -> Rule {
        guard case .rule(let rule) = try parse(text) else { XCTFail("not a rule: \(text)"); throw CancellationError() }
        return rule
    }

    func failure(_ text: String) -> Diagnostic? {
        if case .failure(let d) = RuleParser.parse(text, at: here) { return d }
        XCTFail("expected an error for: \(text)")
        return nil
    }

    func testBlankAndCommentLinesAreNoStatement() throws {
        XCTAssertNil(try RuleParser.parse("", at: here).get())
        XCTAssertNil(try RuleParser.parse("   # a comment", at: here).get())
    }

    func testComponentDeclarations() throws {
        XCTAssertEqual(try parse("component Domain = module Domain"),
                       .component(ComponentDeclaration(name: "Domain", isParametrized: false, sources: [.module("Domain")], location: here)))
        guard case .component(let ui) = try parse("component UI = Sources/App/UI/**, Sources/App/Views/**") else { return XCTFail() }
        XCTAssertEqual(ui.sources, [.glob(Glob("Sources/App/UI/**")), .glob(Glob("Sources/App/Views/**"))])
        guard case .component(let store) = try parse("component Persistence = external GRDB, SQLite3") else { return XCTFail() }
        XCTAssertEqual(store.sources, [.external("GRDB"), .external("SQLite3")])
        guard case .component(let feature) = try parse("component Feature(*) = Sources/Features/*/**") else { return XCTFail() }
        XCTAssertTrue(feature.isParametrized)
        guard case .component(let mixed) = try parse("component Data = module Data, Sources/Legacy/{a,b}/**") else { return XCTFail() }
        XCTAssertEqual(mixed.sources, [.module("Data"), .glob(Glob("Sources/Legacy/{a,b}/**"))])
    }

    func testComponentErrors() {
        XCTAssertEqual(failure("component Domain module Domain")?.message, "expected `=` after `component Domain`")
        XCTAssertEqual(failure("component Domain = Domain")?.hint, "a bare name is ambiguous: say whether it is a detected module or an external one")
        XCTAssertEqual(failure("component Feature(*) = module Login")?.message, "a parametrized component must be defined by a glob with `*`")
    }

    func testLayers() throws {
        XCTAssertEqual(try rule("layers UI > Application > Domain").kind,
                       .layers([.name("UI"), .name("Application"), .name("Domain")], strict: false))
        XCTAssertEqual(try rule("strict layers App > Core").kind, .layers([.name("App"), .name("Core")], strict: true))
        XCTAssertEqual(failure("layers UI")?.message, "`layers` needs at least two layers")
    }

    func testDependencyRules() throws {
        XCTAssertEqual(try rule("Domain must not depend on UI, Persistence").kind,
                       .mustNotDependOn(.name("Domain"), [.name("UI"), .name("Persistence")], transitive: false))
        XCTAssertEqual(try rule("Domain must not depend on Networking directly or indirectly").kind,
                       .mustNotDependOn(.name("Domain"), [.name("Networking")], transitive: true))
        XCTAssertEqual(try rule("Domain may only depend on Core and Utilities").kind,
                       .mayOnlyDependOn(.name("Domain"), [.name("Core"), .name("Utilities")]))
        XCTAssertEqual(try rule("only Checkout, Billing may depend on Payments").kind,
                       .onlyMayDependOn([.name("Checkout"), .name("Billing")], .name("Payments")))
        XCTAssertEqual(try rule("only Persistence may import GRDB, SQLite3").kind,
                       .onlyMayImport([.name("Persistence")], modules: ["GRDB", "SQLite3"]))
        XCTAssertEqual(try rule("Domain must not import GRDB, UIKit, SwiftUI").kind,
                       .mustNotImport(.name("Domain"), modules: ["GRDB", "UIKit", "SwiftUI"]))
        XCTAssertEqual(try rule("Sources/App/UI/** must not import GRDB").kind,
                       .mustNotImport(.glob(Glob("Sources/App/UI/**")), modules: ["GRDB"]))
    }

    /// `@acme/orders` holds a `/` but is an npm package's name (ADR-0009), not a glob.
    func testAScopedPackageIsANameNotAGlob() throws {
        XCTAssertEqual(try rule("@acme/payments must not depend on @acme/orders, lodash").kind,
                       .mustNotDependOn(.name("@acme/payments"), [.name("@acme/orders"), .name("lodash")], transitive: false))
        XCTAssertEqual(try rule("@acme/x/** must not depend on packages/*/src/**").kind,
                       .mustNotDependOn(.glob(Glob("@acme/x/**")), [.glob(Glob("packages/*/src/**"))], transitive: false))
        guard case .component(let declaration) = try parse("component Orders = module @acme/orders") else { return XCTFail("not a component") }
        XCTAssertEqual(declaration.sources, [.module("@acme/orders")])
    }

    /// `example.com/shop/orders` holds `/` but is a Go import path (ADR-0010): its first part is a
    /// domain. A folder path, and a standard-library path without one, stay globs.
    func testAGoImportPathIsANameNotAGlob() throws {
        XCTAssertEqual(try rule("example.com/shop/payments must not depend on example.com/shop/orders, github.com/spf13/cobra").kind,
                       .mustNotDependOn(.name("example.com/shop/payments"), [.name("example.com/shop/orders"), .name("github.com/spf13/cobra")], transitive: false))
        XCTAssertEqual(try rule("example.com/shop must not import gopkg.in/yaml.v2, github.com/lib/pq").kind,
                       .mustNotImport(.name("example.com/shop"), modules: ["gopkg.in/yaml.v2", "github.com/lib/pq"]))
        XCTAssertEqual(try rule("net/http must not depend on Sources/App.Tests/x, example.com/*/orders").kind,
                       .mustNotDependOn(.glob(Glob("net/http")), [.glob(Glob("Sources/App.Tests/x")), .glob(Glob("example.com/*/orders"))], transitive: false))
        XCTAssertEqual(try rule("MyApp.xcodeproj/x must not depend on Core").kind,
                       .mustNotDependOn(.glob(Glob("MyApp.xcodeproj/x")), [.name("Core")], transitive: false), "not a domain: a folder")
    }

    func testCyclesIndependenceNamingSymbolsJudge() throws {
        XCTAssertEqual(try rule("no cycles in Core").kind, .noCycles(.name("Core")))
        XCTAssertEqual(try rule("no cycles").kind, .noCycles(nil))
        XCTAssertEqual(try rule("Features must be acyclic").kind, .noCycles(.name("Features")))
        XCTAssertEqual(try rule("Feature(*) must not depend on each other").kind, .independent(family: "Feature"))
        XCTAssertEqual(try rule("files in ViewModels must be named \"*ViewModel.swift\"").kind,
                       .naming(.name("ViewModels"), pattern: "*ViewModel.swift"))
        XCTAssertEqual(try rule("Domain must not use print, UserDefaults.standard").kind,
                       .mustNotUse(.name("Domain"), symbols: ["print", "UserDefaults.standard"]))
        XCTAssertEqual(try rule("judge \"views hold no business logic\" for UI").kind,
                       .judge("views hold no business logic", .name("UI")))
        XCTAssertEqual(try rule("Feature(Login) must not depend on Feature(Cart)").kind,
                       .mustNotDependOn(.member(family: "Feature", member: "Login"), [.member(family: "Feature", member: "Cart")], transitive: false))
    }

    func testManifestsMustMatchImports() throws {
        XCTAssertEqual(try rule("manifests must match imports").kind, .manifestsMatchImports(nil))
        XCTAssertEqual(try rule("Manifests Must Match Imports.").kind, .manifestsMatchImports(nil))
        XCTAssertEqual(try rule("manifests must match imports for Core").kind, .manifestsMatchImports(.name("Core")))
        XCTAssertEqual(try rule("manifests must match imports for Sources/App/**").kind, .manifestsMatchImports(.glob(Glob("Sources/App/**"))))
        XCTAssertEqual(try rule("manifests must match imports for Feature(*)").kind, .manifestsMatchImports(.family("Feature")))
        let r = try rule("manifests must match imports for Core except Tests/** (error) until 2027-03-31 because ADR-0003")
        XCTAssertEqual(r.kind, .manifestsMatchImports(.name("Core")))
        XCTAssertEqual(r.exceptions, [.glob(Glob("Tests/**"))])
        XCTAssertEqual(r.severity, .error)
        XCTAssertEqual(r.until, "2027-03-31")
        XCTAssertEqual(r.because, "ADR-0003")
        XCTAssertEqual(try rule("manifests must match imports (info)").severity, .info)
        XCTAssertEqual(try rule("manifests must match imports").selectors, [])
        XCTAssertEqual(try rule("manifests must match imports for Core except Legacy").selectors, [.name("Core"), .name("Legacy")])
        // `manifests` is still a fine component name.
        XCTAssertEqual(try rule("manifests must not import GRDB").kind, .mustNotImport(.name("manifests"), modules: ["GRDB"]))
    }

    func testManifestsRuleErrors() {
        XCTAssertEqual(failure("manifests must match import")?.message, "expected `imports` after `manifests must match`, found `import`")
        XCTAssertEqual(failure("manifests must match import")?.hint, "did you mean `imports`?")
        XCTAssertEqual(failure("manifests must match imports for")?.message, "expected a component or module after `for`")
        XCTAssertEqual(failure("manifests must match imports Core")?.message, "unexpected `Core` after the rule")
        XCTAssertEqual(failure("manifest must match imports")?.hint, "did you mean `manifests`?")
    }

    func testSuffixesInAnyOrder() throws {
        let r = try rule("UI must not import GRDB except Sources/App/Debug/**, Preview (warning) until 2027-03-31 because ADR-0007")
        XCTAssertEqual(r.kind, .mustNotImport(.name("UI"), modules: ["GRDB"]))
        XCTAssertEqual(r.exceptions, [.glob(Glob("Sources/App/Debug/**")), .name("Preview")])
        XCTAssertEqual(r.severity, .warning)
        XCTAssertEqual(r.until, "2027-03-31")
        XCTAssertEqual(r.because, "ADR-0007")
        XCTAssertEqual(try rule("Domain must not import UIKit (info)").severity, .info)
        XCTAssertEqual(try rule("Feature(Login) must not import UIKit").kind, .mustNotImport(.member(family: "Feature", member: "Login"), modules: ["UIKit"]),
                       "a parenthesis touching a name is a member, not a severity")
    }

    func testKeywordsAreCaseInsensitiveAndAFullStopIsAllowed() throws {
        XCTAssertEqual(try rule("Domain Must Not Depend On UI.").kind, .mustNotDependOn(.name("Domain"), [.name("UI")], transitive: false))
        XCTAssertEqual(try rule("Files in UI must be named \"*View.swift\".").kind, .naming(.name("UI"), pattern: "*View.swift"))
    }

    func testErrorsCarryColumnsAndSuggestions() {
        let typo = failure("Domain mustnt depend on UI")
        XCTAssertEqual(typo?.location, SourceLocation(file: "rules/a.stele", line: 3, column: 5 + 7))
        XCTAssertEqual(typo?.hint, "did you mean `must not depend on`?")
        // `should not import` is accepted now (issue 11): a typo of it still gets the canonical form.
        XCTAssertEqual(failure("Domain should not imprt GRDB")?.hint, "did you mean `must not import`?")
        XCTAssertEqual(failure("layer UI > Domain")?.hint, "did you mean `layers`?")
        XCTAssertEqual(failure("Domain must not import")?.message, "expected a module name")
        XCTAssertEqual(failure("UI must not import GRDB until 2027-02-30")?.message, "expected a date `YYYY-MM-DD` after `until`")
        XCTAssertEqual(failure("UI must not import \"GRDB")?.message, "unterminated string")
        let extra = failure("Domain must not depend on UI Persistence")
        XCTAssertEqual(extra?.message, "unexpected `Persistence` after the rule")
        XCTAssertEqual(extra?.location?.column, 5 + 29)
    }

    func testSettings() throws {
        XCTAssertEqual(try parse("adr directory docs/decisions"), .setting(.adrDirectory("docs/decisions")))
        XCTAssertEqual(try parse("scan Sources, Tests"), .setting(.scan([Glob("Sources"), Glob("Tests")])))
        XCTAssertEqual(try parse("ignore **/Generated/**, **/*.pb.swift"), .setting(.ignore([Glob("**/Generated/**"), Glob("**/*.pb.swift")])))
    }
}

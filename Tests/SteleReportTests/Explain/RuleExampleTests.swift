import XCTest
import SteleCore
import SteleRules
@testable import SteleReport

/// A minimal violation and its fix for each rule kind, made without a codebase (made-up files).
final class RuleExampleTests: XCTestCase {
    func example(_ kind: Rule.Kind) throws -> RuleExample {
        try XCTUnwrap(RuleExample.make(for: Rule(kind: kind)))
    }

    func testMustNotImportIsAnImportInTheSubject() throws {
        let e = try example(.mustNotImport(.name("Domain"), modules: ["GRDB", "UIKit"]))
        XCTAssertEqual(e.violation, [RuleExample.File(path: "Sources/Domain/Example.swift", code: "import GRDB\n")])
        XCTAssertTrue(e.fix.hasPrefix("remove `import GRDB` from Domain"), e.fix)
    }

    func testOnlyMayImportIsAnImportFromOutside() throws {
        let e = try example(.onlyMayImport([.name("Persistence")], modules: ["GRDB"]))
        XCTAssertEqual(e.violation, [RuleExample.File(path: "Sources/Other/Example.swift", code: "import GRDB\n")])
        XCTAssertTrue(e.fix.contains("into Persistence"), e.fix)
    }

    func testMustNotDependOnAModuleImportsIt() throws {
        let e = try example(.mustNotDependOn(.name("Domain"), [.name("UI")], transitive: true))
        XCTAssertEqual(e.violation.map(\.code), ["import UI\n"])
        XCTAssertTrue(e.why.contains("directly or through another component"), e.why)
    }

    func testMustNotDependOnAFolderUsesATypeDeclaredThere() throws {
        let e = try example(.mustNotDependOn(.glob(Glob("Sources/App/Domain/**")), [.glob(Glob("Sources/App/UI/**"))], transitive: false))
        XCTAssertEqual(e.violation, [RuleExample.File(path: "Sources/App/Domain/Example.swift", code: "func example() {\n    _ = SomeTypeOfUI.self\n}\n")])
    }

    func testLayersHaveTheLowestLayerReachUp() throws {
        let e = try example(.layers([.name("App"), .name("UI"), .name("Domain")], strict: true))
        XCTAssertEqual(e.violation, [RuleExample.File(path: "Sources/Domain/Example.swift", code: "import App\n")])
        XCTAssertTrue(e.why.contains("must not skip UI"), e.why)
    }

    func testMayOnlyDependOnImportsSomethingElse() throws {
        let e = try example(.mayOnlyDependOn(.name("Persistence"), [.name("Domain")]))
        XCTAssertEqual(e.violation.map(\.code), ["import SomeOtherModule\n"])
        XCTAssertTrue(e.fix.hasPrefix("depend only on Domain"), e.fix)
    }

    func testOnlyMayDependOnIsADependencyFromOutside() throws {
        let e = try example(.onlyMayDependOn([.name("App")], .name("Persistence")))
        XCTAssertEqual(e.violation, [RuleExample.File(path: "Sources/Other/Example.swift", code: "import Persistence\n")])
    }

    func testACycleIsTwoFilesImportingEachOther() throws {
        let e = try example(.noCycles(nil))
        XCTAssertEqual(e.violation.map(\.code), ["import ModuleB\n", "import ModuleA\n"])
        XCTAssertTrue(e.fix.contains("break the cycle"), e.fix)
    }

    func testIndependenceIsOneMemberImportingAnother() throws {
        let e = try example(.independent(family: "Feature"))
        XCTAssertEqual(e.violation, [RuleExample.File(path: "Sources/A/Example.swift", code: "import B\n")])
    }

    func testNamingRenamesAfterThePattern() throws {
        let e = try example(.naming(.glob(Glob("Sources/App/ViewModels/**")), pattern: "*ViewModel.swift"))
        XCTAssertEqual(e.violation.map(\.path), ["Sources/App/ViewModels/Helper.swift"])
        XCTAssertTrue(e.fix.contains("`HelperViewModel.swift`"), e.fix)
    }

    func testMustNotUseNamesTheSymbol() throws {
        let e = try example(.mustNotUse(.name("Core"), symbols: ["URLSession"]))
        XCTAssertEqual(e.violation.map(\.code), ["func example() {\n    _ = URLSession.self\n}\n"])
    }

    func testManifestRuleAddsTheDependency() throws {
        let e = try example(.manifestsMatchImports(nil))
        XCTAssertTrue(e.fix.contains("add \"ModuleB\" to the `dependencies:` of target ModuleA"), e.fix)
    }

    func testAJudgedRuleHasNoExample() {
        XCTAssertNil(RuleExample.make(for: Rule(kind: .judge("Views hold no business rules", .name("UI")))))
    }
}

import XCTest
@testable import SteleCheck

final class ForbiddenDependencyCheckTests: XCTestCase {
    func testDirectDependencyOnAModuleComponent() {
        let result = CheckHarness.check("shop", rules: "UI must not depend on Persistence")
        XCTAssertEqual(CheckHarness.lines(result), ["Sources/UI/OrderView.swift:2:1 `UI` imports `Persistence`"])
        XCTAssertEqual(result.findings.first?.from, "UI")
        XCTAssertEqual(result.findings.first?.to, "Persistence")
    }

    func testDeclaredComponentsAndExternals() {
        let result = CheckHarness.check("shop", rules: """
        component Core = Sources/Domain/**
        component Database = external GRDB
        Core must not depend on Database
        """)
        XCTAssertEqual(CheckHarness.lines(result), ["Sources/Domain/Order.swift:2:1 `Core` imports `Database` (`import GRDB`)"])
    }

    func testIndirectDependencyShowsThePath() {
        let direct = CheckHarness.check("shop", rules: "App must not depend on Persistence")
        XCTAssertEqual(direct.findings, [], "App does not import Persistence itself")
        let transitive = CheckHarness.check("shop", rules: "App must not depend on Persistence directly or indirectly")
        XCTAssertEqual(CheckHarness.lines(transitive),
                       ["Sources/App/main.swift:1:1 `App` depends on `Persistence` indirectly: App → UI → Persistence"])
    }

    func testExceptOnTheTargetSide() {
        let result = CheckHarness.check("shop", rules: "UI must not depend on Persistence, Domain except Persistence")
        XCTAssertEqual(CheckHarness.lines(result), ["Sources/UI/OrderView.swift:1:1 `UI` imports `Domain`"])
    }
}

extension ForbiddenDependencyCheckTests {
    /// One rule naming a module and a file of it: `import Domain` is the violation, and the use of
    /// `Order` in the same file is the same dependency, reported once.
    func testAUseIsNotReportedAgainWhenAnotherTargetHoldsItsWholeModule() {
        let result = CheckHarness.check("shop", rules: "Persistence must not depend on Domain, Sources/Domain/Order.swift")
        XCTAssertEqual(CheckHarness.lines(result), ["Sources/Persistence/OrderStore.swift:1:1 `Persistence` imports `Domain`"])
    }
}

extension ForbiddenDependencyCheckTests {
    /// `except` a file of a module the target holds whole: using that file is allowed, so the import
    /// no longer speaks for the module; the uses of the rest of it do.
    func testExceptAFileOfAWholeModuleTarget() {
        let allowed = CheckHarness.check("shop", rules: "Persistence must not depend on Sources/Domain/** except Sources/Domain/Order.swift")
        XCTAssertEqual(CheckHarness.lines(allowed), [], "OrderStore uses only Order")
        let other = CheckHarness.check("shop", rules: "Persistence must not depend on Sources/Domain/** except Sources/Domain/Money.swift")
        XCTAssertEqual(CheckHarness.lines(other), [
            "Sources/Persistence/OrderStore.swift:6:31 `Persistence` uses `Order` (`Sources/Domain/**`, declared at Sources/Domain/Order.swift:15)",
        ])
    }
}

import XCTest
@testable import SteleCheck

final class ForbiddenUseCheckTests: XCTestCase {
    func testUsesAreReportedAtTheirLocation() {
        let result = CheckHarness.check("shop", rules: "App must not use print\nUI must not use OrderStore, UserDefaults.standard")
        XCTAssertEqual(CheckHarness.lines(result), [
            "Sources/App/main.swift:4:1 `App` uses `print`",
            "Sources/UI/OrderView.swift:8:24 `UI` uses `OrderStore`",
        ])
        XCTAssertEqual(result.rules.map(\.state.label), ["enforced", "enforced"])
    }

    func testExceptAndComponentsWithoutUses() {
        XCTAssertEqual(CheckHarness.check("shop", rules: "App must not use print except Sources/App/main.swift").findings, [])
        XCTAssertEqual(CheckHarness.check("shop", rules: "Domain must not use print").findings, [], "Order.swift's comments and strings do not count")
    }
}

extension ForbiddenUseCheckTests {
    /// Resolved references, not text: a local that shadows the name, a member of the enclosing type
    /// named like it, a comment or a string are not uses; `import func` is.
    func testShadowingMembersAndImportFunc() {
        let result = CheckHarness.check("layered-app", rules: """
            Sources/App/Domain/** must not use Theme
            Sources/App/Data/** must not use exit, print
            """)
        XCTAssertEqual(CheckHarness.lines(result), [
            "Sources/App/Data/Log.swift:1:25 `Sources/App/Data/**` uses `print`",
            "Sources/App/Data/Shutdown.swift:1:1 `Sources/App/Data/**` uses `exit`",
            "Sources/App/Data/Shutdown.swift:10:15 `Sources/App/Data/**` uses `exit`",
            "Sources/App/Domain/Session.swift:5:29 `Sources/App/Domain/**` uses `Theme`",
        ])
    }
}

extension ForbiddenUseCheckTests {
    /// `Glibc.exit(1)`, `Swift.print`: a name qualified by a module the file imports (or `Swift`) is
    /// that name, and never a member of the enclosing type.
    func testModuleQualifiedUses() {
        let result = CheckHarness.check("layered-app", rules: "Sources/App/Data/** must not use exit")
        XCTAssertEqual(CheckHarness.lines(result), [
            "Sources/App/Data/Shutdown.swift:1:1 `Sources/App/Data/**` uses `exit`",
            "Sources/App/Data/Shutdown.swift:10:15 `Sources/App/Data/**` uses `exit`",
        ])
    }
}

import Foundation
import XCTest
import SteleTestSupport

/// Go through the real binary: the `go-app` fixture (a go.mod module, packages as directories, a
/// nested module, grouped and aliased imports, `_` and `.` imports, a build-tagged file, a test
/// file, an `internal/` package, an import inside a raw string, a suppressed import, and one
/// violation by package path).
final class GoCheckTests: XCTestCase {
    func testTheFixtureHasOneViolationAtItsLine() throws {
        let run = try SteleProcess.run(["check", TestPaths.fixture("go-app").path])
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("payments/charge.go:7:2: error: `example.com/shop/payments` imports `example.com/shop/orders` [ADR-0001]\n    import \"example.com/shop/orders\"\n"), run.stdout)
        XCTAssertEqual(run.stdout.components(separatedBy: ": error: ").count, 2, "one finding: " + run.stdout)
        XCTAssertTrue(run.stdout.contains("1 error (7 files, 4 rules enforced, 1 suppressed inline)"), run.stdout)
        XCTAssertEqual(run.stderr, "", "the suppression in tools/gen is used")
    }

    func testScanNamesEveryPackageAndImportOfTheFixture() throws {
        let run = try SteleProcess.run(["scan", TestPaths.fixture("go-app").path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let files = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["files"] as? [[String: Any]])
        func file(_ path: String) -> [String: Any]? { files.first { $0["path"] as? String == path } }
        func imports(_ path: String) -> [String] {
            (file(path)?["imports"] as? [[String: Any]] ?? []).map { one in
                let attributes = one["attributes"] as? [String] ?? [], conditions = one["conditions"] as? [String] ?? []
                return "\(one["line"]!) \(one["module"]!)" + (attributes.isEmpty ? "" : " " + attributes.joined(separator: ","))
                    + (conditions.isEmpty ? "" : " if " + conditions.joined(separator: " › "))
            }
        }
        XCTAssertEqual(file("payments/refund_linux.go")?["language"] as? String, "go")
        XCTAssertEqual(file("orders/order.go")?["module"] as? String, "example.com/shop/orders")
        XCTAssertEqual(file("tools/gen/gen.go")?["module"] as? String, "example.com/shop/tools/gen", "the nested module's path")
        XCTAssertEqual(imports("orders/order.go"), ["5 errors", "6 fmt", "8 example.com/shop/payments alias:pay", "9 example.com/shop/internal/db"],
                       "the import in a raw string is not seen")
        XCTAssertEqual(imports("orders/order_test.go"), ["3 testing test"])
        XCTAssertEqual(imports("payments/refund_linux.go"), ["6 embed blank if linux › cgo && !race", "7 syscall dot if linux › cgo && !race"])
        XCTAssertEqual(imports("tools/gen/gen.go"), ["7 example.com/shop/orders if tools", "9 github.com/lib/pq blank if tools"])
    }

    /// A build-tagged import that breaks a rule says when it applies; the internal package is
    /// governed by a rule, and the standard library is platform (not counted by `may only`).
    func testAConditionalViolationAndTheInternalPackageRule() throws {
        let tree = try TemporaryTree(copying: "go-app")
        defer { tree.remove() }
        try tree.write("payments/refund_windows.go", "//go:build !race\n\npackage payments\n\nimport (\n\t\"os\"\n\tdb \"example.com/shop/internal/db\"\n)\n\nvar _ = db.Open\nvar _ = os.Exit\n")
        let run = try SteleProcess.run(["check", tree.path])
        let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        XCTAssertEqual(errors, [
            "payments/charge.go:7:2: error: `example.com/shop/payments` imports `example.com/shop/orders` [ADR-0001]",
            "payments/refund_windows.go:7:2: error: `example.com/shop/payments` imports `example.com/shop/internal/db`, which only `example.com/shop/orders` may depend on [ADR-0001]",
        ], run.stdout)
        XCTAssertTrue(run.stdout.contains("  only when: #if windows › #if !race\n"), run.stdout)
    }

    /// `must not import` a module path forbids its packages below it too, as `must not depend on` does.
    func testMustNotImportAModuleCoversItsPackages() throws {
        let tree = try TemporaryTree(copying: "go-app")
        defer { tree.remove() }
        try tree.write("rules/drivers.stele", "example.com/shop/internal/db must not import github.com/lib because ADR-0001\n")
        let run = try SteleProcess.run(["check", tree.path])
        let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        XCTAssertEqual(errors, [
            "internal/db/db.go:7:2: error: `example.com/shop/internal/db` imports `github.com/lib` [ADR-0001]",
            "payments/charge.go:7:2: error: `example.com/shop/payments` imports `example.com/shop/orders` [ADR-0001]",
        ], run.stdout)
    }

    func testTheCacheGivesTheSameFindingsAndSeesANewFile() throws {
        let tree = try TemporaryTree(copying: "go-app")
        defer { tree.remove(); try? FileManager.default.removeItem(atPath: tree.cacheDirectory) }
        let environment = ["STELE_CACHE_DIR": tree.cacheDirectory]
        let cold = try SteleProcess.run(["check", tree.path], environment: environment)
        let warm = try SteleProcess.run(["check", tree.path], environment: environment)
        XCTAssertEqual(cold.stdout, warm.stdout)
        XCTAssertEqual(cold.status, 1)
        // A new test file: the cached facts of the others are resolved again with it in the tree.
        try tree.write("payments/charge_test.go", "package payments\n\nimport \"example.com/shop/orders\"\n")
        let edited = try SteleProcess.run(["check", tree.path], environment: environment)
        XCTAssertTrue(edited.stdout.contains("payments/charge_test.go:3:8: error: `example.com/shop/payments` imports `example.com/shop/orders` [ADR-0001]"), edited.stdout)
        XCTAssertTrue(edited.stdout.contains("2 errors"), edited.stdout)
        let again = try SteleProcess.run(["check", tree.path], environment: environment)
        XCTAssertEqual(edited.stdout, again.stdout)
    }

    /// One run, one set of ADRs: findings in Go, Swift, Python and TypeScript at the right file and
    /// line, each named as its language names it.
    func testAMixedTreeOfFourLanguages() throws {
        let tree = try TemporaryTree(copying: "go-app")
        defer { tree.remove() }
        try tree.write("Package.swift", """
        // swift-tools-version:5.9
        import PackageDescription

        let package = Package(name: "Shop", targets: [.target(name: "Core"), .target(name: "Storage")])
        """)
        try tree.write("Sources/Core/Order.swift", "import Foundation\nimport Storage\n")
        try tree.write("Sources/Storage/Store.swift", "public struct Store {}\n")
        try tree.write("services/billing/pyproject.toml", "[project]\nname = \"billing\"\n")
        try tree.write("services/billing/billing/__init__.py", "")
        try tree.write("services/billing/billing/api.py", "import os\nfrom billing import web\n")
        try tree.write("services/billing/billing/web.py", "")
        try tree.write("web/package.json", "{\"name\": \"@shop/web\"}\n")
        try tree.write("web/src/app.ts", "import { readFile } from 'node:fs'\nimport _ from 'lodash'\n")
        try tree.write("adr/0002-the-rest.md", """
        # 2. The Swift core stores nothing; billing's API renders nothing; the web uses only Node

        Date: 2026-12-04

        ## Status

        Accepted

        ## Decision

        ```stele
        Core must not depend on Storage
        billing.api must not depend on billing.web
        @shop/web may only depend on @shop/web
        ```
        """)
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1)
        let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        XCTAssertEqual(errors, [
            "Sources/Core/Order.swift:2:1: error: `Core` imports `Storage` [ADR-0002]",
            "payments/charge.go:7:2: error: `example.com/shop/payments` imports `example.com/shop/orders` [ADR-0001]",
            "services/billing/billing/api.py:2:1: error: `billing.api` imports `billing.web` [ADR-0002]",
            "web/src/app.ts:2:1: error: `@shop/web` imports `lodash`, which is not among its allowed dependencies (`@shop/web`) [ADR-0002]",
        ], run.stdout)
        let scan = try SteleProcess.run(["scan", tree.path])
        XCTAssertTrue(scan.stdout.contains("\nLanguages\n  swift  3 files\n  python  3 files\n  typescript  1 file\n  go  7 files\n"), scan.stdout)
    }
}

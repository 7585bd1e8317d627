import Foundation
import XCTest
import SteleTestSupport

/// Python through the real binary: the `python-app` fixture (a src layout with a pyproject.toml, a
/// namespace package, relative imports, an `if TYPE_CHECKING:` import suppressed inline, and one
/// violation inside a function), and a tree that mixes it with a Swift package under one set of ADRs.
final class PythonCheckTests: XCTestCase {
    func testTheFixtureHasOneViolationAtItsLine() throws {
        let run = try SteleProcess.run(["check", TestPaths.fixture("python-app").path])
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("src/shop/db/session.py:13:5: error: `shop.db` imports `shop.orders` (`import shop.orders.models`) [ADR-0001]\n"), run.stdout)
        XCTAssertEqual(run.stdout.components(separatedBy: ": error: ").count, 2, "one finding: " + run.stdout)
        XCTAssertTrue(run.stdout.contains("1 error (10 files, 3 rules enforced, 1 suppressed inline)"), run.stdout)
        XCTAssertEqual(run.stderr, "", "the suppression of the type-only import is used")
    }

    func testWithoutTheSuppressionTheTypeOnlyImportIsAFindingWithItsCondition() throws {
        let tree = try TemporaryTree(copying: "python-app")
        defer { tree.remove() }
        let models = tree.url.appendingPathComponent("src/shop/orders/models.py")
        let text = try String(contentsOf: models, encoding: .utf8)
        try tree.write("src/shop/orders/models.py", text.replacingOccurrences(of: "    # stele:allow ADR-0001 -- type hints only: never imported at run time\n", with: ""))
        let run = try SteleProcess.run(["check", tree.path, "--format", "json"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
        let places = findings.map { "\($0["file"]!):\($0["line"]!) \($0["to"]!) \($0["conditions"]!)" }
        XCTAssertEqual(places.count, 2, "\(places)")
        XCTAssertTrue(places.contains { $0.hasPrefix("src/shop/orders/models.py:7 shop.web") && $0.contains("TYPE_CHECKING") }, "\(places)")
    }

    func testScanShowsEachFilesModuleAndLanguage() throws {
        let run = try SteleProcess.run(["scan", TestPaths.fixture("python-app").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("  shopext.payments.stripe  src/shopext/payments/stripe.py  (python)\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("\nLanguages\n  python  10 files\n"), run.stdout)
        let json = try SteleProcess.run(["scan", TestPaths.fixture("python-app").path, "--format", "json"])
        let files = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["files"] as? [[String: Any]])
        let views = try XCTUnwrap(files.first { $0["path"] as? String == "src/shop/web/views.py" })
        XCTAssertEqual(views["language"] as? String, "python")
        XCTAssertEqual((views["imports"] as? [[String: Any]])?.map { "\($0["line"]!) \($0["module"]!)" }, ["1 shop.orders.service", "2 shop.orders.models"],
                       "a submodule named by `from … import` is imported; relative imports resolved; strings are not imports")
    }

    func testTheCacheGivesTheSameFindingsAndSeesAnEdit() throws {
        let tree = try TemporaryTree(copying: "python-app")
        defer { tree.remove(); try? FileManager.default.removeItem(atPath: tree.cacheDirectory) }
        let environment = ["STELE_CACHE_DIR": tree.cacheDirectory]
        let cold = try SteleProcess.run(["check", tree.path], environment: environment)
        let warm = try SteleProcess.run(["check", tree.path], environment: environment)
        XCTAssertEqual(cold.stdout, warm.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: tree.cacheDirectory), "a cache was written")
        // A relative import now reaches the orders: resolved again on the cached facts of the other files.
        try tree.write("src/shop/db/__init__.py", "from ..orders import service\n")
        let edited = try SteleProcess.run(["check", tree.path], environment: environment)
        XCTAssertTrue(edited.stdout.contains("src/shop/db/__init__.py:1:1: error: `shop.db` imports `shop.orders` (`import shop.orders.service`) [ADR-0001]"), edited.stdout)
        XCTAssertTrue(edited.stdout.contains("2 errors"), edited.stdout)
    }

    /// Whether `from a import b` imports the module `a.b` depends on another file: an unchanged
    /// file's facts from the cache are resolved again when that file appears.
    func testANewSubmoduleChangesWhatACachedFileImports() throws {
        let tree = try TemporaryTree(copying: "python-app")
        defer { tree.remove(); try? FileManager.default.removeItem(atPath: tree.cacheDirectory) }
        let environment = ["STELE_CACHE_DIR": tree.cacheDirectory]
        try tree.write("src/shop/web/pages.py", "from shop.web import render\n")
        func imported() throws -> [String] {
            let run = try SteleProcess.run(["scan", tree.path, "--format", "json"], environment: environment)
            let files = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["files"] as? [[String: Any]])
            let pages = try XCTUnwrap(files.first { $0["path"] as? String == "src/shop/web/pages.py" })
            return (pages["imports"] as? [[String: Any]] ?? []).compactMap { $0["module"] as? String }
        }
        XCTAssertEqual(try imported(), ["shop.web"], "`render` is a name in shop.web")
        try tree.write("src/shop/web/render.py", "")
        XCTAssertEqual(try imported(), ["shop.web.render"], "now a module, though pages.py is unchanged and cached")
    }

    /// One run, one set of ADRs, findings in each language at the right file and line.
    func testAMixedSwiftAndPythonTree() throws {
        let tree = try TemporaryTree(copying: "python-app")
        defer { tree.remove() }
        try tree.write("Package.swift", """
        // swift-tools-version:5.9
        import PackageDescription

        let package = Package(name: "Shop", targets: [
            .target(name: "Core"),
            .target(name: "Storage"),
            .executableTarget(name: "App", dependencies: ["Core", "Storage"]),
        ])
        """)
        try tree.write("Sources/Core/Order.swift", "import Foundation\nimport Storage\n\npublic struct Order {}\n")
        try tree.write("Sources/Storage/Store.swift", "public struct Store {}\n")
        try tree.write("Sources/App/main.swift", "import Core\nimport Storage\n")
        try tree.write("adr/0002-core-is-pure.md", """
        # 2. The Swift core stores nothing, and no Python reaches the shop's database

        Date: 2026-12-04

        ## Status

        Accepted

        ## Decision

        ```stele
        Core must not depend on Storage
        tests must not depend on shop.db
        ```
        """)
        try tree.write("tests/test_db.py", "def test_load():\n    from shop.db.session import load\n")
        try tree.write("Sources/Core/generate.py", "import os\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1)
        let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        XCTAssertEqual(errors, [
            "Sources/Core/Order.swift:2:1: error: `Core` imports `Storage` [ADR-0002]",
            "src/shop/db/session.py:13:5: error: `shop.db` imports `shop.orders` (`import shop.orders.models`) [ADR-0001]",
            "tests/test_db.py:2:5: error: `tests` imports `shop.db` (`import shop.db.session`) [ADR-0002]",
        ], run.stdout)
        let scan = try SteleProcess.run(["scan", tree.path])
        XCTAssertTrue(scan.stdout.contains("\nLanguages\n  swift  4 files\n  python  12 files\n"), scan.stdout)
        XCTAssertTrue(scan.stdout.contains("\n  Sources.Core.generate  Sources/Core/generate.py  (python)\n"),
                      "a Python file in a Swift target's folder is a Python module (below the pyproject.toml's folder): " + scan.stdout)
    }
}

/// Python's standard library is Python's platform: `may only depend on` does not count it.
final class PythonPlatformTests: XCTestCase {
    func testTheStandardLibraryIsExemptFromMayOnlyDependOn() throws {
        let tree = try TemporaryTree()
        defer { tree.remove() }
        try tree.write("rules/tools.stele", "component Tools = tools/**\nTools may only depend on Tools\n")
        try tree.write("tools/serve.py", "import json\nimport http.server\nfrom collections import OrderedDict\nimport requests\n")
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        XCTAssertEqual(errors.count, 1, run.stdout)
        XCTAssertTrue(errors.first?.hasPrefix("tools/serve.py:4:1: error: `Tools` imports `requests`") == true, run.stdout)
    }
}

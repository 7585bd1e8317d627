import Foundation
import XCTest
import SteleTestSupport

/// TypeScript through the real binary: the `ts-app` fixture (a monorepo with workspaces, three
/// packages, a tsconfig alias, relative imports, a type-only re-export, JSX, strings, templates and
/// a regex that hold imports, a suppressed import between glob components, and one violation by
/// package name in a dynamic import), and a tree that mixes it with a Swift package and a Python service.
final class TypeScriptCheckTests: XCTestCase {
    func testTheFixtureHasOneViolationAtItsLine() throws {
        let run = try SteleProcess.run(["check", TestPaths.fixture("ts-app").path])
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("packages/payments/src/refund.ts:5:27: error: `@acme/payments` imports `@acme/orders` (`import @acme/orders/src/index.ts`) [ADR-0001]\n    import('@acme/orders')\n"), run.stdout)
        XCTAssertEqual(run.stdout.components(separatedBy: ": error: ").count, 2, "one finding: " + run.stdout)
        XCTAssertTrue(run.stdout.contains("1 error (8 files, 3 rules enforced, 1 suppressed inline)"), run.stdout)
        XCTAssertEqual(run.stderr, "", "the suppression in the UI is used")
    }

    func testWithoutTheSuppressionTheGlobComponentsFindTheImport() throws {
        let tree = try TemporaryTree(copying: "ts-app")
        defer { tree.remove() }
        let path = "packages/web/src/ui/button.tsx"
        let text = try String(contentsOf: tree.url.appendingPathComponent(path), encoding: .utf8)
        try tree.write(path, text.replacingOccurrences(of: "// stele:allow ADR-0001 -- the button shows the cart's size until the store lands\n", with: ""))
        let run = try SteleProcess.run(["check", tree.path])
        let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        XCTAssertEqual(errors, [
            "packages/payments/src/refund.ts:5:27: error: `@acme/payments` imports `@acme/orders` (`import @acme/orders/src/index.ts`) [ADR-0001]",
            "packages/web/src/ui/button.tsx:2:1: error: `UI` imports `WebData` (`import @acme/web/src/data/cart.ts`) [ADR-0001]",
        ], run.stdout)
    }

    func testScanResolvesEveryImportOfTheFixture() throws {
        let run = try SteleProcess.run(["scan", TestPaths.fixture("ts-app").path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let files = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["files"] as? [[String: Any]])
        func imports(_ path: String) -> [String] {
            let file = files.first { $0["path"] as? String == path }
            return (file?["imports"] as? [[String: Any]] ?? []).map { one in
                let attributes = one["attributes"] as? [String] ?? []
                return "\(one["line"]!) \(one["module"]!)" + (attributes.isEmpty ? "" : " " + attributes.joined(separator: ","))
            }
        }
        XCTAssertEqual(files.first { $0["path"] as? String == "packages/web/src/app.tsx" }?["language"] as? String, "typescript")
        XCTAssertEqual(imports("packages/web/src/app.tsx"), ["1 @acme/web/src/ui/button.tsx", "2 @acme/orders/src/index.ts", "3 @acme/web/src/data/cart.ts"],
                       "a tsconfig alias, a package's `types` entry, a relative import with its extension found")
        XCTAssertEqual(imports("packages/orders/src/index.ts"), ["1 @acme/orders/src/order.ts", "2 @acme/payments/src/index.ts type-only"],
                       "re-exports; the payments' `exports` entry")
        XCTAssertEqual(imports("packages/orders/src/order.ts"), ["1 @acme/payments/src/index.ts", "2 crypto"], "`node:crypto` is `crypto`")
        XCTAssertEqual(imports("packages/payments/src/charge.ts"), ["1 @acme/payments/src/index.ts type-only", "2 fs"],
                       "the imports in a string, a regex and a template are not seen")
        XCTAssertEqual(imports("packages/payments/src/index.ts"), ["1 @acme/payments/src/charge.ts"], "`./charge.js` is charge.ts")
        XCTAssertEqual(imports("packages/web/src/data/cart.ts"), ["1 lodash", "2 @acme/payments/src/index.ts type-only"])
        XCTAssertEqual(imports("packages/web/src/ui/button.tsx"), ["1 react", "3 @acme/web/src/data/cart.ts"])
    }

    func testTheCacheGivesTheSameFindingsAndSeesANewFile() throws {
        let tree = try TemporaryTree(copying: "ts-app")
        defer { tree.remove(); try? FileManager.default.removeItem(atPath: tree.cacheDirectory) }
        let environment = ["STELE_CACHE_DIR": tree.cacheDirectory]
        let cold = try SteleProcess.run(["check", tree.path], environment: environment)
        let warm = try SteleProcess.run(["check", tree.path], environment: environment)
        XCTAssertEqual(cold.stdout, warm.stdout)
        // A new file: the cached facts of the others are resolved again with it in the tree.
        try tree.write("packages/orders/src/web.ts", "export { App } from '../../web/src/app'\n")
        let edited = try SteleProcess.run(["check", tree.path], environment: environment)
        XCTAssertTrue(edited.stdout.contains("packages/orders/src/web.ts:1:1: error: `@acme/orders` imports `@acme/web` (`import @acme/web/src/app.tsx`) [ADR-0001]"), edited.stdout)
        XCTAssertTrue(edited.stdout.contains("2 errors"), edited.stdout)
    }

    /// One run, one set of ADRs, findings in Swift, Python and TypeScript at the right file and line
    /// (issue 14's "done when", with a Python service beside the TypeScript packages).
    func testAMixedSwiftPythonAndTypeScriptTree() throws {
        let tree = try TemporaryTree(copying: "ts-app")
        defer { tree.remove() }
        try tree.write("Package.swift", """
        // swift-tools-version:5.9
        import PackageDescription

        let package = Package(name: "Shop", targets: [
            .target(name: "Core"),
            .target(name: "Storage"),
        ])
        """)
        try tree.write("Sources/Core/Order.swift", "import Foundation\nimport Storage\n")
        try tree.write("Sources/Storage/Store.swift", "public struct Store {}\n")
        try tree.write("services/billing/pyproject.toml", "[project]\nname = \"billing\"\n")
        try tree.write("services/billing/billing/__init__.py", "")
        try tree.write("services/billing/billing/db.py", "import os\n")
        try tree.write("services/billing/billing/api.py", "from billing import db\n\ndef handler():\n    from billing.web import render\n")
        try tree.write("services/billing/billing/web.py", "from . import api\n")
        try tree.write("tools/release.mjs", "#!/usr/bin/env node\nimport { readFile } from 'node:fs/promises'\nimport path from 'path'\nconst chalk = require('chalk')\n")
        try tree.write("adr/0002-core-is-pure.md", """
        # 2. The Swift core stores nothing; the release tool uses only Node; billing's API renders nothing

        Date: 2026-12-04

        ## Status

        Accepted

        ## Decision

        ```stele
        component Tools = tools/**
        Core must not depend on Storage
        Tools may only depend on Tools
        billing.api must not depend on billing.web
        ```
        """)
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1)
        let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        XCTAssertEqual(errors.count, 4, run.stdout)
        XCTAssertTrue(errors.contains { $0.hasPrefix("services/billing/billing/api.py:4:5: error: `billing.api` imports `billing.web`") }, run.stdout)
        XCTAssertTrue(errors.contains("Sources/Core/Order.swift:2:1: error: `Core` imports `Storage` [ADR-0002]"), run.stdout)
        XCTAssertTrue(errors.contains { $0.hasPrefix("tools/release.mjs:4:15: error: `Tools` imports `chalk`") }, "Node's built-ins are exempt: " + run.stdout)
        XCTAssertTrue(errors.contains { $0.hasPrefix("packages/payments/src/refund.ts:5:27: error:") }, run.stdout)
        let scan = try SteleProcess.run(["scan", tree.path])
        XCTAssertTrue(scan.stdout.contains("\nLanguages\n  swift  3 files\n  python  4 files\n  typescript  8 files\n  javascript  1 file\n"), scan.stdout)
        XCTAssertTrue(scan.stdout.contains("  acme/tools/release.mjs  tools/release.mjs  (javascript)\n"), scan.stdout)
    }
}

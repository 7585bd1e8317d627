import Foundation
import XCTest
import SteleTestSupport

/// Java and Kotlin through the real binary: the `jvm-app` fixture (a Gradle build of three modules
/// in `settings.gradle.kts`, Java and Kotlin files in packages `com.shop.*`, a text block, a Kotlin
/// template and nested comments that hold imports, a suppressed import, one violation by package).
final class JVMCheckTests: XCTestCase {
    func testTheFixtureHasOneViolationAtItsLine() throws {
        let run = try SteleProcess.run(["check", TestPaths.fixture("jvm-app").path])
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("domain/src/main/java/com/shop/domain/Pricing.java:7:1: error: `com.shop.domain` imports `com.shop.data` [ADR-0001]\n    import com.shop.data.PriceTable\n"), run.stdout)
        XCTAssertEqual(run.stdout.components(separatedBy: ": error: ").count, 2, "one finding: " + run.stdout)
        XCTAssertTrue(run.stdout.contains("1 error (9 files, 3 rules enforced, 1 suppressed inline)"), run.stdout)
        XCTAssertEqual(run.stderr, "", "the suppression in Totals.kt is used")
    }

    func testWithoutTheSuppressionTheKotlinImportIsFound() throws {
        let tree = try TemporaryTree(copying: "jvm-app")
        defer { tree.remove() }
        let path = "domain/src/main/kotlin/com/shop/domain/Totals.kt"
        let text = try String(contentsOf: tree.url.appendingPathComponent(path), encoding: .utf8)
        try tree.write(path, text.replacingOccurrences(of: "// stele:allow ADR-0001 -- the legacy rounding table moves into the domain next sprint\n", with: ""))
        let run = try SteleProcess.run(["check", tree.path])
        let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        XCTAssertEqual(errors, [
            "domain/src/main/java/com/shop/domain/Pricing.java:7:1: error: `com.shop.domain` imports `com.shop.data` [ADR-0001]",
            "domain/src/main/kotlin/com/shop/domain/Totals.kt:4:1: error: `com.shop.domain` imports `com.shop.data` (`import com.shop.data.legacy`) [ADR-0001]",
        ], run.stdout)
    }

    /// `data` and `app` are Gradle modules: a rule naming them means the files under their folders.
    func testRulesNameGradleModulesAndPlatformPackagesAreExempt() throws {
        let tree = try TemporaryTree(copying: "jvm-app")
        defer { tree.remove() }
        let path = "data/src/main/java/com/shop/data/OrderRepository.java"
        let text = try String(contentsOf: tree.url.appendingPathComponent(path), encoding: .utf8)
        try tree.write(path, text.replacingOccurrences(of: "import java.util.*;\n", with: "import java.util.*;\nimport com.shop.app.ShopMain;\nimport org.slf4j.Logger;\n"))
        let run = try SteleProcess.run(["check", tree.path])
        let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        XCTAssertEqual(errors.filter { $0.hasPrefix(path) }, [
            "\(path):5:1: error: `com.shop.data` imports `com.shop.app`, which is not among its allowed dependencies (`com.shop.domain`) [ADR-0001]",
            "\(path):5:1: error: `data` imports `app` (`import com.shop.app`) [ADR-0001]",
            "\(path):6:1: error: `com.shop.data` imports `org.slf4j`, which is not among its allowed dependencies (`com.shop.domain`) [ADR-0001]",
        ], "java.util is the platform; `data must not depend on app` finds the Gradle module's package: " + run.stdout)
    }

    func testScanListsPackagesImportsAndBuildModules() throws {
        let run = try SteleProcess.run(["scan", TestPaths.fixture("jvm-app").path, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(json["files"] as? [[String: Any]])
        func file(_ path: String) -> (module: String?, language: String?, imports: [String]) {
            let one = files.first { $0["path"] as? String == path }
            let imports = (one?["imports"] as? [[String: Any]] ?? []).map { i in
                let attributes = i["attributes"] as? [String] ?? []
                return "\(i["line"]!) \(i["module"]!) \(i["path"]!)" + (attributes.isEmpty ? "" : " " + attributes.joined(separator: ","))
            }
            return (one?["module"] as? String, one?["language"] as? String, imports)
        }
        let main = file("app/src/main/kotlin/com/shop/app/Main.kt")
        XCTAssertEqual(main.module, "com.shop.app")
        XCTAssertEqual(main.language, "kotlin")
        XCTAssertEqual(main.imports, ["5 com.shop.data com.shop.data.OrderRepository", "6 com.shop.domain com.shop.domain.Order",
                                      "7 com.shop.domain com.shop.domain.totalOf"], "an aliased import of a function")
        XCTAssertEqual(file("domain/src/main/java/com/shop/domain/Order.java").imports,
                       ["3 java.util java.util.List", "4 java.util java.util.Objects.requireNonNull static"])
        XCTAssertEqual(file("domain/src/main/java/com/shop/domain/Pricing.java").imports,
                       ["6 java.math java.math.BigDecimal", "7 com.shop.data com.shop.data.PriceTable"], "not the comment's, not the text block's")
        XCTAssertEqual(file("domain/src/main/kotlin/com/shop/domain/Totals.kt").imports,
                       ["5 com.shop.data.legacy com.shop.data.legacy.Rounding", "6 kotlin.math kotlin.math.max"], "not the nested comment's")
        let script = file("app/build.gradle.kts")
        XCTAssertNil(script.module, "a build script has no package")
        XCTAssertEqual(script.language, "kotlin")
        let modules = (json["modules"] as? [[String: Any]] ?? []).map { "\($0["name"]!) \($0["directory"]!) \($0["manifest"]!):\($0["line"]!)" }
        XCTAssertEqual(modules, ["app app settings.gradle.kts:5", "data data settings.gradle.kts:6", "domain domain settings.gradle.kts:7"])

        let text = try SteleProcess.run(["scan", TestPaths.fixture("jvm-app").path])
        XCTAssertTrue(text.stdout.contains("  data  regular, 3 files  data/  (settings.gradle.kts:6)\n    data/src/main/java/com/shop/data/OrderRepository.java\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("\nLanguages\n  java  5 files\n  kotlin  4 files\n"), text.stdout)
    }

    func testTheCacheGivesTheSameFindings() throws {
        let tree = try TemporaryTree(copying: "jvm-app")
        defer { tree.remove(); try? FileManager.default.removeItem(atPath: tree.cacheDirectory) }
        let environment = ["STELE_CACHE_DIR": tree.cacheDirectory]
        let cold = try SteleProcess.run(["check", tree.path], environment: environment)
        let warm = try SteleProcess.run(["check", tree.path], environment: environment)
        XCTAssertEqual(cold.stdout, warm.stdout)
        XCTAssertTrue(warm.stdout.contains("Pricing.java:7:1: error: `com.shop.domain` imports `com.shop.data`"), warm.stdout)
        // A file moved to another package: its facts are read again, its module is the new package.
        try tree.write("domain/src/main/java/com/shop/domain/Pricing.java", "package com.shop.pricing;\nimport com.shop.data.PriceTable;\nclass Pricing {}\n")
        let edited = try SteleProcess.run(["check", tree.path], environment: environment)
        XCTAssertEqual(edited.status, 0, edited.stdout)
    }

    /// One run, one set of ADRs: findings in Swift and in Java at the right file and line, with a
    /// Python service and the Gradle build side by side.
    func testAMixedSwiftPythonAndJVMTree() throws {
        let tree = try TemporaryTree(copying: "jvm-app")
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
        try tree.write("services/billing/billing/api.py", "from billing import web\n")
        try tree.write("services/billing/billing/web.py", "import os\n")
        try tree.write("adr/0002-core-is-pure.md", """
        # 2. The Swift core stores nothing; billing's API renders nothing

        Date: 2026-12-04

        ## Status

        Accepted

        ## Decision

        ```stele
        Core must not depend on Storage
        billing.api must not depend on billing.web
        ```
        """)
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1)
        let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        XCTAssertEqual(errors, [
            "Sources/Core/Order.swift:2:1: error: `Core` imports `Storage` [ADR-0002]",
            "domain/src/main/java/com/shop/domain/Pricing.java:7:1: error: `com.shop.domain` imports `com.shop.data` [ADR-0001]",
            "services/billing/billing/api.py:1:1: error: `billing.api` imports `billing.web` [ADR-0002]",
        ], run.stdout)
        let scan = try SteleProcess.run(["scan", tree.path])
        XCTAssertTrue(scan.stdout.contains("\nLanguages\n  swift  3 files\n  python  3 files\n  java  5 files\n  kotlin  4 files\n"), scan.stdout)
    }

    /// `stele init` on nested packages (`com.shop.data` above `com.shop.domain` above
    /// `com.shop.data.legacy`): the upper package is named by its files, so the layering holds,
    /// and the import that points up fails it.
    func testInitWritesALayeringThatHoldsOverNestedPackages() throws {
        let tree = try TemporaryTree(copying: "jvm-app")
        defer { tree.remove() }
        for path in ["adr", "rules", "domain/src/main/java/com/shop/domain/Pricing.java"] {
            try FileManager.default.removeItem(at: tree.url.appendingPathComponent(path))
        }
        let initialised = try SteleProcess.run(["init", tree.path])
        XCTAssertEqual(initialised.status, 0, initialised.stderr)
        XCTAssertTrue(initialised.stderr.contains("4 modules in 4 layers: com.shop.app > Layer2 > com.shop.domain > com.shop.data.legacy"), initialised.stderr)
        let rules = try String(contentsOf: tree.url.appendingPathComponent("rules/architecture.stele"), encoding: .utf8)
        XCTAssertTrue(rules.contains("component Layer2 = data/src/main/java/com/shop/data/*.java\n"), rules)
        XCTAssertEqual(try SteleProcess.run(["check", tree.path]).status, 0)
        try tree.write("domain/src/main/java/com/shop/domain/Pricing.java", "package com.shop.domain;\n\nimport com.shop.data.PriceTable;\n\nclass Pricing {}\n")
        let broken = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stdout.contains("domain/src/main/java/com/shop/domain/Pricing.java:3:1: error: `com.shop.domain` imports `Layer2` (`import com.shop.data`), a higher layer [ADR-0002]\n"), broken.stdout)
    }

    /// Maven's aggregator pom: its `<module>`s are modules a rule can name; a malformed one is a
    /// warning with its line, and the check still runs.
    func testAMavenBuild() throws {
        let tree = try TemporaryTree(copying: "jvm-app")
        defer { tree.remove() }
        try FileManager.default.removeItem(at: tree.url.appendingPathComponent("settings.gradle.kts"))
        try tree.write("pom.xml", """
        <project>
          <modules>
            <module>domain</module>
            <module>data</module>
            <module>app</module>
            <module>tools
        </project>
        """)
        let run = try SteleProcess.run(["check", tree.path])
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("Pricing.java:7:1: error: `com.shop.domain` imports `com.shop.data`"), run.stdout)
        XCTAssertTrue((run.stdout + run.stderr).contains("pom.xml:6:5: warning: `<module>` has no `</module>`"), run.stdout + run.stderr)
        let scan = try SteleProcess.run(["scan", tree.path])
        XCTAssertTrue(scan.stdout.contains("  domain  regular, 3 files  domain/  (pom.xml:3)\n"), scan.stdout)
    }
}

import XCTest
@testable import SteleScan

final class JVMModuleMapTests: XCTestCase {
    func resolved(_ source: String, _ language: Language = .java) -> SourceFile {
        let dialect: JVMLexer.Dialect = language == .kotlin ? .kotlin : .java
        let imports = JVMImportScanner.scan(Array(source.utf8), dialect: dialect, wholeFile: false).imports
        return JVMModuleMap(modules: []).resolve(SourceFile(path: "A.java", language: language, module: nil, imports: imports))
    }

    func testAFileIsInItsPackageAndAnImportNamesAPackage() {
        let file = resolved("""
        package com.shop.orders;
        import java.util.List;
        import java.util.*;
        import static java.lang.Math.max;
        import static java.util.Map.Entry.*;
        import com.shop.Outer.Inner;
        import org.lower.caseclass;
        import _internal.Thing;
        """)
        XCTAssertEqual(file.module, "com.shop.orders")
        XCTAssertEqual(file.imports.map { "\($0.line) \($0.module)" },
                       ["2 java.util", "3 java.util", "4 java.lang", "5 java.util", "6 com.shop", "7 org.lower", "8 _internal"])
        XCTAssertEqual(file.imports.map { $0.path.joined(separator: ".") }.first, "java.util.List", "the import as written")
        XCTAssertEqual(file.unresolvedImports, [])
    }

    func testAPackageWithACapitalIsFoundByItsFolder() {
        let map = JVMModuleMap(modules: [], files: ["src/sun/awt/X11/XToolkit.java", "src/sun/awt/X11/XWindow.java", "src/sun/awt/Util.java", "Lib/Top.java"])
        XCTAssertEqual(map.packagesWithCapitals, ["src.sun.awt.X11", "sun.awt.X11", "awt.X11", "X11", "Lib"])
        let imports = JVMImportScanner.scan(Array("import sun.awt.X11.XToolkit;\nimport sun.awt.X11.XToolkit.Inner;\nimport sun.awt.Util;\nimport static sun.awt.X11.XWindow.*;\nimport x.Lib.Top;".utf8),
                                            dialect: .java, wholeFile: false).imports
        let file = map.resolve(SourceFile(path: "A.java", language: .java, module: nil, imports: imports))
        XCTAssertEqual(file.imports.map(\.module), ["sun.awt.X11", "sun.awt.X11", "sun.awt", "sun.awt.X11", "x"],
                       "`x.Lib` is no folder of the tree: the convention holds")
    }

    func testKotlinImportsOfFunctionsAndTheRootPackage() {
        let file = resolved("package a.b\nimport kotlinx.coroutines.launch\nimport com.x.Y as Z\nimport Root\nimport module.Thing", .kotlin)
        XCTAssertEqual(file.module, "a.b")
        XCTAssertEqual(file.imports.map(\.module), ["kotlinx.coroutines", "com.x", "module"])
        XCTAssertEqual(file.unresolvedImports.map { "\($0.line) \($0.path.joined(separator: ".")) \($0.attributes)" }, ["4 Root [\"ambiguous\"]"],
                       "the root package has no name: listed, never a dependency")
    }

    func testTheUnnamedPackageAndModuleImports() {
        let file = resolved("import java.io.File;\nimport module java.base;\nclass A {}")
        XCTAssertNil(file.module, "no package clause: in no module")
        XCTAssertEqual(file.imports.map(\.module), ["java.io"])
        XCTAssertEqual(file.unresolvedImports.map { "\($0.path.joined(separator: ".")) \($0.attributes)" }, ["java.base [\"module\", \"ambiguous\"]"])
        let swift = SourceFile(path: "a.swift", language: .swift, module: "A", imports: [])
        XCTAssertEqual(JVMModuleMap(modules: []).resolve(swift), swift, "another language's file is left alone")
        XCTAssertEqual(JVMModuleMap(modules: []).modules(ofSorted: ["a/B.java", "c.kt"]), [nil, nil], "no file is placed by its path")
    }

    func modules(_ found: (modules: [ResolvedModule], diagnostics: [Any])) -> [String] {
        found.modules.map { "\($0.name) \($0.directory) \($0.manifestPath):\($0.line)" }
    }

    func testGradleSettingsInBothDialects() {
        let kts = GradleSettings.parse(Array("""
        rootProject.name = "shop"
        includeBuild("build-logic")
        include(
            ":app", // the app
            ":libs:core",
        )
        include("web")
        """.utf8), path: "settings.gradle.kts")
        XCTAssertEqual(modules((kts.modules, kts.diagnostics)), ["app app settings.gradle.kts:4", "core libs/core settings.gradle.kts:5",
                                                                 "web web settings.gradle.kts:7"])
        XCTAssertEqual(kts.diagnostics, [])
        XCTAssertTrue(kts.modules.allSatisfy(\.filesByDirectory))
        let groovy = GradleSettings.parse(Array("""
        /* include ':commented' */
        include ':app', ':domain',
                ":data"
        include 'tools:lint'
        println "include ':no'"
        """.utf8), path: "build/settings.gradle")
        XCTAssertEqual(modules((groovy.modules, groovy.diagnostics)), ["app build/app build/settings.gradle:2", "domain build/domain build/settings.gradle:2",
                                                                       "data build/data build/settings.gradle:3", "lint build/tools/lint build/settings.gradle:4"])
        XCTAssertEqual(groovy.diagnostics, [])
    }

    func testGradleSettingsThatAreNotFollowedAreWarnings() {
        let found = GradleSettings.parse(Array("""
        val name = "x"
        include(name, ":ok")
        include("$name:sub")
        project(":ok").projectDir = File(rootDir, "elsewhere")
        include("::bad")
        include(":open"
        """.utf8), path: "settings.gradle.kts")
        XCTAssertEqual(found.modules.map(\.name), ["ok", "open"])
        XCTAssertEqual(found.modules.map(\.directory), ["ok", "open"])
        XCTAssertEqual(found.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }, [
            "2:9 an `include` argument that is not one string literal is not followed",
            "3:9 an `include` argument that is not one string literal is not followed",
            "4:16 a subproject's `projectDir` other than `project(\"…\").projectDir = file(\"…\")` is not followed",
            "5:9 `::bad` is not a project path: not followed",
            "6:1 `include(` is not closed",
        ])
    }

    func testAMovedProjectDirectory() {
        let found = GradleSettings.parse(Array("""
        include ':app', ':libs:core'
        project(':app').projectDir = file('apps/shop-app')
        project(":libs:core").projectDir = file("./shared/core/")
        """.utf8), path: "build/settings.gradle")
        XCTAssertEqual(found.modules.map { "\($0.name) \($0.directory)" }, ["app build/apps/shop-app", "core build/shared/core"])
        XCTAssertEqual(found.diagnostics, [])
    }

    func testMavenModules() {
        let found = MavenModules.parse(Array("""
        <project>
          <!-- <modules><module>commented</module></modules> -->
          <modules>
            <module>core</module>
            <module> ./web/ </module>
            <module>../shared/pom.xml</module>
            <module>../../out</module>
          </modules>
          <profiles><profile><modules>
            <module>extra
            </module>
            <module>broken
        """.utf8), path: "parent/pom.xml")
        XCTAssertEqual(modules((found.modules, found.diagnostics)), ["core parent/core parent/pom.xml:4", "web parent/web parent/pom.xml:5",
                                                                     "shared shared parent/pom.xml:6", "extra parent/extra parent/pom.xml:10"])
        XCTAssertEqual(found.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }, [
            "7:5 `<module>../../out</module>` is not a directory in the tree: not followed",
            "12:5 `<module>` has no `</module>`: the modules after it are not read",
        ])
    }

    func testTheLanguageReadsEveryManifestOfTheTree() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stele-jvm-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("mvn"), withIntermediateDirectories: true)
        try "include(\":app\")\n".write(to: root.appendingPathComponent("settings.gradle.kts"), atomically: true, encoding: .utf8)
        try "<modules><module>api</module></modules>\n".write(to: root.appendingPathComponent("mvn/pom.xml"), atomically: true, encoding: .utf8)
        let (map, diagnostics) = JVMLanguage.readModules(root: root.path, files: ["mvn/pom.xml", "settings.gradle.kts", "app/A.java"])
        XCTAssertEqual(map.modules.map { "\($0.name) \($0.directory)" }, ["api mvn/api", "app app"])
        XCTAssertEqual(diagnostics, [])
    }
}

import XCTest
@testable import SteleScan

final class GoModuleMapTests: XCTestCase {
    func testAPackageIsADirectoryNamedFromTheInnermostGoMod() {
        let files = ["go.mod", "main.go", "orders/order.go", "orders/order_test.go", "orders/api/api.go", "README.md",
                     "tools/go.mod", "tools/gen/gen.go", "internal/db/db.go"].sorted()
        let modules = [GoModule(directory: "", manifestPath: "go.mod", path: "example.com/shop"),
                       GoModule(directory: "tools", manifestPath: "tools/go.mod", path: "example.com/shop/tools")]
        let map = GoModuleMap(modules: modules, files: files)
        let placed = Dictionary(uniqueKeysWithValues: zip(files, map.modules(ofSorted: files)).compactMap { path, module in module.map { (path, $0) } })
        XCTAssertEqual(placed, [
            "main.go": "example.com/shop", "orders/order.go": "example.com/shop/orders", "orders/order_test.go": "example.com/shop/orders",
            "orders/api/api.go": "example.com/shop/orders/api", "tools/gen/gen.go": "example.com/shop/tools/gen",
            "internal/db/db.go": "example.com/shop/internal/db",
        ])
        XCTAssertTrue(map.modules.isEmpty, "Go packages are not ResolvedModules")
    }

    func testGoPathTreesAndTheStandardLibraryAreNamedAsGoNamesThem() {
        let gopath = GoModuleMap(modules: [], files: ["github.com/spf13/cobra/command.go", "root.go"])
        XCTAssertEqual(gopath.modules(ofSorted: ["github.com/spf13/cobra/command.go", "root.go"]), ["github.com/spf13/cobra", "."])
        let std = GoModuleMap(modules: [GoModule(directory: "", manifestPath: "go.mod", path: "std")], files: ["net/http/server.go"])
        XCTAssertEqual(std.modules(ofSorted: ["net/http/server.go"]), ["net/http"])
    }

    func testGoModIsReadForItsModuleLine() {
        let (module, problem) = GoModule.parse(Array("// The shop.\nmodule \"example.com/shop\" // quoted\n\ngo 1.21\nrequire x.org/y v1.0.0\n".utf8), path: "svc/go.mod")
        XCTAssertEqual(module, GoModule(directory: "svc", manifestPath: "svc/go.mod", path: "example.com/shop"))
        XCTAssertNil(problem)
        XCTAssertEqual(GoModule.parse(Array("module example.com/a//b\n".utf8), path: "go.mod").0.path, "example.com/a")
    }

    func testABrokenGoModIsAWarningAtItsLine() {
        let (missing, problem) = GoModule.parse(Array("go 1.21\n".utf8), path: "go.mod")
        XCTAssertNil(missing.path)
        XCTAssertEqual(problem?.location?.line, 1)
        let (bad, second) = GoModule.parse(Array("go 1.21\nmodule\n".utf8), path: "a/go.mod")
        XCTAssertNil(bad.path)
        XCTAssertEqual(second?.location?.file, "a/go.mod")
        XCTAssertEqual(second?.location?.line, 2)
        let map = GoModuleMap(modules: [bad], files: ["a/b/c.go"])
        XCTAssertEqual(map.modules(ofSorted: ["a/b/c.go"]), ["a/b"], "a folder under a go.mod with no path is named by its path")
    }

    func testImportsNameTheirPackageAsWrittenAndRelativeOnesNone() {
        let raw = GoImportScanner.scan(Array("package a\nimport (\n\t\"fmt\"\n\t\"./local\"\n\t\"example.com/shop/orders\"\n\t\"\\q\"\n)".utf8), wholeFile: false).imports
        let file = GoImportResolver.resolve(SourceFile(path: "a/a.go", language: .go, module: "example.com/shop/a", imports: raw))
        XCTAssertEqual(file.imports.map(\.module), ["fmt", "example.com/shop/orders"])
        XCTAssertEqual(file.unresolvedImports.map(\.path), [["./local"], []])
        XCTAssertTrue(file.unresolvedImports.allSatisfy { $0.attributes == ["ambiguous"] && $0.kind == nil })
    }
}

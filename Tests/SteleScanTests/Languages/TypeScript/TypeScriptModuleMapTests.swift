import XCTest
@testable import SteleScan

final class TypeScriptModuleMapTests: XCTestCase {
    static let files = [
        "package.json", "packages/orders/package.json", "packages/orders/src/index.ts", "packages/orders/src/model/order.ts",
        "packages/orders/src/model/index.tsx", "packages/orders/src/legacy.js", "packages/orders/src/styles.css",
        "packages/payments/package.json", "packages/payments/lib/main.ts", "packages/payments/lib/util.mts",
        "packages/unnamed/package.json", "packages/unnamed/x.ts", "scripts/build.mjs", "tools/cli.ts", "tools/types.d.ts",
        "tsconfig.json", "packages/web/package.json", "packages/web/src/ui/button.tsx", "packages/web/src/app.ts",
    ].sorted()

    static let packages = [
        TypeScriptPackage(directory: "", manifestPath: "package.json", name: "acme", entries: []),
        TypeScriptPackage(directory: "packages/orders", manifestPath: "packages/orders/package.json", name: "@acme/orders", entries: ["dist/index.js"]),
        TypeScriptPackage(directory: "packages/payments", manifestPath: "packages/payments/package.json", name: "payments", entries: ["./lib/main.js"]),
        TypeScriptPackage(directory: "packages/unnamed", manifestPath: "packages/unnamed/package.json", name: nil, entries: []),
        TypeScriptPackage(directory: "packages/web", manifestPath: "packages/web/package.json", name: "@acme/web", entries: []),
    ]

    static let aliases = [TypeScriptPathAliases(directory: "packages/web", baseURL: "packages/web/src", paths: [("@ui/*", ["ui/*"]), ("~app", ["app.ts"])])]

    let map = TypeScriptModuleMap(packages: packages, files: files, aliases: aliases)

    func testEveryFileIsAModuleNamedByItsPackageAndPath() {
        let placed = Dictionary(uniqueKeysWithValues: zip(Self.files, map.modules(ofSorted: Self.files)).compactMap { path, module in module.map { (path, $0) } })
        XCTAssertEqual(placed, [
            "packages/orders/src/index.ts": "@acme/orders/src/index.ts", "packages/orders/src/model/order.ts": "@acme/orders/src/model/order.ts",
            "packages/orders/src/model/index.tsx": "@acme/orders/src/model/index.tsx", "packages/orders/src/legacy.js": "@acme/orders/src/legacy.js",
            "packages/payments/lib/main.ts": "payments/lib/main.ts", "packages/payments/lib/util.mts": "payments/lib/util.mts",
            "packages/unnamed/x.ts": "acme/packages/unnamed/x.ts", "scripts/build.mjs": "acme/scripts/build.mjs",
            "tools/cli.ts": "acme/tools/cli.ts", "tools/types.d.ts": "acme/tools/types.d.ts",
            "packages/web/src/ui/button.tsx": "@acme/web/src/ui/button.tsx", "packages/web/src/app.ts": "@acme/web/src/app.ts",
        ])
        let bare = TypeScriptModuleMap(packages: [], files: ["a/b.ts"])
        XCTAssertEqual(bare.modules(ofSorted: ["a/b.ts", "a/c.css"]), ["a/b.ts", nil], "under no package.json: the repository path")
    }

    func target(_ specifier: String, from directory: String) -> String {
        switch TypeScriptImportResolver.target(of: specifier, from: directory, map: map) {
        case .module(let name): return name
        case .asset: return "asset"
        case .unresolved: return "unresolved"
        }
    }

    func testRelativeSpecifiersWithExtensionAndIndexLookup() {
        let from = "packages/orders/src"
        XCTAssertEqual(target("./model/order", from: from), "@acme/orders/src/model/order.ts")
        XCTAssertEqual(target("./model/order.js", from: from), "@acme/orders/src/model/order.ts", "a .js name finds its TypeScript source")
        XCTAssertEqual(target("./model", from: from), "@acme/orders/src/model/index.tsx")
        XCTAssertEqual(target("./legacy", from: from), "@acme/orders/src/legacy.js")
        XCTAssertEqual(target("./model/", from: from), "@acme/orders/src/model/index.tsx")
        XCTAssertEqual(target(".", from: from), "@acme/orders/src/index.ts")
        XCTAssertEqual(target("../../payments/lib/util", from: from), "payments/lib/util.mts")
        XCTAssertEqual(target("../../payments/lib/util.mjs", from: from), "payments/lib/util.mts")
        XCTAssertEqual(target("./styles.css", from: from), "asset")
        XCTAssertEqual(target("./gone", from: from), "unresolved")
        XCTAssertEqual(target("../../../../../up", from: from), "unresolved")
        XCTAssertEqual(target("/abs/path", from: from), "unresolved")
        XCTAssertEqual(target("./types", from: "tools"), "acme/tools/types.d.ts")
    }

    func testPackagesExternalsAndNodeBuiltins() {
        XCTAssertEqual(target("@acme/orders", from: "packages/web/src"), "@acme/orders/src/index.ts", "no dist: src/index")
        XCTAssertEqual(target("@acme/orders/src/model/order", from: "packages/web/src"), "@acme/orders/src/model/order.ts")
        XCTAssertEqual(target("@acme/orders/model/order", from: "packages/web/src"), "@acme/orders/src/model/order.ts")
        XCTAssertEqual(target("payments", from: "tools"), "payments/lib/main.ts", "`main` ./lib/main.js finds main.ts")
        XCTAssertEqual(target("@acme/orders/nothing/here", from: "tools"), "@acme/orders")
        XCTAssertEqual(target("lodash", from: "tools"), "lodash")
        XCTAssertEqual(target("lodash/fp", from: "tools"), "lodash")
        XCTAssertEqual(target("@scope/pkg/deep/x", from: "tools"), "@scope/pkg")
        XCTAssertEqual(target("fs", from: "tools"), "fs")
        XCTAssertEqual(target("fs/promises", from: "tools"), "fs")
        XCTAssertEqual(target("node:fs", from: "tools"), "fs")
        XCTAssertEqual(target("node:fs/promises", from: "tools"), "fs")
        XCTAssertEqual(target("node:test", from: "tools"), "node:test")
    }

    /// `find` reads the extensions a stem is listed with from one lookup (`extensionsOfStem`):
    /// with several listed, the first in `TypeScriptImportResolver.extensions` wins.
    func testTheFirstListedExtensionWinsAsInTheLoopOverThem() {
        let files = ["a.js", "a.ts", "b.js", "b.d.ts", "c.tsx", "c.ts", "d.tsx", "e/index.js", "e/index.jsx", "f.d.ts", ".ts", "g.mjs", "g.cts"]
        let map = TypeScriptModuleMap(packages: [], files: files)
        XCTAssertEqual(TypeScriptImportResolver.find("a", map: map), "a.ts")
        XCTAssertEqual(TypeScriptImportResolver.find("b", map: map), "b.d.ts", "`.d.ts` comes before `.js`")
        XCTAssertEqual(TypeScriptImportResolver.find("c.js", map: map), "c.ts", "`.ts` before `.tsx` for a `.js` name")
        XCTAssertEqual(TypeScriptImportResolver.find("d.js", map: map), "d.tsx")
        XCTAssertEqual(TypeScriptImportResolver.find("a.js", map: map), "a.js", "a listed path as written comes first")
        XCTAssertEqual(TypeScriptImportResolver.find("e", map: map), "e/index.js")
        XCTAssertEqual(TypeScriptImportResolver.find("f.d", map: map), "f.d.ts")
        XCTAssertEqual(TypeScriptImportResolver.find("", map: map), ".ts", "a file named only an extension")
        XCTAssertEqual(TypeScriptImportResolver.find("g.mjs", map: map), "g.mjs")
        XCTAssertEqual(TypeScriptImportResolver.find("g.cjs", map: map), "g.cts", "a `.cjs` name finds its `.cts`")
        XCTAssertEqual(TypeScriptImportResolver.find("g", map: map), "g.cts", "`.cts` comes before `.mjs`")
        XCTAssertNil(TypeScriptImportResolver.find("h", map: map))
    }

    /// Packages are found once for each listed folder (`packageOfFolder`); other paths still walk up.
    func testModuleNamesOfListedAndUnlistedFolders() {
        XCTAssertEqual(map.moduleName(of: "packages/orders/src/model/order.ts"), "@acme/orders/src/model/order.ts")
        XCTAssertEqual(map.moduleName(of: "packages/orders/src/deep/unlisted/x.ts"), "@acme/orders/src/deep/unlisted/x.ts")
        XCTAssertEqual(map.moduleName(of: "packages/unnamed/x.ts"), "acme/packages/unnamed/x.ts", "an unnamed package.json names nothing")
        XCTAssertEqual(TypeScriptModuleMap(packages: [], files: ["a/b.ts"]).moduleName(of: "a/b.ts"), "a/b.ts")
    }

    func testPackageNamesOfSpecifiers() {
        for (specifier, scoped, name) in [("lodash", true, "lodash"), ("lodash/fp/x", true, "lodash"), ("@s/p/x", true, "@s/p"), ("@s/p/x", false, "@s"),
                                          ("@s", true, "@s"), ("@s/", true, "@s/"), ("/x", true, ""), ("", true, ""), ("caf\u{E9}/x", true, "caf\u{E9}"),
                                          ("@\u{E9}/p/x", true, "@\u{E9}/p")] {
            XCTAssertEqual(TypeScriptImportResolver.packageName(specifier, scoped: scoped), name, specifier)
        }
    }

    func testTsconfigAliasesForTheFilesBelowIt() {
        XCTAssertEqual(target("@ui/button", from: "packages/web/src"), "@acme/web/src/ui/button.tsx")
        XCTAssertEqual(target("~app", from: "packages/web/src/ui"), "@acme/web/src/app.ts")
        XCTAssertEqual(target("app", from: "packages/web/src/ui"), "@acme/web/src/app.ts", "baseUrl")
        XCTAssertEqual(target("@ui/button", from: "tools"), "@ui/button", "another folder's aliases do not apply")
    }

    func testResolveKeepsModulesAndListsTheRestAsUnresolved() {
        var file = SourceFile(path: "packages/web/src/app.ts", language: .typescript, module: "@acme/web/src/app.ts", imports: [])
        file.imports = [
            Import(module: "@ui/button", path: ["@ui/button"], kind: nil, attributes: ["type-only"], accessLevel: nil, line: 1, column: 1, conditions: [], text: "a"),
            Import(module: "./ui/x.css", path: ["./ui/x.css"], kind: nil, attributes: [], accessLevel: nil, line: 2, column: 1, conditions: [], text: "b"),
            Import(module: "", path: [], kind: "ambiguous", attributes: ["require"], accessLevel: nil, line: 3, column: 1, conditions: [], text: "c"),
        ]
        let resolved = map.resolve(file)
        XCTAssertEqual(resolved.imports.map(\.module), ["@acme/web/src/ui/button.tsx"])
        XCTAssertEqual(resolved.imports.map(\.attributes), [["type-only"]])
        XCTAssertEqual(resolved.unresolvedImports.map(\.attributes), [["ambiguous"], ["require", "ambiguous"]])
    }

    func testPackageJsonAndLenientTsconfig() {
        let (package, problem) = TypeScriptPackage.parse(Array(#"{"name": "@acme/orders", "main": "dist/index.js", "exports": {".": {"import": "./src/index.ts"}}}"#.utf8),
                                                         path: "packages/orders/package.json")
        XCTAssertNil(problem)
        XCTAssertEqual(package.name, "@acme/orders")
        XCTAssertEqual(package.directory, "packages/orders")
        XCTAssertEqual(package.entries, ["dist/index.js", "./src/index.ts"])
        XCTAssertNotNil(TypeScriptPackage.parse(Array("{ not json".utf8), path: "package.json").1)

        let tsconfig = """
        {
          // comments and trailing commas, as tsc allows
          "compilerOptions": {
            "baseUrl": "./src", /* relative to this file */
            "paths": { "@ui/*": ["ui/*", "fallback/*",], },
          },
        }
        """
        let (config, warning) = TypeScriptConfigReader.parse(Array(tsconfig.utf8), path: "web/tsconfig.json")
        XCTAssertNil(warning)
        let aliases = config?.aliases
        XCTAssertEqual(aliases?.baseURL, "web/src")
        XCTAssertEqual(aliases?.candidates(for: "@ui/button"), ["web/src/ui/button", "web/src/fallback/button", "web/src/@ui/button"])
        XCTAssertNotNil(TypeScriptConfigReader.parse(Array("{ oops".utf8), path: "tsconfig.json").1)
    }

    func testATsconfigWithoutAliasesTakesThoseOfTheConfigItExtends() {
        func config(_ text: String, _ path: String) -> TypeScriptConfigReader.Config? { TypeScriptConfigReader.parse(Array(text.utf8), path: path).0 }
        let configs: [String: TypeScriptConfigReader.Config] = [
            "tsconfig.base.json": config(#"{"compilerOptions": {"paths": {"@acme/*": ["packages/*/src"]}}}"#, "tsconfig.base.json")!,
            "packages/web/tsconfig.json": config(#"{"extends": "../../tsconfig.base", "compilerOptions": {"jsx": "react"}}"#, "packages/web/tsconfig.json")!,
            "packages/api/tsconfig.json": config(#"{"extends": "./tsconfig.json"}"#, "packages/api/tsconfig.json")!,
            "packages/cli/tsconfig.json": config(#"{"extends": "@tsconfig/node20/tsconfig.json"}"#, "packages/cli/tsconfig.json")!,
        ]
        XCTAssertEqual(configs["packages/web/tsconfig.json"]?.extends, "tsconfig.base.json")
        let found = TypeScriptConfigReader.aliases(configs)
        XCTAssertEqual(found.map(\.directory), ["packages/web"], "a cycle and a package's config give none")
        XCTAssertEqual(found.first?.candidates(for: "@acme/orders"), ["packages/orders/src"], "the paths resolve against the config that declares them")
        XCTAssertTrue(TypeScriptPathAliases.isManifest("tsconfig.base.json"))
        XCTAssertFalse(TypeScriptPathAliases.isFolderConfig("tsconfig.base.json"))
    }

    func testPrivateImportsThroughThePackageJsonAboveTheFile() {
        let app = TypeScriptPackage.parse(Array(##"{"imports": {"#db": "./src/db/index.ts", "#ui/*": {"import": "./src/ui/*.tsx"}, "#dep": "lodash/fp", "bad": "./x"}}"##.utf8),
                                          path: "app/package.json").0
        XCTAssertNil(app.name)
        XCTAssertEqual(app.imports, ["#db": "./src/db/index.ts", "#ui/*": "./src/ui/*.tsx", "#dep": "lodash/fp"])
        let map = TypeScriptModuleMap(packages: [app], files: ["app/src/db/index.ts", "app/src/ui/button.tsx", "app/src/main.ts"])
        func target(_ specifier: String) -> TypeScriptImportResolver.Target { TypeScriptImportResolver.target(of: specifier, from: "app/src", map: map) }
        XCTAssertEqual(target("#db"), .module("app/src/db/index.ts"), "an unnamed package: files are named by path")
        XCTAssertEqual(target("#ui/button"), .module("app/src/ui/button.tsx"))
        XCTAssertEqual(target("#dep"), .module("lodash"))
        XCTAssertEqual(target("#gone"), .unresolved)
        XCTAssertEqual(TypeScriptImportResolver.target(of: "#db", from: "elsewhere", map: map), .unresolved)
    }
}

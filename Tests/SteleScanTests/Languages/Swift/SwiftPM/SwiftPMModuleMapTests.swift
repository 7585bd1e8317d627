import XCTest
@testable import SteleScan

final class SwiftPMModuleMapTests: XCTestCase {
    func manifest(_ source: String, at path: String) -> SwiftPMManifest {
        SwiftPMManifest.parse(Array(source.utf8), manifestPath: path)
    }

    func testDefaultDirectoriesCustomPathsSourcesAndExclude() {
        let root = manifest("""
        let package = Package(name: "Root", targets: [
            .target(name: "Core"),
            .target(name: "Legacy", path: "src/Legacy"),
            .target(name: "Picky", path: "Picky", exclude: ["Skip"], sources: ["Keep", "One.swift"]),
            .testTarget(name: "CoreTests"),
            .plugin(name: "Gen", capability: .buildTool()),
        ])
        """, at: "Package.swift")
        let files = ["Package.swift", "Sources/Core/A.swift", "Sources/Core/Sub/B.swift", "src/Legacy/C.swift", "Picky/Keep/D.swift",
                     "Picky/One.swift", "Picky/Other.swift", "Picky/Keep/Skip/E.swift", "Picky/Skip/F.swift", "Tests/CoreTests/T.swift",
                     "Plugins/Gen/plugin.swift", "Scripts/tool.swift"]
        let map = SwiftPMModuleMap(manifests: [root], files: files)
        XCTAssertEqual(files.map { map.module(forFile: $0) ?? "-" },
                       ["-", "Core", "Core", "Legacy", "Picky", "Picky", "-", "Picky", "-", "CoreTests", "Gen", "-"])
        XCTAssertEqual(map.modules.map(\.name), ["Core", "CoreTests", "Gen", "Legacy", "Picky"])
        XCTAssertEqual(map.modules.first { $0.name == "Legacy" }?.directory, "src/Legacy")
    }

    func testModulesKnowTheProductsThatVendThem() {
        let m = manifest("""
        let package = Package(name: "X", products: [
            .library(name: "Kit", targets: ["Kit", "KitCore"]),
            .library(name: "KitCore", targets: ["KitCore"]),
            .executable(name: "tool", targets: ["Tool"]),
        ], targets: [.target(name: "Kit"), .target(name: "KitCore"), .executableTarget(name: "Tool"), .target(name: "Internal")])
        """, at: "Package.swift")
        let map = SwiftPMModuleMap(manifests: [m], files: [])
        XCTAssertEqual(map.modules.map(\.name), ["Internal", "Kit", "KitCore", "Tool"])
        XCTAssertEqual(map.modules.map(\.products), [[], ["Kit"], ["Kit", "KitCore"], ["tool"]])
    }

    func testATargetIsNamedAsImportsNameIt() {
        // `swift-openapi-generator` is imported as `swift_openapi_generator`: named otherwise, the
        // module map would take its imports for an external's.
        let m = manifest("""
        let package = Package(name: "X", targets: [
            .executableTarget(name: "swift-openapi-generator", dependencies: ["2D-Core"]),
            .target(name: "2D-Core"),
        ])
        """, at: "Package.swift")
        let map = SwiftPMModuleMap(manifests: [m], files: ["Sources/swift-openapi-generator/main.swift", "Sources/2D-Core/a.swift"])
        XCTAssertEqual(map.module(forFile: "Sources/swift-openapi-generator/main.swift"), "swift_openapi_generator")
        XCTAssertEqual(map.module(forFile: "Sources/2D-Core/a.swift"), "_D_Core")
        XCTAssertEqual(map.modules.first { $0.name == "swift_openapi_generator" }?.targetDependencies, ["_D_Core"])
        XCTAssertEqual(map.modules.first { $0.name == "swift_openapi_generator" }?.directory, "Sources/swift-openapi-generator")
    }

    func testAlternativeSourceRootsArePickedWhenTheyExist() {
        let m = manifest("let package = Package(name: \"X\", targets: [.target(name: \"Lib\")])", at: "Package.swift")
        let map = SwiftPMModuleMap(manifests: [m], files: ["Source/Lib/a.swift"])
        XCTAssertEqual(map.module(forFile: "Source/Lib/a.swift"), "Lib")
    }

    func testNestedPackagesOwnTheirFiles() {
        let outer = manifest("let package = Package(name: \"Outer\", targets: [.target(name: \"App\", path: \".\")])", at: "Package.swift")
        let inner = manifest("let package = Package(name: \"Inner\", targets: [.target(name: \"Plugin\")])", at: "Examples/Inner/Package.swift")
        let files = ["main.swift", "Examples/Inner/Sources/Plugin/p.swift", "Examples/Inner/Other/x.swift"]
        let map = SwiftPMModuleMap(manifests: [outer, inner], files: files)
        XCTAssertEqual(map.module(forFile: "main.swift"), "App")
        XCTAssertEqual(map.module(forFile: "Examples/Inner/Sources/Plugin/p.swift"), "Plugin")
        XCTAssertNil(map.module(forFile: "Examples/Inner/Other/x.swift"), "a nested package's files never belong to the outer one")
        XCTAssertEqual(map.modules.first { $0.name == "Plugin" }?.manifestPath, "Examples/Inner/Package.swift")
    }

    func testDocCCatalogSnippetsAreNotSources() {
        let m = manifest("let package = Package(name: \"X\", targets: [.target(name: \"Syntax\")])", at: "Package.swift")
        let map = SwiftPMModuleMap(manifests: [m], files: ["Sources/Syntax/A.swift", "Sources/Syntax/Syntax.docc/Resources/Step1.swift"])
        XCTAssertEqual(map.module(forFile: "Sources/Syntax/A.swift"), "Syntax")
        XCTAssertNil(map.module(forFile: "Sources/Syntax/Syntax.docc/Resources/Step1.swift"))
    }

    func testJoinNormalises() {
        XCTAssertEqual(SwiftPMModuleMap.join("", "./Sources/A/"), "Sources/A")
        XCTAssertEqual(SwiftPMModuleMap.join("pkg", "../shared/B"), "shared/B")
        XCTAssertTrue(SwiftPMModuleMap.contains("Sources/A", "Sources/A/x.swift"))
        XCTAssertFalse(SwiftPMModuleMap.contains("Sources/A", "Sources/AB/x.swift"))
    }
}

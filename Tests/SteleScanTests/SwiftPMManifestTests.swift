import Foundation
import XCTest
@testable import SteleScan

final class SwiftPMManifestTests: XCTestCase {
    /// A real package's manifest at a release tag, from the local git mirrors (RealPackage).
    func manifest(_ repo: String, tag: String) throws -> SwiftPMManifest {
        SwiftPMManifest.parse(try RealPackage.file(repo, tag: tag, path: "Package.swift"), manifestPath: "Package.swift")
    }

    func parse(_ source: String, path: String = "Package.swift") -> SwiftPMManifest {
        SwiftPMManifest.parse(Array(source.utf8), manifestPath: path)
    }

    func testSwiftNIO() throws {
        let m = try manifest("apple/swift-nio", tag: "2.101.3")
        XCTAssertEqual(m.packageName, "swift-nio")
        XCTAssertEqual(m.targets.count, 60, "65 target calls, 5 of them `.target(name:)` dependencies")
        let core = try XCTUnwrap(m.targets.first { $0.name == "NIOCore" })
        XCTAssertEqual(core.kind, .regular)
        XCTAssertTrue(core.targetDependencies.contains("NIOConcurrencyHelpers"))
        XCTAssertEqual(m.targets.first { $0.name == "NIOChatServer" }?.kind, .executable)
        XCTAssertEqual(m.diagnostics, [])
    }

    func testSwiftSyntax() throws {
        let m = try manifest("swiftlang/swift-syntax", tag: "602.0.0")
        XCTAssertEqual(m.targets.count, 45)
        XCTAssertEqual(m.targets.first { $0.name == "SwiftParser" }?.targetDependencies, ["SwiftSyntax"])
        XCTAssertEqual(m.targets.filter { $0.kind == .test }.count, 16)
    }

    func testVaporProductsAndTargetByNameDependencies() throws {
        let m = try manifest("vapor/vapor", tag: "4.122.3")
        XCTAssertEqual(m.targets.map(\.name).sorted(), ["CVaporBcrypt", "Development", "Vapor", "VaporTestUtils", "VaporTesting", "VaporTests", "XCTVapor"])
        let vapor = try XCTUnwrap(m.targets.first { $0.name == "Vapor" })
        XCTAssertTrue(vapor.productDependencies.contains(ProductDependency(name: "AsyncHTTPClient", package: "async-http-client")))
        XCTAssertEqual(vapor.targetDependencies, ["CVaporBcrypt"])
    }

    func testHummingbirdByNameTraitConditionsAndPluginUsage() throws {
        let m = try manifest("hummingbird-project/hummingbird", tag: "2.28.1")
        XCTAssertEqual(m.targets.count, 12, "the `.plugin(name:package:)` usage inside a target is not a target")
        XCTAssertEqual(m.targets.first { $0.name == "HummingbirdRouter" }?.targetDependencies, ["Hummingbird"])
        XCTAssertTrue(m.targets.first { $0.name == "Hummingbird" }!.productDependencies.contains(ProductDependency(name: "Configuration", package: "swift-configuration")))
    }

    func testCustomPathSourcesExcludeAndNestedDirectory() {
        let m = parse("""
        let package = Package(name: "X", targets: [
            .target(name: "A", path: "Code/A", exclude: ["Old"], sources: ["Main", "Extra.swift"]),
            .macro(name: "M"),
            .systemLibrary(name: "CZlib"),
        ])
        """, path: "Examples/Demo/Package.swift")
        XCTAssertEqual(m.directory, "Examples/Demo")
        XCTAssertEqual(m.targets.map(\.kind), [.regular, .macro, .systemLibrary])
        XCTAssertEqual(m.targets[0].customPath, "Code/A")
        XCTAssertEqual(m.targets[0].sources, ["Main", "Extra.swift"])
        XCTAssertEqual(m.targets[0].exclude, ["Old"])
    }

    func testTargetsOutsideThePackageCallAndDependencyArrays() {
        let m = parse("""
        let deps: [Target.Dependency] = [.target(name: "Core"), "Util"]
        var package = Package(name: "X", products: [.plugin(name: "P", targets: ["P"])], targets: [])
        package.targets.append(.target(name: "App", dependencies: deps))
        #if os(Linux)
        package.targets += [.target(name: "LinuxOnly"), .plugin(name: "P", capability: .buildTool())]
        #else
        package.targets += [.target(name: "LinuxOnly")]
        #endif
        """)
        XCTAssertEqual(m.targets.map(\.name), ["App", "LinuxOnly", "P"])
        XCTAssertEqual(m.targets.first { $0.name == "P" }?.kind, .plugin)
    }

    func testNonLiteralNamesWarnInsteadOfCrashing() {
        let m = parse("let name = \"A\"\nlet package = Package(name: \"X\", targets: [.target(name: name), .target(name: \"B\" + \"C\")])")
        XCTAssertEqual(m.targets, [])
        XCTAssertEqual(m.diagnostics.count, 2)
        XCTAssertEqual(m.diagnostics.first?.location?.line, 2)
        XCTAssertEqual(parse("Package(targets: [.target(").targets, [], "truncated input")
    }
}

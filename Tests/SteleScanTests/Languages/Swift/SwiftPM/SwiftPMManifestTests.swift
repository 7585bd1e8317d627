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

    func testSwiftNIOLetBoundProductDependencies() throws {
        // `let swiftAtomics: PackageDescription.Target.Dependency = .product(name: "Atomics", package: "swift-atomics")`
        // and `let swiftCollections … = .product(name: "DequeModule", …)`, used as `dependencies: [..., swiftCollections, swiftAtomics]`.
        let m = try manifest("apple/swift-nio", tag: "2.101.3")
        let core = try XCTUnwrap(m.targets.first { $0.name == "NIOCore" })
        XCTAssertEqual(core.productDependencies, [ProductDependency(name: "DequeModule", package: "swift-collections"),
                                                  ProductDependency(name: "Atomics", package: "swift-atomics")])
        XCTAssertEqual(core.targetDependencies, ["NIOConcurrencyHelpers", "_NIOBase64", "CNIOOpenBSD", "CNIOFreeBSD", "CNIODarwin",
                                                 "CNIOLinux", "CNIOWindows", "CNIOWASI", "_NIODataStructures"])
        let posix = try XCTUnwrap(m.targets.first { $0.name == "NIOPosix" })
        XCTAssertEqual(posix.productDependencies.map(\.name), ["Atomics"])
        XCTAssertEqual(m.products.first { $0.name == "_NIOFileSystem" }?.targets, ["_NIOFileSystem", "NIOFileSystem"])
        XCTAssertEqual(m.products.count, 14)
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
        XCTAssertEqual(m.targets.first { $0.name == "App" }?.targetDependencies, ["Core", "Util"], "`dependencies: deps` follows the binding")
        XCTAssertEqual(m.products, [SwiftPMProduct(name: "P", targets: ["P"])])
    }

    func testDependenciesThroughBindingsConcatenationAndConditions() {
        let m = parse("""
        import PackageDescription
        let atomics: PackageDescription.Target.Dependency = .product(name: "Atomics", package: "swift-atomics")
        let core: Target.Dependency = "Core"
        let common: [Target.Dependency] = [core, .target(name: "Util"), atomics]
        let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
        var extra: [Target.Dependency]
        #if os(Linux)
        extra = ["LinuxSupport"]
        #else
        extra = [.byNameItem(name: "DarwinSupport", condition: nil)]
        #endif
        let useMetrics = true
        let package = Package(name: "X", targets: [
            .target(name: "A", dependencies: common + [logging, "Own"]),
            .target(name: "B", dependencies: extra + common),
            .target(name: "C", dependencies: (useMetrics ? [.product(name: "Metrics", package: "swift-metrics")] : []) + [atomics]),
            .target(name: "D", dependencies: unknownName + ["Known"]),
        ])
        """)
        func target(_ name: String) -> SwiftPMTarget? { m.targets.first { $0.name == name } }
        XCTAssertEqual(target("A")?.targetDependencies, ["Core", "Util", "Own"])
        XCTAssertEqual(target("A")?.productDependencies.map(\.name), ["Atomics", "Logging"])
        XCTAssertEqual(target("B")?.targetDependencies, ["LinuxSupport", "DarwinSupport", "Core", "Util"], "both #if branches count")
        XCTAssertEqual(target("C")?.productDependencies.map(\.name), ["Metrics", "Atomics"])
        XCTAssertEqual(target("D")?.targetDependencies, ["Known"])
        XCTAssertEqual(m.targets.count, 4, "calls in bound dependency values are not declarations")
        XCTAssertEqual(m.diagnostics, [])
    }

    func testNimbleComputesDependenciesInAClosureAndAppendsUnderIf() throws {
        // `targets: { var testHelperDependencies: [PackageDescription.Target.Dependency] = ["Nimble"]
        //             #if os(macOS) testHelperDependencies.append("NimbleObjectiveC") #endif ... }()`
        let m = try manifest("Quick/Nimble", tag: "14.0.0")
        XCTAssertEqual(m.targets.first { $0.name == "NimbleSharedTestHelpers" }?.targetDependencies, ["Nimble", "NimbleObjectiveC"])
        XCTAssertEqual(m.targets.map(\.name).sorted(), ["Nimble", "NimbleObjectiveC", "NimbleObjectiveCTests", "NimbleSharedTestHelpers", "NimbleTests"])
    }

    func testAppendedAndAddedDependencies() {
        let m = parse("""
        var deps: [Target.Dependency] = ["A"]
        deps.append(.product(name: "P", package: "p"))
        deps.append(contentsOf: ["B", "C"])
        deps += ["D"]
        package.targets.append(.target(name: "T", dependencies: deps))
        """)
        XCTAssertEqual(m.targets.first?.targetDependencies, ["A", "B", "C", "D"])
        XCTAssertEqual(m.targets.first?.productDependencies.map(\.name), ["P"])
    }

    func testSwiftCryptoDependencyTargetCallsAssignedLaterAreNotDeclarations() throws {
        // `let dependencies: [Target.Dependency]`, then in `if`/`else`: `dependencies = ["CryptoBoringWrapper", …]` or
        // `dependencies = [.target(name: "CryptoBoringWrapper", condition: .when(platforms: platforms)), …]`.
        let m = try manifest("apple/swift-crypto", tag: "4.5.2")
        let wrapper = try XCTUnwrap(m.targets.first { $0.name == "CryptoBoringWrapper" })
        XCTAssertEqual(wrapper.line, 203, "the declaration, not the dependency at line 70")
        XCTAssertEqual(wrapper.targetDependencies, ["CCryptoBoringSSL", "CCryptoBoringSSLShims"])
        XCTAssertTrue(m.targets.first { $0.name == "Crypto" }!.targetDependencies.contains("CryptoBoringWrapper"))
        XCTAssertEqual(m.diagnostics, [])
    }

    func testDependenciesAddedToATargetBoundToAName() throws {
        // WasmKit 0.4.2: `let cliCommandsTarget = Target.target(name: "CLICommands", dependencies: [...])`, then
        // `cliCommandsTarget.dependencies.append(contentsOf: [.target(name: "GDBRemoteProtocol", condition: …), …])`.
        let m = try manifest("swiftwasm/WasmKit", tag: "0.4.2")
        let cli = try XCTUnwrap(m.targets.first { $0.name == "CLICommands" })
        XCTAssertEqual(Array(cli.targetDependencies.suffix(2)), ["GDBRemoteProtocol", "WasmKitGDBHandler"])
        XCTAssertEqual(m.targets.first { $0.name == "CLICommandsTests" }?.targetDependencies.suffix(2), ["GDBRemoteProtocol", "WasmKitGDBHandler"])

        let small = parse("""
        var app = Target.executableTarget(name: "App", dependencies: ["Core"])
        #if os(Linux)
        app.dependencies += ["LinuxSupport"]
        #endif
        app.dependencies.append(.product(name: "Logging", package: "swift-log"))
        let package = Package(name: "X", targets: [app, .target(name: "Core")])
        #if os(macOS)
        package.targets += [.target(name: "Core", dependencies: ["MacSupport"])]
        #endif
        """)
        XCTAssertEqual(small.targets.first { $0.name == "App" }?.targetDependencies, ["Core", "LinuxSupport"])
        XCTAssertEqual(small.targets.first { $0.name == "App" }?.productDependencies.map(\.name), ["Logging"])
        XCTAssertEqual(small.targets.first { $0.name == "Core" }?.targetDependencies, ["MacSupport"], "a target declared twice has both dependency lists")
    }

    func testSelfReferentialAndDeepBindingsStop() {
        var source = "let a: [Target.Dependency] = a + [\"A\"]\n"
        for k in 0..<500 { source += "let b\(k + 1): [Target.Dependency] = b\(k) + [\"B\(k)\"]\n" }
        source += "let package = Package(name: \"X\", targets: [.target(name: \"T\", dependencies: a + b500 + \(String(repeating: "(", count: 5000))[])])"
        let m = parse(source)
        XCTAssertEqual(m.targets.first?.targetDependencies.first, "A")
        XCTAssertLessThanOrEqual(m.targets.first?.targetDependencies.count ?? 0, 40, "bindings are followed to a bounded depth")
    }

    func testNonLiteralNamesWarnInsteadOfCrashing() {
        let m = parse("let name = \"A\"\nlet package = Package(name: \"X\", targets: [.target(name: name), .target(name: \"B\" + \"C\")])")
        XCTAssertEqual(m.targets, [])
        XCTAssertEqual(m.diagnostics.count, 2)
        XCTAssertEqual(m.diagnostics.first?.location?.line, 2)
        XCTAssertEqual(parse("Package(targets: [.target(").targets, [], "truncated input")
    }

    /// String literals are read as bytes: escapes undone, raw strings as written, and what is
    /// computed at run time (an interpolation) or not a name (a multi-line string) is no literal.
    func testStringLiteralsAreReadAsTheCompilerWould() {
        let cases: [(source: String, value: String?)] = [
            (#""Plain""#, "Plain"), (#""A\"B""#, #"A"B"#), (#""Tab\\Name""#, #"Tab\Name"#), (##"#"Raw\n"#"##, #"Raw\n"#),
            (#""Naïve""#, "Naïve"), (#""""#, ""), (#""\(name)""#, nil), ("\"\"\"\nX\n\"\"\"", nil),
        ]
        for c in cases {
            let reader = SwiftPMManifestReader(source: Array(c.source.utf8), manifestPath: "Package.swift")
            XCTAssertEqual(reader.literal(in: 0..<1), c.value, c.source)
        }
    }
}

import Foundation
import XCTest
import SteleCore
@testable import SteleScan
import SteleTestSupport

final class XcodeProjectTests: XCTestCase {
    static let fixture = TestPaths.fixture("xcode-app")

    /// A pbxproj around `objects`, with a `ROOT` project whose main group is `MAIN`.
    func project(_ objects: String, targets: [String], path: String = "App.xcodeproj/project.pbxproj", files: [String],
                 absoluteRoot: String? = nil) -> XcodeProject {
        let text = """
        // !$*UTF8*$!
        {
        \tarchiveVersion = 1;
        \tobjectVersion = 77;
        \tobjects = {
        \(objects)
        \t\tROOT = {isa = PBXProject; mainGroup = MAIN; targets = (\(targets.joined(separator: ", "))); };
        \t};
        \trootObject = ROOT;
        }
        """
        return XcodeProject.parse(Array(text.utf8), path: path, files: SwiftFileIndex(files), absoluteRoot: absoluteRoot)
    }

    // MARK: Paths

    func testFilePathsFollowTheGroupTree() throws {
        let p = project("""
            MAIN = {isa = PBXGroup; children = (G1, G2, F5, F6, F7, F8, F9, F10); sourceTree = "<group>"; };
            G1 = {isa = PBXGroup; children = (G3, F1); path = App; sourceTree = "<group>"; };
            G3 = {isa = PBXGroup; children = (F2); name = Views; sourceTree = "<group>"; };
            G2 = {isa = PBXGroup; children = (F3); path = ../Shared; sourceTree = "<group>"; };
            F1 = {isa = PBXFileReference; path = AppDelegate.swift; sourceTree = "<group>"; };
            F2 = {isa = PBXFileReference; path = Views/Home.swift; sourceTree = "<group>"; };
            F3 = {isa = PBXFileReference; path = ./Model.swift; sourceTree = "<group>"; };
            F5 = {isa = PBXFileReference; path = Tools/Gen.swift; sourceTree = SOURCE_ROOT; };
            F6 = {isa = PBXFileReference; path = Generated.swift; sourceTree = BUILT_PRODUCTS_DIR; };
            F7 = {isa = PBXFileReference; path = ../../Outside.swift; sourceTree = "<group>"; };
            F8 = {isa = PBXFileReference; path = Missing.swift; sourceTree = "<group>"; };
            F9 = {isa = PBXFileReference; path = /work/repo/abs/Abs.swift; sourceTree = "<absolute>"; };
            F10 = {isa = PBXFileReference; path = /elsewhere/Else.swift; sourceTree = "<absolute>"; };
            F11 = {isa = PBXFileReference; path = Orphan.swift; sourceTree = "<group>"; };
            F12 = {isa = PBXFileReference; path = Bridging.h; sourceTree = "<group>"; };
            F13 = {isa = PBXFileReference; path = "$(SRCROOT)/Macro.swift"; sourceTree = "<group>"; };
            S = {isa = PBXSourcesBuildPhase; files = (B1, B2, B3, B5, B6, B7, B8, B9, B10, B11, B12, B13, B14, B1); };
            B1 = {isa = PBXBuildFile; fileRef = F1; };
            B2 = {isa = PBXBuildFile; fileRef = F2; };
            B3 = {isa = PBXBuildFile; fileRef = F3; };
            B5 = {isa = PBXBuildFile; fileRef = F5; };
            B6 = {isa = PBXBuildFile; fileRef = F6; };
            B7 = {isa = PBXBuildFile; fileRef = F7; };
            B8 = {isa = PBXBuildFile; fileRef = F8; };
            B9 = {isa = PBXBuildFile; fileRef = F9; };
            B10 = {isa = PBXBuildFile; fileRef = F10; };
            B11 = {isa = PBXBuildFile; fileRef = F11; };
            B12 = {isa = PBXBuildFile; fileRef = F12; };
            B13 = {isa = PBXBuildFile; fileRef = F13; };
            B14 = {isa = PBXBuildFile; fileRef = DANGLING; };
            T = {isa = PBXNativeTarget; name = App; buildPhases = (S, NOPHASE); productType = "com.apple.product-type.application"; };
        """, targets: ["T"], path: "ios/App.xcodeproj/project.pbxproj", files: [
            "ios/App/AppDelegate.swift", "ios/App/Views/Home.swift", "Shared/Model.swift", "ios/Tools/Gen.swift", "ios/Generated.swift",
            "Outside.swift", "abs/Abs.swift", "ios/Orphan.swift", "ios/Bridging.h", "Macro.swift", "ios/Macro.swift",
        ], absoluteRoot: "/work/repo")
        XCTAssertEqual(p.diagnostics, [])
        XCTAssertEqual(p.directory, "ios")
        let target = try XCTUnwrap(p.targets.first)
        XCTAssertEqual(target.swiftFiles, [
            "Shared/Model.swift",          // `..` out of ios/, still inside the repository
            "abs/Abs.swift",               // <absolute>, inside the repository
            "ios/App/AppDelegate.swift",
            "ios/App/Views/Home.swift",    // the `Views` group has no path: it adds nothing
            "ios/Orphan.swift",            // in no group: relative to the project's directory
            "ios/Tools/Gen.swift",         // SOURCE_ROOT
        ], "built products, paths leaving the repository, missing files, headers and macros are dropped")
    }

    // MARK: Synchronized folders

    func testSynchronizedFoldersWithExceptions() throws {
        let p = project("""
            MAIN = {isa = PBXGroup; children = (SG1, G); sourceTree = "<group>"; };
            G = {isa = PBXGroup; children = (SG2); path = Packages; sourceTree = "<group>"; };
            SG1 = {isa = PBXFileSystemSynchronizedRootGroup; exceptions = (E1, E2, E3); path = App; sourceTree = "<group>"; };
            SG2 = {isa = PBXFileSystemSynchronizedRootGroup; path = Kit; sourceTree = "<group>"; };
            E1 = {isa = PBXFileSystemSynchronizedBuildFileExceptionSet; membershipExceptions = (Info.plist, macOS, Old.swift); target = TA; };
            E2 = {isa = PBXFileSystemSynchronizedBuildFileExceptionSet; membershipExceptions = (Model/Item.swift, Missing.swift); target = TW; };
            E3 = {isa = PBXFileSystemSynchronizedGroupBuildPhaseMembershipExceptionSet; buildPhase = X; membershipExceptions = (Main.swift); };
            TA = {isa = PBXNativeTarget; name = App; fileSystemSynchronizedGroups = (SG1, SG2); productType = "com.apple.product-type.application"; };
            TW = {isa = PBXNativeTarget; name = Widget; productType = "com.apple.product-type.app-extension"; };
        """, targets: ["TA", "TW"], files: [
            "App/Main.swift", "App/Old.swift", "App/macOS/MacOnly.swift", "App/Model/Item.swift", "App/Guide.docc/Resources/Step.swift",
            "App/Info.plist", "Apps/Other.swift", "Packages/Kit/K.swift", "Kit/NotThisOne.swift",
        ])
        XCTAssertEqual(p.targets.map(\.name), ["App", "Widget"])
        XCTAssertEqual(p.targets[0].swiftFiles, ["App/Main.swift", "App/Model/Item.swift", "Packages/Kit/K.swift"],
                       "the App target's exceptions remove a file and a whole folder; DocC snippets and `Apps/` are not in `App/`")
        XCTAssertEqual(p.targets[1].swiftFiles, ["App/Model/Item.swift"],
                       "an exception for a target without the folder adds the file to it")
    }

    // MARK: Dependencies

    func testDependenciesFromTargetsProxiesAndLinkedProducts() throws {
        let p = project("""
            MAIN = {isa = PBXGroup; children = (); sourceTree = "<group>"; };
            TA = {isa = PBXNativeTarget; name = App; buildPhases = (FW); dependencies = (D1, D2, D3, D4, DX); packageProductDependencies = (P1); productType = "com.apple.product-type.application"; };
            TK = {isa = PBXNativeTarget; name = Kit; dependencies = (D5); productReference = KP; productType = "com.apple.product-type.framework"; };
            AG = {isa = PBXAggregateTarget; name = Lint; };
            D1 = {isa = PBXTargetDependency; target = TK; targetProxy = X1; };
            D2 = {isa = PBXTargetDependency; name = Named; };
            D3 = {isa = PBXTargetDependency; targetProxy = X2; };
            D4 = {isa = PBXTargetDependency; productRef = P2; };
            D5 = {isa = PBXTargetDependency; target = TK; };
            X1 = {isa = PBXContainerItemProxy; remoteInfo = Kit; };
            X2 = {isa = PBXContainerItemProxy; remoteInfo = Remote; };
            X3 = {isa = PBXContainerItemProxy; remoteInfo = Lib; };
            P1 = {isa = XCSwiftPackageProductDependency; productName = GRDB; };
            P2 = {isa = XCSwiftPackageProductDependency; productName = "plugin:SwiftLintPlugin"; };
            FW = {isa = PBXFrameworksBuildPhase; files = (BF1, BF2, BF3, BF4); };
            BF1 = {isa = PBXBuildFile; fileRef = KP; };
            BF2 = {isa = PBXBuildFile; fileRef = RP; };
            BF3 = {isa = PBXBuildFile; productRef = P1; };
            BF4 = {isa = PBXBuildFile; fileRef = SYS; };
            KP = {isa = PBXFileReference; path = Kit.framework; sourceTree = BUILT_PRODUCTS_DIR; };
            RP = {isa = PBXReferenceProxy; path = Lib.framework; remoteRef = X3; sourceTree = BUILT_PRODUCTS_DIR; };
            SYS = {isa = PBXFileReference; path = System/Library/Frameworks/UIKit.framework; sourceTree = SDKROOT; };
        """, targets: ["TA", "TK", "AG"], files: [])
        XCTAssertEqual(p.targets.map(\.name), ["App", "Kit"], "aggregate targets compile nothing")
        XCTAssertEqual(p.targets[0].targetDependencies, ["Kit", "Lib", "Named", "Remote"], "linked products first, each name once")
        XCTAssertEqual(p.targets[0].productDependencies, ["GRDB", "SwiftLintPlugin"])
        XCTAssertEqual(p.targets[1].targetDependencies, [], "a target never depends on itself")
    }

    func testLinkedProductsBuiltElsewhereAreNamedByTheirFile() throws {
        let p = project("""
            MAIN = {isa = PBXGroup; children = (); sourceTree = "<group>"; };
            TA = {isa = PBXNativeTarget; name = App; buildPhases = (FW); productType = "com.apple.product-type.application"; };
            X1 = {isa = PBXContainerItemProxy; remoteInfo = KitOSX; };
            FW = {isa = PBXFrameworksBuildPhase; files = (BF1, BF2, BF3, BF4, BF5, BF6); };
            BF1 = {isa = PBXBuildFile; fileRef = RP; };
            BF2 = {isa = PBXBuildFile; fileRef = IMPLICIT; };
            BF3 = {isa = PBXBuildFile; fileRef = PODS; };
            BF4 = {isa = PBXBuildFile; fileRef = SYS; };
            BF5 = {isa = PBXBuildFile; fileRef = GROUP; };
            BF6 = {isa = PBXBuildFile; fileRef = MACRO; };
            RP = {isa = PBXReferenceProxy; path = Kit.framework; remoteRef = X1; sourceTree = BUILT_PRODUCTS_DIR; };
            IMPLICIT = {isa = PBXFileReference; path = GRDB.framework; sourceTree = BUILT_PRODUCTS_DIR; };
            PODS = {isa = PBXFileReference; path = "libPods-App.a"; sourceTree = BUILT_PRODUCTS_DIR; };
            SYS = {isa = PBXFileReference; path = usr/lib/libz.tbd; sourceTree = SDKROOT; };
            GROUP = {isa = PBXFileReference; path = Vendor/Other.framework; sourceTree = "<group>"; };
            MACRO = {isa = PBXFileReference; path = "$(PRODUCT_NAME).framework"; sourceTree = BUILT_PRODUCTS_DIR; };
        """, targets: ["TA"], files: [])
        XCTAssertEqual(p.targets[0].targetDependencies, ["KitOSX", "Kit", "GRDB", "Pods-App"],
                       "a proxy by its old target name and its file; products of the build directory by file; SDK and vendored files are not targets")
        XCTAssertEqual(XcodeProjectReader.linkedProductName("libz.dylib"), "z")
        XCTAssertEqual(XcodeProjectReader.linkedProductName("lib.a"), nil)
        XCTAssertEqual(XcodeProjectReader.linkedProductName("Kit.bundle"), nil)
    }

    // MARK: Module names and kinds

    func testModuleNamesComeFromTheBuildSettings() {
        func target(_ id: String, _ name: String, _ settings: String) -> String {
            """
            \(id) = {isa = PBXNativeTarget; name = "\(name)"; buildConfigurationList = L\(id); };
            L\(id) = {isa = XCConfigurationList; buildConfigurations = (D\(id), R\(id)); defaultConfigurationName = Release; };
            D\(id) = {isa = XCBuildConfiguration; name = Debug; buildSettings = {PRODUCT_NAME = Wrong; }; };
            R\(id) = {isa = XCBuildConfiguration; name = Release; buildSettings = {\(settings)}; };
            """
        }
        let p = project("""
            MAIN = {isa = PBXGroup; children = (); sourceTree = "<group>"; };
            \(target("T1", "Swinject-iOS", "PRODUCT_NAME = Swinject;"))
            \(target("T2", "Quick - Tests", "PRODUCT_NAME = \"$(TARGET_NAME)\";"))
            \(target("T3", "Ext", "PRODUCT_NAME = \"Swift Refactor\";"))
            \(target("T4", "Kit", "PRODUCT_MODULE_NAME = KitCore; PRODUCT_NAME = KitFramework;"))
            \(target("T5", "Odd", "PRODUCT_NAME = \"$(PROJECT_NAME)\";"))
            \(target("T6", "My-Lib", "PRODUCT_NAME = \"${TARGET_NAME:c99extidentifier}Kit\";"))
            \(target("T7", "3D", "PRODUCT_MODULE_NAME = \"$(PRODUCT_NAME:c99extidentifier)\"; PRODUCT_NAME = \"$(TARGET_NAME) Viewer\";"))
            T8 = {isa = PBXNativeTarget; name = Plain; };
        """, targets: ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"], files: [])
        XCTAssertEqual(p.targets.map(\.moduleName),
                       ["Swinject", "Quick___Tests", "Swift_Refactor", "KitCore", "Odd", "My_LibKit", "_D_Viewer", "Plain"])
    }

    func testKindsFromProductTypes() {
        let kinds: [(String, SwiftPMTarget.Kind)] = [
            ("com.apple.product-type.application", .executable), ("com.apple.product-type.application.watchapp2", .executable),
            ("com.apple.product-type.app-extension", .executable), ("com.apple.product-type.xcode-extension", .executable),
            ("com.apple.product-type.extensionkit-extension", .executable), ("com.apple.product-type.tool", .executable),
            ("com.apple.product-type.bundle.unit-test", .test), ("com.apple.product-type.bundle.ui-testing", .test),
            ("com.apple.product-type.framework", .regular), ("com.apple.product-type.library.static", .regular),
            ("com.apple.product-type.bundle", .regular), ("", .regular),
        ]
        for (type, kind) in kinds {
            let target = XcodeTarget(name: "T", moduleName: "T", productType: type, swiftFiles: [], targetDependencies: [], productDependencies: [], line: 1)
            XCTAssertEqual(target.moduleKind, kind, type)
        }
    }

    // MARK: Bad input

    func testAMalformedProjectIsAWarningWithItsPlace() throws {
        let text = Array(try Data(contentsOf: XcodeProjectTests.fixture.appendingPathComponent("App.xcodeproj/project.pbxproj")))
        let cut = try XCTUnwrap(String(decoding: text, as: UTF8.self).range(of: "/* End PBXBuildFile section */")?.upperBound.utf16Offset(in: String(decoding: text, as: UTF8.self)))
        let truncated = XcodeProject.parse(Array(text[..<cut]), path: "App.xcodeproj/project.pbxproj", files: SwiftFileIndex([]))
        XCTAssertEqual(truncated.targets, [])
        let warning = try XCTUnwrap(truncated.diagnostics.first)
        XCTAssertEqual(truncated.diagnostics.count, 1)
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.message.hasPrefix("Xcode project not read: "), warning.message)
        XCTAssertEqual(warning.location?.file, "App.xcodeproj/project.pbxproj")
        XCTAssertEqual(warning.location?.line, 7, "the unclosed `objects = {`")
        XCTAssertNotNil(warning.hint)

        let notAProject = XcodeProject.parse(Array("( a, b )".utf8), path: "X.xcodeproj/project.pbxproj", files: SwiftFileIndex([]))
        XCTAssertEqual(notAProject.diagnostics.map(\.message), ["Xcode project not read: no `objects` dictionary"])
    }

    func testWrongTypesAndCyclesLoseOnlyWhatTheyTouch() {
        let p = project("""
            C3 = {isa = PBXGroup; children = (C4, F4); path = c; sourceTree = "<group>"; };
            C4 = {isa = PBXGroup; children = (C3); path = d; sourceTree = "<group>"; };
            MAIN = {isa = PBXGroup; children = (C1, F1, C3); sourceTree = "<group>"; };
            C1 = {isa = PBXGroup; children = (C2); path = a; sourceTree = "<group>"; };
            C2 = {isa = PBXGroup; children = (F2); path = b; sourceTree = "<group>"; };
            F4 = {isa = PBXFileReference; path = Cycle.swift; sourceTree = "<group>"; };
            F1 = {isa = PBXFileReference; path = (not, a, string); sourceTree = "<group>"; };
            F2 = {isa = PBXFileReference; path = Deep.swift; sourceTree = "<group>"; };
            F3 = {isa = PBXFileReference; path = Good.swift; sourceTree = "<group>"; };
            S = {isa = PBXSourcesBuildPhase; files = (B1, B2, B3, "B4", B5, <00>); };
            B5 = {isa = PBXBuildFile; fileRef = F4; };
            B1 = {isa = PBXBuildFile; fileRef = F1; };
            B2 = {isa = PBXBuildFile; fileRef = F2; };
            B3 = {isa = PBXBuildFile; fileRef = F3; };
            B4 = {isa = PBXBuildFile; fileRef = (F3); };
            T = {isa = PBXNativeTarget; name = (x); buildPhases = S; dependencies = (S, T, 7); };
            U = {isa = PBXNativeTarget; name = U; buildPhases = (S); };
        """, targets: ["T", "U", "MISSING"], files: ["Good.swift", "a/b/Deep.swift", "c/Cycle.swift"])
        XCTAssertEqual(p.targets.map(\.name), ["T", "U"], "a name that is not a string falls back to the id")
        XCTAssertEqual(p.targets.map(\.swiftFiles), [[], ["Good.swift", "a/b/Deep.swift"]], "a group cycle loses its files, not the project")
    }

    // MARK: Module map

    func testSwiftPMWinsThenTheFirstTargetByNameAndVariantsAreOneModule() throws {
        let manifest = SwiftPMManifest.parse(Array("let package = Package(name: \"P\", targets: [.target(name: \"Core\")])".utf8),
                                             manifestPath: "Package.swift")
        let files = ["Package.swift", "Sources/Core/Money.swift", "App/Main.swift", "App/Mac.swift", "App/Shared/Log.swift", "Kit/A.swift", "Kit/B/C.swift"]
        func target(_ name: String, module: String? = nil, type: String = "com.apple.product-type.application", files: [String],
                    dependencies: [String] = [], line: Int) -> XcodeTarget {
            XcodeTarget(name: name, moduleName: module ?? name, productType: type, swiftFiles: files, targetDependencies: dependencies,
                        productDependencies: name.hasPrefix("Kit") ? ["GRDB"] : [], line: line)
        }
        let project = XcodeProject(path: "Apps/App.xcodeproj/project.pbxproj", directory: "Apps", targets: [
            target("AppMac", files: ["App/Main.swift", "App/Mac.swift", "App/Shared/Log.swift"], dependencies: ["Kit-macOS"], line: 40),
            target("App", files: ["Sources/Core/Money.swift", "App/Main.swift", "App/Shared/Log.swift"], dependencies: ["Kit-iOS"], line: 20),
            target("Kit-macOS", module: "Kit", type: "com.apple.product-type.framework", files: ["Kit/A.swift", "Kit/B/C.swift"], line: 60),
            target("Kit-iOS", module: "Kit", type: "com.apple.product-type.framework", files: ["Kit/A.swift", "Kit/B/C.swift"],
                   dependencies: ["Kit-macOS"], line: 50),
            target("Empty", files: ["Sources/Core/Money.swift"], line: 10),
        ], diagnostics: [])
        let map = SwiftModuleMap(swiftPM: SwiftPMModuleMap(manifests: [manifest], files: files), xcodeProjects: [project])
        XCTAssertEqual(files.map { map.module(forFile: $0) ?? "-" },
                       ["-", "Core", "App", "AppMac", "App", "Kit", "Kit"])
        XCTAssertEqual(map.modules.map(\.name), ["App", "AppMac", "Core", "Kit"], "`Empty` owns no file: SwiftPM has its only one")
        let app = try XCTUnwrap(map.modules.first { $0.name == "App" })
        XCTAssertEqual(app.kind, .executable)
        XCTAssertEqual(app.directory, "App", "the deepest directory of the files it owns")
        XCTAssertEqual(app.packageDirectory, "Apps")
        XCTAssertEqual(app.manifestPath, "Apps/App.xcodeproj/project.pbxproj")
        XCTAssertEqual(app.line, 20)
        XCTAssertEqual(app.targetDependencies, ["Kit"], "dependencies name modules")
        let kit = try XCTUnwrap(map.modules.first { $0.name == "Kit" })
        XCTAssertEqual(kit.line, 50, "the variants' first target by name")
        XCTAssertEqual(kit.targetDependencies, [], "a variant depending on another variant is no dependency")
        XCTAssertEqual(kit.productDependencies, [ProductDependency(name: "GRDB", package: nil)])
        XCTAssertEqual(map.modules.first { $0.name == "Core" }?.manifestPath, "Package.swift")
    }

    func testCommonDirectory() {
        XCTAssertEqual(SwiftModuleMap.commonDirectory(of: ["A/B/x.swift", "A/B/C/y.swift"]), "A/B")
        XCTAssertEqual(SwiftModuleMap.commonDirectory(of: ["A/B/x.swift", "A/Bc/y.swift"]), "A")
        XCTAssertEqual(SwiftModuleMap.commonDirectory(of: ["x.swift", "A/y.swift"]), "")
    }

    // MARK: The fixture, through the scanner

    func testAnXcodeAppGetsModulesWithZeroConfiguration() throws {
        let scan = ProjectScanner.scan(root: XcodeProjectTests.fixture.path)
        XCTAssertEqual(scan.diagnostics, [])
        let modules = Dictionary(uniqueKeysWithValues: scan.files.map { ($0.path, $0.module ?? "-") })
        XCTAssertEqual(modules, [
            "App/AppMain.swift": "App",
            "App/UI/OrderListView.swift": "App",
            "App/Domain/Order.swift": "App",
            "App/Data/OrderStore.swift": "App",
            "AppTests/OrderTests.swift": "AppTests",
            "Widget/WidgetMain.swift": "Widget",
            "Widget/Views/OrdersWidget.swift": "Widget",
            "Widget/Legacy/OldWidget.swift": "-",       // excluded from Widget by its exception set
            "Shared/Colors.swift": "SharedKit",
            "Shared/Formatting.swift": "SharedKit",     // also compiled by Widget; SharedKit is first by name
        ])
        XCTAssertEqual(scan.modules.map(\.name), ["App", "AppTests", "SharedKit", "Widget"])
        XCTAssertEqual(scan.modules.map(\.kind), [.executable, .test, .regular, .executable])
        XCTAssertEqual(scan.modules.map(\.directory), ["App", "AppTests", "Shared", "Widget"])
        XCTAssertEqual(scan.modules.map(\.manifestPath), ["App.xcodeproj/project.pbxproj", "App.xcodeproj/project.pbxproj",
                                                          "Widget.xcodeproj/project.pbxproj", "Widget.xcodeproj/project.pbxproj"])
        XCTAssertEqual(scan.modules.map(\.line), [120, 135, 118, 98])
        XCTAssertEqual(scan.modules.map(\.targetDependencies), [[], ["App"], [], ["SharedKit"]])
        XCTAssertEqual(scan.internalModuleNames, ["App", "AppTests", "SharedKit", "Widget"])
        XCTAssertTrue(scan.externalModuleNames.isSuperset(of: ["SwiftUI", "WidgetKit", "XCTest", "Foundation"]))
        XCTAssertFalse(scan.externalModuleNames.contains("App"), "`@testable import App` lands in the project")

        let widget = try XCTUnwrap(XcodeProject.parse(
            Array(try Data(contentsOf: XcodeProjectTests.fixture.appendingPathComponent("Widget.xcodeproj/project.pbxproj"))),
            path: "Widget.xcodeproj/project.pbxproj", files: SwiftFileIndex(scan.files.map(\.path))).targets.first)
        XCTAssertEqual(widget.swiftFiles, ["Shared/Formatting.swift", "Widget/Views/OrdersWidget.swift", "Widget/WidgetMain.swift"])
        XCTAssertEqual(widget.targetDependencies, ["SharedKit"], "the dependency and the linked framework are one")
    }

    func testAnUnreadableProjectIsAWarningAndTheScanGoesOn() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stele-xcode-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Broken.xcodeproj"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Sources/Lib"), withIntermediateDirectories: true)
        try Data("// !$*UTF8*$!\n{\n\tobjects = {\n\t\tX = {isa = \"PBXGroup;\n".utf8)
            .write(to: root.appendingPathComponent("Broken.xcodeproj/project.pbxproj"))
        try Data("let package = Package(name: \"P\", targets: [.target(name: \"Lib\")])".utf8).write(to: root.appendingPathComponent("Package.swift"))
        try Data("struct A {}".utf8).write(to: root.appendingPathComponent("Sources/Lib/A.swift"))
        let scan = ProjectScanner.scan(root: root.path)
        XCTAssertEqual(scan.diagnostics.map(\.description), [
            "Broken.xcodeproj/project.pbxproj:4:14: warning: Xcode project not read: unterminated string\n"
                + "  hint: the `\"` here is never closed; a quote inside a string is written `\\\"`; its targets are not modules until it parses",
        ])
        XCTAssertEqual(scan.files.map(\.module), [nil, "Lib"], "Package.swift and A.swift: the package's modules are still read")
    }

    // MARK: Real projects (read from the git mirrors at test time; see RealPackage)

    func realProject(_ repository: String, _ tag: String, _ path: String) throws -> XcodeProject {
        let project = XcodeProject.parse(try RealPackage.file(repository, tag, path), path: path,
                                         files: SwiftFileIndex(try RealPackage.listing(repository, tag)))
        XCTAssertEqual(project.diagnostics, [], path)
        return project
    }

    func testGRDBFrameworkProject() throws {
        let p = try realProject("groue/GRDB.swift", "7.10.0", "GRDB.xcodeproj/project.pbxproj")
        XCTAssertEqual(p.targets.map(\.name), ["GRDB", "GRDBTests"])
        let grdb = p.targets[0], tests = p.targets[1]
        XCTAssertEqual(grdb.productType, "com.apple.product-type.framework")
        XCTAssertEqual(grdb.moduleKind, .regular)
        XCTAssertEqual(grdb.swiftFiles.count, 166)
        XCTAssertTrue(grdb.swiftFiles.allSatisfy { $0.hasPrefix("GRDB/") })
        XCTAssertTrue(grdb.swiftFiles.contains("GRDB/Core/Database.swift"))
        XCTAssertEqual(grdb.line, 1832)
        XCTAssertEqual(tests.moduleKind, .test)
        XCTAssertEqual(tests.targetDependencies, ["GRDB"])
        XCTAssertEqual(tests.swiftFiles.count, 245)
        XCTAssertTrue(tests.swiftFiles.contains("Tests/CombineExpectations/PublisherExpectation.swift"))
        XCTAssertEqual(tests.line, 1814)
    }

    func testGRDBDemoUsesSynchronizedFolders() throws {
        let p = try realProject("groue/GRDB.swift", "7.10.0", "Documentation/DemoApps/GRDBDemo/GRDBDemo.xcodeproj/project.pbxproj")
        XCTAssertEqual(p.targets.map(\.name), ["GRDBDemo", "GRDBDemoTests"])
        XCTAssertEqual(p.targets.map(\.moduleKind), [.executable, .test])
        XCTAssertEqual(p.targets[0].swiftFiles.count, 10)
        XCTAssertTrue(p.targets[0].swiftFiles.contains("Documentation/DemoApps/GRDBDemo/GRDBDemo/Database/AppDatabase.swift"))
        XCTAssertEqual(p.targets[1].swiftFiles, ["Documentation/DemoApps/GRDBDemo/GRDBDemoTests/AppDatabaseTests.swift",
                                                 "Documentation/DemoApps/GRDBDemo/GRDBDemoTests/PlayerListModelTests.swift"])
        XCTAssertEqual(p.targets[1].targetDependencies, ["GRDBDemo"])
        XCTAssertEqual(p.targets.map(\.productDependencies), [["GRDB"], ["GRDB"]], "the local package `../../../../GRDB.swift`")
    }

    func testGRDBManualInstallDependsOnATargetOfAnotherProject() throws {
        let p = try realProject("groue/GRDB.swift", "7.10.0", "Tests/GRDBManualInstall/GRDBManualInstall.xcodeproj/project.pbxproj")
        XCTAssertEqual(p.targets.map(\.name), ["GRDBManualInstall"])
        XCTAssertEqual(p.targets[0].swiftFiles, ["Tests/GRDBManualInstall/GRDBManualInstall/GRDBManualInstallApp.swift"])
        XCTAssertEqual(p.targets[0].targetDependencies, ["GRDB"], "GRDB.framework, linked from GRDB.xcodeproj through a reference proxy")
    }

    /// GRDB ships a Package.swift and 16 Xcode projects. SwiftPM's targets keep their files; the
    /// demo apps and the performance tests the package excludes become Xcode modules.
    func testTheWholeGRDBRepository() throws {
        let repository = "groue/GRDB.swift", tag = "7.10.0"
        let listing = try RealPackage.listing(repository, tag)
        let index = SwiftFileIndex(listing)
        let projects = try listing.filter(XcodeProject.isProjectFile).map { path in
            XcodeProject.parse(try RealPackage.file(repository, tag, path), path: path, files: index)
        }
        XCTAssertEqual(projects.count, 16)
        XCTAssertEqual(projects.flatMap(\.diagnostics), [])
        let manifest = SwiftPMManifest.parse(try RealPackage.file(repository, tag, "Package.swift"), manifestPath: "Package.swift")
        let map = SwiftModuleMap(swiftPM: SwiftPMModuleMap(manifests: [manifest], files: listing), xcodeProjects: projects)

        XCTAssertEqual(map.module(forFile: "GRDB/Core/Database.swift"), "GRDB")
        XCTAssertEqual(map.modules.filter { $0.name == "GRDB" }.map(\.manifestPath), ["Package.swift"],
                       "GRDB.xcodeproj compiles the same files: SwiftPM's module, once")
        XCTAssertEqual(map.module(forFile: "Tests/CombineExpectations/PublisherExpectation.swift"), "GRDBTests")
        XCTAssertEqual(map.modules.filter { $0.name == "GRDBTests" }.map(\.manifestPath), ["Package.swift"],
                       "the CocoaPods projects' GRDBTests targets compile the package's test files")
        XCTAssertEqual(map.module(forFile: "Documentation/DemoApps/GRDBDemo/GRDBDemo/Database/AppDatabase.swift"), "GRDBDemo")
        // Both performance targets compile the 14 comparison files; the first by name has them.
        XCTAssertEqual(map.module(forFile: "Tests/Performance/GRDBPerformance/FetchNamedValuesTests.swift"), "GRDBOSXPerformanceComparisonTests")
        XCTAssertEqual(map.module(forFile: "Tests/Performance/GRDBPerformance/ArgumentsTests.swift"), "GRDBOSXPerformanceTests")
        XCTAssertEqual(map.module(forFile: "Tests/SPM/PlainProject/Plain/main.swift"), "Plain")
        XCTAssertEqual(map.modules.first { $0.name == "Plain" }?.kind, .executable, "a command-line tool")
        XCTAssertEqual(map.modules.filter { $0.name == "iOS" }.map(\.manifestPath),
                       ["Tests/CocoaPods/GRDBiOS-framework/iOS.xcodeproj/project.pbxproj", "Tests/CocoaPods/GRDBiOS-static/iOS.xcodeproj/project.pbxproj"],
                       "two projects, one target name: two modules, as with nested packages")
        let demo = try XCTUnwrap(map.modules.first { $0.name == "GRDBDemo" })
        XCTAssertEqual(demo.directory, "Documentation/DemoApps/GRDBDemo/GRDBDemo")
        XCTAssertEqual(demo.packageDirectory, "Documentation/DemoApps/GRDBDemo")
        XCTAssertEqual(map.modules.first { $0.name == "GRDBManualInstall" }?.targetDependencies, ["GRDB"])
        // The performance tests link GRDB.framework through a proxy whose remoteInfo is an old target name.
        XCTAssertEqual(map.modules.first { $0.name == "GRDBOSXPerformanceTests" }?.targetDependencies, ["GRDBOSX", "GRDB"])
        XCTAssertEqual(map.modules.first { $0.name == "GRDBProfiling" }?.targetDependencies, ["GRDB"], "GRDB.framework, found by implicit dependency")
    }

    func testSwinjectPlatformVariantsAreOneModule() throws {
        let p = try realProject("Swinject/Swinject", "2.10.0", "Swinject.xcodeproj/project.pbxproj")
        XCTAssertEqual(p.targets.map(\.name), ["Swinject-iOS", "Swinject-macOS", "Swinject-tvOS", "Swinject-watchOS",
                                               "SwinjectTests-iOS", "SwinjectTests-macOS", "SwinjectTests-tvOS", "SwinjectTests-watchOS"])
        XCTAssertEqual(Set(p.targets.map(\.moduleName)), ["Swinject", "SwinjectTests"], "PRODUCT_NAME = Swinject / SwinjectTests")
        XCTAssertEqual(p.targets[0].swiftFiles.count, 22, "24 build files; RecursiveLock.swift and ThreadSafeDictionary.swift are listed twice")
        XCTAssertTrue(p.targets[0].swiftFiles.contains("Sources/Container.swift"))
        XCTAssertEqual(p.targets[4].swiftFiles.count, 26)
        XCTAssertEqual(p.targets[4].targetDependencies, ["Swinject-iOS"])
        let map = SwiftModuleMap(swiftPM: SwiftPMModuleMap(manifests: [], files: []), xcodeProjects: [p])
        XCTAssertEqual(map.modules.map(\.name), ["Swinject", "SwinjectTests"])
        XCTAssertEqual(map.modules.map(\.directory), ["Sources", "Tests/SwinjectTests"])
        XCTAssertEqual(map.modules.map(\.targetDependencies), [[], ["Swinject"]])
        XCTAssertEqual(map.module(forFile: "Tests/SwinjectTests/ContainerTests.swift"), "SwinjectTests")
    }

    func testQuickTargetNamesWithSpaces() throws {
        let p = try realProject("Quick/Quick", "7.6.2", "Quick.xcodeproj/project.pbxproj")
        XCTAssertEqual(p.targets.map(\.name), ["Quick", "Quick - Tests", "QuickIssue853RegressionTests", "QuickFocused - Tests",
                                               "QuickAfterSuite - Tests"], "the SwiftLint aggregate target is not one")
        XCTAssertEqual(p.targets.map(\.moduleName), ["Quick", "Quick___Tests", "QuickIssue853RegressionTests", "QuickFocused___Tests",
                                                     "QuickAfterSuite___Tests"])
        XCTAssertEqual(p.targets.map(\.swiftFiles.count), [35, 42, 1, 6, 1])
        XCTAssertEqual(Set(p.targets.dropFirst().map { Set($0.targetDependencies) }), [["Quick", "Nimble"]],
                       "the tests also link Nimble.framework from the build directory")
    }

    func testSwiftSyntaxEditorExtension() throws {
        let p = try realProject("apple/swift-syntax", "603.0.1", "EditorExtension/SwiftRefactorExtension.xcodeproj/project.pbxproj")
        XCTAssertEqual(p.targets.map(\.name), ["Host", "SwiftRefactorExtension"])
        let host = p.targets[0], extensionTarget = p.targets[1]
        XCTAssertEqual(host.swiftFiles, ["EditorExtension/Host/HostApp.swift"])
        XCTAssertEqual(host.targetDependencies, ["SwiftRefactorExtension"])
        XCTAssertEqual(extensionTarget.productType, "com.apple.product-type.xcode-extension")
        XCTAssertEqual(extensionTarget.moduleKind, .executable)
        XCTAssertEqual(extensionTarget.moduleName, "Swift_Refactor", "PRODUCT_NAME = \"Swift Refactor\"")
        XCTAssertEqual(extensionTarget.swiftFiles.count, 4)
        XCTAssertEqual(extensionTarget.productDependencies.sorted(), ["SwiftOperators", "SwiftParser", "SwiftRefactor", "SwiftSyntax", "SwiftSyntaxBuilder"])
        let map = SwiftModuleMap(swiftPM: SwiftPMModuleMap(manifests: [], files: []), xcodeProjects: [p])
        XCTAssertEqual(map.modules.first { $0.name == "Host" }?.targetDependencies, ["Swift_Refactor"])
    }

    /// Target names and Swift file counts, checked against an independent reading of plutil's JSON.
    func testTargetsAndFileCountsOfOtherRealProjects() throws {
        let expected: [(repository: String, tag: String, path: String, targets: [String: Int])] = [
            ("jpsim/Yams", "6.2.2", "Yams.xcodeproj/project.pbxproj", ["Yams": 21, "YamsTests": 19]),
            ("Quick/Nimble", "14.0.0", "Nimble.xcodeproj/project.pbxproj", ["Nimble": 68, "NimbleTests": 56]),
            ("weichsel/ZIPFoundation", "0.9.20", "ZIPFoundation.xcodeproj/project.pbxproj", ["ZIPFoundation": 21, "ZIPFoundationTests": 18]),
            ("davecom/SwiftGraph", "4.0.0", "SwiftGraph.xcodeproj/project.pbxproj",
             ["SwiftGraph": 17, "SwiftGraphTests": 19, "SwiftGraphPerformanceTests": 3, "SwiftGraphSampleApp": 1]),
        ]
        for (repository, tag, path, targets) in expected {
            let p = try realProject(repository, tag, path)
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: p.targets.map { ($0.name, $0.swiftFiles.count) }), targets, repository)
        }
        let nimble = try realProject("Quick/Nimble", "14.0.0", "Nimble.xcodeproj/project.pbxproj")
        XCTAssertTrue(nimble.targets[1].swiftFiles.contains("Sources/NimbleSharedTestHelpers/utils.swift"))
        XCTAssertEqual(nimble.targets[1].targetDependencies, ["Nimble"])
    }
}

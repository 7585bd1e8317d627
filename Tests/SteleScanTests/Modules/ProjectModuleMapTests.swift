import XCTest
@testable import SteleScan
import SteleTestSupport

/// Files are placed on all cores, a contiguous slice of the listing each: the answer must be the
/// one a single pass over the whole listing gives.
final class ProjectModuleMapTests: XCTestCase {
    func testPlacingOnAllCoresGivesTheSerialAnswer() throws {
        let tree = try TemporaryTree()
        defer { tree.remove() }
        try tree.write("Package.swift", """
            // swift-tools-version:5.9
            import PackageDescription
            let package = Package(name: "Shop", targets: [
                .target(name: "Core"), .target(name: "Orders", dependencies: ["Core"]),
                .target(name: "Legacy", path: "Sources/Orders/Legacy"),
                .testTarget(name: "CoreTests", dependencies: ["Core"]),
            ])
            """)
        try tree.write("tools/pyproject.toml", "[project]\nname = \"tools\"\n")
        // 3,000 files across modules, a nested target, Python, a file no module holds.
        var files = ["Package.swift", "tools/pyproject.toml"]
        for i in 0..<700 {
            files += ["Sources/Core/C\(i).swift", "Sources/Orders/O\(i).swift", "Sources/Orders/Legacy/L\(i).swift",
                      "Tests/CoreTests/T\(i).swift"]
            if i % 7 == 0 { files += ["tools/tools/t\(i).py", "Scripts/s\(i).swift"] }
        }
        files.sort()
        let (map, diagnostics) = ProjectModuleMap.read(root: tree.path, files: files)
        XCTAssertEqual(diagnostics.map(\.message), [])
        let serial = map.modules(ofSorted: files)
        let parallel = map.modulesOnAllCores(ofSorted: files)
        XCTAssertEqual(parallel, serial)
        let placed = Dictionary(uniqueKeysWithValues: zip(files, parallel))
        XCTAssertEqual(placed["Sources/Core/C699.swift"], "Core")
        XCTAssertEqual(placed["Sources/Orders/O0.swift"], "Orders")
        XCTAssertEqual(placed["Sources/Orders/Legacy/L350.swift"], "Legacy")
        XCTAssertEqual(placed["Tests/CoreTests/T1.swift"], "CoreTests")
        XCTAssertEqual(placed["Scripts/s7.swift"], .some(nil))
        XCTAssertEqual(placed["tools/tools/t7.py"]??.hasPrefix("tools"), true, "a Python module, placed by its own map")
    }
}

// swift-tools-version:6.0
// A fixture for `manifests must match imports`: every target here is a case (see ManifestTruthCheckTests).
import PackageDescription

let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")

let package = Package(
    name: "truth",
    products: [
        .library(name: "Kit", targets: ["Kit", "KitCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.0.0"),
    ],
    targets: [
        .target(name: "Core"),
        .target(name: "Util", dependencies: ["Core"]),
        .target(name: "Net", dependencies: ["Util", "CShim", logging]),
        .target(
            name: "Store",
            dependencies: [
                "Core",
                "Unused",
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "Unused"),
        .target(name: "Kit", dependencies: ["KitCore"]),
        .target(name: "KitCore"),
        .target(name: "CShim", dependencies: ["Unused"]),
        .executableTarget(name: "tool", dependencies: ["Core", "GenMacros"]),
        .macro(name: "GenMacros"),
        .plugin(name: "Lint", capability: .buildTool(), dependencies: ["tool"]),
        .testTarget(name: "CoreTests", dependencies: ["Core", "tool"]),
    ]
)

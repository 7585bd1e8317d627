// swift-tools-version:5.9
// A package with no ADRs and no rules yet: what `stele init` starts from (InitCommandTests).
import PackageDescription

let package = Package(
    name: "Shop",
    targets: [
        .executableTarget(name: "App", dependencies: ["Features", "Networking"]),
        .target(name: "Features", dependencies: ["Core", "Networking"]),
        .target(name: "Networking", dependencies: ["Core"]),
        .target(name: "Core"),
        .target(name: "Util"),
        .executableTarget(name: "CoreBenchmarks", dependencies: ["Core"], path: "Benchmarks/CoreBenchmarks"),
        .testTarget(name: "CoreTests", dependencies: ["Core", "Features"]),
    ]
)

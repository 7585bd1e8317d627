// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "ReviewApp",
    targets: [
        .executableTarget(name: "App", dependencies: ["UI", "Domain", "Data"]),
        .target(name: "UI", dependencies: ["Domain"]),
        .target(name: "Domain", dependencies: ["Util"]),
        .target(name: "Data", dependencies: ["Domain", "Util"]),
        .target(name: "Util", dependencies: ["Data"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
    ]
)

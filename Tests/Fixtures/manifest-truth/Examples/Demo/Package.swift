// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Demo",
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(name: "Demo", dependencies: [.product(name: "Kit", package: "truth")]),
    ]
)

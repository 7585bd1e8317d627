// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "Shop",
    products: [.executable(name: "shop", targets: ["App"])],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .executableTarget(name: "App", dependencies: ["UI", "Domain"]),
        .target(name: "UI", dependencies: ["Domain", "Persistence"]),
        .target(name: "Domain"),
        .target(
            name: "Persistence",
            dependencies: [
                "Domain",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(name: "Login", path: "Sources/Features/Login"),
        .target(name: "Cart", dependencies: ["Login"], path: "Sources/Features/Cart"),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
    ]
)

// swift-tools-version:5.9
// An app in one target whose layers are folders: imports say nothing here, symbols do.
import PackageDescription

let package = Package(
    name: "LayeredApp",
    targets: [
        .executableTarget(name: "App"),
    ]
)

// swift-tools-version:5.9
// The tree the changed-files agreement property edits at random: modules with cycles and indirect
// paths to close, and one app target whose folders are layers (symbol uses, not imports).
import PackageDescription

let package = Package(
    name: "ChangeAgreement",
    targets: [
        .target(name: "Core"),
        .target(name: "Net", dependencies: ["Core"]),
        .target(name: "Store", dependencies: ["Core"]),
        .target(name: "Feature", dependencies: ["Net", "Store"]),
        .executableTarget(name: "App", dependencies: ["Feature"]),
    ]
)
